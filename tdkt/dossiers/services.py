"""Writes of the dossier: the round's submission letter (draft, then issued with a number from the unit's
register). Every change is audited; refusals are ApplicationErrors in Vietnamese."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.documents.model import SUBMISSION_LETTER
from tdkt.documents.services import register_allocate
from tdkt.nominations.models import Round

from .documents import default_place, dossier_nominations, letter_title
from .models import SubmissionLetter

LETTER_FIELDS = ("to", "place", "signer_authority", "signer_title", "signer_name")


def _require_prepare(actor, round: Round, what: str) -> None:
    if round.unit_id not in scope_unit_ids(actor, NOMINATIONS_PREPARE):
        raise ApplicationError(f"Bạn không có quyền {what} của {round.unit.name}.")


def letter_defaults(round: Round) -> SubmissionLetter:
    """An unsaved draft letter with the usual addressees, place and signer."""
    unit = round.unit
    parent = unit.parent.name if unit.parent_id else ""
    to = [parent] if parent else []
    if parent.lower().startswith("sở y tế"):
        to.append("Hội đồng Thi đua - Khen thưởng ngành Y tế")
    return SubmissionLetter(round=round, to="\n".join(to), place=default_place(unit), signer_title="Giám đốc")


def letter_for(round: Round) -> SubmissionLetter:
    """The round's letter, or an unsaved draft with the defaults."""
    found = SubmissionLetter.objects.filter(round=round).first()
    if found is not None:
        found.round = round
    return found or letter_defaults(round)


@transaction.atomic
def letter_save(*, actor, round: Round, **fields) -> SubmissionLetter:
    """Create or change the round's draft letter; an issued letter never changes."""
    _require_prepare(actor, round, "soạn tờ trình")
    unknown = set(fields) - set(LETTER_FIELDS)
    if unknown:
        raise ValueError(f"letter_save cannot change {sorted(unknown)}")
    letter = letter_for(round)
    if letter.is_issued:
        raise ApplicationError(f"Tờ trình số {letter.reference} đã ban hành: không sửa được nữa.")
    before = snapshot(letter) if letter.pk else None
    for key, value in fields.items():
        setattr(letter, key, value.strip())
    if not letter.to_lines:
        raise ApplicationError("Ghi ít nhất một nơi nhận (Kính gửi).", {"field": "to"})
    for key, what in (("place", "Địa danh"), ("signer_title", "Chức vụ người ký")):
        if not getattr(letter, key):
            raise ApplicationError(f"{what} là bắt buộc.", {"field": key})
    letter.full_clean(exclude=["round", "issued_by", "nominations"])
    letter.save()
    action = AuditAction.UPDATE if before else AuditAction.CREATE
    audit_log(actor=actor, action=action, obj=letter, before=before, after=snapshot(letter))
    return letter


@transaction.atomic
def letter_issue(*, actor, round: Round, today: dt.date) -> SubmissionLetter:
    """Issue the round's letter: the next number of the unit's register for Tờ trình, today's date, and the
    list of nominations it carries fixed."""
    _require_prepare(actor, round, "ban hành tờ trình")
    Round.objects.select_for_update().filter(pk=round.pk).first()
    letter = letter_for(round)
    if letter.pk is None:  # issued as proposed: the usual addressees, place and signer
        letter.full_clean(exclude=["round", "issued_by", "nominations"])
        letter.save()
        audit_log(actor=actor, action=AuditAction.CREATE, obj=letter, after=snapshot(letter))
    letter = SubmissionLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.is_issued:
        raise ApplicationError(f"Tờ trình số {letter.reference} đã ban hành.")
    nominations = dossier_nominations(round)
    if not nominations:
        raise ApplicationError("Đợt chưa có đề nghị nào đã trình: tờ trình không có ai để đề nghị.")
    entry = register_allocate(
        issuer=round.unit, year=today.year, kind=SUBMISSION_LETTER, actor=actor, subject=letter_title(round)
    )
    before = snapshot(letter)
    letter.number = entry.number
    letter.symbol = entry.symbol.partition("/")[2]
    letter.issued_on = today
    letter.issued_at = timezone.now()
    letter.issued_by = actor if actor and actor.is_authenticated else None
    letter.save()
    letter.nominations.set(nominations)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=letter,
        before=before,
        after=snapshot(letter),
        reason=f"Ban hành Tờ trình số {entry.symbol}",
    )
    return letter
