"""Nominations before the council: the ones "before the council" of the council's unit go on a meeting's
agenda (the item's target is the nomination), and a closed ballot moves its nomination to approved or not
approved, with the tally as the reason. Registered in CouncilsConfig.ready()."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.dossiers.hooks import MinutesRef, register_minutes_source
from tdkt.nominations.models import Nomination, NominationEvent, NominationStatus, NomineeKind

from .hooks import BallotResult, on_ballot_closed
from .models import BallotStatus, Meeting, MeetingItem, SubjectKind
from .services import AgendaItemSpec, meeting_add_items


def nominations_for_agenda(meeting: Meeting):
    """Nominations of rounds of the council's unit that wait for the council and are not yet on this
    meeting's agenda (foreign nominees included: they are voted on like the others)."""
    on_agenda = MeetingItem.objects.filter(
        meeting=meeting, content_type=ContentType.objects.get_for_model(Nomination)
    ).values_list("object_id", flat=True)
    return (
        Nomination.objects.filter(round__unit=meeting.council.unit, status=NominationStatus.TO_COUNCIL)
        .exclude(pk__in=[int(pk) for pk in on_agenda])
        .select_related("round", "home", "person", "unit")
        .order_by("kind", "name", "id")
    )


def _spec(nomination: Nomination) -> AgendaItemSpec:
    collective = nomination.kind == NomineeKind.COLLECTIVE
    home = nomination.home
    if collective:
        unit_label = home.parent.name if home.parent_id else ""
    else:
        unit_label = nomination.foreign_organisation or home.name
    return AgendaItemSpec(
        candidate=nomination.candidate,
        subject_kind=SubjectKind.COLLECTIVE if collective else SubjectKind.PERSON,
        subject_label=nomination.name,
        subject_unit_label=unit_label,
        target=nomination,
        subject_person=nomination.person,
        subject_unit=nomination.unit,
        note=f"Đề nghị trong đợt «{nomination.round.name}»",
    )


@transaction.atomic
def meeting_add_nominations(
    *, actor, meeting: Meeting, nominations: Iterable[Nomination]
) -> list[MeetingItem]:
    """Put the given nominations on the agenda, each as an item whose result goes back to it. Only
    nominations of the council's unit that wait for the council; all or nothing."""
    nominations = list(nominations)
    if not nominations:
        raise ApplicationError("Chọn ít nhất một đề nghị để đưa vào chương trình họp.")
    allowed = set(nominations_for_agenda(meeting).values_list("pk", flat=True))
    for nomination in nominations:
        if nomination.pk not in allowed:
            raise ApplicationError(
                f"Đề nghị {nomination.name} không chờ Hội đồng này xét hoặc đã có trong chương trình họp."
            )
    return meeting_add_items(meeting=meeting, actor=actor, items=[_spec(n) for n in nominations])


def _result_text(result: BallotResult) -> str:
    verdict = "Hội đồng đồng ý" if result.passed else "Hội đồng không đồng ý"
    return f"{verdict} (bỏ phiếu kín ngày {result.meeting_date:%d/%m/%Y}): {result.text} — {result.cite}"[
        :2000
    ]


@on_ballot_closed("nominations.nomination")
def nomination_voted(*, obj, result: BallotResult, actor) -> None:
    """The council voted on the nomination: approved or not approved, the tally as the reason, audited and
    kept as a workflow event. The secretary who closes the ballot records the council's result, so the
    nomination's own permission to record it is not asked here."""
    nomination = Nomination.objects.select_for_update(of=("self",)).get(pk=obj.pk)
    if nomination.status != NominationStatus.TO_COUNCIL:
        with translation.override("vi"):
            state = str(NominationStatus(nomination.status).label)
        raise ApplicationError(
            f"Đề nghị {nomination.name} không còn chờ Hội đồng xét (đang ở trạng thái «{state}»)."
        )
    before = snapshot(nomination)
    now = timezone.now()
    target = NominationStatus.APPROVED if result.passed else NominationStatus.NOT_APPROVED
    reason = _result_text(result)
    nomination.status, nomination.status_changed_at = target, now
    nomination.save(update_fields=["status", "status_changed_at"])
    authenticated = actor is not None and actor.is_authenticated
    NominationEvent.objects.create(
        nomination=nomination,
        step="approve" if result.passed else "reject",
        from_status=before["status"],
        to_status=target,
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "system",
        at=now,
        reason=reason,
    )
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=nomination,
        before=before,
        after=snapshot(nomination),
        reason=reason[:255],
    )


@register_minutes_source
def council_minutes(nominations: list) -> dict:
    """The minutes of the meeting where each nomination's ballot was closed: the dossier's checklist and
    package list them (one query whatever the number of nominations)."""
    saved = [str(n.pk) for n in nominations if n.pk is not None]
    if not saved:  # nominations not in the database (a document previewed from memory) have no minutes
        return {}
    items = (
        MeetingItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Nomination),
            object_id__in=saved,
            ballot__status=BallotStatus.CLOSED,
        )
        .select_related("meeting__council")
        .order_by("meeting__date", "meeting_id")
    )
    found = {}
    for item in items:
        meeting = item.meeting
        found[int(item.object_id)] = MinutesRef(
            label=f"Biên bản họp {meeting.council.name} ngày {meeting.date:%d/%m/%Y}",
            url=reverse("councils:minutes", args=[meeting.pk, "pdf"]),
            date=f"{meeting.date:%d/%m/%Y}",
        )
    return found
