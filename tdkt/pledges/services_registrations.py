"""Writes to registrations: a person registers themselves, an officer registers people or collectives
in bulk, a registration is withdrawn. Every change is audited.

Rules: registrations are taken while the movement is published; a person works in the movement's
subtree on the day; a collective is a unit of that subtree other than the launching unit; a title
fits its subject (a person's title for a person); one registration per subject × title × movement,
and not again under a movement above or below it in the plan tree (it would count twice). Whoever
is not the person needs REGISTRATIONS_MANAGE over the subject's unit.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import REGISTRATIONS_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.law.vocabulary import COLLECTIVE_FORMS, COLLECTIVE_TITLES, LABELS_VI, PERSON_FORMS, PERSON_TITLES
from tdkt.movements.models import Movement
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.pledges.models import Registration
from tdkt.pledges.staff import current_posts

PERSON_CANDIDATES = PERSON_TITLES + PERSON_FORMS
COLLECTIVE_CANDIDATES = COLLECTIVE_TITLES + COLLECTIVE_FORMS


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _manages(actor, unit_ids) -> set[int]:
    """Which of `unit_ids` the actor registers for (all of them for the system, as demo data does)."""
    if actor is None:
        return set(unit_ids)
    return set(unit_ids) & scope_unit_ids(actor, REGISTRATIONS_MANAGE)


def _is_person(actor, person_id: int | None) -> bool:
    return actor is not None and person_id is not None and getattr(actor, "person_id", None) == person_id


def _bulk_insert(registrations: list[Registration]) -> None:
    try:
        with transaction.atomic():
            Registration.objects.bulk_create(registrations, batch_size=1000)
    except IntegrityError:
        raise ApplicationError(
            _("Someone registered the same subject at the same moment: reload the page and try again.")
        ) from None


def _check_open(movement: Movement) -> None:
    if not movement.is_published:
        raise ApplicationError(
            _("Registrations are taken only while “%(name)s” is published.") % {"name": movement.name}
        )


def _check_title(title: str, *, collective: bool) -> None:
    allowed = COLLECTIVE_CANDIDATES if collective else PERSON_CANDIDATES
    if title not in allowed:
        message = (
            _("Choose a title or form for collectives.")
            if collective
            else _("Choose a title or form for individuals.")
        )
        raise ValidationError({"title": message})


def _line_ids(movement: Movement) -> Q:
    """The movements above and below `movement` in its plan tree, itself included."""
    above = [int(part) for part in movement.path.strip("/").split("/")]
    return Q(movement_id__in=above) | Q(movement__path__startswith=movement.path)


def _homes(*, movement: Movement, person_ids: list[int], day: dt.date) -> dict[int, int]:
    """Person id → the unit (department, else institution) where they work on `day` in the movement's
    subtree, from their newest post (one query)."""
    posts = (
        current_posts(day)
        .filter(person_id__in=person_ids)
        .filter(
            Q(unit__path__startswith=movement.unit.path) | Q(department__path__startswith=movement.unit.path)
        )
        .order_by("person_id", "-start", "-id")
        .values_list("person_id", "unit_id", "department_id")
    )
    homes: dict[int, int] = {}
    for person_id, unit_id, department_id in posts:
        homes.setdefault(person_id, department_id or unit_id)
    return homes


_KEYS = ["movement", "person", "unit", "home", "registered_by"]


@dataclass
class BulkResult:
    created: list[Registration] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # names already registered for the title


def _already(*, movement: Movement, title: str, person_ids=None, unit_ids=None) -> dict[int, Movement]:
    """Subjects already registered for `title` along the movement's line → the movement they did it in."""
    qs = Registration.objects.filter(_line_ids(movement), title=title).select_related("movement")
    if person_ids is not None:
        return {r.person_id: r.movement for r in qs.filter(person_id__in=person_ids)}
    return {r.unit_id: r.movement for r in qs.filter(unit_id__in=unit_ids)}


def _registered_elsewhere(name: str, title: str, movement: Movement) -> str:
    return _("%(name)s has already registered for %(title)s under “%(movement)s”.") % {
        "name": name,
        "title": LABELS_VI[title],
        "movement": movement.name,
    }


