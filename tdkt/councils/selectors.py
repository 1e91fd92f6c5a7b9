"""Reads for councils: what a user may see, a meeting's page, a member's open ballots, the minutes' data.
Results of a ballot are read only once it is closed; before that nothing here returns a count."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from tdkt.accounts.roles import COUNCIL_MANAGE, COUNCIL_VIEW
from tdkt.accounts.scope import scope_unit_ids
from tdkt.law.council import BASE_LABELS_VI, Quorum, council_rules, quorum_on
from tdkt.people.models import Employment, Position

from .models import (
    Attendance,
    AttendanceStatus,
    Ballot,
    BallotParticipation,
    BallotStatus,
    ConflictDeclaration,
    ConflictReason,
    Council,
    CouncilMember,
    CouncilRole,
    Meeting,
    MeetingItem,
    MeetingStatus,
)

HEAD_POSITIONS = {Position.DIRECTOR, Position.DEPUTY_DIRECTOR, Position.HEAD, Position.DEPUTY_HEAD}


def councils_visible_to(user):
    """Councils of the units in the user's council scope, and those the user sits on."""
    ids = scope_unit_ids(user, COUNCIL_VIEW)
    return Council.objects.filter(Q(unit_id__in=ids) | Q(members__user=user)).distinct()


def can_manage_council(user, council: Council) -> bool:
    """Set up the council, its members and meetings: an officer over its unit, or its secretary."""
    if council.unit_id in scope_unit_ids(user, COUNCIL_MANAGE):
        return True
    secretary = secretary_of(council)
    return secretary is not None and secretary.user_id == user.pk


def councils_list(user):
    return (
        councils_visible_to(user)
        .select_related("unit")
        .annotate(
            member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
            open_meetings=Count("meetings", filter=~Q(meetings__status=MeetingStatus.CLOSED), distinct=True),
        )
        .order_by("unit__path", "-term_start", "id")
    )


def secretary_of(council: Council) -> CouncilMember | None:
    return (
        council.members.filter(role=CouncilRole.SECRETARY, left_on__isnull=True)
        .select_related("user")
        .first()
    )


def council_members(council: Council) -> list[CouncilMember]:
    """Current members first (chair, vice-chairs, members, secretary), then those who left."""
    order = {CouncilRole.CHAIR: 0, CouncilRole.VICE_CHAIR: 1, CouncilRole.MEMBER: 2, CouncilRole.SECRETARY: 3}
    members = list(council.members.select_related("user"))
    return sorted(members, key=lambda m: (m.left_on is not None, order[m.role], m.position, m.pk))


@dataclass(frozen=True)
class Seats:
    """Voting members of a meeting (and of one item, without its conflicted members)."""

    members: int
    present: int
    written: int
    conflicted: int = 0
    conflicted_present: int = 0


def meeting_counts(meeting: Meeting, *, item: MeetingItem | None = None) -> Seats:
    statuses = list(
        Attendance.objects.filter(meeting=meeting, member__votes=True).values_list("member_id", "status")
    )
    present = {m for m, s in statuses if s == AttendanceStatus.PRESENT}
    conflicted: set[int] = set()
    if item is not None:
        conflicted = set(
            ConflictDeclaration.objects.active()
            .filter(item=item, member__votes=True)
            .values_list("member_id", flat=True)
        )
    return Seats(
        members=len(statuses),
        present=len(present),
        written=sum(1 for _, s in statuses if s == AttendanceStatus.WRITTEN),
        conflicted=len(conflicted),
        conflicted_present=len(conflicted & present),
    )


def meeting_quorum(meeting: Meeting, seats: Seats | None = None) -> Quorum:
    seats = seats or meeting_counts(meeting)
    return quorum_on(meeting.date, members=seats.members, present=seats.present)


@dataclass
class ItemView:
    item: MeetingItem
    ballot: Ballot
    conflicts: list[ConflictDeclaration]  # in force
    withdrawn: list[ConflictDeclaration]
    suggestions: list[tuple[CouncilMember, str, str]]  # (member, ConflictReason, its label) not declared
    voted: int  # members who have voted (not how)
    entitled: int  # voting members who may vote on it now
    my_conflict: ConflictDeclaration | None = None
    my_vote: str = ""  # "", "voted", "can_vote", "conflicted", "absent", "not_voting"
    voted_names: list[str] = field(default_factory=list)

    @property
    def result_visible(self) -> bool:
        return self.ballot.status == BallotStatus.CLOSED


