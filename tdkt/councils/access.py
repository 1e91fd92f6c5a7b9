"""One helper per council object: fetch it for this user or answer 404. A council is visible to users with
the council permission over its unit and to the users who sit (or sat) on it; `manage=True` also asks that
the user may set it up (an officer over its unit, or its secretary)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Ballot, ConflictDeclaration, Council, CouncilMember, Meeting, MeetingItem
from .selectors import can_manage_council, councils_visible_to


def _check(request, council: Council, manage: bool) -> None:
    if not councils_visible_to(request.user).filter(pk=council.pk).exists():
        raise Http404
    if manage and not can_manage_council(request.user, council):
        raise Http404


def get_council_for_user(request, pk: int, *, manage: bool = False) -> Council:
    council = get_object_or_404(Council.objects.select_related("unit"), pk=pk)
    _check(request, council, manage)
    return council


def get_meeting_for_user(request, pk: int, *, manage: bool = False) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("council__unit"), pk=pk)
    _check(request, meeting.council, manage)
    return meeting


def get_item_for_user(request, pk: int, *, manage: bool = False) -> MeetingItem:
    item = get_object_or_404(MeetingItem.objects.select_related("meeting__council__unit"), pk=pk)
    _check(request, item.meeting.council, manage)
    return item


def get_ballot_for_user(request, pk: int) -> Ballot:
    ballot = get_object_or_404(Ballot.objects.select_related("item__meeting__council__unit"), pk=pk)
    _check(request, ballot.item.meeting.council, manage=False)
    return ballot


def get_member_for_user(request, pk: int, *, manage: bool = False) -> CouncilMember:
    member = get_object_or_404(CouncilMember.objects.select_related("council__unit", "user"), pk=pk)
    _check(request, member.council, manage)
    return member


def get_conflict_for_user(request, pk: int) -> ConflictDeclaration:
    conflict = get_object_or_404(
        ConflictDeclaration.objects.select_related("item__meeting__council__unit", "member__user"), pk=pk
    )
    _check(request, conflict.item.meeting.council, manage=False)
    return conflict
