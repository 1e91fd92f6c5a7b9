"""The nomination workflow: one function per step (submit, return, resubmit, verify, send to the council,
approve, reject, decide, forward, record the outcome, withdraw), all built on the transition table of
workflow.py, plus the set-based submission of a round's ready drafts. Every step is audited and kept as an
event with its date; refusals are ApplicationErrors in Vietnamese."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.eligibility.selectors import review_as_of
from tdkt.law.context import label
from tdkt.law.parameters import MissingParameter, Parameters
from tdkt.org.models import Unit
from tdkt.records.services import award_record

from .evidence import record_items
from .guards import Assessment, assess
from .models import EvidenceSnapshot, Nomination, NominationEvent, NominationStatus, Outcome, Round
from .workflow import STEPS, Step


def _vi(label) -> str:
    with translation.override("vi"):
        return str(label)


def _actor_name(actor) -> str:
    return actor.get_username() if actor is not None and actor.is_authenticated else "system"


def _require(actor, permission: str, unit: Unit, what: str) -> None:
    if unit.pk not in scope_unit_ids(actor, permission):
        raise ApplicationError(f"Bạn không có quyền {what} của {unit.name}.")


def _save(obj) -> None:
    obj.full_clean()
    obj.save()


# -- the workflow --------------------------------------------------------------------------------------------


def step_refusal(step: Step, *, actor, nomination: Nomination) -> str | None:
    """Why `actor` may not take `step` on the nomination now (state, permission, scope), or None."""
    if nomination.status not in step.sources:
        return (
            f"Không thể «{_vi(step.label).lower()}» đề nghị đang ở trạng thái "
            f"«{_vi(NominationStatus(nomination.status).label)}»."
        )
    if nomination.round.unit_id not in scope_unit_ids(actor, step.permission):
        unit = nomination.round.unit.name
        return f"Bạn không có quyền «{_vi(step.label).lower()}» đề nghị khen thưởng của {unit}."
    return None


def _authority(candidate: str, on: dt.date) -> tuple[bool, str]:
    try:
        value = Parameters(on).value("authority.unit_head")
    except MissingParameter:
        raise ApplicationError(
            "Chưa có quy định về thẩm quyền quyết định khen thưởng cho ngày này."
        ) from None
    return candidate in value.value, value.cite


def _snapshot(*, actor, nomination: Nomination, step: str, assessment: Assessment, items, as_of, now):
    """The evidence of a submission, unsaved: the record items, the engine's case and answer, the guards."""
    return EvidenceSnapshot(
        nomination=nomination,
        step=step,
        taken_at=now,
        taken_by=actor if actor and actor.is_authenticated else None,
        as_of=as_of,
        record=items,
        case=assessment.case,
        answer=assessment.answer,
        guards=assessment.guard_rows(),
    )


def _submission_refusal(assessment: Assessment) -> ApplicationError | None:
    if assessment.blocking:
        listed = "; ".join(f"{g.text} ({g.cite})" for g in assessment.blocking)
        return ApplicationError(
            f"Chưa trình được: {listed}", {"guards": [g.as_dict() for g in assessment.blocking]}
        )
    if assessment.unacknowledged:
        listed = "; ".join(g.text for g in assessment.unacknowledged)
        return ApplicationError(
            f"Cần xác nhận cảnh báo (ghi lý do) trước khi trình: {listed}",
            {"guards": [g.as_dict() for g in assessment.unacknowledged]},
        )
    return None


def _before_council(nomination: Nomination, today: dt.date) -> None:
    disclosures = list(nomination.disclosures.all())
    if not disclosures:
        raise ApplicationError("Danh sách chưa được công khai: công khai trước khi đưa ra Hội đồng.")
    if not any(d.ends_on < today for d in disclosures):
        last = max(d.ends_on for d in disclosures)
        raise ApplicationError(f"Đang trong thời gian công khai (đến hết {last:%d/%m/%Y}).")
    waiting = nomination.objections.filter(answer="").count()
    if waiting:
        raise ApplicationError(f"Còn {waiting} ý kiến về đề nghị này chưa được trả lời.")


