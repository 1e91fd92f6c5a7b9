"""Writes for rounds and their nominees: opening a round, nominations from the eligibility list (one
transaction for the whole selection), foreign nominees, exceptions, initiatives, acknowledged guards, and
the quotas a province or unit sets. Every change is audited; refusals are ApplicationErrors in Vietnamese."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import NOMINATIONS_DECIDE, NOMINATIONS_PREPARE, NOMINATIONS_VERIFY
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.selectors import review_as_of
from tdkt.law.context import label
from tdkt.law.registry import candidates_for
from tdkt.law.vocabulary import CANDIDATES
from tdkt.org.models import Unit
from tdkt.records.facts import FIRST_YEAR
from tdkt.records.models import Achievement, Category

from .evidence import engine_answers, nomination_cases
from .guards import ENGINE_CATEGORIES, assess
from .models import (
    GuardAcknowledgement,
    Nomination,
    NominationEvent,
    NominationStatus,
    NomineeKind,
    Quota,
    Round,
)
from .services import _actor_name, _require, _save, _vi
from .workflow import EDITABLE_STATUSES

# The rules that rest on initiatives or research: the nominee's ones of the year are attached on creation.
INITIATIVE_CANDIDATES = frozenset(
    {
        "grassroots_emulation_fighter",
        "provincial_emulation_fighter",
        "national_emulation_fighter",
        "provincial_merit_certificate",
    }
)
KIND_VI = {NomineeKind.PERSON: "cá nhân", NomineeKind.COLLECTIVE: "tập thể"}
VERDICT_VI = {"not_eligible": "chưa đủ điều kiện", "unknown": "chưa đủ dữ liệu"}

# -- rounds ------------------------------------------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    actor,
    unit: Unit,
    year: int,
    category: str,
    name: str,
    deadline: dt.date,
    today: dt.date,
    occasion: str = "",
    disclosure_days: int = 7,
) -> Round:
    """Open a round of `unit` for an achievement year."""
    _require(actor, NOMINATIONS_PREPARE, unit, "mở đợt đề nghị khen thưởng")
    if not unit.is_institution or unit.valid_to is not None:
        raise ApplicationError(f"«{unit.name}» không phải đơn vị đang hoạt động có thể mở đợt khen thưởng.")
    if not FIRST_YEAR <= year <= today.year:
        raise ApplicationError(f"Năm thành tích phải từ {FIRST_YEAR} đến {today.year}.", {"field": "year"})
    if deadline < dt.date(year, 1, 1):
        raise ApplicationError("Hạn nộp đề nghị không thể trước năm thành tích.", {"field": "deadline"})
    obj = Round(
        unit=unit,
        year=year,
        category=category,
        name=name.strip(),
        occasion=occasion.strip(),
        deadline=deadline,
        disclosure_days=disclosure_days,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    _save(obj)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=obj, after=snapshot(obj))
    return obj


@transaction.atomic
def round_update(*, actor, round: Round, reason: str = "", **fields) -> Round:
    """Change a round's name, occasion, deadline or disclosure period (the unit and year stay)."""
    _require(actor, NOMINATIONS_PREPARE, round.unit, "sửa đợt đề nghị khen thưởng")
    unknown = set(fields) - {"name", "occasion", "deadline", "disclosure_days"}
    if unknown:
        raise ValueError(f"round_update cannot change {sorted(unknown)}")
    before = snapshot(round)
    for key, value in fields.items():
        setattr(round, key, value.strip() if isinstance(value, str) else value)
    if round.deadline < dt.date(round.year, 1, 1):
        raise ApplicationError("Hạn nộp đề nghị không thể trước năm thành tích.", {"field": "deadline"})
    _save(round)
    audit_log(
        actor=actor, action=AuditAction.UPDATE, obj=round, before=before, after=snapshot(round), reason=reason
    )
    return round


# -- nominations -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pick:
    """One subject ticked on the eligibility list: ("person" | "collective", id) and, for a nominee the engine
    does not find eligible, the officer's written reason."""

    kind: str
    id: int
    reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


def _check_candidate(round: Round, kind: str, candidate: str, category: str) -> None:
    if category not in round.nomination_categories:
        raise ApplicationError(
            f"Đợt «{round.name}» không nhận đề nghị loại «{_vi(Category(category).label)}».",
            {"field": "category"},
        )
    if candidate not in candidates_for(kind):
        raise ApplicationError(
            f"«{label(candidate)}» không áp dụng cho {KIND_VI[kind]}.",
            {"field": "candidate"},
        )


def _created(actor, nominations: list[Nomination], now, reason: str = "") -> None:
    NominationEvent.objects.bulk_create(
        NominationEvent(
            nomination=n,
            step="create",
            to_status=n.status,
            actor=actor if actor and actor.is_authenticated else None,
            actor_name=_actor_name(actor),
            at=now,
            reason=n.exception_reason or reason,
        )
        for n in nominations
    )
    audit_log_many(
        actor=actor, items=((AuditAction.CREATE, n, None, snapshot(n)) for n in nominations), reason=reason
    )


