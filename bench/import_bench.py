"""Step 2: a 20,000-row people file through `people_import`, against calamine + COPY of the same file.

Runs inside the bench process after `django.setup()` (bench database, DEBUG off). The file is
generated deterministically; its CCCDs use a province code and a serial range the demo does not
use, and the people it creates are deleted again afterwards so every run starts from the demo data.
"""

import datetime as dt
import io
import random
import statistics
import time
from collections import defaultdict

import psycopg
from django.db import connection, transaction
from django.db.models import Count, Q
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from bench.common import BenchError, libpq_url, log
from tdkt.accounts.models import AuditAction, AuditEntry, User
from tdkt.accounts.roles import PEOPLE_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.timeutil import today_vn
from tdkt.org.models import Unit, UnitKind
from tdkt.people.cccd import make_cccd
from tdkt.people.imports import (
    GENDER_LABELS,
    HEADERS,
    MANAGER_LABELS,
    POSITION_LABELS,
    PROFESSION_LABELS,
    SHEET,
    STATUS_LABELS,
    people_import,
)
from tdkt.people.models import MANAGER_POSITIONS, Employment, Gender, Person, Position, Profession

FILE_NAME = "bench-import.xlsx"
REASON = f"Nhập từ Excel: {FILE_NAME}"  # what people_import writes in the audit log
# CCCD province code of the file's people and their first serial (row i gets SERIAL_BASE + i);
# `avoid_collisions` re-numbers the few that a demo person happens to hold already.
PROVINCE = "096"
SERIAL_BASE = 400_000
DEPARTMENT_KINDS = {UnitKind.WARD, UnitKind.OFFICE}
BASELINE_RUNS = 3

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
FAMILY_WEIGHTS = [38, 11, 9.5, 7, 3.2, 2.2, 4.5, 2.9, 2.8, 2.1, 2, 1.4, 1.3]
MIDDLE = {
    Gender.MALE: ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Ngọc"],
    Gender.FEMALE: ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hoài", "Bích"],
}
GIVEN = {
    Gender.MALE: ["Anh", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Tuấn"],
    Gender.FEMALE: ["Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Trang"],
}
PROFESSIONS = [
    (Profession.DOCTOR, 25),
    (Profession.NURSE, 35),
    (Profession.MIDWIFE, 6),
    (Profession.PHARMACIST, 6),
    (Profession.TECHNICIAN, 8),
    (Profession.PHYSICIAN_ASSISTANT, 6),
    (Profession.PUBLIC_HEALTH, 3),
    (Profession.ADMINISTRATIVE, 9),
    (Profession.OTHER, 2),
]
POSITIONS = [(Position.STAFF, 90), (Position.DEPUTY_HEAD, 4), (Position.HEAD, 3), (Position.HEAD_NURSE, 3)]
STATUSES = [("civil_servant", 5), ("public_employee", 75), ("contract", 20)]


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, month=3, day=1)


