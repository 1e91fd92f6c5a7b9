import dataclasses
import datetime as dt

import pytest

from tdkt.documents import metrics, samples
from tdkt.documents.layout import balanced_lines, prepare
from tdkt.documents.model import (
    DECISION,
    MINUTES,
    Article,
    Column,
    ItemList,
    OfficialDocument,
    Paragraph,
    Run,
    Signer,
    Table,
    TableSection,
)


def _doc(**changes) -> OfficialDocument:
    return dataclasses.replace(samples.sample_plan(), **changes)


def test_a_document_without_a_title_is_refused():
    with pytest.raises(ValueError, match="trích yếu"):
        _doc(title="  ")


def test_a_draft_needs_its_year_and_a_date_must_match_it():
    with pytest.raises(ValueError):
        _doc(date=None, year=None)
    with pytest.raises(ValueError):
        _doc(date=dt.date(2026, 1, 2), year=2025)
    with pytest.raises(ValueError):
        _doc(number=0)


def test_a_table_row_must_have_one_cell_per_column():
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        Table(columns=(Column("A"), Column("B"), Column("C")), rows=(("1", "2"),))


def test_signer_constructors_write_the_authority_prefixes_in_capitals():
    assert Signer.deputy("Giám đốc", "Phó Giám đốc").position_lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert Signer.on_behalf_of("Hội đồng", "Chủ tịch").position_lines == ("TM. HỘI ĐỒNG", "CHỦ TỊCH")
    assert Signer.acting("Giám đốc").position_lines == ("Q. GIÁM ĐỐC",)
    assert Signer.by_order("Giám đốc", "Chánh Văn phòng").position_lines == (
        "TL. GIÁM ĐỐC",
        "CHÁNH VĂN PHÒNG",
    )
    assert Signer.by_authorisation("Giám đốc", "Trưởng phòng").position_lines[0] == "TUQ. GIÁM ĐỐC"
    assert Signer("Chủ tọa", "Trần Quốc Huy").position_lines == ("CHỦ TỌA",)


def test_the_header_prints_bodies_in_capitals_and_wraps_a_long_name_before_its_place():
    header = prepare(samples.sample_decision()).header
    assert header.governing_lines == ("SỞ Y TẾ TỈNH BÌNH AN",)
    assert header.issuer_lines == ("BỆNH VIỆN ĐA KHOA", "TỈNH BÌNH AN")
    assert header.number_line == "Số: 15/QĐ-BVĐK"
    assert header.date_line == "Bình An, ngày 05 tháng 02 năm 2026"


def test_the_rule_under_the_motto_is_as_long_as_the_motto_and_under_a_name_a_third_to_a_half():
    prepared = prepare(samples.sample_decision())
    motto_width = metrics.text_width_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    assert prepared.header.motto_rule_mm == pytest.approx(motto_width, abs=0.1)
    widest = max(metrics.text_width_mm(line, 12, bold=True) for line in prepared.header.issuer_lines)
    assert widest / 3 <= prepared.header.issuer_rule_mm <= widest / 2


def test_balanced_lines_keep_short_names_whole_and_split_long_ones_evenly():
    assert balanced_lines("SỞ Y TẾ TỈNH BÌNH AN", 63, 12, bold=True) == ("SỞ Y TẾ TỈNH BÌNH AN",)
    assert balanced_lines("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG NGÀNH Y TẾ", 63, 12, bold=True) == (
        "HỘI ĐỒNG THI ĐUA -",
        "KHEN THƯỞNG NGÀNH Y TẾ",
    )
    assert balanced_lines("TRUNG TÂM Y TẾ\nKHU VỰC TÂN PHONG", 200, 12) == (
        "TRUNG TÂM Y TẾ",
        "KHU VỰC TÂN PHONG",
    )
    three = balanced_lines("TRUNG TÂM KIỂM NGHIỆM THUỐC, MỸ PHẨM, THỰC PHẨM TỈNH BÌNH AN", 63, 12, bold=True)
    assert len(three) == 3 and all(metrics.text_width_mm(line, 12, bold=True) <= 63 for line in three)


