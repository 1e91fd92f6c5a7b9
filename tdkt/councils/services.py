"""Writes for councils: composition, meetings and their agenda, attendance, conflicts of interest and the
secret ballot (open → cast / written → close). Every change is audited; a vote's audit entry says who voted,
never the choice (councils.ballot_box)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction, Role
from tdkt.accounts.services import role_grant
from tdkt.core.errors import ApplicationError
from tdkt.law.council import ballot_outcome, council_rules, quorum
from tdkt.law.errors import CaseError
from tdkt.law.vocabulary import (
    CANDIDATES,
    COLLECTIVE_FORMS,
    COLLECTIVE_TITLES,
    LABELS_VI,
    PERSON_FORMS,
    PERSON_TITLES,
)
from tdkt.org.models import Unit
from tdkt.people.models import Person

from . import ballot_box
from .hooks import BallotResult, report_ballot_closed
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
    SubjectKind,
    VoteMethod,
)
from .selectors import meeting_counts, secretary_of

# ---------------------------------------------------------------------------------------------
# Councils and members
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def council_create(
    *,
    actor,
    unit: Unit,
    name: str,
    term_start: dt.date,
    term_end: dt.date | None = None,
    basis: str = "",
) -> Council:
    council = Council(
        unit=unit, name=name.strip(), term_start=term_start, term_end=term_end, basis=basis.strip()
    )
    council.full_clean()
    council.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=council, after=snapshot(council))
    return council


@transaction.atomic
def council_update(
    *, actor, council: Council, name: str, term_start: dt.date, term_end: dt.date | None, basis: str = ""
) -> Council:
    before = snapshot(council)
    council.name, council.term_start, council.term_end, council.basis = (
        name.strip(),
        term_start,
        term_end,
        basis,
    )
    council.full_clean()
    council.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=council, before=before, after=snapshot(council))
    return council


def _open_meetings(council: Council):
    return council.meetings.exclude(status=MeetingStatus.CLOSED)


@transaction.atomic
def council_member_add(
    *, actor, council: Council, user, role: str, title: str = "", votes: bool = True
) -> CouncilMember:
    """Put `user` on the council (again, if they had left); they get the matching tdkt role over the
    council's unit, and a seat in the council's meetings that have not ended."""
    if role not in CouncilRole.values:
        raise ApplicationError(f"Vai trò «{role}» không có trong Hội đồng.")
    current = council.members.filter(left_on__isnull=True)
    name = user.get_full_name() or user.get_username()
    if current.filter(user=user).exists():
        raise ApplicationError(f"{name} đã là thành viên Hội đồng.")
    if role in (CouncilRole.CHAIR, CouncilRole.SECRETARY) and current.filter(role=role).exists():
        label = CouncilRole(role).label
        raise ApplicationError(f"Hội đồng đã có {str(label).lower()}; cho người đó rời Hội đồng trước.")
    position = (current.aggregate(m=models.Max("position"))["m"] or 0) + 1
    member = council.members.filter(user=user).first()
    before = snapshot(member) if member else None
    if member is None:
        member = CouncilMember(council=council, user=user)
    member.role, member.title, member.votes, member.position, member.left_on = (
        role,
        title,
        votes,
        position,
        None,
    )
    member.full_clean()
    member.save()
    action = AuditAction.UPDATE if before else AuditAction.CREATE
    audit_log(actor=actor, action=action, obj=member, before=before, after=snapshot(member))
    role_grant(
        actor=actor,
        user=user,
        role=Role.COUNCIL_SECRETARY if role == CouncilRole.SECRETARY else Role.COUNCIL_MEMBER,
        unit=council.unit,
    )
    for meeting in _open_meetings(council):
        Attendance.objects.get_or_create(meeting=meeting, member=member)
    return member


@transaction.atomic
def council_member_leave(*, actor, member: CouncilMember, left_on: dt.date) -> CouncilMember:
    """The member leaves the council; they keep their place in past meetings and lose it in scheduled ones."""
    if member.left_on is not None:
        raise ApplicationError(f"{member} đã rời Hội đồng từ {member.left_on:%d/%m/%Y}.")
    if member.council.meetings.filter(status=MeetingStatus.IN_SESSION, attendance__member=member).exists():
        raise ApplicationError(f"{member} đang dự một phiên họp chưa kết thúc; kết thúc phiên họp trước.")
    before = snapshot(member)
    member.left_on = left_on
    member.full_clean()
    member.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=member, before=before, after=snapshot(member))
    scheduled = Meeting.objects.filter(council=member.council, status=MeetingStatus.SCHEDULED)
    for conflict in ConflictDeclaration.objects.active().filter(member=member, item__meeting__in=scheduled):
        _withdraw(actor, conflict, reason=f"{member} rời Hội đồng")
    Attendance.objects.filter(member=member, meeting__in=scheduled).delete()
    return member


# ---------------------------------------------------------------------------------------------
# Meetings and their agenda
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    actor,
    council: Council,
    title: str,
    date: dt.date,
    place: str,
    start_time: dt.time | None = None,
) -> Meeting:
    """A scheduled meeting; every current member gets a seat (absent until the secretary records them)."""
    if not council.sits_on(date):
        raise ApplicationError(f"Ngày họp {date:%d/%m/%Y} nằm ngoài nhiệm kỳ của Hội đồng.")
    meeting = Meeting(
        council=council, title=title.strip(), date=date, place=place.strip(), start_time=start_time
    )
    meeting.full_clean()
    meeting.save()
    members = list(council.members.filter(left_on__isnull=True))
    Attendance.objects.bulk_create([Attendance(meeting=meeting, member=m) for m in members])
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=meeting,
        after={**snapshot(meeting), "members": [m.pk for m in members]},
    )
    return meeting


@transaction.atomic
def meeting_update(
    *, actor, meeting: Meeting, title: str, date: dt.date, place: str, start_time: dt.time | None
) -> Meeting:
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ApplicationError("Chỉ sửa được phiên họp chưa bắt đầu.")
    if not meeting.council.sits_on(date):
        raise ApplicationError(f"Ngày họp {date:%d/%m/%Y} nằm ngoài nhiệm kỳ của Hội đồng.")
    before = snapshot(meeting)
    meeting.title, meeting.date, meeting.place, meeting.start_time = (
        title.strip(),
        date,
        place.strip(),
        start_time,
    )
    meeting.full_clean()
    meeting.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=meeting, before=before, after=snapshot(meeting))
    return meeting


@dataclass(frozen=True)
class AgendaItemSpec:
    """One item to vote on. `target` is the object the result is reported to (a nomination …); the labels
    are frozen as given. `subject_person` / `subject_unit` (the nominee person or collective) let tdkt see a
    member who is the nominee or heads them."""

    candidate: str
    subject_label: str
    subject_kind: str = SubjectKind.PERSON
    subject_unit_label: str = ""
    target: models.Model | None = None
    subject_person: Person | None = None
    subject_unit: Unit | None = None
    note: str = ""


def _require_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise ApplicationError("Phiên họp đã kết thúc.")


@transaction.atomic
def meeting_add_items(*, meeting: Meeting, items: Sequence[AgendaItemSpec], actor) -> list[MeetingItem]:
    """Append items to the agenda, each with its (not yet opened) ballot. All or nothing."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    position = meeting.items.aggregate(m=models.Max("position"))["m"] or 0
    created = []
    for number, spec in enumerate(items, start=1):
        where = f"Nội dung thứ {number}"
        if spec.candidate not in CANDIDATES:
            raise ApplicationError(
                f"{where}: «{spec.candidate}» không phải danh hiệu hay hình thức khen thưởng."
            )
        fits = (
            (PERSON_TITLES + PERSON_FORMS)
            if spec.subject_kind == SubjectKind.PERSON
            else (COLLECTIVE_TITLES + COLLECTIVE_FORMS)
        )
        if spec.subject_kind not in SubjectKind.values or spec.candidate not in fits:
            who = "cá nhân" if spec.subject_kind == SubjectKind.PERSON else "tập thể"
            raise ApplicationError(
                f"{where}: {LABELS_VI.get(spec.candidate, spec.candidate)} không xét cho {who}."
            )
        if not spec.subject_label.strip():
            raise ApplicationError(f"{where}: thiếu tên người hoặc tập thể được đề nghị.")
        target = spec.target
        content_type = ContentType.objects.get_for_model(target) if target is not None else None
        object_id = str(target.pk) if target is not None else ""
        if target is not None and (
            MeetingItem.objects.filter(
                meeting=meeting, content_type=content_type, object_id=object_id, candidate=spec.candidate
            ).exists()
        ):
            raise ApplicationError(
                f"{where}: {spec.subject_label} — {LABELS_VI.get(spec.candidate, spec.candidate)} "
                "đã có trong chương trình họp."
            )
        position += 1
        item = MeetingItem(
            meeting=meeting,
            position=position,
            candidate=spec.candidate,
            subject_kind=spec.subject_kind,
            subject_label=spec.subject_label.strip(),
            subject_unit_label=spec.subject_unit_label.strip(),
            subject_person=spec.subject_person,
            subject_unit=spec.subject_unit,
            content_type=content_type,
            object_id=object_id,
            note=spec.note.strip(),
        )
        try:
            item.full_clean(validate_constraints=False)
        except Exception as exc:
            raise ApplicationError(f"{where}: {'; '.join(getattr(exc, 'messages', [str(exc)]))}") from None
        item.save()
        Ballot.objects.create(item=item)
        audit_log(actor=actor, action=AuditAction.CREATE, obj=item, after=snapshot(item))
        created.append(item)
    return created


