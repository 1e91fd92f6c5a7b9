"""Writes of decisions: draft (from the council's approved nominations or entered by hand), issue (a number
from the issuer's register, each award recorded on its person or collective with its bonus, the nominations
decided), and the correction or revocation of an issued decision by a new one (Luật Thi đua, khen thưởng,
Điều 93). Every write is audited; an issued decision is never changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import models, transaction
from django.utils import timezone

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import DECISIONS_ISSUE, DECISIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.documents.services import register_allocate
from tdkt.law.vocabulary import CANDIDATES, COLLECTIVE_FORMS, COLLECTIVE_TITLES, LABELS_VI
from tdkt.nominations.models import Nomination, NominationStatus, NomineeKind
from tdkt.nominations.services import nomination_decide
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import Category
from tdkt.records.services import award_record, award_revoke

from .bonuses import line_amounts
from .models import Decision, DecisionKind, DecisionLine, DecisionStatus, RevocationGround, SubjectKind

DEFAULT_BASES = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng",
)


def _require(actor, permission: str, unit: Unit, what: str) -> None:
    if unit.pk not in scope_unit_ids(actor, permission):
        raise ApplicationError(f"Bạn không có quyền {what} của {unit.name}.")


def _require_draft(decision: Decision) -> None:
    if decision.status != DecisionStatus.DRAFT:
        raise ApplicationError(
            "Quyết định đã ban hành không sửa được: ban hành quyết định khác để đính chính hoặc hủy bỏ."
        )


def _clean_save(obj) -> None:
    obj.full_clean()
    obj.save()


@transaction.atomic
def decision_create(
    *,
    actor,
    issuer: Unit,
    title: str,
    date: dt.date,
    award_year: int,
    authority: str,
    place: str,
    signer_name: str,
    signer_position: str,
    signer_for: str = "",
    bases: str = "",
    achievement: str = "",
    proposer: str = "",
    fund: str = "",
    kind: str = DecisionKind.AWARD,
    amends: Decision | None = None,
    ground: str = "",
    ground_detail: str = "",
) -> Decision:
    """A draft decision of `issuer`; its awardees are added next."""
    _require(actor, DECISIONS_PREPARE, issuer, "soạn quyết định khen thưởng")
    if kind != DecisionKind.AWARD:
        if amends is None or amends.status != DecisionStatus.ISSUED:
            raise ApplicationError("Quyết định đính chính, hủy bỏ phải dẫn chiếu một quyết định đã ban hành.")
        if amends.issuer_id != issuer.pk:
            raise ApplicationError(
                "Chỉ cấp đã quyết định khen thưởng mới hủy bỏ được quyết định đó (Luật Thi đua, khen thưởng, "
                "Điều 93, khoản 8)."
            )
        if ground not in RevocationGround.values:
            raise ApplicationError("Cần nêu căn cứ hủy bỏ theo Điều 93 khoản 2 Luật Thi đua, khen thưởng.")
        if not ground_detail.strip():
            raise ApplicationError("Cần ghi rõ nội dung sai phạm đã được xác định.")
    decision = Decision(
        issuer=issuer,
        kind=kind,
        title=" ".join(title.split()),
        date=date,
        place=place.strip(),
        award_year=award_year,
        authority=authority.strip(),
        bases=bases.strip() or "\n".join(DEFAULT_BASES),
        achievement=achievement.strip(),
        proposer=proposer.strip(),
        fund=fund.strip(),
        signer_name=signer_name.strip(),
        signer_position=signer_position.strip(),
        signer_for=signer_for.strip(),
        amends=amends,
        ground=ground,
        ground_detail=ground_detail.strip(),
        created_by=actor if actor and actor.is_authenticated else None,
    )
    _clean_save(decision)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=decision, after=snapshot(decision))
    return decision


def _locked_draft(decision: Decision) -> Decision:
    decision = Decision.objects.select_for_update().select_related("issuer").get(pk=decision.pk)
    _require_draft(decision)
    return decision


def _next_position(decision: Decision) -> int:
    return (decision.lines.aggregate(m=models.Max("position"))["m"] or 0) + 1


def _post_of(person: Person) -> str:
    post = person.employments.filter(end__isnull=True).select_related("unit", "department").first()
    if post is None:
        return ""
    return post.department.name if post.department_id else post.unit.name


def approved_nominations(decision: Decision):
    """Approved nominations of the issuer's rounds that no decision lists yet — what the head may decide."""
    return (
        Nomination.objects.filter(
            round__unit=decision.issuer, status=NominationStatus.APPROVED, decision_lines__isnull=True
        )
        .exclude(kind=NomineeKind.PERSON, person__isnull=True)
        .select_related("round", "home", "person", "unit")
        .order_by("candidate", "name", "id")
    )


