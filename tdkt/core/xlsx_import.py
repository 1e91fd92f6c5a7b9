"""Pieces every all-or-nothing .xlsx import shares: reading the sheet, checking the header row,
reading cells (dates, years, labels, CCCDs) with Vietnamese messages, and the error shape.

An error is {"row": Excel row (header = 1) or None for the whole file, "column", "message"}.
"""

import datetime as dt
import io
import re
import zipfile
from functools import lru_cache

from python_calamine import CalamineError, CalamineWorkbook

from tdkt.core.text import fold, normalize_spaces

MAX_ERRORS = 10_000  # a wholly wrong file would otherwise carry hundreds of thousands into the job result
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NOT_WORD = re.compile(r"[^0-9a-z ]+")
NOT_XLSX = "Tệp không phải bảng tính Excel .xlsx"
NO_DATA = "Tệp không có dòng dữ liệu nào"


def error(row: int | None, column: str, message: str) -> dict:
    return {"row": row, "column": column, "message": message}


def number(n: int) -> str:
    """12345 → "12.345" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def shown(value) -> str:
    """A cell as the user typed it, for messages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return normalize_spaces(str(value))


def parse_date(value) -> dt.date:
    """An Excel date cell or "dd/mm/yyyy" text; ValueError otherwise (including 31/02/2020)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(value)
    day, month, year = map(int, match.groups())
    return dt.date(year, month, day)


@lru_cache(maxsize=4096)  # the same few labels on every row
def label_key(text: str) -> str:
    """Labels match without accents, case, punctuation: "Kỷ niệm chương «Vì…»" = "ky niem chuong vi…"."""
    return normalize_spaces(_NOT_WORD.sub(" ", fold(text)))


def lookup(labels: dict, aliases: dict | None = None) -> dict:
    """{label key: value} from {value: label}, the values themselves and extra {alias: value}."""
    table = {label_key(label): value for value, label in labels.items()}
    table.update({label_key(value): value for value in labels if isinstance(value, str)})
    table.update({label_key(alias): value for alias, value in (aliases or {}).items()})
    return table


def cccd_text(value) -> str:
    """The CCCD in a cell: a number cell lost its leading zeros, so short digit runs are padded to 12."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value)).zfill(12)
    return "".join(shown(value).split())


def read_rows(content: bytes, *, sheet: str) -> tuple[list[list], list[dict]]:
    """Rows of the sheet named `sheet` (else the first), blanks kept so row numbers match Excel."""
    not_xlsx = [error(None, "", NOT_XLSX)]
    if not content.startswith(b"PK\x03\x04"):
        return [], not_xlsx
    try:
        if "xl/workbook.xml" not in zipfile.ZipFile(io.BytesIO(content)).namelist():
            return [], not_xlsx
        book = CalamineWorkbook.from_filelike(io.BytesIO(content))
        names = [fold(n) for n in book.sheet_names]
        index = names.index(fold(sheet)) if fold(sheet) in names else 0
        return book.get_sheet_by_index(index).to_python(skip_empty_area=False), []
    except (zipfile.BadZipFile, CalamineError, ValueError):
        return [], not_xlsx


