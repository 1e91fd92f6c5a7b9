"""Accounts: throttled login and role grants (audited)."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction, LoginFailure, RoleAssignment


def login_blocked(*, username: str, ip: str | None) -> bool:
    since = timezone.now() - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
    cond = Q(username=username.lower())
    if ip:
        cond |= Q(ip=ip)
    return LoginFailure.objects.filter(cond, at__gte=since).count() >= settings.LOGIN_FAILURE_LIMIT


def login_failed(*, username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], ip=ip)


def login_succeeded(*, username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()).delete()


@transaction.atomic
def role_grant(*, actor, user, role: str, unit) -> RoleAssignment:
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        audit_log(actor=actor, action=AuditAction.CREATE, obj=assignment, after=snapshot(assignment))
    return assignment
