"""People from a spreadsheet: read the template, check every row, then write every row or none.

A person is matched by CCCD: unknown ones are created, known ones updated; a row naming another
post than the person's open one closes that post the day before the new start. Set-based (a few
queries per 2,000 rows), so 20,000 rows take seconds.
"""

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.utils import timezone
from python_calamine import CalamineError, CalamineWorkbook

from tdkt.accounts.audit import audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.jobs import job_progress, job_start
from tdkt.core.models import Job
from tdkt.core.text import fold, normalize_spaces
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit, UnitKind
from tdkt.people.cccd import cccd_problem
from tdkt.people.models import (
    MANAGER_POSITIONS,
    Employment,
    EmploymentStatus,
    Gender,
    Person,
    Position,
    Profession,
)

CCCD = "Số CCCD"
NAME = "Họ và tên"
GENDER = "Giới tính"
BIRTH = "Ngày sinh"
PROFESSION = "Nghề nghiệp"
STATUS = "Công chức/Viên chức"
MANAGER = "Quản lý"
SECTOR_START = "Ngày vào ngành"
UNIT = "Mã đơn vị"
DEPARTMENT = "Khoa/phòng"
POSITION = "Chức vụ"
START = "Ngày bắt đầu tại đơn vị"
HEADERS = [
    CCCD,
    NAME,
    GENDER,
    BIRTH,
    PROFESSION,
    STATUS,
    MANAGER,
    SECTOR_START,
    UNIT,
    DEPARTMENT,
    POSITION,
    START,
]
SHEET = "Nhân sự"
GUIDE_SHEET = "Hướng dẫn"

GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
PROFESSION_LABELS = {
    Profession.DOCTOR: "Bác sĩ",
    Profession.PHYSICIAN_ASSISTANT: "Y sĩ",
    Profession.NURSE: "Điều dưỡng",
    Profession.MIDWIFE: "Hộ sinh",
    Profession.PHARMACIST: "Dược sĩ",
    Profession.TECHNICIAN: "Kỹ thuật viên",
    Profession.PUBLIC_HEALTH: "Y tế công cộng",
    Profession.ADMINISTRATIVE: "Hành chính",
    Profession.OTHER: "Khác",
}
STATUS_LABELS = {
    EmploymentStatus.CIVIL_SERVANT: "Công chức",
    EmploymentStatus.PUBLIC_EMPLOYEE: "Viên chức",
    EmploymentStatus.CONTRACT: "Hợp đồng",
}
POSITION_LABELS = {
    Position.DIRECTOR: "Giám đốc",
    Position.DEPUTY_DIRECTOR: "Phó Giám đốc",
    Position.HEAD: "Trưởng khoa/phòng",
    Position.DEPUTY_HEAD: "Phó Trưởng khoa/phòng",
    Position.HEAD_NURSE: "Điều dưỡng trưởng",
    Position.STATION_HEAD: "Trạm trưởng",
    Position.STAFF: "Nhân viên",
}
MANAGER_LABELS = {True: "Có", False: "Không"}

MAX_ROWS = 50_000
MAX_ERRORS = 10_000  # a wholly wrong file would otherwise carry hundreds of thousands into the job result
CHUNK = 2_000
PROGRESS_EVERY = 500
EARLIEST_BIRTH = dt.date(1930, 1, 1)
MIN_AGE_AT_SECTOR_START = 15  # minimum working age (Bộ luật Lao động 2019, Điều 143): a sanity check
DEPARTMENT_KINDS = {UnitKind.WARD, UnitKind.OFFICE}
PERSON_FIELDS = [
    "full_name",
    "gender",
    "birth_date",
    "profession",
    "employment_status",
    "is_manager",
    "health_sector_since",
]
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_fold_choice = lru_cache(maxsize=1024)(fold)  # the same few labels on every row


def _lookup(labels: dict) -> dict:
    """{folded label or code: value}: "dieu duong", "Điều Dưỡng" and "nurse" all find NURSE."""
    table = {fold(label): value for value, label in labels.items()}
    table.update({fold(value): value for value in labels if isinstance(value, str)})
    return table


_GENDERS, _PROFESSIONS, _STATUSES, _POSITIONS, _MANAGERS = map(
    _lookup, (GENDER_LABELS, PROFESSION_LABELS, STATUS_LABELS, POSITION_LABELS, MANAGER_LABELS)
)


def _error(row: int | None, column: str, message: str) -> dict:
    return {"row": row, "column": column, "message": message}


