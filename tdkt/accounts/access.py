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


def get_movement_for_user(request, pk: int, perm: str = MOVEMENTS_VIEW):
    """A movement the user sees (published in or above their scope, or a draft they manage); with
    MOVEMENTS_MANAGE, one launched by a unit the user manages. Its plan and rows are preloaded."""
    from tdkt.movements.models import Movement
    from tdkt.movements.selectors import movement_detail_get, movements_visible

    if perm == MOVEMENTS_VIEW:
        qs = movements_visible(request.user)
    else:
        qs = Movement.objects.filter(unit_id__in=scope_unit_ids(request.user, perm))
    try:
        return movement_detail_get(pk=int(pk), qs=qs)
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


def get_registration_for_user(request, pk: int):
    """A registration the user sees: their own, or one of a unit in their REGISTRATIONS_VIEW scope."""
    from tdkt.accounts.roles import REGISTRATIONS_VIEW
    from tdkt.pledges.models import Registration

    user = request.user
    registration = get_object_or_404(
        Registration.objects.select_related("movement__unit", "person", "unit", "home"), pk=pk
    )
    own = user.person_id is not None and registration.person_id == user.person_id
    if not own and registration.home_id not in scope_unit_ids(user, REGISTRATIONS_VIEW):
        raise Http404
    return registration


def get_pledge_round_for_user(request, pk: int, perm: str | None = None):
    """A pledge round of a unit in the user's scope for `perm` (PLEDGES_VIEW unless told), with its
    movement, unit, bloc and union chair loaded."""
    from tdkt.accounts.roles import PLEDGES_VIEW
    from tdkt.pledges.models import PledgeRound

    ids = scope_unit_ids(request.user, perm or PLEDGES_VIEW)
    pledge_round = get_object_or_404(
        PledgeRound.objects.select_related("movement__unit", "unit", "bloc", "union_chair"), pk=pk
    )
    if pledge_round.unit_id not in ids:
        raise Http404
    return pledge_round


def get_pledge_for_user(request, pk: int):
    """A pledge the user is a party to, or one of a unit in their PLEDGES_VIEW scope; with its round,
    movement, department, pledger and parties (with their people and units) loaded."""
    from django.db.models import Prefetch

    from tdkt.accounts.roles import PLEDGES_VIEW
    from tdkt.pledges.models import Pledge, PledgeParty

    pledge = get_object_or_404(
        Pledge.objects.select_related(
            "round__movement__unit", "round__unit", "round__bloc", "unit", "pledger"
        ).prefetch_related(
            Prefetch("parties", queryset=PledgeParty.objects.select_related("person", "unit", "signed_by"))
        ),
        pk=pk,
    )
    user = request.user
    if user.person_id is not None and any(p.person_id == user.person_id for p in pledge.parties.all()):
        return pledge
    ids = scope_unit_ids(user, PLEDGES_VIEW)
    if pledge.unit_id not in ids and pledge.round.unit_id not in ids:
        raise Http404
    return pledge