@dataclass
class MeetingPage:
    meeting: Meeting
    council: Council
    seats: list[Attendance]
    counts: Seats
    quorum: Quorum
    items: list[ItemView]
    me: CouncilMember | None
    is_secretary: bool
    any_open: bool


DIRECTORATE = (Position.DIRECTOR, Position.DEPUTY_DIRECTOR)
DEPARTMENT_HEADS = (Position.HEAD, Position.DEPUTY_HEAD)


def _item_heads(items: list[MeetingItem], *, council_unit_id: int, day: dt.date) -> dict[int, set[int]]:
    """For each item, the people who head its nominee on `day`: the head (or deputy) of a person's department,
    the directorate of their unit unless it is the council's own unit (whose director heads everyone there
    and chairs the council), the leaders of a collective. Two queries."""
    person_ids = {i.subject_person_id for i in items if i.subject_person_id}
    unit_ids = {i.subject_unit_id for i in items if i.subject_unit_id}
    if not person_ids and not unit_ids:
        return {}
    current = Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))
    posts: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for person_id, unit_id, department_id in Employment.objects.filter(
        current, person_id__in=person_ids
    ).values_list("person_id", "unit_id", "department_id"):
        posts[person_id].append((unit_id, department_id))
    units = {u for held in posts.values() for u, _ in held} | unit_ids
    leaders = list(
        Employment.objects.filter(current, position__in=HEAD_POSITIONS)
        .filter(Q(unit_id__in=units) | Q(department_id__in=unit_ids))
        .values_list("person_id", "unit_id", "department_id", "position")
    )
    heads: dict[int, set[int]] = defaultdict(set)
    for item in items:
        found = heads[item.pk]
        for unit_id, department_id in posts.get(item.subject_person_id, ()):
            for leader, unit, department, position in leaders:
                if (position in DIRECTORATE and unit == unit_id and unit_id != council_unit_id) or (
                    position in DEPARTMENT_HEADS and department_id is not None and department == department_id
                ):
                    found.add(leader)
        if item.subject_unit_id:
            for leader, unit, department, position in leaders:
                if (position in DEPARTMENT_HEADS and department == item.subject_unit_id) or (
                    position in DIRECTORATE and unit == item.subject_unit_id
                ):
                    found.add(leader)
        found.discard(item.subject_person_id)
    return heads