def _confer(
    *, actor, nomination: Nomination, number: str, date: dt.date | None, issuer: str, today: dt.date
) -> None:
    if not number.strip() or date is None:
        raise ApplicationError("Cần ghi số và ngày của quyết định khen thưởng.", {"field": "decision_number"})
    nomination.decision_number, nomination.decision_date = number.strip(), date
    nomination.decision_issuer = issuer.strip() or nomination.round.unit.name
    if nomination.is_foreign:  # no record in tdkt to add the award to
        return
    nomination.award = award_record(
        actor=actor,
        year=nomination.round.year,
        candidate=nomination.candidate,
        person=nomination.person,
        unit=nomination.unit,
        category=nomination.category,
        decision_number=nomination.decision_number,
        decision_date=date,
        issuer=nomination.decision_issuer,
        source="decision",
        today=today,
    )


@transaction.atomic
def _transition(
    name: str, *, actor, nomination: Nomination, today: dt.date, reason: str = "", **data
) -> Nomination:
    step = STEPS[name]
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round__unit", "person", "unit")
        .get(pk=nomination.pk)
    )
    refusal = step_refusal(step, actor=actor, nomination=nomination)
    if refusal:
        raise ApplicationError(refusal)
    reason = reason.strip()
    if step.reason_required and not reason:
        raise ApplicationError(f"Cần ghi lý do để «{_vi(step.label).lower()}».", {"field": "reason"})
    before = snapshot(nomination)
    now = timezone.now()
    round = nomination.round
    if name in ("submit", "resubmit"):
        as_of = review_as_of(round.year, today)
        assessment = assess([nomination], round=round, as_of=as_of, today=today)[nomination.pk]
        refused = _submission_refusal(assessment)
        if refused:
            raise refused
        items = record_items([nomination], year=round.year, as_of=as_of)[nomination.pk]
        _snapshot(
            actor=actor,
            nomination=nomination,
            step=name,
            assessment=assessment,
            items=items,
            as_of=as_of,
            now=now,
        ).save()
    elif name == "send_to_council":
        _before_council(nomination, today)
    elif name in ("decide", "forward"):
        within, cite = _authority(nomination.candidate, today)
        if name == "decide" and not within:
            raise ApplicationError(
                f"«{label(nomination.candidate)}» thuộc thẩm quyền cấp trên ({cite}): "
                "chuyển đề nghị lên cấp trên."
            )
        if name == "forward" and within:
            raise ApplicationError(
                f"«{label(nomination.candidate)}» thuộc thẩm quyền của thủ trưởng đơn vị ({cite}): "
                "ghi quyết định."
            )
        if name == "decide":
            _confer(
                actor=actor,
                nomination=nomination,
                number=data.get("decision_number", ""),
                date=data.get("decision_date"),
                issuer=data.get("issuer", ""),
                today=today,
            )
    elif name == "record_outcome":
        outcome = data.get("outcome")
        if outcome not in Outcome.values:
            raise ApplicationError("Cần ghi kết quả của cấp trên.", {"field": "outcome"})
        nomination.outcome = outcome
        if outcome == Outcome.CONFERRED:
            _confer(
                actor=actor,
                nomination=nomination,
                number=data.get("decision_number", ""),
                date=data.get("decision_date"),
                issuer=data.get("issuer", ""),
                today=today,
            )
        elif not reason:
            raise ApplicationError("Cần ghi lý do cấp trên không khen thưởng.", {"field": "reason"})
    nomination.status, nomination.status_changed_at = step.target, now
    _save(nomination)
    NominationEvent.objects.create(
        nomination=nomination,
        step=name,
        from_status=before["status"],
        to_status=step.target,
        actor=actor if actor and actor.is_authenticated else None,
        actor_name=_actor_name(actor),
        at=now,
        reason=reason,
    )
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=nomination,
        before=before,
        after=snapshot(nomination),
        reason=(reason or _vi(step.label))[:255],
    )
    return nomination


