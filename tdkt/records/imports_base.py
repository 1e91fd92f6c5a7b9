"""What every record import shares: the kind description, the uploader's scope (people by CCCD,
units by code), and the set-based plan and write (create, update or leave each record as it is).

A kind checks every row into a `Row` (a natural key and the model's field values); rows whose key is
already recorded update that record, the others create one. Reads are chunked by 2,000, writes are
bulk, so the query count follows the chunks, never the rows.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from tdkt.accounts.audit import audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.jobs import job_progress
from tdkt.core.text import fold
from tdkt.core.xlsx_import import Cells, cccd_text, shown
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Person
from tdkt.people.selectors import people_in_units

CHUNK = 2_000
MAX_ROWS = 50_000
PROGRESS_EVERY = 500
FIRST_YEAR = 2000
GUIDE_SHEET = "Hướng dẫn"
CCCD = "Số CCCD"
NAME = "Họ và tên"


def chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass
class Row:
    number: int
    key: tuple
    fields: dict  # model field → value; a foreign key given as the object (str() of records needs it)
    extra: dict = field(default_factory=dict)  # what a kind writes besides the fields (authors…)


@dataclass
class Plan:
    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # (obj, before)
    unchanged: int = 0


@dataclass(frozen=True)
class Kind:
    """One import: its template (sheet, headers, guide, dropdowns) and how rows are checked and written."""

    key: str
    title: str  # "xếp loại chất lượng": "Nhập <title> từ <file>"
    sheet: str
    headers: list[str]
    guide: list[tuple[str, str, str]]  # (column, required, how to write it)
    notes: list[str]
    model: type[models.Model]
    # (data rows, context, errors) → checked rows; loads what it needs through the context first
    check: Callable
    # (checked rows) → {key: existing record}, locked for update
    existing: Callable
    widths: list[int]
    dropdowns: dict = field(default_factory=dict)  # column → labels
    date_columns: frozenset = frozenset()
    text_columns: frozenset = frozenset()
    lists_units: bool = False  # the guide lists the uploader's units and their codes
    # (row, existing record) → a problem that forbids the import, or None
    conflict: Callable | None = None
    # (plan, rows by record) → written links (e.g. achievement authors) after the records are saved
    after_write: Callable | None = None
    # (record) → extra audit values beyond the record's own fields
    audit_extra: Callable | None = None

    @property
    def template_name(self) -> str:
        return f"mau-nhap-{self.key.replace('_', '-')}.xlsx"


class Context:
    """The uploader's reach: people (by CCCD) and units (by code) in their PEOPLE_MANAGE scope."""

    def __init__(self, actor, today: dt.date, job=None):
        self.actor, self.today, self.job = actor, today, job
        self.scope = scope_unit_ids(actor, PEOPLE_MANAGE)
        self.people: dict[str, Person] = {}
        self.units: dict[str, Unit] = {}  # by casefolded code, in scope or not
        self.posts: dict[int, list[Employment]] = {}

    def rows(self, data: list[tuple[int, dict]]):
        """The data rows, reporting progress on the job every few hundred."""
        for i, (number, values) in enumerate(data, start=1):
            yield number, values
            if self.job and i % PROGRESS_EVERY == 0:
                job_progress(self.job, done=i)

    def load_people(self, values) -> None:
        """People in scope named by these CCCD cells: a query per 2,000."""
        cccds = sorted({cccd_text(v) for v in values if shown(v)})
        for part in chunks(cccds):
            self.people.update(
                (p.cccd, p) for p in people_in_units(self.scope).filter(cccd__in=part).order_by()
            )

    def load_posts(self) -> None:
        """The posts of the loaded people: a query per 2,000 people."""
        ids = sorted(p.pk for p in self.people.values())
        self.posts = {pk: [] for pk in ids}
        for part in chunks(ids):
            for post in Employment.objects.filter(person_id__in=part).order_by("start", "id"):
                self.posts[post.person_id].append(post)

    def load_units(self, values) -> None:
        codes = {shown(v) for v in values} - {""}
        if codes:
            wanted = codes | {c.upper() for c in codes}
            self.units = {u.code.casefold(): u for u in Unit.objects.filter(code__in=wanted)}

    def person(self, cells: Cells, column: str, name_column: str) -> Person | None:
        """The person of the row's CCCD, in scope, whose recorded name is the one written in the row."""
        cccd = cells.cccd(column)
        name = cells.text(name_column, required=True, max_length=120)
        if not cccd:
            return None
        person = self.people.get(cccd)
        if person is None:
            cells.err(column, f"Không tìm thấy người có Số CCCD «{cccd}» trong phạm vi quản lý của bạn")
            return None
        if name and fold(name) != fold(person.full_name):
            cells.err(
                name_column,
                f"{name_column} «{name}» không khớp với hồ sơ của Số CCCD «{cccd}» («{person.full_name}»)",
            )
            return None
        return person

    def unit(self, cells: Cells, column: str, *, code: str, year: int | None) -> Unit | None:
        """The unit of this code, in scope and in operation during `year`."""
        unit = self.units.get(code.casefold())
        if unit is None:
            cells.err(column, f"Mã đơn vị «{code}» không tồn tại")
            return None
        if unit.id not in self.scope:
            cells.err(column, f"Đơn vị «{code}» không thuộc phạm vi quản lý của bạn")
            return None
        if year and not operating_in(unit, year):
            until = f" đến {unit.valid_to:%d/%m/%Y}" if unit.valid_to else ""
            cells.err(
                column,
                f"Đơn vị «{code}» không hoạt động trong năm {year} "
                f"(hiệu lực từ {unit.valid_from:%d/%m/%Y}{until})",
            )
            return None
        return unit

    def post_unit_id(self, person: Person, year: int) -> int | None:
        """The institution of the person's last post in scope during `year`, if any."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        held = [
            e
            for e in self.posts.get(person.pk, [])
            if e.start <= last
            and (e.end is None or e.end >= first)
            and (e.unit_id in self.scope or e.department_id in self.scope)
        ]
        return held[-1].unit_id if held else None


def operating_in(unit: Unit, year: int) -> bool:
    return unit.valid_from <= dt.date(year, 12, 31) and (
        unit.valid_to is None or unit.valid_to >= dt.date(year, 1, 1)
    )


def dedupe(cells: Cells, seen: dict, key: tuple, column: str, what: str) -> None:
    """Report a second row with the same natural key."""
    if key in seen:
        cells.err(column, f"{what} trùng ở dòng {seen[key]} và dòng {cells.number}")
    else:
        seen[key] = cells.number


def _same(obj, name: str, value) -> bool:
    """Compare foreign keys by id, so that no related row is fetched."""
    model_field = obj._meta.get_field(name)
    if model_field.is_relation:
        return getattr(obj, model_field.attname) == (value.pk if isinstance(value, models.Model) else value)
    return getattr(obj, name) == value


def plan_rows(kind: Kind, rows: list[Row], errors: list[dict]) -> Plan:
    """Compare each row with its recorded twin (if any): create, update or leave it."""
    existing = kind.existing(rows)
    plan = Plan()
    for row in rows:
        obj = existing.get(row.key)
        if obj is None:
            obj = kind.model(**row.fields)
            obj._import_row = row
            plan.new.append(obj)
            continue
        if kind.conflict:
            problem = kind.conflict(row, obj)
            if problem:
                errors.append(problem)
                continue
        differs = [k for k, v in row.fields.items() if not _same(obj, k, v)]
        before_extra = kind.audit_extra(obj) if kind.audit_extra else {}
        links_differ = kind.audit_extra is not None and any(
            before_extra.get(k) != v for k, v in row.extra.items()
        )
        if not differs and not links_differ:
            plan.unchanged += 1
            continue
        before = {**snapshot(obj), **before_extra}
        for k in differs:
            setattr(obj, k, row.fields[k])
        obj._import_row = row
        plan.changed.append((obj, before))
    return plan


def write_plan(kind: Kind, plan: Plan, *, actor, reason: str) -> None:
    kind.model.objects.bulk_create(plan.new, batch_size=CHUNK)
    if plan.changed:
        names = sorted({k.removesuffix("_id") for obj, _ in plan.changed for k in obj._import_row.fields})
        kind.model.objects.bulk_update([obj for obj, _ in plan.changed], names, batch_size=CHUNK)
    if kind.after_write:
        kind.after_write(plan)

    def after(obj) -> dict:
        return {**snapshot(obj), **(obj._import_row.extra if kind.audit_extra else {})}

    audit_log_many(
        actor=actor,
        reason=reason,
        items=[
            *((AuditAction.CREATE, obj, None, after(obj)) for obj in plan.new),
            *((AuditAction.UPDATE, obj, before, after(obj)) for obj, before in plan.changed),
        ],
    )