@transaction.atomic
def registration_create(
    *, actor, movement: Movement, person: Person, title: str, day: dt.date, note: str = ""
) -> Registration:
    """Register `person` for `title`: the person themself, or an officer of the person's unit."""
    _check_open(movement)
    _check_title(title, collective=False)
    home_id = _homes(movement=movement, person_ids=[person.pk], day=day).get(person.pk)
    if home_id is None:
        raise ApplicationError(
            _("%(name)s does not work in a unit taking part in “%(movement)s”.")
            % {"name": person.full_name, "movement": movement.name}
        )
    if not (_is_person(actor, person.pk) or _manages(actor, [home_id])):
        raise ApplicationError(_("You can only register yourself."))
    other = _already(movement=movement, title=title, person_ids=[person.pk]).get(person.pk)
    if other is not None:
        raise ValidationError({"title": _registered_elsewhere(person.full_name, title, other)})
    registration = Registration(
        movement=movement,
        person=person,
        home_id=home_id,
        title=title,
        note=note.strip(),
        registered_by=_user(actor),
        registered_at=timezone.now(),
    )
    registration.full_clean()
    _bulk_insert([registration])
    audit_log(actor=actor, action=AuditAction.CREATE, obj=registration, after=snapshot(registration))
    return registration


@transaction.atomic
def registrations_create_many(
    *, actor, movement: Movement, people: list[Person], title: str, day: dt.date, note: str = ""
) -> BulkResult:
    """Register every person of `people` for `title` at once (an officer for a department). People
    already registered for the title along the movement's line are skipped and named; anyone outside
    the movement or the officer's scope refuses the whole batch. A fixed number of queries."""
    _check_open(movement)
    _check_title(title, collective=False)
    if not people:
        raise ValidationError({"people": _("Tick at least one person.")})
    homes = _homes(movement=movement, person_ids=[p.pk for p in people], day=day)
    managed = _manages(actor, list(homes.values()))
    outside = [p.full_name for p in people if homes.get(p.pk) not in managed]
    if outside:
        raise ApplicationError(
            _("Not in a unit you register for in this movement: %(names)s.") % {"names": ", ".join(outside)}
        )
    done = _already(movement=movement, title=title, person_ids=[p.pk for p in people])
    result = BulkResult()
    now = timezone.now()
    for person in people:
        if person.pk in done:
            result.skipped.append(person.full_name)
            continue
        registration = Registration(
            movement=movement,
            person=person,
            home_id=homes[person.pk],
            title=title,
            note=note.strip(),
            registered_by=_user(actor),
            registered_at=now,
        )
        registration.clean_fields(exclude=_KEYS)  # the keys come checked from above: no query per row
        result.created.append(registration)
    _bulk_insert(result.created)
    audit_log_many(
        actor=actor, items=[(AuditAction.CREATE, r, None, snapshot(r)) for r in result.created if r.pk]
    )
    return result


@transaction.atomic
def collectives_register(
    *, actor, movement: Movement, units: list[Unit], title: str, day: dt.date, note: str = ""
) -> BulkResult:
    """Register collectives (departments, stations, institutions below the launching unit) for `title`;
    those already registered for it along the movement's line are skipped and named."""
    _check_open(movement)
    _check_title(title, collective=True)
    if not units:
        raise ValidationError({"units": _("Tick at least one collective.")})
    managed = _manages(actor, [u.pk for u in units])
    refused = [
        u.name
        for u in units
        if u.pk == movement.unit_id
        or not u.path.startswith(movement.unit.path)
        or not u.is_valid_on(day)
        or u.pk not in managed
    ]
    if refused:
        raise ApplicationError(
            _("These collectives cannot register in this movement: %(names)s.")
            % {"names": ", ".join(refused)}
        )
    done = _already(movement=movement, title=title, unit_ids=[u.pk for u in units])
    result = BulkResult()
    now = timezone.now()
    for unit in units:
        if unit.pk in done:
            result.skipped.append(unit.name)
            continue
        registration = Registration(
            movement=movement,
            unit=unit,
            home=unit,
            title=title,
            note=note.strip(),
            registered_by=_user(actor),
            registered_at=now,
        )
        registration.clean_fields(exclude=_KEYS)  # the keys come checked from above: no query per row
        result.created.append(registration)
    _bulk_insert(result.created)
    audit_log_many(
        actor=actor, items=[(AuditAction.CREATE, r, None, snapshot(r)) for r in result.created if r.pk]
    )
    return result


@transaction.atomic
def registration_withdraw(*, actor, registration: Registration, reason: str = "") -> None:
    """Withdraw a registration while the movement is published: the person themself, or an officer
    of the subject's unit. The audit log keeps what it was."""
    registration = Registration.objects.select_for_update().select_related("movement").get(pk=registration.pk)
    _check_open(registration.movement)
    if not (_is_person(actor, registration.person_id) or _manages(actor, [registration.home_id])):
        raise ApplicationError(_("You can only withdraw your own registrations."))
    audit_log(
        actor=actor,
        action=AuditAction.DELETE,
        obj=registration,
        before=snapshot(registration),
        reason=reason,
    )
    registration.delete()