def meeting_page(meeting: Meeting, user) -> MeetingPage:
    """Everything the meeting page shows, in a fixed number of queries."""
    council = meeting.council
    seats = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("member__user")
        .order_by("member__position", "member_id")
    )
    members = [s.member for s in seats]
    by_member = {s.member_id: s for s in seats}
    me = next((m for m in members if m.user_id == user.pk and m.left_on is None), None)
    secretary = next((m for m in members if m.role == CouncilRole.SECRETARY and m.left_on is None), None)
    if secretary is None:
        secretary = secretary_of(council)
    items = list(MeetingItem.objects.filter(meeting=meeting).select_related("ballot").order_by("position"))
    conflicts: dict[int, list[ConflictDeclaration]] = defaultdict(list)
    withdrawn: dict[int, list[ConflictDeclaration]] = defaultdict(list)
    for c in (
        ConflictDeclaration.objects.filter(item__meeting=meeting)
        .select_related("member__user", "declared_by", "withdrawn_by")
        .order_by("member__position", "id")
    ):
        (withdrawn if c.withdrawn_at else conflicts)[c.item_id].append(c)
    participations = list(
        BallotParticipation.objects.filter(ballot__item__meeting=meeting).values_list(
            "ballot_id", "member_id"
        )
    )
    voted_count = Counter(b for b, _ in participations)
    voted_by = defaultdict(set)
    for b, m in participations:
        voted_by[b].add(m)
    # suggestions: a member who is the nominee, or heads them
    heads = _item_heads(items, council_unit_id=council.unit_id, day=meeting.date)
    counts = Seats(
        members=sum(1 for s in seats if s.member.votes),
        present=sum(1 for s in seats if s.member.votes and s.status == AttendanceStatus.PRESENT),
        written=sum(1 for s in seats if s.member.votes and s.status == AttendanceStatus.WRITTEN),
    )
    is_secretary = secretary is not None and secretary.user_id == user.pk
    views = []
    for item in items:
        declared = {c.member_id for c in conflicts[item.pk]}
        suggestions = []
        for m in members:
            if m.pk in declared or m.left_on is not None or not m.user.person_id:
                continue
            if m.user.person_id == item.subject_person_id:
                suggestions.append((m, ConflictReason.NOMINEE, ConflictReason.NOMINEE.label))
            elif m.user.person_id in heads.get(item.pk, ()):
                suggestions.append((m, ConflictReason.HEAD, ConflictReason.HEAD.label))
        seated = {AttendanceStatus.PRESENT}
        if council_rules(item.candidate, meeting.date).written_votes_allowed:
            seated.add(AttendanceStatus.WRITTEN)
        entitled = [
            m for m in members if m.votes and m.pk not in declared and by_member[m.pk].status in seated
        ]
        view = ItemView(
            item=item,
            ballot=item.ballot,
            conflicts=conflicts[item.pk],
            withdrawn=withdrawn[item.pk],
            suggestions=suggestions,
            voted=voted_count[item.ballot.pk],
            entitled=len(entitled),
            voted_names=[m.name for m in members if m.pk in voted_by[item.ballot.pk]] if is_secretary else [],
        )
        if me is not None:
            view.my_conflict = next((c for c in conflicts[item.pk] if c.member_id == me.pk), None)
            view.my_vote = _my_vote(me, by_member[me.pk], view, voted_by[item.ballot.pk])
        views.append(view)
    return MeetingPage(
        meeting=meeting,
        council=council,
        seats=seats,
        counts=counts,
        quorum=quorum_on(meeting.date, members=counts.members, present=counts.present),
        items=views,
        me=me,
        is_secretary=is_secretary,
        any_open=any(v.ballot.status == BallotStatus.OPEN for v in views),
    )


def _my_vote(me: CouncilMember, seat: Attendance, view: ItemView, voted: set[int]) -> str:
    if me.pk in voted:
        return "voted"
    if not me.votes:
        return "not_voting"
    if view.my_conflict is not None:
        return "conflicted"
    if seat.status != AttendanceStatus.PRESENT:
        return "absent"
    return "can_vote" if view.ballot.status == BallotStatus.OPEN else ""


@dataclass
class OpenBallot:
    ballot: Ballot
    item: MeetingItem
    meeting: Meeting
    state: str  # "can_vote", "voted", "conflicted", "absent"


def open_ballots_for(user) -> list[OpenBallot]:
    """The open ballots of the meetings the user sits in as a voting member, with what they may do."""
    memberships = {
        m.council_id: m for m in CouncilMember.objects.filter(user=user, left_on__isnull=True, votes=True)
    }
    if not memberships:
        return []
    ballots = list(
        Ballot.objects.filter(status=BallotStatus.OPEN, item__meeting__council_id__in=memberships)
        .select_related("item__meeting__council")
        .annotate(
            my_voted=Exists(BallotParticipation.objects.filter(ballot=OuterRef("pk"), member__user=user)),
            my_conflict=Exists(
                ConflictDeclaration.objects.active().filter(item=OuterRef("item"), member__user=user)
            ),
            my_present=Exists(
                Attendance.objects.filter(
                    meeting=OuterRef("item__meeting"), member__user=user, status=AttendanceStatus.PRESENT
                )
            ),
        )
        .order_by("item__meeting__date", "item__meeting_id", "item__position")
    )
    found = []
    for b in ballots:
        state = (
            "voted"
            if b.my_voted
            else "conflicted"
            if b.my_conflict
            else "can_vote"
            if b.my_present
            else "absent"
        )
        found.append(OpenBallot(ballot=b, item=b.item, meeting=b.item.meeting, state=state))
    return found


# ---------------------------------------------------------------------------------------------
# Minutes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinutesMember:
    name: str
    role: str  # CouncilRole
    role_label: str
    title: str
    votes: bool
    attendance: str  # AttendanceStatus
    attendance_label: str


@dataclass(frozen=True)
class MinutesConflict:
    member: str
    reason: str
    reason_label: str
    detail: str


