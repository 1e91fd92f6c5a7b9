"""Writes to people and their employment. Every change is audited."""

import datetime as dt

from django.db import transaction

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.core.text import normalize_spaces
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Person


def _check_department(unit: Unit, department: Unit | None) -> None:
    if department is not None and not department.path.startswith(unit.path):
        raise ApplicationError(f"Khoa/phòng «{department.name}» không thuộc đơn vị «{unit.name}».")


@transaction.atomic
def person_create(
    *, actor, unit: Unit, start: dt.date, department: Unit | None = None, position: str = "staff", **fields
) -> Person:
    """Create a person with their first employment."""
    fields["full_name"] = normalize_spaces(fields["full_name"])
    person = Person(**fields)
    person.derive_fields()
    person.full_clean()
    person.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=person, after=snapshot(person))
    employment_start(
        actor=actor, person=person, unit=unit, department=department, position=position, start=start
    )
    return person


@transaction.atomic
def person_update(*, actor, person: Person, reason: str = "", **fields) -> Person:
    before = snapshot(person)
    if "full_name" in fields:
        fields["full_name"] = normalize_spaces(fields["full_name"])
    for name, value in fields.items():
        setattr(person, name, value)
    person.derive_fields()
    person.full_clean()
    person.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=person,
        before=before,
        after=snapshot(person),
        reason=reason,
    )
    return person


@transaction.atomic
def employment_start(
    *,
    actor,
    person: Person,
    unit: Unit,
    start: dt.date,
    department: Unit | None = None,
    position: str = "staff",
) -> Employment:
    """Start a post; an open post that began earlier ends the day before (a move keeps one record)."""
    _check_department(unit, department)
    if not unit.is_valid_on(start):
        raise ApplicationError(f"Đơn vị «{unit.name}» không có hiệu lực vào ngày {start:%d/%m/%Y}.")
    for current in Employment.objects.select_for_update().filter(person=person, end__isnull=True):
        if current.start >= start:
            raise ApplicationError(
                f"{person.full_name} đang công tác tại «{current.unit.name}» từ {current.start:%d/%m/%Y}; "
                f"ngày bắt đầu mới phải sau ngày đó."
            )
        employment_end(actor=actor, employment=current, end=start - dt.timedelta(days=1))
    employment = Employment(person=person, unit=unit, department=department, position=position, start=start)
    employment.full_clean()
    employment.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=employment, after=snapshot(employment))
    return employment


@transaction.atomic
def employment_end(*, actor, employment: Employment, end: dt.date) -> Employment:
    before = snapshot(employment)
    employment.end = end
    employment.full_clean()
    employment.save(update_fields=["end"])
    audit_log(
        actor=actor, action=AuditAction.UPDATE, obj=employment, before=before, after=snapshot(employment)
    )
    return employment


@transaction.atomic
def employments_transfer(
    *, actor, from_unit: Unit, to_unit: Unit, department_map: dict[int, Unit], effective_on: dt.date
) -> int:
    """Close every open post at `from_unit` the day before `effective_on` and reopen it at `to_unit`
    (departments mapped through `department_map`). Set-based: a handful of queries whatever the size."""
    last_day = effective_on - dt.timedelta(days=1)
    open_posts = list(Employment.objects.filter(unit=from_unit, end__isnull=True, start__lte=last_day))
    new_posts = [
        Employment(
            person_id=e.person_id,
            unit=to_unit,
            department=department_map.get(e.department_id) if e.department_id else None,
            position=e.position,
            start=effective_on,
        )
        for e in open_posts
    ]
    befores = {e.pk: snapshot(e) for e in open_posts}
    for e in open_posts:
        e.end = last_day
    Employment.objects.bulk_update(open_posts, ["end"], batch_size=2000)
    Employment.objects.bulk_create(new_posts, batch_size=2000)
    reason = f"Tổ chức lại: «{from_unit.name}» → «{to_unit.name}» từ {effective_on:%d/%m/%Y}"
    audit_log_many(
        actor=actor,
        reason=reason,
        items=[
            *((AuditAction.UPDATE, e, befores[e.pk], snapshot(e)) for e in open_posts),
            *((AuditAction.CREATE, e, None, snapshot(e)) for e in new_posts if e.pk),
        ],
    )
    return len(open_posts)
