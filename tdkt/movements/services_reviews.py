"""Writes of reviews: start a sơ kết or tổng kết from the latest figures, edit the draft, issue it with a
number from the register, put an issued review right by a new version, delete a draft.

An issued review never changes: every write below refuses anything but a draft. Every change is audited.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import format_date
from tdkt.documents.model import REPORT
from tdkt.documents.services import register_allocate
from tdkt.movements.documents import threshold_text
from tdkt.movements.inputs import ProposalInput, ReviewInput
from tdkt.movements.models import (
    CANDIDATES,
    Movement,
    Phase,
    ProposalKind,
    Review,
    ReviewKind,
    ReviewProposal,
    ReviewResult,
    ReviewState,
    SubjectKind,
)
from tdkt.movements.selectors_reviews import review_figures
from tdkt.movements.services import _sync_rows, _user, register_series
from tdkt.movements.titles import review_title
from tdkt.org.models import Unit
from tdkt.people.selectors import people_in_units

# "BC-SYT", "BC-TTYT": the report's type, then the issuer's groups (Nghị định 30/2020, Phụ lục I, II.3).
REPORT_SYMBOL_RE = re.compile(r"^BC(-[A-ZĐ0-9&.]+)+$")
_DOCUMENT_FIELDS = (
    "number",
    "symbol",
    "issued_on",
    "place",
    "issuer_name",
    "issuer_parent",
    "signer_authority",
    "signer_title",
    "signer_name",
    "distribution",
)
_TEXT_FIELDS = ("title", "overview", "highlights", "shortcomings", "lessons", "next_steps")


def _default_title(*, movement: Movement, kind: str, phase: Phase | None) -> str:
    reference = movement.plan.reference if movement.plan.number is not None else ""
    return review_title(
        movement_name=movement.name,
        plan_reference=reference,
        phase_name=phase.name if kind == ReviewKind.INTERIM and phase is not None else None,
    )


def _results(*, review: Review, comments: dict[int, str]) -> list[ReviewResult]:
    """The review's results from the figures as of its date; comments kept by target."""
    rows = []
    for order, figure in enumerate(review_figures(movement=review.movement, as_of=review.as_of), start=1):
        target = figure.target
        rows.append(
            ReviewResult(
                review=review,
                order=order,
                target=target,
                indicator=target.indicator,
                threshold=threshold_text(target) if target.is_measurable else "",
                unit_of_measure=target.unit_of_measure,
                value=figure.value,
                units_total=figure.units_total,
                units_reported=figure.units_reported,
                units_met=figure.units_met,
                met=figure.met,
                comment=comments.get(target.pk, ""),
            )
        )
    return rows


def _write_results(*, actor, review: Review, comments: dict[int, str]) -> None:
    old = list(review.results.all())
    entries = [(AuditAction.DELETE, r, snapshot(r), None) for r in old]
    ReviewResult.objects.filter(review=review).delete()
    rows = ReviewResult.objects.bulk_create(_results(review=review, comments=comments))
    entries += [(AuditAction.CREATE, r, None, snapshot(r)) for r in rows]
    audit_log_many(actor=actor, items=entries)


@transaction.atomic
def review_create(
    *, actor, movement: Movement, kind: str, today: dt.date, phase: Phase | None = None
) -> Review:
    """Start a draft sơ kết of `phase` or the tổng kết of the movement, prefilled from its plan and from the
    latest figures of its targets."""
    if movement.is_draft:
        raise ApplicationError(_("A movement is reviewed once it has been published."))
    if kind not in ReviewKind.values:
        raise ApplicationError(_("Choose an interim or a final review."))
    if kind == ReviewKind.INTERIM:
        if phase is None or phase.movement_id != movement.pk:
            raise ApplicationError(_("Choose the phase the interim review closes."))
        start, end = phase.start, phase.end
    else:
        phase = None
        start, end = movement.start, movement.end
    existing = Review.objects.filter(movement=movement, kind=kind, phase=phase, previous__isnull=True).first()
    if existing is not None:
        raise ApplicationError(
            _("This review already exists (“%(title)s”): open it, or correct it by a new version.")
            % {"title": existing.title}
        )
    plan = movement.plan
    review = Review(
        movement=movement,
        kind=kind,
        phase=phase,
        title=_default_title(movement=movement, kind=kind, phase=phase),
        period_start=start,
        period_end=end,
        as_of=min(max(today, start), end),
        symbol=f"BC-{plan.symbol.partition('-')[2]}",
        issued_on=today,
        place=plan.place,
        issuer_name=plan.issuer_name,
        issuer_parent=plan.issuer_parent,
        signer_authority=plan.signer_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        distribution=plan.distribution,
        created_by=_user(actor),
    )
    review.full_clean()
    review.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=review, after=snapshot(review))
    _write_results(actor=actor, review=review, comments={})
    return review