def nomination_submit(*, actor, nomination: Nomination, today: dt.date, reason: str = "") -> Nomination:
    """Submit a draft: guards must pass (or be acknowledged) and the evidence is frozen."""
    return _transition("submit", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_return(*, actor, nomination: Nomination, reason: str, today: dt.date) -> Nomination:
    """The Department returns a nomination for correction, saying why."""
    return _transition("return", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_resubmit(*, actor, nomination: Nomination, today: dt.date, reason: str = "") -> Nomination:
    """Submit a returned nomination again: guards again, and a new snapshot beside the first."""
    return _transition("resubmit", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_verify(*, actor, nomination: Nomination, today: dt.date, reason: str = "") -> Nomination:
    return _transition("verify", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_send_to_council(
    *, actor, nomination: Nomination, today: dt.date, reason: str = ""
) -> Nomination:
    """Put a verified nomination before the council: disclosure ended and every objection answered."""
    return _transition("send_to_council", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_approve(*, actor, nomination: Nomination, today: dt.date, reason: str = "") -> Nomination:
    return _transition("approve", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_reject(*, actor, nomination: Nomination, reason: str, today: dt.date) -> Nomination:
    return _transition("reject", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_decide(
    *,
    actor,
    nomination: Nomination,
    decision_number: str,
    decision_date: dt.date | None,
    today: dt.date,
    issuer: str = "",
    reason: str = "",
) -> Nomination:
    """The unit head's decision, for what the unit may confer; the award joins the nominee's record."""
    return _transition(
        "decide",
        actor=actor,
        nomination=nomination,
        today=today,
        reason=reason,
        decision_number=decision_number,
        decision_date=decision_date,
        issuer=issuer,
    )


def nomination_forward(*, actor, nomination: Nomination, today: dt.date, reason: str = "") -> Nomination:
    """Send an approved nomination above the unit's authority to the higher level."""
    return _transition("forward", actor=actor, nomination=nomination, today=today, reason=reason)


def nomination_record_outcome(
    *,
    actor,
    nomination: Nomination,
    outcome: str,
    today: dt.date,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: str = "",
    reason: str = "",
) -> Nomination:
    """The higher level's answer to a forwarded nomination; a conferred award joins the nominee's record."""
    return _transition(
        "record_outcome",
        actor=actor,
        nomination=nomination,
        today=today,
        reason=reason,
        outcome=outcome,
        decision_number=decision_number,
        decision_date=decision_date,
        issuer=issuer,
    )


def nomination_withdraw(*, actor, nomination: Nomination, reason: str, today: dt.date) -> Nomination:
    return _transition("withdraw", actor=actor, nomination=nomination, today=today, reason=reason)


TRANSITIONS = {
    "submit": nomination_submit,
    "return": nomination_return,
    "resubmit": nomination_resubmit,
    "verify": nomination_verify,
    "send_to_council": nomination_send_to_council,
    "approve": nomination_approve,
    "reject": nomination_reject,
    "decide": nomination_decide,
    "forward": nomination_forward,
    "record_outcome": nomination_record_outcome,
    "withdraw": nomination_withdraw,
}


@transaction.atomic
def nominations_submit_ready(*, actor, round: Round, today: dt.date) -> tuple[list[Nomination], int]:
    """Submit every draft of the round whose guards pass (set-based); returns the submitted ones and how
    many drafts were held back by a guard."""
    _require(actor, NOMINATIONS_PREPARE, round.unit, "trình đề nghị khen thưởng")
    drafts = list(
        round.nominations.select_for_update(of=("self",))
        .filter(status=NominationStatus.DRAFT)
        .select_related("person", "unit", "round__unit")
    )
    as_of = review_as_of(round.year, today)
    assessments = assess(drafts, round=round, as_of=as_of, today=today)
    ready = [n for n in drafts if assessments[n.pk].can_submit]
    now = timezone.now()
    items = record_items(ready, year=round.year, as_of=as_of)
    EvidenceSnapshot.objects.bulk_create(
        _snapshot(
            actor=actor,
            nomination=n,
            step="submit",
            assessment=assessments[n.pk],
            items=items[n.pk],
            as_of=as_of,
            now=now,
        )
        for n in ready
    )
    befores = {n.pk: snapshot(n) for n in ready}
    Nomination.objects.filter(pk__in=[n.pk for n in ready]).update(
        status=NominationStatus.SUBMITTED, status_changed_at=now
    )
    for n in ready:
        n.status, n.status_changed_at = NominationStatus.SUBMITTED, now
    NominationEvent.objects.bulk_create(
        NominationEvent(
            nomination=n,
            step="submit",
            from_status=NominationStatus.DRAFT,
            to_status=NominationStatus.SUBMITTED,
            actor=actor if actor and actor.is_authenticated else None,
            actor_name=_actor_name(actor),
            at=now,
        )
        for n in ready
    )
    audit_log_many(
        actor=actor,
        items=((AuditAction.UPDATE, n, befores[n.pk], snapshot(n)) for n in ready),
        reason="Trình các đề nghị đủ điều kiện trình",
    )
    return ready, len(drafts) - len(ready)