@transaction.atomic
def decision_add_nominations(
    *, actor, decision: Decision, nominations: Iterable[Nomination]
) -> list[DecisionLine]:
    """The council's approved nominations become lines of the draft (their nominee, title or form, year)."""
    decision = _locked_draft(decision)
    _require(actor, DECISIONS_PREPARE, decision.issuer, "soạn quyết định khen thưởng")
    if decision.kind == DecisionKind.REVOCATION:
        raise ApplicationError("Quyết định hủy bỏ không tặng khen thưởng mới.")
    nominations = list(nominations)
    allowed = {n.pk: n for n in approved_nominations(decision)}
    if not nominations:
        raise ApplicationError("Chọn ít nhất một đề nghị đã được Hội đồng thông qua.")
    position = _next_position(decision)
    lines = []
    for given in nominations:
        nomination = allowed.get(given.pk)
        if nomination is None or nomination.is_foreign:
            raise ApplicationError(
                f"Đề nghị {given.name} chưa được Hội đồng thông qua, không thuộc {decision.issuer.name} "
                "hoặc đã có trong một quyết định."
            )
        person_line = nomination.person_id is not None
        line = DecisionLine(
            decision=decision,
            position=position,
            subject_kind=SubjectKind.PERSON if person_line else SubjectKind.COLLECTIVE,
            person=nomination.person,
            unit=nomination.unit,
            name=nomination.name,
            unit_label=nomination.home.name
            if person_line
            else (nomination.unit.parent.name if nomination.unit.parent_id else ""),
            candidate=nomination.candidate,
            category=nomination.category,
            year=nomination.round.year,
            nomination=nomination,
        )
        _clean_save(line)
        audit_log(actor=actor, action=AuditAction.CREATE, obj=line, after=snapshot(line))
        lines.append(line)
        position += 1
    return lines


@transaction.atomic
def decision_add_line(
    *,
    actor,
    decision: Decision,
    candidate: str,
    person: Person | None = None,
    unit: Unit | None = None,
    category: str = Category.MERIT,
    unit_label: str = "",
    year: int | None = None,
) -> DecisionLine:
    """An awardee entered by hand (a person of the issuer's units, or one of its collectives)."""
    decision = _locked_draft(decision)
    _require(actor, DECISIONS_PREPARE, decision.issuer, "soạn quyết định khen thưởng")
    if decision.kind == DecisionKind.REVOCATION:
        raise ApplicationError("Quyết định hủy bỏ không tặng khen thưởng mới.")
    if (person is None) == (unit is None):
        raise ApplicationError("Chọn một cá nhân hoặc một tập thể.")
    if candidate not in CANDIDATES:
        raise ApplicationError(f"«{candidate}» không phải danh hiệu hay hình thức khen thưởng.")
    collective_fits = candidate in COLLECTIVE_TITLES + COLLECTIVE_FORMS
    from tdkt.law.vocabulary import PERSON_FORMS, PERSON_TITLES

    if (unit is not None and not collective_fits) or (
        person is not None and candidate not in PERSON_TITLES + PERSON_FORMS
    ):
        who = "tập thể" if unit is not None else "cá nhân"
        raise ApplicationError(f"{LABELS_VI.get(candidate, candidate)} không tặng cho {who}.")
    line = DecisionLine(
        decision=decision,
        position=_next_position(decision),
        subject_kind=SubjectKind.PERSON if person else SubjectKind.COLLECTIVE,
        person=person,
        unit=unit,
        name=person.full_name if person else unit.name,
        unit_label=unit_label.strip()
        or (_post_of(person) if person else (unit.parent.name if unit.parent_id else "")),
        candidate=candidate,
        category=category,
        year=year or decision.award_year,
    )
    _clean_save(line)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=line, after=snapshot(line))
    return line


@transaction.atomic
def decision_remove_line(*, actor, line: DecisionLine) -> None:
    decision = _locked_draft(line.decision)
    _require(actor, DECISIONS_PREPARE, decision.issuer, "soạn quyết định khen thưởng")
    audit_log(actor=actor, action=AuditAction.DELETE, obj=line, before=snapshot(line))
    line.delete()


@transaction.atomic
def decision_delete(*, actor, decision: Decision) -> None:
    decision = _locked_draft(decision)
    _require(actor, DECISIONS_PREPARE, decision.issuer, "soạn quyết định khen thưởng")
    audit_log(actor=actor, action=AuditAction.DELETE, obj=decision, before=snapshot(decision))
    decision.delete()


