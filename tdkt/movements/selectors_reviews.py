"""Reads of reviews: who sees which, a movement's reviews, one review's page, the figures a review starts
from, and the commendations proposed by issued reviews (for nominations). Fixed numbers of queries."""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, Q, QuerySet

from tdkt.accounts.roles import MOVEMENTS_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.movements import computations
from tdkt.movements.models import (
    Movement,
    ProposalKind,
    Review,
    ReviewProposal,
    ReviewResult,
    ReviewState,
    Target,
    TargetKind,
    TargetReport,
)
from tdkt.movements.periods import Period
from tdkt.movements.selectors import movements_visible, reporting_units_below, target_reporters


def reviews_visible(user) -> QuerySet[Review]:
    """Issued reviews of the movements the user sees; drafts only for those who manage the movement."""
    if not user.is_authenticated:
        return Review.objects.none()
    manage = scope_unit_ids(user, MOVEMENTS_MANAGE)
    return Review.objects.filter(
        Q(state=ReviewState.ISSUED, movement__in=movements_visible(user).values("pk"))
        | Q(movement__unit_id__in=manage)
    )


def movement_reviews(*, movement: Movement, user) -> list[Review]:
    """The movement's reviews the user sees, in order of their period; each knows whether an issued later
    version replaced it (`replaced`) or a correction is being drafted (`correcting`)."""
    reviews = list(
        reviews_visible(user)
        .filter(movement=movement)
        .order_by("period_end", "kind", "phase_id", "version", "id")
    )
    corrections = dict(
        Review.objects.filter(previous__in=[r.pk for r in reviews]).values_list("previous_id", "state")
    )
    for review in reviews:
        review.replaced = corrections.get(review.pk) == ReviewState.ISSUED
        review.correcting = corrections.get(review.pk) == ReviewState.DRAFT
    return reviews


def review_detail_get(*, pk: int, qs: QuerySet[Review]) -> Review:
    """The review with its movement, phase, results and proposals (and their people and units) loaded."""
    return (
        qs.select_related(
            "movement__unit", "movement__plan", "phase", "previous", "issued_by", "created_by", "correction"
        )
        .prefetch_related(
            Prefetch("results", queryset=ReviewResult.objects.order_by("order", "id")),
            Prefetch("proposals", queryset=ReviewProposal.objects.select_related("person", "unit")),
        )
        .get(pk=pk)
    )


# ---------------------------------------------------------------------------------------------------
# The figures a review starts from
# ---------------------------------------------------------------------------------------------------


@dataclass
class Figure:
    target: Target
    value: Decimal | None
    units_total: int
    units_reported: int
    units_met: int
    met: bool | None


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def review_figures(*, movement: Movement, as_of: dt.date) -> list[Figure]:
    """Each target's result as of `as_of`: the latest figure of each unit that reports it (reports of the
    periods begun by then; computed targets computed over the movement up to then), met or not.

    One unit: its figure. Several: their mean, met when every one of them met the threshold."""
    targets = list(movement.targets.select_related("reporter_unit").order_by("order", "id"))
    below = reporting_units_below(movement=movement)
    latest: dict[tuple[int, int], Decimal] = {}
    reports = TargetReport.objects.filter(target__movement=movement, period_start__lte=as_of).order_by(
        "period_end", "id"
    )
    for target_id, unit_id, value in reports.values_list("target_id", "unit_id", "value"):
        latest[(target_id, unit_id)] = value
    figures = []
    for target in targets:
        target.movement = movement
        units = [u for u in target_reporters(target, movement=movement, below=below) if u.valid_from <= as_of]
        if target.kind == TargetKind.COMPUTED:
            computed = computations.compute(
                target=target, units=units, period=Period(movement.start, as_of, "")
            )
            values = [computed.get(u.pk) for u in units]
        else:
            values = [latest.get((target.pk, u.pk)) for u in units]
        reported = [v for v in values if v is not None]
        met_count = sum(1 for v in reported if target.is_met(v) is True)
        if len(units) == 1:
            value = reported[0] if reported else None
            met = target.is_met(value)
        else:
            value = _mean(reported) if reported else None
            met = None if not reported or not target.is_measurable else met_count == len(units)
        figures.append(Figure(target, value, len(units), len(reported), met_count, met))
    return figures


# ---------------------------------------------------------------------------------------------------
# For nominations
# ---------------------------------------------------------------------------------------------------


def commendation_proposals(*, unit_ids, year: int) -> QuerySet[ReviewProposal]:
    """Commendations proposed by the issued reviews (the current version of each) of movements launched by
    `unit_ids`, whose period ends in `year`: the list nominations start from."""
    replaced = Review.objects.filter(correction__state=ReviewState.ISSUED).values("pk")
    return (
        ReviewProposal.objects.filter(
            kind=ProposalKind.COMMENDATION,
            review__state=ReviewState.ISSUED,
            review__movement__unit_id__in=unit_ids,
            review__period_end__year=year,
        )
        .exclude(review__in=replaced)
        .select_related("person", "unit", "review__movement")
        .order_by("review__movement_id", "review_id", "order", "id")
    )
