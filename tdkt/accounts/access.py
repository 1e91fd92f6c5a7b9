"""One helper per object type: fetch it for this user or answer 404. Views use nothing else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from tdkt.accounts.roles import DISCLOSURE_VIEW, NOMINATIONS_PREPARE, NOMINATIONS_VIEW, ORG_VIEW, PEOPLE_VIEW
from tdkt.accounts.scope import scope_and_ancestor_unit_ids, scope_unit_ids
from tdkt.nominations.models import Disclosure, Nomination, Objection, Round
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


def get_round_for_user(request, pk: int, perm: str = NOMINATIONS_VIEW) -> Round:
    """A nomination round of a unit in scope."""
    found = get_object_or_404(Round.objects.select_related("unit"), pk=pk)
    if found.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found


def get_nomination_for_user(request, pk: int, perm: str = NOMINATIONS_VIEW) -> Nomination:
    """A nomination of a round in scope, with its round, unit, nominee and home unit."""
    found = get_object_or_404(
        Nomination.objects.select_related("round__unit", "person", "unit", "home", "award"), pk=pk
    )
    if found.round.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found


def get_disclosure_for_user(request, pk: int) -> Disclosure:
    """A disclosed list of a unit the user belongs to (or oversees)."""
    found = get_object_or_404(Disclosure.objects.select_related("round__unit"), pk=pk)
    if found.round.unit_id not in scope_and_ancestor_unit_ids(request.user, DISCLOSURE_VIEW):
        raise Http404
    return found


def get_objection_for_user(request, pk: int, perm: str = NOMINATIONS_PREPARE) -> Objection:
    """An objection to a nomination of a round in scope (for answering)."""
    found = get_object_or_404(
        Objection.objects.select_related("disclosure__round__unit", "nomination"), pk=pk
    )
    if found.disclosure.round.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found
