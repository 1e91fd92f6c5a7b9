from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.roles import (
    COUNCIL_SIT,
    COUNCIL_VIEW,
    DECISIONS_VIEW,
    DISCLOSURE_VIEW,
    MOVEMENTS_VIEW,
    NOMINATIONS_VIEW,
    ORG_VIEW,
    PEOPLE_MANAGE,
    PEOPLE_VIEW,
    REGISTER_VIEW,
)
from tdkt.accounts.scope import has_perm


def navigation(request):
    """Main menu entries the user may open; areas are added here as they land."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [("home", _("Overview"), reverse("home"))]
    if has_perm(user, MOVEMENTS_VIEW):
        items.append(("movements", _("Movements"), reverse("movements:list")))
    if has_perm(user, PEOPLE_VIEW):
        items.append(("people", _("People"), reverse("people:list")))
        items.append(("eligibility", _("Eligibility"), reverse("eligibility:list")))
    if has_perm(user, NOMINATIONS_VIEW):
        items.append(("nominations", _("Nominations"), reverse("nominations:rounds")))
    elif has_perm(user, DISCLOSURE_VIEW):
        items.append(("nominations", _("Disclosed nominations"), reverse("nominations:disclosures")))
    if has_perm(user, PEOPLE_MANAGE):
        items.append(("records", _("Records"), reverse("records:import")))
    elif user.person_id:
        items.append(("people", _("My record"), reverse("people:detail", args=[user.person_id])))
    if has_perm(user, COUNCIL_VIEW) or has_perm(user, COUNCIL_SIT):
        items.append(("councils", _("Councils"), reverse("councils:list")))
    if has_perm(user, DECISIONS_VIEW):
        items.append(("decisions", _("Decisions"), reverse("decisions:list")))
    if has_perm(user, ORG_VIEW):
        items.append(("org", _("Organisation"), reverse("org:tree")))
    if has_perm(user, REGISTER_VIEW):
        items.append(("documents", _("Documents"), reverse("documents:register")))
    if user.person_id:  # anyone with a staff record may have pledges to sign
        items.append(("mine", _("My pledges"), reverse("pledges:mine")))
    return {"nav_items": items}