def _shown(value) -> str:
    """A cell as the user typed it, for messages."""
    if value is None or isinstance(value, bool):
        return "" if value is None else MANAGER_LABELS[value]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return normalize_spaces(str(value))


def _date(value) -> dt.date:
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


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, month=3, day=1)


def _cccd(value, *, birth_date, gender) -> tuple[str, str | None]:
    """(CCCD text, problem). A number cell lost its leading zeros: pad it only if that makes it valid."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        padded = digits.zfill(12)
        if padded != digits and cccd_problem(padded, birth_date=birth_date, gender=gender) is None:
            return padded, None
        problem = cccd_problem(digits, birth_date=birth_date, gender=gender)
        if problem:
            problem += f" (ô đang ở dạng số; hãy định dạng cột «{CCCD}» là Văn bản/Text)"
        return digits, problem
    text = "".join(_shown(value).split())
    return text, cccd_problem(text, birth_date=birth_date, gender=gender)


@dataclass
class _Row:
    row: int
    cccd: str
    fields: dict
    unit: Unit
    department: Unit | None
    position: str
    start: dt.date


class _Units:
    """The units an actor may import into (valid, in their PEOPLE_MANAGE scope) and their departments."""

    def __init__(self, actor):
        self.scope = scope_unit_ids(actor, PEOPLE_MANAGE)
        ids = sorted(self.scope)
        units = []
        for i in range(0, len(ids), CHUNK):
            units += Unit.objects.filter(id__in=ids[i : i + CHUNK], valid_to__isnull=True).order_by("path")
        self.units = [u for u in units if u.kind not in DEPARTMENT_KINDS]
        self.by_code = {u.code.casefold(): u for u in self.units}
        # A department belongs to its nearest ancestor that is not itself a department.
        by_id = {u.id: u for u in units}
        self.departments: dict[int, list[Unit]] = defaultdict(list)
        for d in units:
            if d.kind in DEPARTMENT_KINDS:
                for ancestor in reversed([int(a) for a in d.path.strip("/").split("/")[:-1]]):
                    if ancestor not in by_id or by_id[ancestor].kind not in DEPARTMENT_KINDS:
                        self.departments[ancestor].append(d)
                        break
        self.others: dict[str, Unit] = {}

    def load_others(self, codes: set[str]) -> None:
        """Units named in the file but not importable (unknown, closed, outside scope): one query."""
        missing = {c for c in codes if c.casefold() not in self.by_code}
        if missing:
            wanted = missing | {c.upper() for c in missing}
            self.others = {u.code.casefold(): u for u in Unit.objects.filter(code__in=wanted)}

    def unit_problem(self, code: str) -> str:
        other = self.others.get(code.casefold())
        if other is None:
            return f"Mã đơn vị «{code}» không tồn tại"
        if other.id not in self.scope:
            return f"Đơn vị «{code}» không thuộc phạm vi quản lý của bạn"
        if other.valid_to is not None:
            return f"Đơn vị «{code}» chỉ có hiệu lực đến {other.valid_to:%d/%m/%Y}"
        return f"«{code}» là khoa/phòng; ghi mã đơn vị chủ quản ở cột «{UNIT}» và mã này ở cột «{DEPARTMENT}»"

    def department(self, unit: Unit, text: str) -> Unit | None:
        """The department of `unit` with this code, else with this exact name (accents ignored)."""
        candidates = self.departments.get(unit.id, [])
        for d in candidates:
            if d.code.casefold() == text.casefold():
                return d
        named = [d for d in candidates if fold(d.name) == fold(text)]
        return named[0] if len(named) == 1 else None


def _read(content: bytes) -> tuple[list[list], list[dict]]:
    """The first sheet's rows (row 1 first, blanks kept so numbers match Excel) or a file error."""
    not_xlsx = [_error(None, "", "Tệp không phải bảng tính Excel .xlsx")]
    if not content.startswith(b"PK\x03\x04"):
        return [], not_xlsx
    try:
        if "xl/workbook.xml" not in zipfile.ZipFile(io.BytesIO(content)).namelist():
            return [], not_xlsx
        book = CalamineWorkbook.from_filelike(io.BytesIO(content))
        names = [fold(n) for n in book.sheet_names]
        index = names.index(fold(SHEET)) if fold(SHEET) in names else 0
        return book.get_sheet_by_index(index).to_python(skip_empty_area=False), []
    except (zipfile.BadZipFile, CalamineError, ValueError):
        return [], not_xlsx