@transaction.atomic
def meeting_item_remove(*, actor, item: MeetingItem) -> None:
    ballot = Ballot.objects.select_for_update().get(item=item)
    if ballot.status != BallotStatus.PENDING:
        raise ApplicationError("Không thể bỏ nội dung đã mở phiếu khỏi chương trình họp.")
    audit_log(actor=actor, action=AuditAction.DELETE, obj=item, before=snapshot(item))
    item.delete()


def _require_secretary(council: Council, actor) -> CouncilMember:
    secretary = secretary_of(council)
    if secretary is None or secretary.user_id != getattr(actor, "pk", None):
        raise ApplicationError("Chỉ thư ký Hội đồng làm được việc này.")
    return secretary


def _no_ballot_open(meeting: Meeting) -> None:
    if Ballot.objects.filter(item__meeting=meeting, status=BallotStatus.OPEN).exists():
        raise ApplicationError("Đang có phiếu mở: đóng phiếu trước khi thay đổi điểm danh.")


@transaction.atomic
def attendance_set(*, actor, meeting: Meeting, member: CouncilMember, status: str) -> Attendance:
    """Record whether a member sits in the meeting. Not while a ballot is open: the voters of an open
    ballot must not change under it."""
    _require_open(meeting)
    if status not in AttendanceStatus.values:
        raise ApplicationError(f"Tình trạng «{status}» không hợp lệ.")
    _no_ballot_open(meeting)
    attendance = Attendance.objects.select_for_update().filter(meeting=meeting, member=member).first()
    if attendance is None:
        raise ApplicationError(f"{member} không có trong danh sách dự họp.")
    before = snapshot(attendance)
    attendance.status = status
    attendance.full_clean()
    attendance.save()
    audit_log(
        actor=actor, action=AuditAction.UPDATE, obj=attendance, before=before, after=snapshot(attendance)
    )
    return attendance


