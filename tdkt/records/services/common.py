"""What every records service shares: refusals that name the field, audited save and delete, row
locks, the checks of years, dates and periods, and the refresh of stored verdicts."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.attachments.services import attachments_delete_for
from tdkt.core.errors import ApplicationError
from tdkt.eligibility.refresh import eligibility_refresh_after_change
from tdkt.records.imports_base import FIRST_YEAR


def refuse(message: str, field: str | None = None):
    raise ApplicationError(message, {"field": field} if field else None)


def save(actor, obj, before: dict | None = None, reason: str = ""):
    obj.full_clean()
    obj.save()
    action = AuditAction.UPDATE if before is not None else AuditAction.CREATE
    audit_log(actor=actor, action=action, obj=obj, before=before, after=snapshot(obj), reason=reason)
    return obj


def lock(obj):
    """Lock the record's row and reload the caller's object from it, so that "before" in the audit is
    what is stored and the caller sees the change."""
    obj.refresh_from_db(from_queryset=type(obj).objects.select_for_update())
    return obj


def delete(actor, obj, *, before: dict | None = None, reason: str = "") -> None:
    """Delete a record with its evidence files, leaving the audit entry of what it was."""
    attachments_delete_for(actor=actor, target=obj, reason=reason)
    audit_log(actor=actor, action=AuditAction.DELETE, obj=obj, before=before or snapshot(obj), reason=reason)
    obj.delete()


def years_between(start: dt.date, end: dt.date | None, today: dt.date) -> set[int]:
    last = (end or today).year
    return set(range(start.year, max(start.year, last) + 1))


# -- checks shared by creating and correcting --------------------------------------------------------


def check_year(year: int, today: dt.date, field: str = "year") -> None:
    if not FIRST_YEAR <= year <= today.year:
        refuse(
            _("The year must be from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": today.year},
            field,
        )


def check_not_future(day: dt.date | None, today: dt.date, field: str) -> None:
    if day and day > today:
        refuse(_("The date %(date)s is in the future.") % {"date": f"{day:%d/%m/%Y}"}, field)


def check_not_before_year(day: dt.date | None, year: int, field: str) -> None:
    if day and day.year < year:
        refuse(
            _("The date %(date)s is before the year %(year)s it is about.")
            % {"date": f"{day:%d/%m/%Y}", "year": year},
            field,
        )


def check_period(start: dt.date, end: dt.date | None) -> None:
    if end and end < start:
        refuse(
            _("The end %(end)s is before the start %(start)s.")
            % {"end": f"{end:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"},
            "end",
        )


# -- the stored verdicts the change can move (eligibility.refresh) ------------------------------------


def refresh_person(person_ids, *, years, members: bool, today: dt.date) -> None:
    """People's records of `years` changed; `members` when their collectives' member figures did too."""
    eligibility_refresh_after_change(
        today=today,
        person_ids=person_ids,
        person_years=years,
        member_years=years if members else (),
    )


def refresh_unit(unit_id: int, *, years, today: dt.date) -> None:
    eligibility_refresh_after_change(today=today, unit_ids=[unit_id], unit_years=years)
