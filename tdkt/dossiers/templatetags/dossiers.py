"""{% round_dossier round %} and {% nomination_dossier nomination %}: the dossier checklist on the round and
nomination pages of tdkt.nominations, so those pages need no change beyond one line each."""

from django import template

from tdkt.accounts.roles import NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.timeutil import today_vn

from ..checklist import checklists, round_checklist

register = template.Library()


@register.inclusion_tag("dossiers/_round_summary.html", takes_context=True)
def round_dossier(context, round):
    checklist = round_checklist(round, today=today_vn())
    user = context["request"].user
    return {
        "round": round,
        "checklist": checklist,
        "can_prepare": round.unit_id in scope_unit_ids(user, NOMINATIONS_PREPARE),
    }


@register.inclusion_tag("dossiers/_nomination_checklist.html")
def nomination_dossier(nomination):
    found = checklists(nomination.round, [nomination], today=today_vn()).get(nomination.pk)
    return {"nomination": nomination, "checklist": found}