@transaction.atomic
def meeting_close(*, actor, meeting: Meeting) -> Meeting:
    """End the meeting: every ballot must be closed; items never opened stay "not voted"."""
    _require_secretary(meeting.council, actor)
    _require_open(meeting)
    if Ballot.objects.filter(item__meeting=meeting, status=BallotStatus.OPEN).exists():
        raise ApplicationError("Còn phiếu đang mở: đóng tất cả phiếu trước khi kết thúc phiên họp.")
    before = snapshot(meeting)
    meeting.status = MeetingStatus.CLOSED
    meeting.save(update_fields=["status"])
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=meeting, before=before, after=snapshot(meeting))
    return meeting


# ---------------------------------------------------------------------------------------------
# Conflicts of interest
# ---------------------------------------------------------------------------------------------


def _may_speak_for(actor, member: CouncilMember) -> bool:
    """A member declares for themselves; the secretary records a declaration for any member."""
    if member.user_id == getattr(actor, "pk", None):
        return True
    secretary = secretary_of(member.council)
    return secretary is not None and secretary.user_id == getattr(actor, "pk", None)


@transaction.atomic
def conflict_declare(
    *, actor, item: MeetingItem, member: CouncilMember, reason: str, detail: str = ""
) -> ConflictDeclaration:
    """`member` has a conflict of interest with `item` and will not vote on it. Before the ballot opens."""
    ballot = Ballot.objects.select_for_update().get(item=item)
    _require_open(item.meeting)
    if member.council_id != item.meeting.council_id or member.left_on is not None:
        raise ApplicationError(f"{member} không phải thành viên Hội đồng này.")
    if not _may_speak_for(actor, member):
        raise ApplicationError("Chỉ thành viên đó hoặc thư ký Hội đồng ghi được xung đột lợi ích.")
    if ballot.status != BallotStatus.PENDING:
        raise ApplicationError("Phiếu của nội dung này đã mở: xung đột lợi ích phải khai trước khi bỏ phiếu.")
    if reason not in ConflictReason.values:
        raise ApplicationError(f"Lý do «{reason}» không hợp lệ.")
    if reason == ConflictReason.OTHER and not detail.strip():
        raise ApplicationError("Lý do khác: hãy ghi rõ lý do.")
    if ConflictDeclaration.objects.active().filter(item=item, member=member).exists():
        raise ApplicationError(f"{member} đã khai xung đột lợi ích với nội dung này.")
    conflict = ConflictDeclaration(
        item=item, member=member, reason=reason, detail=detail.strip(), declared_by=actor
    )
    conflict.full_clean()
    conflict.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=conflict, after=snapshot(conflict))
    return conflict


