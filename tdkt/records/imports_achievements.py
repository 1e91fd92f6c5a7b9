"""Initiatives and research works from a spreadsheet: one row per work, with its authors' CCCDs.

A work is known by its kind, title (accents, case and punctuation ignored), year and unit."""

import re
from collections import defaultdict

from tdkt.core.xlsx_import import Cells, cccd_text, label_key, lookup, shown
from tdkt.records.imports_base import FIRST_YEAR, Context, Kind, Row, chunks, dedupe
from tdkt.records.models import Achievement, AchievementKind, Scope

KIND = "Loại"
TITLE = "Tên"
SCOPE = "Phạm vi"
YEAR = "Năm công nhận"
DECISION_NUMBER = "Số quyết định"
DECISION_DATE = "Ngày quyết định"
ISSUER = "Cơ quan công nhận"
UNIT = "Mã đơn vị"
AUTHORS = "CCCD tác giả"
HEADERS = [KIND, TITLE, SCOPE, YEAR, DECISION_NUMBER, DECISION_DATE, ISSUER, UNIT, AUTHORS]

KIND_LABELS = {AchievementKind.INITIATIVE: "Sáng kiến", AchievementKind.RESEARCH: "Đề tài"}
SCOPE_LABELS = {Scope.UNIT: "Cơ sở", Scope.PROVINCIAL: "Tỉnh", Scope.NATIONAL: "Toàn quốc"}
KINDS = lookup(
    KIND_LABELS,
    {"Đề án": AchievementKind.RESEARCH, "Đề tài khoa học": AchievementKind.RESEARCH},
)
SCOPES = lookup(
    SCOPE_LABELS,
    {
        "Cấp cơ sở": Scope.UNIT,
        "Cấp tỉnh": Scope.PROVINCIAL,
        "Cấp bộ": Scope.PROVINCIAL,
        "Cấp bộ, tỉnh": Scope.PROVINCIAL,
        "Cấp toàn quốc": Scope.NATIONAL,
        "Cấp nhà nước": Scope.NATIONAL,
    },
)
_SEPARATORS = re.compile(r"[;,]")


def _authors(cells: Cells, ctx: Context) -> list[int]:
    text = cells.text(AUTHORS, required=True)
    if not text:
        return []
    value = cells.values[AUTHORS]
    parts = [value] if not isinstance(value, str) else [p for p in _SEPARATORS.split(value) if p.strip()]
    ids = []
    for part in parts:
        cccd = cccd_text(part)
        if not (len(cccd) == 12 and cccd.isdigit()):
            cells.err(AUTHORS, f"{AUTHORS}: «{shown(part)}» không phải số CCCD (12 chữ số)")
            continue
        person = ctx.people.get(cccd)
        if person is None:
            cells.err(AUTHORS, f"Không tìm thấy người có Số CCCD «{cccd}» trong phạm vi quản lý của bạn")
        elif person.pk in ids:
            cells.err(AUTHORS, f"{AUTHORS}: «{cccd}» ({person.full_name}) được ghi hai lần")
        else:
            ids.append(person.pk)
    return ids


def _check(data: list[tuple[int, dict]], ctx: Context, errors: list[dict]) -> list[Row]:
    cccds = []
    for _, v in data:
        value = v.get(AUTHORS)
        cccds += _SEPARATORS.split(value) if isinstance(value, str) else [value]
    ctx.load_people(c for c in cccds if isinstance(c, int | float) or (c and c.strip()))
    ctx.load_units(v.get(UNIT) for _, v in data)
    rows, seen = [], {}
    for number, values in ctx.rows(data):
        cells = Cells(number, values, errors)
        kind = cells.choice(KIND, KINDS, KIND_LABELS.values())
        title = cells.text(TITLE, required=True, max_length=500)
        scope = cells.choice(SCOPE, SCOPES, SCOPE_LABELS.values())
        year = cells.year(YEAR, first=FIRST_YEAR, last=ctx.today.year)
        decision_number = cells.text(DECISION_NUMBER, max_length=60)
        decision_date = cells.date(DECISION_DATE, today=ctx.today)
        if decision_date and year and decision_date.year < year:
            cells.err(DECISION_DATE, f"{DECISION_DATE} «{decision_date:%d/%m/%Y}» trước {YEAR} ({year})")
        issuer = cells.text(ISSUER, max_length=255)
        code = cells.text(UNIT, required=True)
        unit = ctx.unit(cells, UNIT, code=code, year=year) if code else None
        authors = _authors(cells, ctx)
        key = (kind, label_key(title), year, unit.pk if unit else None)
        if kind and title and year and unit:
            dedupe(cells, seen, key, TITLE, f"{KIND_LABELS[kind]} «{title}» năm {year} của {unit.code}")
        if cells.ok:
            fields = {
                "kind": kind,
                "title": title,
                "scope": scope,
                "year": year,
                "decision_number": decision_number,
                "decision_date": decision_date,
                "issuer": issuer,
                "unit": unit,
            }
            rows.append(Row(number, key, fields, extra={"authors": sorted(authors)}))
    return rows


