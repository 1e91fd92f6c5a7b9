"""Reminder e-mails: who gets what, once a day (the log), through Django's e-mail backend (locmem here);
the management command for cron and the daily task that reschedules itself for the next morning."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django_tasks import default_task_backend

from tdkt.core.timeutil import VN
from tdkt.movements import services_reminders, tasks
from tdkt.movements.models import ReminderSent
from tdkt.movements.services_reminders import reminders_send
from tdkt.movements.tasks import next_run_after, reminders_daily_task, reminders_schedule

from .factories import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail(settings, world):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://tdkt.syt.example"
    for name in ("so_officer", "unit_officer", "unit_head", "staff", "outsider"):
        user = getattr(world, name)
        user.email = f"{name}@example.vn"
        user.save(update_fields=["email"])


def recipients() -> list[str]:
    return sorted(to for message in mail.outbox for to in message.to)


def test_each_user_with_something_due_gets_one_message_listing_it(world, so_plan):
    run = reminders_send(today=TODAY)
    assert recipients() == [
        "outsider@example.vn",
        "so_officer@example.vn",
        "unit_head@example.vn",
        "unit_officer@example.vn",
    ]
    assert (run.sent, run.failed) == (4, 0)
    officer = next(m for m in mail.outbox if m.to == ["unit_officer@example.vn"])
    assert officer.subject == "tdkt: 1 việc sắp đến hạn (1 việc quá hạn)"
    target = so_plan.targets.get(frequency="quarterly")
    assert (
        "QUÁ HẠN Báo cáo chỉ tiêu: Báo cáo “Tỷ lệ viên chức ký cam kết thi đua” kỳ Quý 3/2025" in officer.body
    )
    assert (
        f"https://tdkt.syt.example/movements/targets/{target.pk}/report/?unit={world.hosp_a.pk}"
        in officer.body
    )
    assert ReminderSent.objects.filter(day=TODAY).count() == 4


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_sends_again(world, so_plan):
    reminders_send(today=TODAY)
    again = reminders_send(today=TODAY)
    assert (again.sent, len(mail.outbox)) == (0, 4)
    tomorrow = reminders_send(today=TODAY + dt.timedelta(days=1))
    assert tomorrow.sent == 4 and len(mail.outbox) == 8


def test_users_without_an_address_or_anything_due_get_nothing(world, so_plan):
    world.unit_head.email = ""
    world.unit_head.save(update_fields=["email"])
    run = reminders_send(today=TODAY)
    assert "unit_head@example.vn" not in recipients() and "staff@example.vn" not in recipients()
    assert run.sent == 3


def test_a_dry_run_shows_the_messages_and_sends_or_logs_nothing(world, so_plan):
    run = reminders_send(today=TODAY, dry_run=True)
    assert len(run.messages) == 4 and mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_failed_send_is_not_logged_so_the_next_run_tries_again(world, so_plan, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr(services_reminders, "send_mail", refuse)
    run = reminders_send(today=TODAY)
    assert run.failed == 4 and not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert reminders_send(today=TODAY).sent == 4


def test_the_command_sends_prints_and_dry_runs(world, so_plan):
    out = io.StringIO()
    call_command("reminders", "--date", TODAY.isoformat(), "--dry-run", stdout=out)
    assert "=== unit_officer@example.vn: tdkt: 1 việc sắp đến hạn" in out.getvalue()
    assert "4 thư sẽ gửi (chạy thử, không gửi)" in out.getvalue() and mail.outbox == []
    out = io.StringIO()
    call_command("reminders", "--date", TODAY.isoformat(), stdout=out)
    assert "Nhắc việc ngày 20/11/2025: 4 thư đã gửi" in out.getvalue() and len(mail.outbox) == 4
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("reminders", "--date", "20/11/2025")


def test_the_daily_task_sends_the_days_reminders(world, so_plan, monkeypatch):
    monkeypatch.setattr(tasks, "today_vn", lambda: TODAY)
    result = reminders_daily_task.enqueue()  # the tests' backend runs it at once (and cannot schedule)
    assert result.return_value["sent"] == 4 and len(mail.outbox) == 4


def test_the_next_run_is_at_seven_in_the_morning_in_vietnam():
    noon = dt.datetime(2025, 11, 20, 12, 0, tzinfo=VN)
    assert next_run_after(noon, include_today=False) == dt.datetime(2025, 11, 21, 7, 0, tzinfo=VN)
    assert next_run_after(noon, include_today=True) == noon
    dawn = dt.datetime(2025, 11, 20, 5, 0, tzinfo=VN)
    assert next_run_after(dawn, include_today=True) == dt.datetime(2025, 11, 20, 7, 0, tzinfo=VN)


def test_the_task_reschedules_itself_for_the_next_morning(world, so_plan, settings, monkeypatch):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
    }
    monkeypatch.setattr(tasks, "today_vn", lambda: TODAY)
    monkeypatch.setattr(tasks.timezone, "now", lambda: dt.datetime(2025, 11, 20, 0, 5, tzinfo=dt.UTC))
    summary = reminders_daily_task.call()
    assert summary["sent"] == 4
    [queued] = default_task_backend.results
    assert queued.task.run_after == dt.datetime(2025, 11, 21, 7, 0, tzinfo=VN)


def test_scheduling_twice_queues_one_run_on_the_database_backend(world, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    now = dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)  # 10:00 in Vietnam
    first = reminders_schedule(now=now, include_today=True)
    assert first is not None and reminders_schedule(now=now) is None
    assert DBTaskResult.objects.filter(task_path=reminders_daily_task.module_path).count() == 1
    out = io.StringIO()
    call_command("reminders", "--schedule", stdout=out)
    assert "đã có một lượt gửi đang chờ" in out.getvalue()


def test_the_immediate_backend_cannot_schedule_and_says_so(world):
    assert reminders_schedule(now=dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)) is None