def _withdraw(actor, conflict: ConflictDeclaration, *, reason: str = "") -> None:
    before = snapshot(conflict)
    conflict.withdrawn_at, conflict.withdrawn_by = timezone.now(), actor
    conflict.save(update_fields=["withdrawn_at", "withdrawn_by"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=conflict,
        before=before,
        after=snapshot(conflict),
        reason=reason,
    )


@transaction.atomic
def conflict_withdraw(*, actor, conflict: ConflictDeclaration) -> None:
    """The declaration no longer holds: the member votes on the item. Kept, marked withdrawn."""
    ballot = Ballot.objects.select_for_update().get(item_id=conflict.item_id)
    if not _may_speak_for(actor, conflict.member):
        raise ApplicationError("Chỉ thành viên đó hoặc thư ký Hội đồng rút được khai báo.")
    if conflict.withdrawn_at is not None:
        raise ApplicationError("Khai báo này đã được rút.")
    if ballot.status != BallotStatus.PENDING:
        raise ApplicationError("Phiếu của nội dung này đã mở: không rút khai báo được nữa.")
    _withdraw(actor, conflict)


# ---------------------------------------------------------------------------------------------
# The secret ballot
# ---------------------------------------------------------------------------------------------


def _locked_ballot(ballot: Ballot) -> Ballot:
    return Ballot.objects.select_for_update().select_related("item__meeting__council").get(pk=ballot.pk)


def _rules(item: MeetingItem):
    return council_rules(item.candidate, item.meeting.date)


@transaction.atomic
def ballot_open(*, actor, ballot: Ballot) -> Ballot:
    """The secretary opens the ballot of one item: the meeting must have its quorum. A member who is the
    nominee is recorded as conflicted (they cannot vote on themselves)."""
    ballot = _locked_ballot(ballot)
    item, meeting = ballot.item, ballot.item.meeting
    _require_secretary(meeting.council, actor)
    _require_open(meeting)
    if ballot.status != BallotStatus.PENDING:
        raise ApplicationError("Phiếu này đã được mở.")
    counts = meeting_counts(meeting)
    check = quorum(rules=_rules(item), members=counts.members, present=counts.present)
    if not check.met:
        raise ApplicationError(
            f"Chưa đủ số thành viên dự họp: có mặt {check.present}/{check.members}, "
            f"cần ít nhất {check.required} ({check.cite})."
        )
    if item.subject_person_id:
        for member in meeting.council.members.filter(
            left_on__isnull=True, user__person_id=item.subject_person_id
        ).exclude(pk__in=ConflictDeclaration.objects.active().filter(item=item).values("member_id")):
            conflict = ConflictDeclaration.objects.create(
                item=item,
                member=member,
                reason=ConflictReason.NOMINEE,
                detail="Ghi tự động khi mở phiếu: thành viên là người được đề nghị",
                declared_by=actor,
            )
            audit_log(actor=actor, action=AuditAction.CREATE, obj=conflict, after=snapshot(conflict))
    before = snapshot(ballot)
    ballot.status = BallotStatus.OPEN
    ballot.opened_at, ballot.opened_by = timezone.now(), actor
    ballot.sealed = ballot_box.seal(ballot_box.Counts(), ballot_id=ballot.pk)
    ballot.save()
    if meeting.status == MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.IN_SESSION
        meeting.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=ballot,
        before={"status": before["status"]},
        after={"status": ballot.status},
    )
    return ballot


