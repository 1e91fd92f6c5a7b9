from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.roles import COUNCIL_SIT, COUNCIL_VIEW, ORG_VIEW, PEOPLE_MANAGE, PEOPLE_VIEW
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
    if has_perm(user, PEOPLE_MANAGE):
        items.append(("records", _("Records"), reverse("records:import")))
    elif user.person_id:
        items.append(("people", _("My record"), reverse("people:detail", args=[user.person_id])))
    if has_perm(user, COUNCIL_VIEW) or has_perm(user, COUNCIL_SIT):
        items.append(("councils", _("Councils"), reverse("councils:list")))
    if has_perm(user, ORG_VIEW):
        items.append(("org", _("Organisation"), reverse("org:tree")))
    return {"nav_items": items}