def _blank(row: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _header_errors(header: list) -> list[dict]:
    given = [_shown(v) for v in header]
    while given and not given[-1]:
        given.pop()
    expected = {fold(h): h for h in HEADERS}
    folded = [fold(g) for g in given]
    errors = []
    for h in HEADERS:
        if fold(h) not in folded:
            errors.append(_error(1, h, f"Thiếu cột «{h}»"))
    seen = set()
    for g, f in zip(given, folded, strict=True):
        if f not in expected:
            errors.append(_error(1, g or "(trống)", f"Cột «{g or '(trống)'}» không có trong mẫu"))
        elif f in seen:
            errors.append(_error(1, expected[f], f"Cột «{expected[f]}» xuất hiện nhiều lần"))
        seen.add(f)
    if not errors and folded != [fold(h) for h in HEADERS]:
        errors.append(_error(1, "", "Các cột không đúng thứ tự của mẫu; thứ tự đúng: " + ", ".join(HEADERS)))
    return errors


def _check_row(
    number: int, cells: list, *, units: _Units, today: dt.date, errors: list, seen: dict[str, int]
) -> _Row | None:
    """The row's values, or None after appending every problem found in it.

    `seen` maps each CCCD met so far to its row, to report duplicates inside the file."""
    values = dict(zip(HEADERS, cells, strict=False))
    found = len(errors)

    def err(column: str, message: str) -> None:
        errors.append(_error(number, column, message))

    def text(column: str, *, required: bool) -> str:
        shown = _shown(values.get(column))
        if required and not shown:
            err(column, f"Chưa điền «{column}»")
        return shown

    def choice(column: str, table: dict, labels: dict, *, default=None):
        shown = text(column, required=default is None)
        if not shown:
            return default
        value = table.get(_fold_choice(shown))
        if value is None:
            err(column, f"{column} «{shown}» không hợp lệ; chọn một trong: {', '.join(labels.values())}")
        return value

    def date(column: str) -> dt.date | None:
        value = values.get(column)
        if not text(column, required=True):
            return None
        try:
            return _date(value)
        except ValueError:
            err(column, f"{column} «{_shown(value)}» không phải ngày hợp lệ (dd/mm/yyyy)")
            return None

    full_name = text(NAME, required=True)
    if len(full_name) > 120:
        err(NAME, f"{NAME} «{full_name[:40]}…» dài quá 120 ký tự")
    gender = choice(GENDER, _GENDERS, GENDER_LABELS)
    birth = date(BIRTH)
    if birth and birth > today:
        err(BIRTH, f"{BIRTH} «{birth:%d/%m/%Y}» ở tương lai")
    elif birth and birth < EARLIEST_BIRTH:
        err(BIRTH, f"{BIRTH} «{birth:%d/%m/%Y}» trước năm {EARLIEST_BIRTH.year}")
    cccd, problem = "", None
    if text(CCCD, required=True):
        cccd, problem = _cccd(values[CCCD], birth_date=birth, gender=gender)
        if problem:
            err(CCCD, f"{CCCD} «{_shown(values[CCCD])}» không hợp lệ: {problem}")
        elif cccd in seen:
            err(CCCD, f"{CCCD} «{cccd}» trùng ở dòng {seen[cccd]} và dòng {number}")
        else:
            seen[cccd] = number
    profession = choice(PROFESSION, _PROFESSIONS, PROFESSION_LABELS)
    status = choice(STATUS, _STATUSES, STATUS_LABELS, default=EmploymentStatus.PUBLIC_EMPLOYEE)
    position = choice(POSITION, _POSITIONS, POSITION_LABELS, default=Position.STAFF)
    is_manager = choice(MANAGER, _MANAGERS, MANAGER_LABELS, default=position in MANAGER_POSITIONS)
    sector_start = date(SECTOR_START)
    if sector_start and birth and sector_start < _add_years(birth, MIN_AGE_AT_SECTOR_START):
        adult = _add_years(birth, MIN_AGE_AT_SECTOR_START)
        err(
            SECTOR_START,
            f"{SECTOR_START} «{sector_start:%d/%m/%Y}» sớm hơn ngày đủ {MIN_AGE_AT_SECTOR_START} tuổi "
            f"({adult:%d/%m/%Y})",
        )
    start = date(START)
    if start and sector_start and start < sector_start:
        err(START, f"{START} «{start:%d/%m/%Y}» trước {SECTOR_START} «{sector_start:%d/%m/%Y}»")
    unit, department = None, None
    code = text(UNIT, required=True)
    if code:
        unit = units.by_code.get(code.casefold())
        if unit is None:
            err(UNIT, units.unit_problem(code))
        elif start and not unit.is_valid_on(start):
            err(START, f"Đơn vị «{unit.code}» chỉ có hiệu lực từ {unit.valid_from:%d/%m/%Y}")
    department_text = text(DEPARTMENT, required=False)
    if unit and department_text:
        department = units.department(unit, department_text)
        if department is None:
            err(
                DEPARTMENT,
                f"Khoa/phòng «{department_text}» không thuộc đơn vị «{unit.name}» ({unit.code}); "
                "ghi mã hoặc đúng tên khoa/phòng (xem trang «Hướng dẫn»)",
            )
    if len(errors) > found:
        return None
    fields = {
        "full_name": full_name,
        "gender": gender,
        "birth_date": birth,
        "profession": profession,
        "employment_status": status,
        "is_manager": is_manager,
        "health_sector_since": sector_start,
    }
    return _Row(number, cccd, fields, unit, department, position, start)


def _validate(content: bytes, *, actor, today: dt.date, job: Job | None) -> tuple[list[_Row], list[dict]]:
    rows, errors = _read(content)
    if errors:
        return [], errors
    no_data = [_error(None, "", "Tệp không có dòng dữ liệu nào")]
    if all(_blank(r) for r in rows):
        return [], no_data
    errors = _header_errors(rows[0])
    if errors:
        return [], errors
    data = [(number, r) for number, r in enumerate(rows[1:], start=2) if not _blank(r)]
    if not data:
        return [], no_data
    if len(data) > MAX_ROWS:
        message = f"Tệp có {len(data):,} dòng dữ liệu, quá giới hạn {MAX_ROWS:,} dòng mỗi lần nhập"
        return [], [_error(None, "", message.replace(",", "."))]
    if job:
        job_start(job, total=len(data), message="Đang kiểm tra dữ liệu…")
    units = _Units(actor)
    unit_column = HEADERS.index(UNIT)
    units.load_others({_shown(r[unit_column]) for _, r in data if len(r) > unit_column} - {""})
    checked, seen = [], {}
    for i, (number, cells) in enumerate(data, start=1):
        row = _check_row(number, cells, units=units, today=today, errors=errors, seen=seen)
        if row is not None:
            checked.append(row)
        if job and i % PROGRESS_EVERY == 0:
            job_progress(job, done=i)
    return checked, errors


@dataclass
class _Plan:
    new_people: list
    changed_people: list  # (person, before)
    closed_posts: list  # (employment, before)
    new_posts: list
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _plan(rows: list[_Row], errors: list[dict]) -> _Plan:
    """Compare the rows with the database (a query per 2,000 people) and decide every write."""
    existing: dict[str, Person] = {}
    cccds = [r.cccd for r in rows]
    for i in range(0, len(cccds), CHUNK):
        for person in Person.objects.select_for_update().filter(cccd__in=cccds[i : i + CHUNK]):
            existing[person.cccd] = person
    posts: dict[int, list[Employment]] = defaultdict(list)
    ids = [p.pk for p in existing.values()]
    for i in range(0, len(ids), CHUNK):
        qs = Employment.objects.select_for_update(of=("self",)).select_related("unit")
        for e in qs.filter(person_id__in=ids[i : i + CHUNK]):
            posts[e.person_id].append(e)
    plan = _Plan([], [], [], [])
    now = timezone.now()
    for row in rows:
        person = existing.get(row.cccd)
        changed = False
        if person is None:
            person = Person(cccd=row.cccd, **row.fields)
            person.derive_fields()
            plan.new_people.append(person)
        elif any(getattr(person, f) != v for f, v in row.fields.items()):
            before = snapshot(person)
            for f, v in row.fields.items():
                setattr(person, f, v)
            person.derive_fields()
            person.updated_at = now
            plan.changed_people.append((person, before))
            changed = True
        held = posts.get(person.pk, []) if person.pk else []
        open_posts = [e for e in held if e.end is None]
        same = [
            e
            for e in open_posts
            if (e.unit_id, e.department_id, e.position)
            == (row.unit.id, row.department.id if row.department else None, row.position)
        ]
        if not same:
            blocking = [e for e in open_posts if e.start >= row.start]
            last_end = max((e.end for e in held if e.end is not None), default=None)
            if blocking:
                e = blocking[0]
                errors.append(
                    _error(
                        row.row,
                        START,
                        f"{person.full_name} đang công tác tại «{e.unit.name}» từ {e.start:%d/%m/%Y}; "
                        f"{START} «{row.start:%d/%m/%Y}» phải sau ngày đó",
                    )
                )
            elif last_end and last_end >= row.start:
                errors.append(
                    _error(
                        row.row,
                        START,
                        f"{person.full_name} đã có quá trình công tác đến {last_end:%d/%m/%Y}; "
                        f"{START} «{row.start:%d/%m/%Y}» phải sau ngày đó",
                    )
                )
            for e in open_posts:
                plan.closed_posts.append((e, snapshot(e)))
                e.end = row.start - dt.timedelta(days=1)
            plan.new_posts.append(
                Employment(
                    person=person,
                    unit=row.unit,
                    department=row.department,
                    position=row.position,
                    start=row.start,
                )
            )
            changed = True
        if person.pk is None:
            plan.created += 1
        elif changed:
            plan.updated += 1
        else:
            plan.unchanged += 1
    return plan


def _write(plan: _Plan, *, actor, reason: str) -> None:
    Person.objects.bulk_create(plan.new_people, batch_size=CHUNK)
    if plan.changed_people:
        fields = [*PERSON_FIELDS, "given_name", "sort_key", "search_text", "updated_at"]
        Person.objects.bulk_update([p for p, _ in plan.changed_people], fields, batch_size=CHUNK)
    if plan.closed_posts:
        Employment.objects.bulk_update([e for e, _ in plan.closed_posts], ["end"], batch_size=CHUNK)
    Employment.objects.bulk_create(plan.new_posts, batch_size=CHUNK)
    audit_log_many(
        actor=actor,
        reason=reason,
        items=[
            *((AuditAction.CREATE, p, None, snapshot(p)) for p in plan.new_people),
            *((AuditAction.UPDATE, p, before, snapshot(p)) for p, before in plan.changed_people),
            *((AuditAction.UPDATE, e, before, snapshot(e)) for e, before in plan.closed_posts),
            *((AuditAction.CREATE, e, None, snapshot(e)) for e in plan.new_posts),
        ],
    )


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def people_import(
    *, actor, content: bytes, file_name: str, job: Job | None = None, today: dt.date | None = None
) -> dict:
    """Import people from .xlsx `content`: every row, or none if any row has a problem.

    Never raises for bad data: {"created", "updated", "unchanged", "errors", "summary"} says what happened.
    Each error is {"row": Excel row (header = 1) or None for the whole file, "column", "message"};
    every problem of every row is listed (up to MAX_ERRORS). `job`, if given, shows the progress.
    """
    today = today or today_vn()
    if job:
        job_start(job, total=0, message="Đang đọc tệp…")
    rows, errors = _validate(content, actor=actor, today=today, job=job)
    plan = None
    if not errors:
        if job:
            job_progress(job, done=len(rows), message="Đang ghi dữ liệu…")
        try:
            with transaction.atomic():
                plan = _plan(rows, errors)
                if not errors:
                    _write(plan, actor=actor, reason=f"Nhập từ Excel: {file_name}")
        except IntegrityError:
            errors.append(_error(None, "", "Dữ liệu vừa được người khác thay đổi; hãy nhập lại tệp"))
    if errors:
        errors.sort(
            key=lambda e: (e["row"] or 0, HEADERS.index(e["column"]) if e["column"] in HEADERS else -1)
        )
        count = len(errors)
        if count > MAX_ERRORS:
            errors = errors[:MAX_ERRORS]
            errors.append(_error(None, "", f"… và {_number(count - MAX_ERRORS)} lỗi khác"))
        return {
            "created": 0,
            "updated": 0,
            "unchanged": 0,
            "errors": errors,
            "error_count": count,
            "summary": f"Tệp có {_number(count)} lỗi; chưa ghi dữ liệu nào. Hãy sửa tệp rồi nhập lại.",
        }
    return {
        "created": plan.created,
        "updated": plan.updated,
        "unchanged": plan.unchanged,
        "errors": [],
        "error_count": 0,
        "summary": (
            f"Đã nhập {_number(len(rows))} dòng: {_number(plan.created)} người mới, "
            f"{_number(plan.updated)} người được cập nhật, {_number(plan.unchanged)} người không thay đổi."
        ),
    }