def _unseal(ballot: Ballot) -> ballot_box.Counts:
    try:
        return ballot_box.unseal(ballot.sealed, ballot_id=ballot.pk)
    except ballot_box.BoxError:
        raise ApplicationError(
            "Không mở được hòm phiếu: khóa bí mật của máy chủ đã đổi. Khai báo khóa cũ trong "
            "SECRET_KEY_FALLBACKS rồi thử lại; không có phiếu nào bị mất."
        ) from None


def _record_vote(*, actor, ballot: Ballot, member: CouncilMember, choice: str, method: str) -> None:
    if choice not in ballot_box.CHOICES:
        raise ApplicationError("Lựa chọn không hợp lệ: đồng ý, không đồng ý hoặc không có ý kiến.")
    if ConflictDeclaration.objects.active().filter(item_id=ballot.item_id, member=member).exists():
        raise ApplicationError(f"{member} có xung đột lợi ích với nội dung này và không bỏ phiếu.")
    if BallotParticipation.objects.filter(ballot=ballot, member=member).exists():
        raise ApplicationError(f"{member} đã bỏ phiếu cho nội dung này.")
    participation = BallotParticipation(
        ballot=ballot,
        member=member,
        method=method,
        recorded_by=actor if method == VoteMethod.WRITTEN else None,
    )
    try:
        with transaction.atomic():  # a concurrent second vote fails here, on one_vote_per_member
            participation.save()
    except IntegrityError:
        raise ApplicationError(f"{member} đã bỏ phiếu cho nội dung này.") from None
    counts = _unseal(ballot).plus(choice)
    Ballot.objects.filter(pk=ballot.pk).update(sealed=ballot_box.seal(counts, ballot_id=ballot.pk))
    # the entry says that the member voted — the participation row — and nothing of the choice
    audit_log(actor=actor, action=AuditAction.CREATE, obj=participation, after=snapshot(participation))


@transaction.atomic
def ballot_cast(*, actor, ballot: Ballot, choice: str) -> None:
    """The actor votes on an open ballot: a voting member, present, not conflicted, once."""
    ballot = _locked_ballot(ballot)
    if ballot.status != BallotStatus.OPEN:
        raise ApplicationError("Phiếu này không mở: không bỏ phiếu được.")
    meeting = ballot.item.meeting
    member = meeting.council.members.filter(user=actor, left_on__isnull=True).first()
    if member is None or not member.votes:
        raise ApplicationError("Bạn không phải thành viên biểu quyết của Hội đồng này.")
    seat = Attendance.objects.filter(meeting=meeting, member=member).first()
    if seat is None or seat.status != AttendanceStatus.PRESENT:
        raise ApplicationError("Bạn chưa được ghi nhận có mặt tại phiên họp: báo thư ký Hội đồng.")
    _record_vote(actor=actor, ballot=ballot, member=member, choice=choice, method=VoteMethod.IN_SESSION)


@transaction.atomic
def ballot_record_written(*, actor, ballot: Ballot, member: CouncilMember, choice: str) -> None:
    """The secretary records the written vote of an absent member, where the rules count the whole
    membership (otherwise absent members have no vote)."""
    ballot = _locked_ballot(ballot)
    meeting = ballot.item.meeting
    _require_secretary(meeting.council, actor)
    if ballot.status != BallotStatus.OPEN:
        raise ApplicationError("Phiếu này không mở: không ghi được phiếu bằng văn bản.")
    rules = _rules(ballot.item)
    if not rules.written_votes_allowed:
        cite = next(v.cite for v in rules.values if v.name == "council.pass_base")
        raise ApplicationError(
            f"Tỷ lệ phiếu tính trên số thành viên có mặt ({cite}): phiếu vắng mặt không được tính."
        )
    if member.council_id != meeting.council_id or not member.votes or member.left_on is not None:
        raise ApplicationError(f"{member} không phải thành viên biểu quyết của Hội đồng này.")
    seat = Attendance.objects.filter(meeting=meeting, member=member).first()
    if seat is None or seat.status != AttendanceStatus.WRITTEN:
        raise ApplicationError(f"{member} không được ghi là vắng mặt có ý kiến bằng văn bản.")
    _record_vote(actor=actor, ballot=ballot, member=member, choice=choice, method=VoteMethod.WRITTEN)


