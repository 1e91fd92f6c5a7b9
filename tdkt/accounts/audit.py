"""The audit log: every service that changes a core record calls `audit_log` (or `audit_log_many`)."""

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable

from django.db import models

from tdkt.accounts.models import AuditAction, AuditEntry


def _plain(value):
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model) -> dict:
    """The editable concrete fields of `obj` as JSON-ready values (foreign keys by id)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if not field.editable or field.primary_key:
            continue
        data[field.attname] = _plain(getattr(obj, field.attname))
    return data


def diff(before: dict | None, after: dict | None) -> dict:
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _entry(actor, action: str, obj: models.Model, before: dict | None, after: dict | None, reason: str):
    return AuditEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=(actor.get_username() if actor is not None and actor.is_authenticated else "system"),
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=diff(before, after),
        reason=reason[:255],
    )


def audit_log(
    *,
    actor,
    action: AuditAction,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEntry | None:
    """Record one change; an update that changed nothing leaves no entry."""
    entry = _entry(actor, action, obj, before, after, reason)
    if action == AuditAction.UPDATE and not entry.changes:
        return None
    entry.save()
    return entry


def audit_log_many(
    *,
    actor,
    items: Iterable[tuple[str, models.Model, dict | None, dict | None]],
    reason: str = "",
    batch_size: int = 2000,
) -> int:
    """Record many changes in few queries (imports). `items` yields (action, obj, before, after)."""
    entries = []
    for action, obj, before, after in items:
        entry = _entry(actor, action, obj, before, after, reason)
        if action == AuditAction.UPDATE and not entry.changes:
            continue
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
    return len(entries)


def audit_entries_for(obj: models.Model, *, related: Iterable[tuple[str, Iterable]] = ()):
    """Entries about `obj` and, optionally, related objects given as (object_type, ids)."""
    cond = models.Q(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    for object_type, ids in related:
        cond |= models.Q(object_type=object_type, object_id__in=[str(i) for i in ids])
    return AuditEntry.objects.filter(cond).select_related(None)
