"""Fetch a decision object for this user or answer 404: decisions are seen by whoever holds the permission
over their issuing unit."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from tdkt.accounts.roles import DECISIONS_VIEW
from tdkt.accounts.scope import scope_unit_ids

from .models import Decision, DecisionLine


def get_decision_for_user(request, pk: int, perm: str = DECISIONS_VIEW) -> Decision:
    decision = get_object_or_404(Decision.objects.select_related("issuer", "amends"), pk=pk)
    if decision.issuer_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return decision


def get_line_for_user(request, pk: int, perm: str = DECISIONS_VIEW) -> DecisionLine:
    line = get_object_or_404(DecisionLine.objects.select_related("decision__issuer"), pk=pk)
    if line.decision.issuer_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return line