@transaction.atomic
def nominations_create_from_list(
    *, actor, round: Round, candidate: str, category: str, picks: list[Pick], today: dt.date
) -> list[Nomination]:
    """Nominate every picked subject of the round's eligibility list for `candidate`, all or nothing.

    The engine judges the picks again on today's records: a pick it does not find eligible needs a written
    reason and becomes an exception. Refusals name each row in `extra["rows"]` ({key: message})."""
    _require(actor, NOMINATIONS_PREPARE, round.unit, "lập đề nghị khen thưởng")
    if not picks:
        raise ApplicationError("Chưa chọn người hoặc tập thể nào.")
    rows: dict[str, str] = {}
    stored = {}
    for kind in (NomineeKind.PERSON, NomineeKind.COLLECTIVE):
        ids = [p.id for p in picks if p.kind == kind]
        if not ids:
            continue
        _check_candidate(round, kind, candidate, category)
        field = "person_id" if kind == NomineeKind.PERSON else "unit_id"
        for r in EligibilityResult.objects.filter(
            year=round.year,
            home_path__startswith=round.unit.path,
            candidate=candidate,
            **{f"{field}__in": ids},
        ).select_related("person", "unit", "home"):
            stored[f"{kind}:{getattr(r, field)}"] = r
    for p in picks:
        if p.key not in stored:
            rows[p.key] = "Không có trong danh sách xét của đơn vị năm này: tính lại danh sách rồi chọn lại."
    existing = set(
        round.nominations.exclude(status=NominationStatus.WITHDRAWN)
        .filter(candidate=candidate)
        .values_list("kind", "person_id", "unit_id")
    )
    taken = {f"{k}:{pid or uid}" for k, pid, uid in existing}
    for p in picks:
        if p.key in taken:
            rows[p.key] = f"Đã có đề nghị «{label(candidate)}» trong đợt này."
    now = timezone.now()
    drafts = {}
    for p in picks:
        if p.key in rows:
            continue
        r = stored[p.key]
        drafts[p.key] = Nomination(
            round=round,
            kind=p.kind,
            person=r.person,
            unit=r.unit,
            name=r.name,
            home=r.home,
            candidate=candidate,
            category=category,
            status=NominationStatus.DRAFT,
            status_changed_at=now,
            created_by=actor if actor and actor.is_authenticated else None,
        )
    if category in ENGINE_CATEGORIES and drafts:
        as_of = review_as_of(round.year, today)
        subject = {id(n): key for key, n in drafts.items()}
        cases = nomination_cases(drafts.values(), year=round.year, as_of=as_of, key=lambda n: subject[id(n)])
        answers = engine_answers(cases)
        picks_by_key = {p.key: p for p in picks}
        for key, n in drafts.items():
            verdict = answers[key]["verdict"]
            n.verdict_at_creation = verdict
            reason = picks_by_key[key].reason.strip()
            if verdict != "eligible":
                if not reason:
                    found = VERDICT_VI[verdict]
                    rows[key] = f"{n.name}: hệ thống kết luận «{found}» — cần ghi lý do đề nghị ngoại lệ."
                n.is_exception, n.exception_reason = True, reason
    if rows:
        raise ApplicationError(
            f"Chưa lập được đề nghị: {len(rows)} dòng cần xem lại. Không có đề nghị nào được ghi.",
            {"rows": rows},
        )
    created = list(drafts.values())
    for n in created:  # related rows were just read and duplicates checked as a set: no per-row queries
        n.clean_fields(exclude=["round", "person", "unit", "home", "created_by", "award"])
    Nomination.objects.bulk_create(created)
    if candidate in INITIATIVE_CANDIDATES:
        links = Achievement.authors.through.objects.filter(
            person_id__in=[n.person_id for n in created if n.person_id], achievement__year=round.year
        ).values_list("person_id", "achievement_id")
        by_person: dict[int, list[int]] = {}
        for pid, aid in links:
            by_person.setdefault(pid, []).append(aid)
        Nomination.achievements.through.objects.bulk_create(
            Nomination.achievements.through(nomination_id=n.pk, achievement_id=aid)
            for n in created
            if n.person_id
            for aid in by_person.get(n.person_id, [])
        )
    _created(actor, created, now, reason="Lập đề nghị từ danh sách xét")
    return created


