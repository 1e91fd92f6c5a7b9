"""The blank import file of each record kind: headers, dropdowns, and a guide sheet (columns, rules,
the lists of allowed values and, where a unit code is asked for, the uploader's units)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.org.models import Unit
from tdkt.records.imports import KINDS
from tdkt.records.imports_base import CHUNK, GUIDE_SHEET, MAX_ROWS, Kind, chunks


def _units(actor) -> list[Unit]:
    ids = sorted(scope_unit_ids(actor, PEOPLE_MANAGE))
    units = []
    for part in chunks(ids, CHUNK):
        units += Unit.objects.filter(id__in=part)
    return sorted(units, key=lambda u: u.path)


def records_import_template(*, kind: str, actor) -> bytes:
    spec: Kind = KINDS[kind]
    book = Workbook()
    sheet = book.active
    sheet.title = spec.sheet
    sheet.append(spec.headers)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for i, (header, width) in enumerate(zip(spec.headers, spec.widths, strict=True), start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = width
        if header in spec.text_columns:
            sheet.column_dimensions[letter].number_format = "@"
        elif header in spec.date_columns:
            sheet.column_dimensions[letter].number_format = "DD/MM/YYYY"

    guide = book.create_sheet(GUIDE_SHEET)
    for letter, width in zip("ABC", (26, 12, 80), strict=True):
        guide.column_dimensions[letter].width = width
    guide.append([f"Hướng dẫn nhập {spec.title}"])
    guide["A1"].font = Font(bold=True, size=14)
    notes = [
        f"Mỗi dòng ở trang «{spec.sheet}» là một bản ghi. Không sửa, thêm hay đổi thứ tự các cột ở dòng 1.",
        *spec.notes,
        "Ngày ghi dd/mm/yyyy (ví dụ 05/09/2024) hoặc dùng ô kiểu ngày.",
        "Chỉ khi mọi dòng đều hợp lệ, dữ liệu mới được ghi; nếu có lỗi, hệ thống liệt kê từng dòng, "
        "từng cột để sửa và không ghi gì.",
    ]
    for note in notes:
        guide.append([f"• {note}"])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for line in spec.guide:
        guide.append(list(line))
        guide.cell(row=guide.max_row, column=3).alignment = Alignment(wrap_text=True)
    if spec.lists_units:
        guide.append([])
        guide.append(["Đơn vị bạn được quản lý"])
        guide.append(["Mã đơn vị", "", "Tên đơn vị"])
        for cell in guide[guide.max_row]:
            cell.font = bold
        for unit in _units(actor):
            guide.append([unit.code, "", unit.name])

    # Allowed values as ranges of the guide sheet: a literal list cannot hold labels with commas.
    for header, labels in spec.dropdowns.items():
        guide.append([])
        guide.append([f"Giá trị của cột «{header}»"])
        guide.cell(row=guide.max_row, column=1).font = bold
        first = guide.max_row + 1
        for label in labels:
            guide.append([label])
        target = get_column_letter(spec.headers.index(header) + 1)
        validation = DataValidation(
            type="list", formula1=f"'{GUIDE_SHEET}'!$A${first}:$A${guide.max_row}", allow_blank=True
        )
        validation.error = f"Chọn «{header}» trong danh sách"
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
        validation.add(f"{target}2:{target}{MAX_ROWS + 1}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
