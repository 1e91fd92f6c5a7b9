"""The daily reminder e-mail: each user with an e-mail address and something due within a week (or
overdue) gets one message a day listing it. The log `ReminderSent` makes sending idempotent: a second run
on the same day, from the task, cron or another worker, sends nothing twice."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import MOVEMENTS_MANAGE, MOVEMENTS_REPORT, PERMISSION_ROLES
from tdkt.core.timeutil import format_date
from tdkt.movements.models import ActionStatus, FollowUpAction, ReminderSent
from tdkt.movements.selectors_deadlines import REMINDER_HORIZON_DAYS, Deadline, upcoming_deadlines

LANGUAGE = "vi"  # users have no language of their own yet: reminders are written in Vietnamese


@dataclass
class ReminderRun:
    day: dt.date
    sent: int = 0
    already_sent: int = 0
    nothing_due: int = 0
    failed: int = 0
    messages: list[tuple[str, str, str]] = field(default_factory=list)  # (to, subject, body)

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "sent": self.sent,
            "already_sent": self.already_sent,
            "nothing_due": self.nothing_due,
            "failed": self.failed,
        }


def reminder_candidates(*, day: dt.date):
    """Active users with an e-mail address who may have deadlines (officers, heads, owners of open
    follow-ups) and were not reminded on `day`, by id."""
    roles = PERMISSION_ROLES[MOVEMENTS_MANAGE] | PERMISSION_ROLES[MOVEMENTS_REPORT]
    with_roles = RoleAssignment.objects.filter(role__in=roles).values("user_id")
    owners = FollowUpAction.objects.filter(status=ActionStatus.OPEN).values("owner_id")
    reminded = ReminderSent.objects.filter(day=day).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(pk__in=with_roles) | Q(pk__in=owners))
        .exclude(pk__in=reminded)
        .order_by("pk")
    )


def reminder_message(*, user, day: dt.date, deadlines: list[Deadline]) -> tuple[str, str]:
    """(subject, plain-text body) of one user's reminder, in Vietnamese, with links to each item."""
    with translation.override(LANGUAGE):
        overdue = sum(1 for d in deadlines if d.overdue)
        subject = ngettext(
            "tdkt: %(n)s deadline to watch", "tdkt: %(n)s deadlines to watch", len(deadlines)
        ) % {"n": len(deadlines)}
        if overdue:
            subject += " " + ngettext("(%(n)s overdue)", "(%(n)s overdue)", overdue) % {"n": overdue}
        lines = [
            _("Hello %(name)s,") % {"name": user.get_full_name() or user.username},
            "",
            _("Your deadlines as of %(day)s:") % {"day": format_date(day)},
            "",
        ]
        for d in deadlines:
            mark = _("OVERDUE") + " " if d.overdue else ""
            lines += [
                f"- {format_date(d.due_on)} · {mark}{d.kind_label}: {d.title}",
                f"  {d.detail}",
                f"  {settings.SITE_URL}{d.url}",
            ]
        lines += ["", _("This message is sent once a day by tdkt. Do not reply to it.")]
    return subject, "\n".join(lines)


def reminders_send(*, today: dt.date, dry_run: bool = False) -> ReminderRun:
    """Send `today`'s reminders to everyone who has something due and was not reminded yet today.

    Each user's log row and e-mail are one transaction: a failed send leaves no row, so the next run tries
    again; a concurrent run finds the row (unique per user and day) and skips. With `dry_run` nothing is
    sent or logged; the messages are returned to be shown."""
    run = ReminderRun(day=today)
    for user in reminder_candidates(day=today):
        deadlines = upcoming_deadlines(user=user, today=today, horizon_days=REMINDER_HORIZON_DAYS)
        if not deadlines:
            run.nothing_due += 1
            continue
        subject, body = reminder_message(user=user, day=today, deadlines=deadlines)
        if dry_run:
            run.messages.append((user.email, subject, body))
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, day=today, items=len(deadlines))
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            run.already_sent += 1
        except OSError:  # the mail server refused or is unreachable: the log row was rolled back
            run.failed += 1
        else:
            run.sent += 1
            run.messages.append((user.email, subject, body))
    return run