def _existing(rows: list[Row]) -> dict:
    found = {}
    unit_ids = sorted({r.key[3] for r in rows})
    years = sorted({r.key[2] for r in rows})
    objs = []
    for part in chunks(unit_ids):
        qs = Achievement.objects.select_for_update().filter(unit_id__in=part, year__in=years)
        objs += list(qs)
    authors = defaultdict(list)
    through = Achievement.authors.through
    for part in chunks([o.pk for o in objs]):
        for aid, pid in through.objects.filter(achievement_id__in=part).values_list(
            "achievement_id", "person_id"
        ):
            authors[aid].append(pid)
    for obj in objs:
        obj._author_ids = sorted(authors[obj.pk])
        found[(obj.kind, label_key(obj.title), obj.year, obj.unit_id)] = obj
    return found


def _write_authors(plan) -> None:
    through = Achievement.authors.through
    relinked = [obj for obj, _ in plan.changed if obj._author_ids != obj._import_row.extra["authors"]]
    for part in chunks([o.pk for o in relinked]):
        through.objects.filter(achievement_id__in=part).delete()
    links = [
        through(achievement_id=obj.pk, person_id=pid)
        for obj in [*plan.new, *relinked]
        for pid in obj._import_row.extra["authors"]
    ]
    through.objects.bulk_create(links, batch_size=2000)


ACHIEVEMENTS = Kind(
    key="achievements",
    title="sáng kiến, đề tài",
    sheet="Sáng kiến, đề tài",
    headers=HEADERS,
    guide=[
        (KIND, "Bắt buộc", "Sáng kiến hoặc Đề tài."),
        (TITLE, "Bắt buộc", "Tên sáng kiến, đề tài (tối đa 500 ký tự)."),
        (SCOPE, "Bắt buộc", "Phạm vi ảnh hưởng được công nhận: " + ", ".join(SCOPE_LABELS.values()) + "."),
        (YEAR, "Bắt buộc", f"Năm được công nhận, từ {FIRST_YEAR}."),
        (DECISION_NUMBER, "Không", "Số quyết định công nhận, ví dụ 45/QĐ-SYT."),
        (DECISION_DATE, "Không", "dd/mm/yyyy hoặc ô kiểu ngày; không trước năm công nhận."),
        (ISSUER, "Không", "Cơ quan ra quyết định công nhận, ví dụ Sở Y tế."),
        (UNIT, "Bắt buộc", "Mã đơn vị trong bảng dưới đây; đơn vị phải hoạt động trong năm công nhận."),
        (AUTHORS, "Bắt buộc", "Số CCCD của các tác giả, cách nhau bởi dấu ; hoặc dấu ,"),
    ],
    notes=[
        "Mỗi dòng là một sáng kiến hoặc đề tài; nhiều tác giả ghi chung một dòng.",
        "Cùng loại, cùng tên (không phân biệt dấu, hoa thường), cùng năm, cùng đơn vị là một "
        "sáng kiến, đề tài: "
        "đã có thì được sửa theo tệp, không tạo trùng; nhập lại cùng tệp không thay đổi gì.",
    ],
    model=Achievement,
    check=_check,
    existing=_existing,
    widths=[12, 50, 12, 14, 16, 14, 24, 12, 30],
    dropdowns={KIND: list(KIND_LABELS.values()), SCOPE: list(SCOPE_LABELS.values())},
    date_columns=frozenset({DECISION_DATE}),
    text_columns=frozenset({DECISION_NUMBER, UNIT, AUTHORS}),
    lists_units=True,
    after_write=_write_authors,
    audit_extra=lambda obj: {"authors": getattr(obj, "_author_ids", [])},
)
