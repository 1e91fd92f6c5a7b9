"""Background work of movements: the daily reminder e-mails, which reschedule themselves for the next
morning so that `make run`'s worker sends them without cron (cron can call `manage.py reminders` too: the
log keeps it to one e-mail per user and day either way)."""

import datetime as dt

from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from tdkt.core.timeutil import VN, today_vn
from tdkt.movements.services_reminders import reminders_send

SEND_AT = dt.time(7, 0)  # in Vietnam, before the working day starts


@task()
def reminders_daily_task() -> dict:
    """Send today's reminders, then queue the run of the next morning."""
    run = reminders_send(today=today_vn())
    reminders_schedule(now=timezone.now())
    return run.as_dict()


def next_run_after(now: dt.datetime, *, include_today: bool) -> dt.datetime:
    """07:00 in Vietnam tomorrow (or today, if that is still ahead or `include_today` and it has passed:
    a worker started at noon sends the day's reminders at once)."""
    local = now.astimezone(VN)
    today_at = dt.datetime.combine(local.date(), SEND_AT, tzinfo=VN)
    if local < today_at:
        return today_at
    if include_today:
        return now
    return today_at + dt.timedelta(days=1)


def _pending() -> bool:
    """Whether a reminders run is already queued (database backend; other backends keep no queue we can
    read, and the log makes a duplicate run harmless)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(reminders_daily_task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=reminders_daily_task.module_path
    ).exists()


def reminders_schedule(*, now: dt.datetime, include_today: bool = False):
    """Queue the next reminders run, unless one is queued already or the backend runs tasks at once
    (which cannot wait until a time). Returns the task result, or None."""
    if not reminders_daily_task.get_backend().supports_defer or _pending():
        return None
    run_after = next_run_after(now, include_today=include_today)
    return reminders_daily_task.using(run_after=run_after).enqueue()
