"""`manage.py reminders [--dry-run] [--date YYYY-MM-DD] [--schedule]`: send the day's deadline reminders.

For cron (once a day, any hour: a user gets at most one reminder a day), or `--schedule` to queue the
self-rescheduling daily task for the background worker (`make run` does this)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tdkt.core.timeutil import today_vn
from tdkt.movements.services_reminders import reminders_send
from tdkt.movements.tasks import reminders_schedule


class Command(BaseCommand):
    help = "Send today's deadline reminders by e-mail (once per user and day)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="show who would get what; send nothing")
        parser.add_argument("--date", help="the day to remind for (YYYY-MM-DD; default today in Vietnam)")
        parser.add_argument(
            "--schedule", action="store_true", help="queue the daily reminders task for the worker instead"
        )

    def handle(self, *args, dry_run=False, date=None, schedule=False, **options):
        if schedule:
            result = reminders_schedule(now=timezone.now(), include_today=True)
            if result is None:
                self.stdout.write(
                    "Nhắc việc: đã có một lượt gửi đang chờ, hoặc bộ chạy nền không hẹn giờ được."
                )
            else:
                when = timezone.localtime(result.task.run_after)
                self.stdout.write(f"Nhắc việc: đã hẹn gửi lúc {when:%H:%M ngày %d/%m/%Y}.")
            return
        try:
            day = dt.date.fromisoformat(date) if date else today_vn()
        except ValueError:
            raise CommandError(f"Ngày «{date}» không đúng dạng YYYY-MM-DD.") from None
        run = reminders_send(today=day, dry_run=dry_run)
        for to, subject, body in run.messages if dry_run else []:
            self.stdout.write(f"=== {to}: {subject}\n{body}\n")
        sent = (
            f"{len(run.messages)} thư sẽ gửi (chạy thử, không gửi)" if dry_run else f"{run.sent} thư đã gửi"
        )
        self.stdout.write(
            f"Nhắc việc ngày {day:%d/%m/%Y}: {sent}, {run.already_sent} người đã được nhắc trong ngày, "
            f"{run.nothing_due} người không có hạn nào, {run.failed} thư gửi lỗi."
        )
        if run.failed:
            raise CommandError(f"{run.failed} thư nhắc việc chưa gửi được: hãy chạy lại lệnh sau.")