def _units(actor, today: dt.date):
    """Units the actor may import into, weighted by their current head count, and their departments."""
    scope = scope_unit_ids(actor, PEOPLE_MANAGE)
    open_units = [
        u
        for u in Unit.objects.filter(valid_to__isnull=True, valid_from__lt=today - dt.timedelta(days=30))
        if u.id in scope
    ]
    units = [u for u in open_units if u.kind not in DEPARTMENT_KINDS]
    if not units:
        raise BenchError(f"{actor.username!r} may not import into any unit of the bench database.")
    by_id = {u.id: u for u in open_units}
    departments = defaultdict(list)
    for d in open_units:
        if d.kind in DEPARTMENT_KINDS:  # belongs to its nearest ancestor that is not a department
            for ancestor in reversed([int(a) for a in d.path.strip("/").split("/")[:-1]]):
                if ancestor not in by_id or by_id[ancestor].kind not in DEPARTMENT_KINDS:
                    departments[ancestor].append(d)
                    break
    counts = dict(
        Employment.objects.filter(Q(end__isnull=True) | Q(end__gte=today))
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    weights = [counts.get(u.id, 0) + 1 for u in units]
    return units, weights, departments


def make_rows(*, count: int, actor, seed: int = 2026) -> list[list]:
    """`count` valid, unique template rows (the header not included), the same for the same database."""
    today = today_vn()
    rng = random.Random(seed)
    units, weights, departments = _units(actor, today)
    latest_sector_start = today - dt.timedelta(days=730)
    rows = []
    for i in range(count):
        gender = rng.choice([Gender.MALE, Gender.FEMALE])
        birth = _day_between(rng, dt.date(1966, 1, 1), dt.date(1996, 12, 31))
        sector_start = _day_between(rng, _add_years(birth, 21), _add_years(birth, 28))
        sector_start = max(min(sector_start, latest_sector_start), _add_years(birth, 18))
        unit = rng.choices(units, weights=weights)[0]
        start = _day_between(rng, max(sector_start, unit.valid_from), today - dt.timedelta(days=1))
        position = _weighted(rng, POSITIONS)
        choices = departments.get(unit.id, [])
        department = rng.choice(choices).code if choices and rng.random() < 0.8 else None
        name = " ".join(
            [
                rng.choices(FAMILY, weights=FAMILY_WEIGHTS)[0],
                rng.choice(MIDDLE[gender]),
                rng.choice(GIVEN[gender]),
            ]
        )
        rows.append(
            [
                make_cccd(province=PROVINCE, gender=gender, birth_year=birth.year, serial=SERIAL_BASE + i),
                name,
                GENDER_LABELS[gender],
                birth,
                PROFESSION_LABELS[_weighted(rng, PROFESSIONS)],
                STATUS_LABELS[_weighted(rng, STATUSES)],
                MANAGER_LABELS[position in MANAGER_POSITIONS],
                sector_start,
                unit.code,
                department,
                POSITION_LABELS[position],
                start,
            ]
        )
    return rows


def xlsx(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def remove_imported() -> int:
    """Delete what earlier bench imports created (found through their audit entries)."""
    entries = AuditEntry.objects.filter(reason=REASON)
    ids = [
        int(i)
        for i in entries.filter(object_type="people.person", action=AuditAction.CREATE).values_list(
            "object_id", flat=True
        )
    ]
    with transaction.atomic():
        for i in range(0, len(ids), 5000):
            chunk = ids[i : i + 5000]
            Employment.objects.filter(person_id__in=chunk).delete()
            Person.objects.filter(id__in=chunk).delete()
        entries.delete()
    if ids:
        tables = [m._meta.db_table for m in (Person, Employment, AuditEntry)]
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")
    return len(ids)


def avoid_collisions(rows: list[list]) -> int:
    """Give a fresh serial to every row whose CCCD a person in the database already has; how many.

    The demo draws its CCCDs from every province code and the whole serial space, so no fixed range
    is guaranteed free; replacing the few taken ones keeps the file valid and deterministic.
    """
    genders = {label: value for value, label in GENDER_LABELS.items()}
    next_serial = SERIAL_BASE + len(rows)
    replaced = 0
    pending = list(range(len(rows)))
    while pending:
        taken = set()
        for i in range(0, len(pending), 5000):
            chunk = [rows[j][0] for j in pending[i : i + 5000]]
            taken.update(Person.objects.filter(cccd__in=chunk).values_list("cccd", flat=True))
        pending = [j for j in pending if rows[j][0] in taken]
        for j in pending:
            if next_serial >= 1_000_000:
                raise BenchError("No free CCCD serials left for the import file.")
            gender, birth = genders[rows[j][2]], rows[j][3]
            rows[j][0] = make_cccd(
                province=PROVINCE, gender=gender, birth_year=birth.year, serial=next_serial
            )
            next_serial += 1
            replaced += 1
    return replaced


COLUMNS = [
    ("cccd", "text"),
    ("full_name", "text"),
    ("gender", "text"),
    ("birth_date", "date"),
    ("profession", "text"),
    ("employment_status", "text"),
    ("is_manager", "text"),
    ("health_sector_since", "date"),
    ("unit_code", "text"),
    ("department", "text"),
    ("position", "text"),
    ("start", "date"),
]


def baseline(content: bytes, database_url: str) -> dict:
    """Read the file with python-calamine and COPY its rows into a temporary table; seconds for each."""
    with psycopg.connect(libpq_url(database_url)) as conn:
        started = time.perf_counter()
        rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
        read_s = time.perf_counter() - started
        columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
        conn.execute(f"CREATE TEMPORARY TABLE bench_import_baseline ({columns})")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cursor:
            names = ", ".join(name for name, _ in COLUMNS)
            with cursor.copy(f"COPY bench_import_baseline ({names}) FROM STDIN") as copy:
                for row in rows[1:]:
                    copy.write_row([None if v == "" else v for v in row])
        conn.commit()
        copy_s = time.perf_counter() - started
        copied = conn.execute("SELECT count(*) FROM bench_import_baseline").fetchone()[0]
    if copied != len(rows) - 1:
        raise BenchError(f"The baseline COPY wrote {copied} rows, expected {len(rows) - 1}.")
    return {"read_s": read_s, "copy_s": copy_s, "total_s": read_s + copy_s}


def run(*, rows_wanted: int, actor_username: str, database_url: str) -> dict:
    actor = User.objects.filter(username=actor_username).first()
    if actor is None:
        raise BenchError(f"No user {actor_username!r} in the bench database (is it a demo province?).")
    removed = remove_imported()
    if removed:
        log(f"Removed {removed:,} people left by an earlier bench import")

    started = time.perf_counter()
    rows = make_rows(count=rows_wanted, actor=actor)
    replaced = avoid_collisions(rows)
    content = xlsx(rows)
    generate_s = time.perf_counter() - started
    units = len({r[HEADERS.index("Mã đơn vị")] for r in rows})
    size = len(content) / 1e6
    log(f"Generated {FILE_NAME}: {len(rows):,} rows, {units} units, {size:.1f} MB in {generate_s:.1f} s")
    if replaced:
        log(f"{replaced} generated CCCDs were taken by demo people: they got other serials")

    log(f"people_import as {actor_username!r} …")
    started = time.perf_counter()
    result = people_import(actor=actor, content=content, file_name=FILE_NAME)
    import_s = time.perf_counter() - started
    if result["errors"] or result["created"] != len(rows):
        shown = "\n".join(f"  row {e['row']} {e['column']}: {e['message']}" for e in result["errors"][:10])
        raise BenchError(f"people_import did not create every row: {result['summary']}\n{shown}")
    log(f"people_import: {import_s:.2f} s — {result['summary']}")

    try:
        log(f"Baseline: python-calamine read + COPY into a temporary table (median of {BASELINE_RUNS}) …")
        runs = [baseline(content, database_url) for _ in range(BASELINE_RUNS)]
        median = statistics.median(r["total_s"] for r in runs)
        base = min(runs, key=lambda r: abs(r["total_s"] - median))
        log(f"Baseline: read {base['read_s']:.2f} s + COPY {base['copy_s']:.2f} s = {base['total_s']:.2f} s")
    finally:
        removed = remove_imported()
        log(f"Removed the {removed:,} imported people again (the bench database holds the demo only)")
    return {
        "rows": len(rows),
        "file_bytes": len(content),
        "units_in_file": units,
        "generate_s": generate_s,
        "import_s": import_s,
        "created": result["created"],
        "baseline_read_s": base["read_s"],
        "baseline_copy_s": base["copy_s"],
        "baseline_s": base["total_s"],
        "baseline_runs_s": [r["total_s"] for r in runs],
        "ratio": import_s / base["total_s"],
    }
