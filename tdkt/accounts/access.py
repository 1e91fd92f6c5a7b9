"""One helper per object type: fetch it for this user or answer 404. Views use nothing else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from tdkt.accounts.roles import MOVEMENTS_VIEW, ORG_VIEW, PEOPLE_VIEW
from tdkt.accounts.scope import scope_unit_ids
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.people.selectors import people_in_units


def get_unit_for_user(request, pk: int, perm: str = ORG_VIEW) -> Unit:
    if int(pk) not in scope_unit_ids(request.user, perm):
        raise Http404
    return get_object_or_404(Unit.objects.select_related("parent"), pk=pk)


def get_person_for_user(request, pk: int, perm: str = PEOPLE_VIEW) -> Person:
    """A person with a past or present post in scope; for viewing, also the user's own record."""
    user = request.user
    if perm == PEOPLE_VIEW and user.is_authenticated and user.person_id == int(pk):
        return get_object_or_404(Person, pk=pk)
    ids = scope_unit_ids(user, perm)
    if not ids:
        raise Http404
    return get_object_or_404(people_in_units(ids), pk=pk)


def units_for_user(user, perm: str):
    return Unit.objects.filter(id__in=scope_unit_ids(user, perm))


def get_movement_for_user(request, pk: int, perm: str = MOVEMENTS_VIEW, *, rows: bool = True):
    """A movement the user sees (published in or above their scope, or a draft they manage); with
    MOVEMENTS_MANAGE, one launched by a unit the user manages. Its unit and plan are loaded, and with
    `rows` its phases, targets and the plan's rows too."""
    from tdkt.movements.models import Movement
    from tdkt.movements.selectors import movement_detail_get, movements_visible

    if perm == MOVEMENTS_VIEW:
        qs = movements_visible(request.user)
    else:
        qs = Movement.objects.filter(unit_id__in=scope_unit_ids(request.user, perm))
    try:
        if rows:
            return movement_detail_get(pk=int(pk), qs=qs)
        return qs.select_related("unit", "plan").get(pk=int(pk))
    except Movement.DoesNotExist:
        raise Http404 from None


def get_target_for_user(request, pk: int):
    """A target of a movement the user sees, with its movement (and the movement's unit) loaded."""
    from tdkt.movements.models import Target
    from tdkt.movements.selectors import movements_visible

    visible = movements_visible(request.user).values("pk")
    return get_object_or_404(
        Target.objects.select_related("movement__unit", "movement__plan", "reporter_unit"),
        pk=pk,
        movement__in=visible,
    )


def get_inspection_for_user(request, pk: int):
    """An inspection the user sees (movements.selectors_inspections.inspections_visible), with its movement,
    unit and follow-up actions loaded."""
    from tdkt.movements.models import Inspection
    from tdkt.movements.selectors_inspections import inspection_detail_get, inspections_visible

    try:
        return inspection_detail_get(pk=int(pk), qs=inspections_visible(request.user))
    except Inspection.DoesNotExist:
        raise Http404 from None


def get_follow_up_for_user(request, pk: int):
    """A follow-up action of an inspection the user sees, with its inspection and movement loaded."""
    from tdkt.movements.models import FollowUpAction
    from tdkt.movements.selectors_inspections import inspections_visible

    visible = inspections_visible(request.user).values("pk")
    return get_object_or_404(
        FollowUpAction.objects.select_related("inspection__movement__unit", "owner"),
        pk=pk,
        inspection__in=visible,
    )


def get_review_for_user(request, pk: int):
    """A review the user sees (an issued one of a visible movement, or any of a movement they manage), with
    its results and proposals loaded."""
    from tdkt.movements.models import Review
    from tdkt.movements.selectors_reviews import review_detail_get, reviews_visible

    try:
        return review_detail_get(pk=int(pk), qs=reviews_visible(request.user))
    except Review.DoesNotExist:
        raise Http404 from None
