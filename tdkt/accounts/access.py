"""One helper per object type: fetch it for this user or answer 404. Views use nothing else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from tdkt.accounts.roles import ORG_VIEW, PEOPLE_VIEW
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