@transaction.atomic
def ballot_close(*, actor, ballot: Ballot) -> BallotResult:
    """The secretary closes the ballot: the box is opened, the threshold of the law on the meeting date
    decides, the result is stored with its citation and reported to the object voted on."""
    ballot = _locked_ballot(ballot)
    item, meeting = ballot.item, ballot.item.meeting
    _require_secretary(meeting.council, actor)
    if ballot.status != BallotStatus.OPEN:
        raise ApplicationError("Phiếu này không mở: không đóng được.")
    counts = _unseal(ballot)
    seats = meeting_counts(meeting, item=item)
    rules = _rules(item)
    try:
        outcome = ballot_outcome(
            rules=rules,
            members=seats.members,
            present=seats.present,
            conflicted=seats.conflicted,
            conflicted_present=seats.conflicted_present,
            agree=counts.agree,
            disagree=counts.disagree,
            abstain=counts.abstain,
        )
    except CaseError as exc:  # the counts contradict the seats: refuse rather than record a wrong result
        raise ApplicationError(f"Không kiểm được phiếu: {exc}") from None
    shown = counts.total >= rules.tally_min_voters
    before = snapshot(ballot)
    ballot.status = BallotStatus.CLOSED
    ballot.closed_at, ballot.closed_by = timezone.now(), actor
    ballot.sealed = None
    ballot.members, ballot.present = seats.members, seats.present
    ballot.conflicted, ballot.conflicted_present = seats.conflicted, seats.conflicted_present
    ballot.voters = counts.total
    ballot.written_voters = ballot.participations.filter(method=VoteMethod.WRITTEN).count()
    ballot.agree = counts.agree if shown else None
    ballot.disagree = counts.disagree if shown else None
    ballot.abstain = counts.abstain if shown else None
    ballot.base, ballot.required, ballot.passed = outcome.base, outcome.required, outcome.passed
    ballot.pass_share = str(rules.pass_share)
    ballot.comparison, ballot.pass_base = rules.comparison, rules.pass_base
    # without the tally, the text says only what was needed
    needed = outcome.text.split("; ", 1)[1]
    ballot.outcome_text = (outcome.text if shown else needed[0].upper() + needed[1:])[:255]
    ballot.cite, ballot.verified, ballot.rules_as_of = outcome.cite, outcome.verified, rules.as_of
    ballot.full_clean()
    ballot.save()
    after = snapshot(ballot)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=ballot,
        before={k: before[k] for k in ("status", "passed", "voters")},
        after={k: after[k] for k in ("status", "passed", "voters", "agree", "disagree", "abstain", "cite")},
    )
    result = ballot_result_of(ballot)
    report_ballot_closed(obj=item.target, result=result, actor=actor)
    return result


def ballot_result_of(ballot: Ballot) -> BallotResult:
    """The stored result of a closed ballot (ApplicationError while it is sealed)."""
    if ballot.status != BallotStatus.CLOSED:
        raise ApplicationError("Kết quả được niêm phong cho đến khi thư ký đóng phiếu.")
    item = ballot.item
    return BallotResult(
        ballot_id=ballot.pk,
        item_id=item.pk,
        meeting_id=item.meeting_id,
        meeting_date=item.meeting.date,
        candidate=item.candidate,
        subject_label=item.subject_label,
        passed=bool(ballot.passed),
        voters=ballot.voters or 0,
        written_voters=ballot.written_voters or 0,
        agree=ballot.agree,
        disagree=ballot.disagree,
        abstain=ballot.abstain,
        base=ballot.base or 0,
        required=ballot.required or 0,
        pass_share=ballot.pass_share,
        pass_base=ballot.pass_base,
        text=ballot.outcome_text,
        cite=ballot.cite,
        verified=bool(ballot.verified),
        object_label=item.content_type.app_label + "." + item.content_type.model
        if item.content_type_id
        else "",
        object_id=item.object_id,
    )
