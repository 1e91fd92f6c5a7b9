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
from tdkt.records.imports_achievements import ACHIEVEMENTS
from tdkt.records.imports_awards import AWARDS
from tdkt.records.imports_base import MAX_ROWS, Context, Kind, plan_rows, write_plan
from tdkt.records.imports_discipline import DISCIPLINE, LEAVE
from tdkt.records.imports_ratings import KIND as RATINGS

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
