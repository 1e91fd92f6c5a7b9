"""Record imports from .xlsx: ratings, initiatives and research, discipline, leave, past award decisions.

Every row is checked first; if any has a problem nothing is written and every problem is listed by
row and column. Otherwise each row creates or updates its record (so importing the same file twice
changes nothing), all audited. Each kind lives in its own module (imports_<kind>.py)."""

import datetime as dt

from django.db import IntegrityError, transaction

from tdkt.core.jobs import job_progress, job_start
from tdkt.core.models import Job
from tdkt.core.timeutil import today_vn
from tdkt.core.xlsx_import import capped, data_rows, error, number
from tdkt.eligibility.refresh import eligibility_refresh_after_change
from tdkt.records.imports_achievements import ACHIEVEMENTS
from tdkt.records.imports_awards import AWARDS
from tdkt.records.imports_base import MAX_ROWS, Context, Kind, plan_rows, write_plan
from tdkt.records.imports_discipline import DISCIPLINE, LEAVE
from tdkt.records.imports_ratings import KIND as RATINGS
from tdkt.records.models import ConferredAward

KINDS: dict[str, Kind] = {k.key: k for k in (RATINGS, ACHIEVEMENTS, DISCIPLINE, LEAVE, AWARDS)}


def _failed(errors: list[dict], kind: Kind) -> dict:
    errors, count = capped(errors, kind.headers)
    return {
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": errors,
        "error_count": count,
        "summary": f"Tệp có {number(count)} lỗi; chưa ghi dữ liệu nào. Hãy sửa tệp rồi nhập lại.",
    }


def _year_of(values) -> int | None:
    """The achievement year a record counts in: its year, else the year its period starts."""
    if values.get("year"):
        return int(values["year"])
    start = values.get("start")
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    return start.year if start else None


def _refresh_verdicts(plan, *, today: dt.date) -> None:
    """The stored verdicts the imported records can move are evaluated again in the import's
    transaction (eligibility.refresh): the people's from the earliest year touched (before or after the
    change), their collectives' member figures, and collectives' own records."""
    people, person_years, units, unit_years = set(), set(), set(), set()
    changes = [(obj, None) for obj in plan.new] + list(plan.changed)
    for obj, before in changes:
        years = {_year_of(vars(obj))} | ({_year_of(before)} if before else set())
        years.discard(None)
        authors = set(obj._import_row.extra.get("authors", ()))
        if before:
            authors |= set(before.get("authors") or ())
        subjects = {getattr(obj, "person_id", None), *authors, (before or {}).get("person_id")} - {None}
        if subjects:
            people |= subjects
            person_years |= years
        elif isinstance(obj, ConferredAward) and obj.unit_id:  # a collective's past decision
            units.add(obj.unit_id)
            if before and before.get("unit_id"):
                units.add(before["unit_id"])
            unit_years |= years
    eligibility_refresh_after_change(
        today=today,
        person_ids=people,
        person_years=person_years,
        member_years=person_years,
        unit_ids=units,
        unit_years=unit_years,
    )


def records_import(
    *,
    kind: str,
    actor,
    content: bytes,
    file_name: str,
    job: Job | None = None,
    today: dt.date | None = None,
) -> dict:
    """Import the records of `kind` ("ratings", "achievements", "discipline", "leave", "past_decisions").

    Never raises for bad data: {"created", "updated", "unchanged", "errors", "error_count", "summary"}.
    Each error is {"row": Excel row (header = 1) or None for the whole file, "column", "message"}.
    """
    spec = KINDS[kind]
    today = today or today_vn()
    if job:
        job_start(job, total=0, message="Đang đọc tệp…")
    data, errors = data_rows(content, sheet=spec.sheet, headers=spec.headers, max_rows=MAX_ROWS)
    if errors:
        return _failed(errors, spec)
    if job:
        job_start(job, total=len(data), message="Đang kiểm tra dữ liệu…")
    ctx = Context(actor, today, job=job)
    rows = spec.check(data, ctx, errors)
    if errors:
        return _failed(errors, spec)
    if job:
        job_progress(job, done=len(data), message="Đang ghi dữ liệu…")
    try:
        with transaction.atomic():
            plan = plan_rows(spec, rows, errors)
            if not errors:
                write_plan(spec, plan, actor=actor, reason=f"Nhập từ Excel: {file_name}")
                if job:
                    job_progress(job, done=len(data), message="Đang cập nhật kết quả xét điều kiện…")
                _refresh_verdicts(plan, today=today)
    except IntegrityError:
        errors.append(error(None, "", "Dữ liệu vừa được người khác thay đổi; hãy nhập lại tệp"))
    if errors:
        return _failed(errors, spec)
    return {
        "created": len(plan.new),
        "updated": len(plan.changed),
        "unchanged": plan.unchanged,
        "errors": [],
        "error_count": 0,
        "summary": (
            f"Đã nhập {number(len(rows))} dòng: {number(len(plan.new))} bản ghi mới, "
            f"{number(len(plan.changed))} bản ghi được cập nhật, "
            f"{number(plan.unchanged)} bản ghi không thay đổi."
        ),
    }
