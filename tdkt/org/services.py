"""Writes to the organisation: units, their changes over time, blocs."""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.org.models import (
    Bloc,
    BlocMembership,
    SuccessionKind,
    Unit,
    UnitSuccession,
    default_document_abbreviation,
)


def _set_path(unit: Unit) -> None:
    parent_path = unit.parent.path if unit.parent_id else "/"
    unit.path = f"{parent_path}{unit.pk}/"
    unit.depth = unit.path.count("/") - 2
    Unit.objects.filter(pk=unit.pk).update(path=unit.path, depth=unit.depth)


@transaction.atomic
def unit_create(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    valid_from: dt.date = dt.date(2000, 1, 1),
    short_name: str = "",
    is_remote_area: bool = False,
    address: str = "",
    document_abbreviation: str = "",
) -> Unit:
    """Create a unit; without `document_abbreviation` it gets the initials of its name ("SYT")."""
    if parent is not None and not parent.is_valid_on(valid_from):
        raise ApplicationError(
            f"Đơn vị cấp trên «{parent.name}» không còn hiệu lực vào ngày {valid_from:%d/%m/%Y}."
        )
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        short_name=short_name,
        is_remote_area=is_remote_area,
        address=address,
        document_abbreviation=document_abbreviation or default_document_abbreviation(name, code),
        path="/",
    )
    unit.full_clean()
    unit.save()
    _set_path(unit)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=unit, after=snapshot(unit))
    return unit


@transaction.atomic
def unit_update(
    *,
    actor,
    unit: Unit,
    short_name: str,
    document_abbreviation: str,
    address: str,
    is_remote_area: bool,
) -> Unit:
    """Change what describes a unit without changing its history (a new name is `unit_reorganise`)."""
    before = snapshot(unit)
    unit.short_name = short_name
    unit.document_abbreviation = document_abbreviation
    unit.address = address
    unit.is_remote_area = is_remote_area
    unit.full_clean()
    unit.save(update_fields=["short_name", "document_abbreviation", "address", "is_remote_area"])
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=unit, before=before, after=snapshot(unit))
    return unit


def _close(actor, unit: Unit, last_day: dt.date) -> None:
    before = snapshot(unit)
    unit.valid_to = last_day
    unit.full_clean()
    unit.save(update_fields=["valid_to"])
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=unit, before=before, after=snapshot(unit))


def _successor_department(actor, child: Unit, *, old: Unit, successor: Unit, day: dt.date) -> Unit:
    """The successor's department that takes over `child`: same name if it has one, else a new one."""
    existing = (
        successor.children.filter(name=child.name, kind=child.kind, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .first()
    )
    if existing is not None:
        return existing
    suffix = child.code[len(old.code) + 1 :] if child.code.startswith(f"{old.code}-") else child.code
    code = f"{successor.code}-{suffix}"[:40]
    if Unit.objects.filter(code=code).exists():
        code = f"{successor.code}-{child.pk}"[:40]
    return unit_create(
        actor=actor,
        code=code,
        name=child.name,
        kind=child.kind,
        parent=successor,
        valid_from=day,
        short_name=child.short_name,
        is_remote_area=child.is_remote_area,
        address=child.address,
        document_abbreviation=child.document_abbreviation,
    )


@transaction.atomic
def unit_reorganise(
    *,
    actor,
    kind: SuccessionKind,
    predecessors: list[Unit],
    successor: Unit,
    effective_on: dt.date,
    basis: str = "",
    move_people: bool = True,
) -> UnitSuccession:
    """Merge, rename or transfer `predecessors` into `successor` from `effective_on`.

    The predecessors close the day before; each of their departments passes, with its own
    succession link, to the successor's department of the same name (two "Khoa Nội" become
    one) or to a new one; open employments are closed and re-opened at the successor, so each
    person's history keeps the old unit up to that day.
    """
    from tdkt.people.services import employments_transfer  # people depends on org, not the reverse

    if not successor.is_valid_on(effective_on):
        raise ApplicationError(
            f"Đơn vị tiếp nhận «{successor.name}» chưa có hiệu lực vào ngày {effective_on:%d/%m/%Y}."
        )
    last_day = effective_on - dt.timedelta(days=1)
    link = None
    for old in predecessors:
        if old.pk == successor.pk:
            raise ApplicationError("Một đơn vị không thể sáp nhập vào chính nó.")
        if old.valid_to is not None and old.valid_to < last_day:
            raise ApplicationError(f"Đơn vị «{old.name}» đã hết hiệu lực từ {old.valid_to:%d/%m/%Y}.")
        link = UnitSuccession(
            predecessor=old, successor=successor, kind=kind, effective_on=effective_on, basis=basis
        )
        link.full_clean()
        link.save()
        audit_log(actor=actor, action=AuditAction.CREATE, obj=link, after=snapshot(link))
        department_map: dict[int, Unit] = {}
        for child in old.children.filter(valid_to__isnull=True).order_by("path"):
            new_child = _successor_department(actor, child, old=old, successor=successor, day=effective_on)
            child_link = UnitSuccession(
                predecessor=child, successor=new_child, kind=kind, effective_on=effective_on, basis=basis
            )
            child_link.save()
            audit_log(actor=actor, action=AuditAction.CREATE, obj=child_link, after=snapshot(child_link))
            department_map[child.pk] = new_child
            _close(actor, child, last_day)
        if move_people:
            employments_transfer(
                actor=actor,
                from_unit=old,
                to_unit=successor,
                department_map=department_map,
                effective_on=effective_on,
            )
        _close(actor, old, last_day)
    return link


@transaction.atomic
def bloc_create(
    *, actor, owner: Unit, year: int, name: str, members: list[Unit], leader: Unit | None = None
) -> Bloc:
    bloc = Bloc(owner=owner, year=year, name=name)
    bloc.full_clean()
    bloc.save()
    BlocMembership.objects.bulk_create(
        [
            BlocMembership(bloc=bloc, unit=u, is_leader=(leader is not None and u.pk == leader.pk))
            for u in members
        ]
    )
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=bloc,
        after={**snapshot(bloc), "members": sorted(u.pk for u in members)},
    )
    return bloc
