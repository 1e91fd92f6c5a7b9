"""Spreadsheets out: formula-looking text is neutralised, the rest left alone."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_person
from tdkt.core.excel import safe_cell, xlsx_bytes

pytestmark = pytest.mark.django_db


def read(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [[c for c in row] for row in sheet.iter_rows()]


def test_formula_looking_text_comes_back_as_text_with_an_apostrophe():
    dangerous = ["=1+1", "+SUM(A1)", "-2", "@x", "\t=1", '=HYPERLINK("http://x")']
    content = xlsx_bytes(sheet_title="Thử", headers=["A"] * len(dangerous), rows=[dangerous])
    cells = read(content)[1]
    for cell, original in zip(cells, dangerous, strict=True):
        assert cell.data_type == "s", original  # a string, not a formula ("f")
        assert cell.value == "'" + original


def test_normal_values_are_left_untouched():
    row = ["Nguyễn Thị Hoa", "a=b", "1+1", -2, 3.5, dt.date(2025, 3, 1), "", None]
    content = xlsx_bytes(sheet_title="Thử", headers=["A"] * len(row), rows=[row])
    values = [c.value for c in read(content)[1]]
    assert values[:5] == ["Nguyễn Thị Hoa", "a=b", "1+1", -2, 3.5]
    assert values[5].date() == dt.date(2025, 3, 1)
    assert safe_cell(-2) == -2


def test_headers_are_bold_and_the_sheet_title_is_kept():
    content = xlsx_bytes(sheet_title="Danh sách", headers=["STT", "Họ và tên"], rows=[])
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Danh sách"]
    header = [c for c in book.worksheets[0][1]]
    assert [c.value for c in header] == ["STT", "Họ và tên"]
    assert all(c.font.b for c in header)


def test_the_people_export_lists_the_units_people_in_the_lists_order(login, world):
    make_person(unit=world.hosp_a, full_name="Đỗ Văn Bình", serial=11, gender="male")
    make_person(unit=world.hosp_a, department=world.ward_a, full_name="=Tạ Thị Yến", serial=12)
    client = login("unit_officer")
    response = client.get(reverse("people:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ".xlsx" in response["Content-Disposition"]
    rows = [[c.value for c in row] for row in read(response.content)]
    header, data = rows[0], rows[1:]
    assert header[:3] == ["STT", "Họ và tên", "Số CCCD"]
    names = [r[1] for r in data]
    assert [r[0] for r in data] == list(range(1, len(data) + 1))
    assert set(names) == {"Trần Văn An", "Đỗ Văn Bình", "Nguyễn Thị Hoa", "'=Tạ Thị Yến"}
    assert "Lê Thị Bình" not in names  # hospital B
    # the list page orders by given name (An, Bình, Hoa, Yến); the export follows it
    page = client.get(reverse("people:list")).content.decode()
    assert names == sorted(names, key=lambda n: page.index(n.removeprefix("'")))
    assert names == ["Trần Văn An", "Đỗ Văn Bình", "Nguyễn Thị Hoa", "'=Tạ Thị Yến"]
    hoa = next(r for r in data if r[1] == "Nguyễn Thị Hoa")
    assert hoa[2] == world.hoa.cccd
    assert hoa[3].date() == world.hoa.birth_date
    assert hoa[7] == "Khoa Nội"
