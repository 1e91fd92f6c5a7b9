"""The blank people import file: headers, dropdowns, and a guide sheet listing the user's units."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from tdkt.people.imports import (
    BIRTH,
    CCCD,
    DEPARTMENT,
    GENDER,
    GENDER_LABELS,
    GUIDE_SHEET,
    HEADERS,
    MANAGER,
    MANAGER_LABELS,
    MAX_ROWS,
    NAME,
    POSITION,
    POSITION_LABELS,
    PROFESSION,
    PROFESSION_LABELS,
    SECTOR_START,
    SHEET,
    START,
    STATUS,
    STATUS_LABELS,
    UNIT,
    _Units,
)

GUIDE = [
    (CCCD, "Bắt buộc", "12 chữ số. Định dạng cả cột là Văn bản (Text) để không mất số 0 ở đầu."),
    (NAME, "Bắt buộc", "Họ, tên đệm và tên, ví dụ: Hoàng Minh Tuấn."),
    (GENDER, "Bắt buộc", "Nam hoặc Nữ; phải khớp chữ số thứ 4 của CCCD."),
    (BIRTH, "Bắt buộc", "dd/mm/yyyy (ví dụ 05/09/1985) hoặc ô kiểu ngày; năm phải khớp CCCD."),
    (PROFESSION, "Bắt buộc", ", ".join(PROFESSION_LABELS.values()) + "."),
    (STATUS, "Không", ", ".join(STATUS_LABELS.values()) + ". Để trống: Viên chức."),
    (MANAGER, "Không", "Có hoặc Không. Để trống: Có nếu chức vụ là lãnh đạo, quản lý."),
    (SECTOR_START, "Bắt buộc", "dd/mm/yyyy; không sớm hơn ngày đủ 15 tuổi."),
    (UNIT, "Bắt buộc", "Mã đơn vị trong bảng dưới đây."),
    (DEPARTMENT, "Không", "Mã hoặc đúng tên khoa/phòng thuộc đơn vị đó (bảng dưới đây)."),
    (POSITION, "Không", ", ".join(POSITION_LABELS.values()) + ". Để trống: Nhân viên."),
    (START, "Bắt buộc", "dd/mm/yyyy; không trước ngày vào ngành."),
]
NOTES = [
    "Mỗi dòng ở trang «Nhân sự» là một người. Không sửa, thêm hay đổi thứ tự các cột ở dòng 1.",
    "Người đã có (cùng số CCCD) được cập nhật theo tệp, không tạo trùng.",
    "Khi đơn vị, khoa/phòng hoặc chức vụ thay đổi, quá trình công tác cũ kết thúc "
    "vào ngày trước «Ngày bắt đầu tại đơn vị».",
    "Chỉ khi mọi dòng đều hợp lệ, dữ liệu mới được ghi; nếu có lỗi, hệ thống liệt kê từng dòng, "
    "từng cột để sửa và không ghi gì.",
]


def people_import_template(*, actor) -> bytes:
    """The blank import file: headers and dropdowns, and a guide listing the actor's units."""
    units = _Units(actor)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(HEADERS)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for i, (header, width) in enumerate(
        zip(HEADERS, [15, 26, 9, 12, 15, 17, 9, 14, 12, 18, 20, 14], strict=True)
    ):
        column = sheet.cell(row=1, column=i + 1).column_letter
        sheet.column_dimensions[column].width = width
        if header == CCCD:
            sheet.column_dimensions[column].number_format = "@"
        elif header in {BIRTH, SECTOR_START, START}:
            sheet.column_dimensions[column].number_format = "DD/MM/YYYY"

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 36
    guide.column_dimensions["C"].width = 80
    guide.append(["Hướng dẫn nhập danh sách nhân sự"])
    guide["A1"].font = Font(bold=True, size=14)
    for note in NOTES:
        guide.append([f"• {note}"])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for line in GUIDE:
        guide.append(list(line))
        guide.cell(row=guide.max_row, column=3).alignment = Alignment(wrap_text=True)
    guide.append([])
    guide.append(["Đơn vị bạn được quản lý"])
    guide.append(["Mã đơn vị", "Tên đơn vị"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    first_unit = guide.max_row + 1
    for unit in units.units:
        guide.append([unit.code, unit.name])
    last_unit = guide.max_row
    guide.append([])
    guide.append(["Khoa/phòng của từng đơn vị"])
    guide.append(["Mã đơn vị", "Mã khoa/phòng", "Tên khoa/phòng"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for unit in units.units:
        for department in units.departments.get(unit.id, []):
            guide.append([unit.code, department.code, department.name])

    last = MAX_ROWS + 1
    lists = {
        GENDER: GENDER_LABELS,
        PROFESSION: PROFESSION_LABELS,
        STATUS: STATUS_LABELS,
        MANAGER: MANAGER_LABELS,
        POSITION: POSITION_LABELS,
    }
    for header, labels in lists.items():
        _dropdown(sheet, header, '"' + ",".join(labels.values()) + '"', last)
    if units.units:
        _dropdown(sheet, UNIT, f"'{GUIDE_SHEET}'!$A${first_unit}:$A${last_unit}", last)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _dropdown(sheet, header: str, formula: str, last_row: int) -> None:
    column = sheet.cell(row=1, column=HEADERS.index(header) + 1).column_letter
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.error = f"Chọn «{header}» trong danh sách"
    validation.showErrorMessage = True
    sheet.add_data_validation(validation)
    validation.add(f"{column}2:{column}{last_row}")