@transaction.atomic
def decision_issue(*, actor, decision: Decision, today: dt.date) -> Decision:
    """The head signs and issues the draft: a number from the issuer's register for the year (no gap, no
    duplicate), each award recorded on its person or collective with its bonus, the nominations decided,
    the lines it revokes revoked. All or nothing; afterwards nothing of it can change."""
    decision = _locked_draft(decision)
    _require(actor, DECISIONS_ISSUE, decision.issuer, "ký ban hành quyết định khen thưởng")
    lines = list(
        decision.lines.select_related(
            "nomination__round", "person", "unit", "revokes__decision", "revokes__award"
        )
    )
    if not lines:
        raise ApplicationError("Quyết định chưa có tập thể, cá nhân nào.")
    if decision.date > today:
        raise ApplicationError(f"Ngày ký {decision.date:%d/%m/%Y} chưa đến: không ban hành trước ngày ký.")
    revocations = [line for line in lines if line.revokes_id]
    awards = [line for line in lines if not line.revokes_id]
    if decision.kind == DecisionKind.AWARD and revocations:
        raise ApplicationError("Quyết định khen thưởng không hủy bỏ khen thưởng khác.")
    if decision.kind == DecisionKind.REVOCATION and awards:
        raise ApplicationError("Quyết định hủy bỏ không tặng khen thưởng mới: dùng quyết định đính chính.")
    if decision.kind != DecisionKind.AWARD and not revocations:
        raise ApplicationError("Chọn ít nhất một khen thưởng của quyết định cũ để hủy bỏ.")
    entry = register_allocate(
        issuer=decision.issuer, year=decision.date.year, kind="decision", actor=actor, subject=decision.title
    )
    symbol = entry.symbol
    issuer_name = decision.issuer.name
    for line in revocations:
        award = line.revokes.award
        if award is None or award.revoked_on is not None:
            raise ApplicationError(f"Khen thưởng của {line.name} đã bị hủy bỏ trước đó.")
        award_revoke(
            actor=actor,
            award=award,
            decision_number=f"{symbol} ngày {decision.date:%d/%m/%Y}",
            revoked_on=decision.date,
            reason=f"{decision.get_ground_display()} ({decision.ground_detail})"[:255],
            today=today,
        )
    amounts = line_amounts(awards, decided_on=decision.date)
    for line in awards:
        if line.nomination_id:
            nomination = nomination_decide(
                actor=actor,
                nomination=line.nomination,
                decision_number=symbol,
                decision_date=decision.date,
                issuer=issuer_name,
                today=today,
                reason=f"Quyết định số {symbol} ngày {decision.date:%d/%m/%Y}",
            )
            line.award = nomination.award
        else:
            line.award = award_record(
                actor=actor,
                year=line.year,
                candidate=line.candidate,
                person=line.person,
                unit=line.unit,
                category=line.category,
                decision_number=symbol,
                decision_date=decision.date,
                issuer=issuer_name,
                source="decision",
                today=today,
            )
        line.amount, line.amount_note = amounts[line.pk]
        line.save(update_fields=["award", "amount", "amount_note"])
    before = snapshot(decision)
    decision.number, decision.symbol, decision.register_entry = entry.number, symbol, entry
    decision.status = DecisionStatus.ISSUED
    decision.issued_by, decision.issued_at = actor, timezone.now()
    decision.full_clean()
    decision.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=decision, before=before, after=snapshot(decision))
    return decision


@transaction.atomic
def amendment_create(
    *,
    actor,
    original: Decision,
    lines: Iterable[DecisionLine],
    ground: str,
    ground_detail: str,
    date: dt.date,
    signer_name: str,
    signer_position: str,
    signer_for: str = "",
    correction: bool = False,
) -> Decision:
    """A draft decision that revokes the given lines of `original` (and, for a correction, awards the right
    ones, added next as lines of its own)."""
    lines = list(lines)
    if not lines:
        raise ApplicationError("Chọn ít nhất một khen thưởng của quyết định để hủy bỏ.")
    kind = DecisionKind.CORRECTION if correction else DecisionKind.REVOCATION
    verb = "Đính chính" if correction else "Hủy bỏ"
    decision = decision_create(
        actor=actor,
        issuer=original.issuer,
        kind=kind,
        amends=original,
        ground=ground,
        ground_detail=ground_detail,
        title=f"Về việc {verb.lower()} Quyết định số {original.symbol} ngày {original.date:%d/%m/%Y}",
        date=date,
        award_year=original.award_year,
        authority=original.authority,
        place=original.place,
        bases=original.bases,
        signer_name=signer_name,
        signer_position=signer_position,
        signer_for=signer_for,
        proposer=original.proposer,
        fund=original.fund,
    )
    for position, line in enumerate(lines, start=1):
        if line.decision_id != original.pk:
            raise ApplicationError(f"{line.name} không có tên trong Quyết định số {original.symbol}.")
        if line.revokes_id or DecisionLine.objects.filter(revokes=line).exists():
            raise ApplicationError(f"Khen thưởng của {line.name} đã được đưa vào một quyết định hủy bỏ.")
        new = DecisionLine(
            decision=decision,
            position=position,
            subject_kind=line.subject_kind,
            person=line.person,
            unit=line.unit,
            name=line.name,
            unit_label=line.unit_label,
            candidate=line.candidate,
            category=line.category,
            year=line.year,
            revokes=line,
        )
        _clean_save(new)
        audit_log(actor=actor, action=AuditAction.CREATE, obj=new, after=snapshot(new))
    return decision