@transaction.atomic
def nomination_create_foreign(
    *,
    actor,
    round: Round,
    kind: str,
    name: str,
    nationality: str,
    candidate: str,
    achievement_summary: str,
    today: dt.date,
    organisation: str = "",
) -> Nomination:
    """Nominate a foreign person or organisation (đối ngoại): no CCCD and no record in tdkt, so the
    achievement is described in words."""
    _require(actor, NOMINATIONS_PREPARE, round.unit, "lập đề nghị khen thưởng")
    _check_candidate(round, kind, candidate, Category.FOREIGN)
    for field, value, what in (
        ("name", name, "Họ tên hoặc tên tổ chức"),
        ("nationality", nationality, "Quốc tịch"),
        ("achievement_summary", achievement_summary, "Thành tích"),
    ):
        if not value.strip():
            raise ApplicationError(f"{what} là bắt buộc.", {"field": field})
    now = timezone.now()
    n = Nomination(
        round=round,
        kind=kind,
        name=name.strip(),
        foreign_nationality=nationality.strip(),
        foreign_organisation=organisation.strip(),
        home=round.unit,
        candidate=candidate,
        category=Category.FOREIGN,
        achievement_summary=achievement_summary.strip(),
        status=NominationStatus.DRAFT,
        status_changed_at=now,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    _save(n)
    _created(actor, [n], now, reason="Lập đề nghị khen thưởng đối ngoại")
    return n


def _editable(actor, nomination: Nomination, what: str) -> None:
    _require(actor, NOMINATIONS_PREPARE, nomination.round.unit, what)
    if nomination.status not in EDITABLE_STATUSES:
        raise ApplicationError(
            f"Đề nghị đang ở trạng thái «{_vi(NominationStatus(nomination.status).label)}»: chỉ sửa được "
            "khi còn là bản nháp hoặc bị trả lại."
        )


@transaction.atomic
def nomination_mark_exception(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """Keep a nominee the engine does not find eligible, with the written reason; the flag stays for good."""
    _editable(actor, nomination, "sửa đề nghị khen thưởng")
    if not reason.strip():
        raise ApplicationError("Cần ghi lý do đề nghị ngoại lệ.", {"field": "reason"})
    if nomination.is_exception:
        raise ApplicationError("Đề nghị này đã là đề nghị ngoại lệ.")
    before = snapshot(nomination)
    nomination.is_exception, nomination.exception_reason = True, reason.strip()
    _save(nomination)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=nomination,
        before=before,
        after=snapshot(nomination),
        reason=reason.strip()[:255],
    )
    return nomination


@transaction.atomic
def nomination_set_achievements(*, actor, nomination: Nomination, achievements: list[Achievement]) -> None:
    """The initiatives and research works the nomination rests on (the nominee's own only)."""
    _editable(actor, nomination, "sửa đề nghị khen thưởng")
    if nomination.person_id is None:
        raise ApplicationError("Chỉ đề nghị cho cá nhân mới gắn sáng kiến, đề tài.")
    own = set(
        Achievement.authors.through.objects.filter(person_id=nomination.person_id).values_list(
            "achievement_id", flat=True
        )
    )
    wanted = {a.pk for a in achievements}
    if wanted - own:
        raise ApplicationError("Chỉ gắn được sáng kiến, đề tài mà người được đề nghị là tác giả.")
    before = sorted(nomination.achievements.values_list("id", flat=True))
    nomination.achievements.set(sorted(wanted))
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=nomination,
        before={"achievements": before},
        after={"achievements": sorted(wanted)},
    )


@transaction.atomic
def guard_acknowledge(*, actor, nomination: Nomination, code: str, reason: str, today: dt.date):
    """Acknowledge an advisory guard with a reason (audited); the acknowledgement holds for its exact text."""
    _editable(actor, nomination, "xác nhận cảnh báo của đề nghị khen thưởng")
    if not reason.strip():
        raise ApplicationError("Cần ghi lý do khi xác nhận cảnh báo.", {"field": "reason"})
    round = nomination.round
    assessment = assess([nomination], round=round, as_of=review_as_of(round.year, today), today=today)[
        nomination.pk
    ]
    guard = next((g for g in assessment.guards if g.code == code), None)
    if guard is None:
        raise ApplicationError("Cảnh báo này không còn áp dụng cho đề nghị.")
    if guard.blocking:
        raise ApplicationError("Điều kiện này chặn việc trình đề nghị: không thể bỏ qua bằng xác nhận.")
    ack = GuardAcknowledgement(
        nomination=nomination,
        code=code,
        text=guard.text,
        reason=reason.strip(),
        actor=actor if actor and actor.is_authenticated else None,
        actor_name=_actor_name(actor),
        at=timezone.now(),
    )
    _save(ack)
    audit_log(
        actor=actor, action=AuditAction.CREATE, obj=ack, after=snapshot(ack), reason=reason.strip()[:255]
    )
    return ack


# -- quotas --------------------------------------------------------------------------------------------------


@transaction.atomic
def quota_create(
    *,
    actor,
    unit: Unit,
    candidate: str,
    share,
    base: str,
    cite: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
) -> Quota:
    """A cap on a title or form in the rounds of `unit` and below, set by the Department (on the province's
    behalf) or by the unit's head."""
    allowed = scope_unit_ids(actor, NOMINATIONS_VERIFY) | scope_unit_ids(actor, NOMINATIONS_DECIDE)
    if unit.pk not in allowed:
        raise ApplicationError(f"Bạn không có quyền đặt hạn mức khen thưởng của {unit.name}.")
    if candidate not in CANDIDATES:
        raise ApplicationError("Chọn danh hiệu hoặc hình thức khen thưởng.", {"field": "candidate"})
    obj = Quota(
        unit=unit,
        candidate=candidate,
        share=share,
        base=base,
        cite=cite.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=actor if actor and actor.is_authenticated else None,
    )
    _save(obj)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=obj, after=snapshot(obj))
    return obj
