from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.roles import DISCLOSURE_VIEW, NOMINATIONS_VIEW, ORG_VIEW, PEOPLE_MANAGE, PEOPLE_VIEW
from tdkt.accounts.scope import has_perm


def navigation(request):
    """Main menu entries the user may open; areas are added here as they land."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [("home", _("Overview"), reverse("home"))]
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
    if has_perm(user, ORG_VIEW):
        items.append(("org", _("Organisation"), reverse("org:tree")))
    return {"nav_items": items}