@dataclass(frozen=True)
class MinutesItem:
    position: int
    candidate: str
    candidate_label: str
    subject_kind: str
    subject_label: str
    subject_unit_label: str
    conflicts: tuple[MinutesConflict, ...]
    status: str  # BallotStatus: "pending" means never voted on
    voters: int | None
    written_voters: int | None
    agree: int | None  # None: not voted, or the tally is withheld (below the minimum of voters)
    disagree: int | None
    abstain: int | None
    tally_withheld: bool
    base: int | None
    base_label: str
    required: int | None
    pass_share: str
    passed: bool | None
    text: str
    cite: str
    verified: bool | None


@dataclass(frozen=True)
class MinutesData:
    council: str
    unit: str
    meeting_title: str
    date: dt.date
    start_time: dt.time | None
    place: str
    status: str
    chair: str
    secretary: str
    members: tuple[MinutesMember, ...]
    members_count: int  # voting members
    present_count: int
    written_count: int
    absent_count: int
    quorum_met: bool
    quorum_required: int
    quorum_cite: str
    items: tuple[MinutesItem, ...]


def meeting_minutes_data(meeting: Meeting) -> MinutesData:
    """What the minutes (biên bản họp Hội đồng) need: attendance, quorum, each item's conflicts and its
    result with the rule that decided it. Counts only for closed ballots, and only from the minimum of
    voters up."""
    meeting = Meeting.objects.select_related("council__unit").get(pk=meeting.pk)
    seats = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("member__user")
        .order_by("member__position", "member_id")
    )
    members = tuple(
        MinutesMember(
            name=s.member.name,
            role=s.member.role,
            role_label=str(CouncilRole(s.member.role).label),
            title=s.member.title,
            votes=s.member.votes,
            attendance=s.status,
            attendance_label=str(AttendanceStatus(s.status).label),
        )
        for s in seats
    )
    voting = [s for s in seats if s.member.votes]
    present = sum(1 for s in voting if s.status == AttendanceStatus.PRESENT)
    written = sum(1 for s in voting if s.status == AttendanceStatus.WRITTEN)
    check = quorum_on(meeting.date, members=len(voting), present=present)
    conflicts: dict[int, list[MinutesConflict]] = defaultdict(list)
    for c in (
        ConflictDeclaration.objects.active()
        .filter(item__meeting=meeting)
        .select_related("member__user")
        .order_by("member__position", "id")
    ):
        conflicts[c.item_id].append(
            MinutesConflict(
                member=c.member.name,
                reason=c.reason,
                reason_label=str(ConflictReason(c.reason).label),
                detail=c.detail,
            )
        )
    items = []
    for item in MeetingItem.objects.filter(meeting=meeting).select_related("ballot").order_by("position"):
        b = item.ballot
        closed = b.status == BallotStatus.CLOSED
        items.append(
            MinutesItem(
                position=item.position,
                candidate=item.candidate,
                candidate_label=item.candidate_label,
                subject_kind=item.subject_kind,
                subject_label=item.subject_label,
                subject_unit_label=item.subject_unit_label,
                conflicts=tuple(conflicts[item.pk]),
                status=b.status,
                voters=b.voters if closed else None,
                written_voters=b.written_voters if closed else None,
                agree=b.agree if closed else None,
                disagree=b.disagree if closed else None,
                abstain=b.abstain if closed else None,
                tally_withheld=closed and b.agree is None,
                base=b.base if closed else None,
                base_label=BASE_LABELS_VI.get(b.pass_base, "") if closed else "",
                required=b.required if closed else None,
                pass_share=b.pass_share if closed else "",
                passed=b.passed if closed else None,
                text=b.outcome_text if closed else "",
                cite=b.cite if closed else "",
                verified=b.verified if closed else None,
            )
        )
    role_names = {
        role: next((m.name for m in members if m.role == role), "")
        for role in (CouncilRole.CHAIR, CouncilRole.SECRETARY)
    }
    return MinutesData(
        council=meeting.council.name,
        unit=meeting.council.unit.name,
        meeting_title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        place=meeting.place,
        status=meeting.status,
        chair=role_names[CouncilRole.CHAIR],
        secretary=role_names[CouncilRole.SECRETARY],
        members=members,
        members_count=len(voting),
        present_count=present,
        written_count=written,
        absent_count=len(voting) - present - written,
        quorum_met=check.met,
        quorum_required=check.required,
        quorum_cite=check.cite,
        items=tuple(items),
    )