def test_minutes_have_no_date_line_at_the_top():
    header = prepare(samples.sample_minutes()).header
    assert header.date_line == "" and header.number_line == "Số: 03/BB-HĐTĐKT"


def test_an_achievement_report_has_no_number_line_and_no_closing_mark():
    prepared = prepare(samples.sample_achievement_report())
    assert prepared.header.number_line == ""
    assert prepared.type_name == "BÁO CÁO THÀNH TÍCH"
    assert prepared.body == samples.sample_achievement_report().body


def test_the_content_ends_with_the_closing_mark_on_its_last_sentence():
    ended = prepare(_doc(body=(Paragraph("Đề nghị các đơn vị thực hiện."),))).body
    assert ended[-1].content == (Run("Đề nghị các đơn vị thực hiện./."),)
    article = prepare(
        _doc(kind=DECISION, body=(Article(3, (Run("Quyết định này có hiệu lực "), "kể từ ngày ký")),))
    )
    assert article.body[-1].content[-1].text == "kể từ ngày ký./."
    items = prepare(_doc(body=(ItemList(("Một;", "Hai;")),))).body[-1]
    assert items.items[-1] == (Run("Hai./."),)
    after_table = prepare(_doc(body=(Table(columns=(Column("A"),), rows=(("x",),)),))).body
    assert after_table[-1].content == (Run("./."),) and after_table[-1].align == "right"
    assert prepare(_doc(body=(Paragraph("Xong./."),))).body[-1].content == (Run("Xong./."),)
    assert prepare(_doc(body=(Paragraph("Không dấu chấm"),), closing_mark=False)).body[-1].content == (
        Run("Không dấu chấm"),
    )


def test_one_signer_shares_the_row_with_the_recipients_and_a_pair_signs_side_by_side():
    single = prepare(samples.sample_plan())
    assert len(single.signature_rows) == 1 and single.signature_rows[0].recipients_left
    assert not single.recipients_below
    minutes = prepare(samples.sample_minutes())
    row = minutes.signature_rows[0]
    assert (row.left.position_lines, row.right.position_lines) == (("THƯ KÝ",), ("CHỦ TỌA",))
    assert minutes.recipients_below
    report = prepare(samples.sample_achievement_report())
    assert [r.centre is not None for r in report.signature_rows] == [False, True]


def test_the_appendix_says_which_document_it_is_attached_to():
    appendix = prepare(samples.sample_decision()).appendices[0]
    assert appendix.heading == "Phụ lục"
    assert appendix.title_lines == ("DANH SÁCH TẬP THỂ VÀ CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",)
    assert appendix.reference == (
        "(Kèm theo Quyết định số 15/QĐ-BVĐK ngày 05 tháng 02 năm 2026 "
        "của Giám đốc Bệnh viện Đa khoa tỉnh Bình An)"
    )


def test_a_table_section_spans_the_row_and_widths_are_shares_of_the_text():
    table = samples.sample_decision().appendices[0].blocks[0]
    assert isinstance(table.rows[0], TableSection)
    assert sum(table.shares()) == pytest.approx(1)
    assert table.percent_widths()[0] == f"{0.7 / 9 * 100:.4f}"


def test_the_kinds_carry_the_decree_abbreviations():
    assert (DECISION.abbreviation, DECISION.enacting_clause) == ("QĐ", "QUYẾT ĐỊNH:")
    assert (MINUTES.abbreviation, MINUTES.dated_header) == ("BB", False)


def test_text_is_measured_with_the_liberation_metrics_or_a_safe_estimate(monkeypatch):
    measured = metrics.text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    assert 85 < measured < 92  # the decree's national name at 12 pt bold is about 88 mm
    monkeypatch.setattr(metrics, "FONT_DIRS", ())
    metrics._advances.cache_clear()
    try:
        estimate = metrics.text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    finally:
        metrics._advances.cache_clear()
    assert estimate == pytest.approx(34 * 0.56 * 12 * 25.4 / 72)
