import datetime as dt

import pytest

from tdkt.documents.formatting import (
    BLANK,
    date_line,
    filing_line,
    number_line,
    number_symbol,
    punctuate_lines,
    recipient_lines,
    roman,
    vn_date,
)
from tdkt.documents.model import ItemList


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (dt.date(2025, 1, 2), "ngày 02 tháng 01 năm 2025"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
        (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
        (dt.date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    ],
)
def test_days_below_ten_and_months_one_and_two_take_a_leading_zero(day, expected):
    assert vn_date(day) == expected


def test_the_date_line_puts_the_place_and_a_comma_before_the_date():
    assert date_line("Bình An", dt.date(2026, 2, 5)) == "Bình An, ngày 05 tháng 02 năm 2026"
    assert date_line(" Thành phố Hồ Chí Minh ", dt.date(2025, 7, 1)) == (
        "Thành phố Hồ Chí Minh, ngày 01 tháng 7 năm 2025"
    )


def test_a_draft_date_leaves_blanks_for_the_day_and_month():
    assert date_line("Bình An", None, year=2026) == f"Bình An, ngày{BLANK}tháng{BLANK}năm 2026"


def test_a_date_line_needs_a_place_and_a_blank_date_its_year():
    with pytest.raises(ValueError):
        date_line("  ", dt.date(2026, 1, 1))
    with pytest.raises(ValueError):
        vn_date(None)


@pytest.mark.parametrize(
    ("number", "kind", "issuer", "expected"),
    [
        (870, "KH", "TTYT", "870/KH-TTYT"),
        (15, "QĐ", "SYT", "15/QĐ-SYT"),
        (5, "KH", "TTYT", "05/KH-TTYT"),
        (1, "BB", "HĐTĐKT", "01/BB-HĐTĐKT"),
        (10, "TTr", "BVĐK", "10/TTr-BVĐK"),
        (3, "QĐ", "UBND", "03/QĐ-UBND"),
    ],
)
def test_number_and_symbol_are_joined_by_a_slash_and_a_hyphen_without_spaces(number, kind, issuer, expected):
    assert number_symbol(number, kind=kind, issuer=issuer) == expected


def test_the_number_line_starts_with_so_and_a_draft_has_a_blank_number():
    assert number_line(870, kind="KH", issuer="TTYT") == "Số: 870/KH-TTYT"
    assert number_line(None, kind="KH", issuer="TTYT") == f"Số: {BLANK}/KH-TTYT"


@pytest.mark.parametrize(("kind", "issuer"), [("", "SYT"), ("QĐ", ""), ("Q Đ", "SYT"), ("QĐ", "S/YT")])
def test_a_symbol_part_must_be_a_plain_abbreviation(kind, issuer):
    with pytest.raises(ValueError):
        number_symbol(1, kind=kind, issuer=issuer)


def test_a_number_starts_at_one():
    with pytest.raises(ValueError):
        number_symbol(0, kind="QĐ", issuer="SYT")


def test_basis_lines_end_with_semicolons_and_the_last_with_a_full_stop():
    lines = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP,",
    ]
    assert punctuate_lines([*lines, " ", "Theo đề nghị của Trưởng phòng Tổ chức – Hành chính."]) == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP;",
        "Theo đề nghị của Trưởng phòng Tổ chức – Hành chính.",
    ]


def test_recipients_start_with_a_dash_and_the_filing_line_closes_the_list():
    assert recipient_lines(["Như Điều 3", "- Ban Giám đốc;", filing_line("TCHC", copies=2)]) == [
        "- Như Điều 3;",
        "- Ban Giám đốc;",
        "- Lưu: VT, TCHC, 02b.",
    ]
    assert filing_line() == "Lưu: VT"


def test_roman_numerals_number_parts_and_appendices():
    assert [roman(n) for n in (1, 2, 4, 9, 14, 40, 1994)] == ["I", "II", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    with pytest.raises(ValueError):
        roman(0)


def test_points_are_lettered_with_the_vietnamese_alphabet():
    markers = ItemList(tuple(str(i) for i in range(25)), style="letter").markers()
    assert markers[:8] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]
    assert markers[22:] == ["y)", "aa)", "ab)"]