def is_blank(row: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def header_errors(header: list, headers: list[str]) -> list[dict]:
    """Every missing, unknown or repeated column of row 1, or the right order if only that is wrong."""
    given = [shown(v) for v in header]
    while given and not given[-1]:
        given.pop()
    expected = {fold(h): h for h in headers}
    folded = [fold(g) for g in given]
    errors = [error(1, h, f"Thiếu cột «{h}»") for h in headers if fold(h) not in folded]
    seen = set()
    for g, f in zip(given, folded, strict=True):
        if f not in expected:
            errors.append(error(1, g or "(trống)", f"Cột «{g or '(trống)'}» không có trong mẫu"))
        elif f in seen:
            errors.append(error(1, expected[f], f"Cột «{expected[f]}» xuất hiện nhiều lần"))
        seen.add(f)
    if not errors and folded != [fold(h) for h in headers]:
        errors.append(error(1, "", "Các cột không đúng thứ tự của mẫu; thứ tự đúng: " + ", ".join(headers)))
    return errors


def data_rows(
    content: bytes, *, sheet: str, headers: list[str], max_rows: int
) -> tuple[list[tuple[int, dict]], list[dict]]:
    """[(Excel row number, {header: cell})] of the non-blank data rows, or the file's errors."""
    rows, errors = read_rows(content, sheet=sheet)
    if errors:
        return [], errors
    if all(is_blank(r) for r in rows):
        return [], [error(None, "", NO_DATA)]
    errors = header_errors(rows[0], headers)
    if errors:
        return [], errors
    data = [
        (n, dict(zip(headers, r, strict=False))) for n, r in enumerate(rows[1:], start=2) if not is_blank(r)
    ]
    if not data:
        return [], [error(None, "", NO_DATA)]
    if len(data) > max_rows:
        message = (
            f"Tệp có {number(len(data))} dòng dữ liệu, quá giới hạn {number(max_rows)} dòng mỗi lần nhập"
        )
        return [], [error(None, "", message)]
    return data, []


def capped(errors: list[dict], headers: list[str]) -> tuple[list[dict], int]:
    """Errors in row then column order, at most MAX_ERRORS of them (plus a line counting the rest)."""
    errors = sorted(
        errors, key=lambda e: (e["row"] or 0, headers.index(e["column"]) if e["column"] in headers else -1)
    )
    count = len(errors)
    if count > MAX_ERRORS:
        errors = errors[:MAX_ERRORS]
        errors.append(error(None, "", f"… và {number(count - MAX_ERRORS)} lỗi khác"))
    return errors, count


class Cells:
    """Reads one row's cells; each problem is appended to `errors` and the reader returns None."""

    def __init__(self, number: int, values: dict, errors: list[dict]):
        self.number, self.values, self.errors = number, values, errors
        self.found = len(errors)

    @property
    def ok(self) -> bool:
        """No problem found in this row so far."""
        return len(self.errors) == self.found

    def err(self, column: str, message: str) -> None:
        self.errors.append(error(self.number, column, message))

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = shown(self.values.get(column))
        if required and not value:
            self.err(column, f"Chưa điền «{column}»")
        elif max_length and len(value) > max_length:
            self.err(column, f"{column} «{value[:40]}…» dài quá {max_length} ký tự")
            return ""
        return value

    def choice(self, column: str, table: dict, labels, *, default=None):
        """The value whose label (accents, case and punctuation ignored) is written; `labels` are listed
        in the message, or None when the list is too long and the guide sheet has it."""
        value = self.text(column, required=default is None)
        if not value:
            return default
        found = table.get(label_key(value))
        if found is None:
            hint = f"chọn một trong: {', '.join(labels)}" if labels else "xem danh mục ở trang «Hướng dẫn»"
            self.err(column, f"{column} «{value}» không hợp lệ; {hint}")
        return found

    def date(self, column: str, *, required: bool = False, today: dt.date | None = None) -> dt.date | None:
        value = self.values.get(column)
        if not self.text(column, required=required):
            return None
        try:
            day = parse_date(value)
        except ValueError:
            self.err(column, f"{column} «{shown(value)}» không phải ngày hợp lệ (dd/mm/yyyy)")
            return None
        if today and day > today:
            self.err(column, f"{column} «{day:%d/%m/%Y}» ở tương lai")
            return None
        return day

    def year(self, column: str, *, first: int, last: int) -> int | None:
        value = self.values.get(column)
        text = self.text(column, required=True)
        if not text:
            return None
        if isinstance(value, float | int) and not isinstance(value, bool) and float(value).is_integer():
            year = int(value)
        elif text.isdigit():
            year = int(text)
        else:
            self.err(column, f"{column} «{text}» không phải năm (ví dụ {last - 1})")
            return None
        if not first <= year <= last:
            self.err(column, f"{column} «{year}» phải từ {first} đến {last}")
            return None
        return year

    def cccd(self, column: str) -> str:
        if not self.text(column, required=True):
            return ""
        value = cccd_text(self.values[column])
        if not (len(value) == 12 and value.isdigit()):
            self.err(column, f"{column} «{shown(self.values[column])}» không hợp lệ: phải gồm đúng 12 chữ số")
            return ""
        return value