def _locked_draft(review: Review) -> Review:
    review = (
        Review.objects.select_for_update(of=("self",))
        .select_related("movement__unit", "movement__plan")
        .get(pk=review.pk)
    )
    if not review.is_draft:
        raise ApplicationError(_("An issued review cannot change: correct it by a new version."))
    return review


def _check(*, review: Review, content: ReviewInput) -> None:
    errors: dict[str, list[str]] = {}
    if not content.title.strip():
        errors.setdefault("title", []).append(_("Write the title of the review."))
    if not review.period_start <= content.as_of <= review.period_end:
        errors.setdefault("as_of", []).append(
            _("Take the figures on a day of the period reviewed (%(start)s – %(end)s).")
            % {"start": format_date(review.period_start), "end": format_date(review.period_end)}
        )
    if not REPORT_SYMBOL_RE.match(content.symbol or ""):
        errors.setdefault("symbol", []).append(
            _("Write the symbol in capitals, starting with BC, groups joined by hyphens, no spaces: BC-SYT.")
        )
    if content.number is not None:
        clash = (
            Review.objects.filter(
                movement__unit_id=review.movement.unit_id,
                issued_on__year=content.issued_on.year,
                number=content.number,
                symbol=content.symbol,
            )
            .exclude(pk=review.pk)
            .first()
        )
        if clash is not None:
            errors.setdefault("number", []).append(
                _("%(reference)s is already the number of “%(title)s”.")
                % {"reference": clash.reference, "title": clash.title}
            )
    errors_rows = _proposal_errors(review=review, proposals=content.proposals)
    if errors_rows:
        errors["proposals"] = errors_rows
    if errors:
        raise ValidationError(errors)


def _proposal_errors(*, review: Review, proposals: list[ProposalInput]) -> list[str]:
    unit = review.movement.unit
    errors = []
    people_ids = {p.person.pk for p in proposals if p.person is not None}
    subtree = set(Unit.objects.filter(path__startswith=unit.path).values_list("id", flat=True))
    in_scope = set(people_in_units(subtree).filter(pk__in=people_ids).values_list("pk", flat=True))
    for i, p in enumerate(proposals, start=1):
        label = _("Proposal %(n)s") % {"n": i}
        if p.subject_kind == SubjectKind.PERSON:
            if p.person is None:
                errors.append(_("%(row)s: choose the person.") % {"row": label})
            elif p.person.pk not in in_scope:
                errors.append(
                    _("%(row)s: %(name)s does not work in %(unit)s.")
                    % {"row": label, "name": p.person.full_name, "unit": unit.name}
                )
        elif p.unit is None:
            errors.append(_("%(row)s: choose the collective.") % {"row": label})
        elif not p.unit.path.startswith(unit.path):
            errors.append(
                _("%(row)s: %(name)s is not under %(unit)s.")
                % {"row": label, "name": p.unit.name, "unit": unit.name}
            )
        if p.kind == ProposalKind.COMMENDATION and p.candidate not in CANDIDATES.get(p.subject_kind, ()):
            errors.append(_("%(row)s: choose a title or form of commendation for it.") % {"row": label})
        if not p.summary.strip():
            message = (
                _("%(row)s: write the short story of the role model.")
                if p.kind == ProposalKind.ROLE_MODEL
                else _("%(row)s: summarise the achievements.")
            )
            errors.append(message % {"row": label})
    return errors


def _proposal_rows(proposals: list[ProposalInput]) -> list[ProposalInput]:
    """Keep only the subject that applies (a person or a collective) and the candidate of a commendation."""
    for p in proposals:
        if p.subject_kind == SubjectKind.PERSON:
            p.unit = None
        else:
            p.person = None
        if p.kind != ProposalKind.COMMENDATION:
            p.candidate = ""
        p.summary = p.summary.strip()
    return proposals


def _prepare_proposal(proposal: ReviewProposal) -> None:
    proposal.name = proposal.person.full_name if proposal.person_id else proposal.unit.name


