"""Reads of decisions: the list in scope, a decision's page, the public verification of a certificate."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from tdkt.accounts.roles import DECISIONS_VIEW
from tdkt.accounts.scope import scope_unit_ids

from .models import Decision, DecisionLine, DecisionStatus


def decisions_visible_to(user):
    return Decision.objects.filter(issuer_id__in=scope_unit_ids(user, DECISIONS_VIEW))


def decisions_list(user, *, year: int | None = None):
    qs = decisions_visible_to(user).select_related("issuer", "amends")
    if year:
        qs = qs.filter(date__year=year)
    return qs.annotate(
        line_count=Count("lines"), total=Sum("lines__amount", filter=Q(lines__revokes__isnull=True))
    ).order_by("-date", "-number", "-id")


def decision_lines(decision: Decision) -> list[DecisionLine]:
    return list(
        decision.lines.select_related(
            "revokes__decision", "revoked_by__decision", "award", "nomination"
        ).order_by("position", "id")
    )


@dataclass(frozen=True)
class Verification:
    valid: bool
    name: str
    unit: str
    award: str
    year: int
    decision: str  # "01/QĐ-BVĐKA"
    decision_date: dt.date
    issuer: str
    revoked_by: str = ""
    revoked_on: dt.date | None = None


def verification_of(code: uuid.UUID) -> Verification | None:
    """What the public page shows for a certificate's code; None for an unknown code or an unissued line."""
    line = (
        DecisionLine.objects.filter(code=code, decision__status=DecisionStatus.ISSUED, revokes__isnull=True)
        .select_related("decision__issuer", "person", "unit")
        .first()
    )
    if line is None:
        return None
    revocation = (
        DecisionLine.objects.filter(revokes=line, decision__status=DecisionStatus.ISSUED)
        .select_related("decision")
        .first()
    )
    decision = line.decision
    unit = line.unit.name if line.unit_id else line.unit_label
    return Verification(
        valid=revocation is None,
        name=line.name,
        unit=unit,
        award=line.candidate_label,
        year=line.year,
        decision=decision.symbol,
        decision_date=decision.date,
        issuer=decision.issuer.name,
        revoked_by=revocation.decision.symbol if revocation else "",
        revoked_on=revocation.decision.date if revocation else None,
    )


def certificate_lines(decision: Decision) -> list[DecisionLine]:
    """The award lines of an issued decision that still stand (a revoked award gets no certificate)."""
    if decision.status != DecisionStatus.ISSUED:
        return []
    return list(
        decision.lines.filter(revokes__isnull=True)
        .exclude(revoked_by__decision__status=DecisionStatus.ISSUED)
        .order_by("position", "id")
    )
