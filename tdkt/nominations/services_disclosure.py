"""Disclosure of a round's list before the council (công khai, lấy ý kiến): publishing it inside the unit or
also on the public portal, objections by the unit's staff (named or anonymous) and their recorded answers.

An anonymous objection keeps no trace of who filed it: no user, no name, no time of day (only the date), and
its audit entry names no actor."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import DISCLOSURE_VIEW, NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_and_ancestor_unit_ids
from tdkt.core.errors import ApplicationError

from .models import Disclosure, Nomination, Objection, Round
from .selectors import state_level_candidates
from .services import _actor_name, _require, _save
from .workflow import DISCLOSABLE_STATUSES


@transaction.atomic
def disclosure_publish(*, actor, round: Round, is_public: bool, today: dt.date) -> Disclosure:
    """Publish, from today for the round's disclosure period, every submitted nomination not disclosed yet."""
    _require(actor, NOMINATIONS_PREPARE, round.unit, "công khai danh sách đề nghị khen thưởng")
    nominations = list(
        round.nominations.filter(status__in=DISCLOSABLE_STATUSES, disclosures__isnull=True).order_by("id")
    )
    if not nominations:
        raise ApplicationError("Không có đề nghị đã trình nào chưa được công khai.")
    if is_public:
        state_level, _ = state_level_candidates(today)
        if not any(n.candidate in state_level for n in nominations):
            raise ApplicationError(
                "Chỉ đưa lên cổng thông tin công khai danh sách có đề nghị khen thưởng cấp Nhà nước; "
                "danh sách này không có.",
                {"field": "is_public"},
            )
    disclosure = Disclosure(
        round=round,
        starts_on=today,
        ends_on=today + dt.timedelta(days=round.disclosure_days - 1),
        is_public=is_public,
        published_by=actor if actor and actor.is_authenticated else None,
        published_at=timezone.now(),
    )
    _save(disclosure)
    disclosure.nominations.set(nominations)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=disclosure,
        after={**snapshot(disclosure), "nominations": [n.pk for n in nominations]},
    )
    return disclosure


@transaction.atomic
def objection_file(
    *, actor, disclosure: Disclosure, nomination: Nomination, text: str, anonymous: bool, today: dt.date
) -> Objection:
    """A staff member's objection to a disclosed nomination, while the window is open."""
    if disclosure.round.unit_id not in scope_and_ancestor_unit_ids(actor, DISCLOSURE_VIEW):
        raise ApplicationError("Bạn không thuộc đơn vị công khai danh sách này.")
    if not disclosure.is_open_on(today):
        raise ApplicationError(
            f"Thời gian nhận ý kiến từ {disclosure.starts_on:%d/%m/%Y} đến hết {disclosure.ends_on:%d/%m/%Y}."
        )
    if not disclosure.nominations.filter(pk=nomination.pk).exists():
        raise ApplicationError("Đề nghị này không có trong danh sách công khai.")
    if not text.strip():
        raise ApplicationError("Ghi nội dung ý kiến.", {"field": "text"})
    objection = Objection(
        disclosure=disclosure,
        nomination=nomination,
        text=text.strip(),
        is_anonymous=anonymous,
        author=None if anonymous else actor,
        author_name="" if anonymous else (actor.get_full_name() or actor.get_username()),
        filed_on=today,
    )
    _save(objection)
    audit_log(
        actor=None if anonymous else actor,
        action=AuditAction.CREATE,
        obj=objection,
        after=snapshot(objection),
        reason="Ý kiến ẩn danh" if anonymous else "",
    )
    return objection


@transaction.atomic
def objection_answer(*, actor, objection: Objection, answer: str, upheld: bool) -> Objection:
    """Record (or correct) the unit's answer to an objection; the audit keeps every version."""
    _require(actor, NOMINATIONS_PREPARE, objection.disclosure.round.unit, "trả lời ý kiến về danh sách")
    if not answer.strip():
        raise ApplicationError("Ghi nội dung trả lời.", {"field": "answer"})
    before = snapshot(objection)
    objection.answer, objection.upheld = answer.strip(), upheld
    objection.answered_by = actor if actor and actor.is_authenticated else None
    objection.answered_by_name = _actor_name(actor)
    objection.answered_at = timezone.now()
    _save(objection)
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=objection, before=before, after=snapshot(objection))
    return objection