@transaction.atomic
def review_update(*, actor, review: Review, content: ReviewInput) -> Review:
    """Change a draft review: texts, document fields, comments on the results, proposals; with `refresh`
    (or a new date for the figures) the results are taken again, comments kept."""
    review = _locked_draft(review)
    _check(review=review, content=content)
    before = snapshot(review)
    refresh = content.refresh or content.as_of != review.as_of
    for name in (*_TEXT_FIELDS, *_DOCUMENT_FIELDS, "as_of"):
        value = getattr(content, name)
        setattr(review, name, value.strip() if isinstance(value, str) else value)
    review.full_clean()
    review.save()
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=review, before=before, after=snapshot(review))
    results = {r.pk: r for r in review.results.all()}
    unknown = set(content.comments) - set(results)
    if unknown:
        raise ApplicationError(_("The results changed meanwhile; reload the page."))
    if refresh:
        by_target = {results[pk].target_id: text for pk, text in content.comments.items()}
        _write_results(actor=actor, review=review, comments=by_target)
    else:
        entries = []
        for pk, text in content.comments.items():
            result = results[pk]
            if result.comment != text.strip():
                old = snapshot(result)
                result.comment = text.strip()
                result.save(update_fields=["comment"])
                entries.append((AuditAction.UPDATE, result, old, snapshot(result)))
        audit_log_many(actor=actor, items=entries)
    _sync_rows(
        actor=actor,
        model=ReviewProposal,
        owner_field="review",
        owner=review,
        items=_proposal_rows(content.proposals),
        label=_("Proposal"),
        prepare=_prepare_proposal,
    )
    return review


@transaction.atomic
def review_issue(*, actor, review: Review) -> Review:
    """Draft → issued: the review takes the next number of its unit's register (unless one was entered by
    hand) and never changes again; an issued correction replaces the version before it."""
    review = _locked_draft(review)
    unit = review.movement.unit
    if review.number is None:
        entry = register_allocate(
            issuer=unit,
            year=review.issued_on.year,
            kind=REPORT,
            actor=actor,
            subject=review.title,
            series=register_series(unit=unit, symbol=review.symbol),
        )
        taken = (
            Review.objects.filter(
                movement__unit=unit,
                issued_on__year=review.issued_on.year,
                number=entry.number,
                symbol=review.symbol,
            )
            .exclude(pk=review.pk)
            .first()
        )
        if taken is not None:
            raise ApplicationError(
                _(
                    "The register's next number, %(reference)s, was already entered by hand for “%(name)s”: "
                    "enter this report's number by hand as well."
                )
                % {"reference": taken.reference, "name": taken.title}
            )
        review.number = entry.number
    before = snapshot(review) | {"state": ReviewState.DRAFT}
    review.state = ReviewState.ISSUED
    review.issued_at = timezone.now()
    review.issued_by = _user(actor)
    review.full_clean()
    review.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=review,
        before=before,
        after=snapshot(review),
        reason=review.reference,
    )
    return review


@transaction.atomic
def review_correct(*, actor, review: Review, today: dt.date) -> Review:
    """A new draft version of an issued review, to correct it: a copy of its texts, results (figures as
    issued) and proposals, without a number. Issued, it replaces the version before it."""
    review = Review.objects.select_for_update(of=("self",)).select_related("movement__plan").get(pk=review.pk)
    if not review.is_issued:
        raise ApplicationError(
            _("Only an issued review is corrected by a new version; edit the draft instead.")
        )
    if Review.objects.filter(previous=review).exists():
        raise ApplicationError(_("This version has already been corrected: correct the latest one."))
    copy = Review(
        **{
            f.name: getattr(review, f.name)
            for f in Review._meta.concrete_fields
            if f.name not in {"id", "state", "number", "issued_at", "issued_by", "created_at", "updated_at"}
        }
    )
    copy.previous = review
    copy.version = review.version + 1
    copy.issued_on = today
    copy.created_by = _user(actor)
    copy.full_clean()
    copy.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=copy, after=snapshot(copy), reason=review.reference)
    results = [
        ReviewResult(
            **{f.name: getattr(r, f.name) for f in ReviewResult._meta.concrete_fields if f.name != "id"}
        )
        for r in review.results.all()
    ]
    proposals = [
        ReviewProposal(
            **{f.name: getattr(p, f.name) for f in ReviewProposal._meta.concrete_fields if f.name != "id"}
        )
        for p in review.proposals.all()
    ]
    for row in (*results, *proposals):
        row.review = copy
    entries = [(AuditAction.CREATE, r, None, snapshot(r)) for r in ReviewResult.objects.bulk_create(results)]
    entries += [
        (AuditAction.CREATE, p, None, snapshot(p)) for p in ReviewProposal.objects.bulk_create(proposals)
    ]
    audit_log_many(actor=actor, items=entries)
    return copy


@transaction.atomic
def review_delete(*, actor, review: Review) -> None:
    """Remove a draft (a first draft or an unissued correction)."""
    review = _locked_draft(review)
    audit_log(actor=actor, action=AuditAction.DELETE, obj=review, before=snapshot(review))
    review.delete()
