"""One helper per object type: fetch it for this user or answer 404. Views use nothing else.

Records (ratings, initiatives, discipline, leave, reviews, awards) are seen by whoever may see their
person (their own record included) or collective, and kept by whoever holds RECORDS_MANAGE over them;
`manage=True` asks for the latter. Attachments follow the record they belong to."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from tdkt.accounts.roles import (
    DISCLOSURE_VIEW,
    MOVEMENTS_VIEW,
    NOMINATIONS_PREPARE,
    NOMINATIONS_VIEW,
    ORG_VIEW,
    PEOPLE_VIEW,
    RECORDS_MANAGE,
)
from tdkt.accounts.scope import scope_and_ancestor_unit_ids, scope_unit_ids
from tdkt.attachments.models import Attachment
from tdkt.attachments.registry import target_for_model
from tdkt.nominations.models import Disclosure, Nomination, Objection, Round
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.people.selectors import people_in_units
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)


def get_unit_for_user(request, pk: int, perm: str = ORG_VIEW) -> Unit:
    if int(pk) not in scope_unit_ids(request.user, perm):
        raise Http404
    return get_object_or_404(Unit.objects.select_related("parent"), pk=pk)


def get_person_for_user(request, pk: int, perm: str = PEOPLE_VIEW) -> Person:
    """A person with a past or present post in scope; for viewing, also the user's own record."""
    user = request.user
    if perm == PEOPLE_VIEW and user.is_authenticated and user.person_id == int(pk):
        return get_object_or_404(Person, pk=pk)
    ids = scope_unit_ids(user, perm)
    if not ids:
        raise Http404
    return get_object_or_404(people_in_units(ids), pk=pk)


def units_for_user(user, perm: str):
    return Unit.objects.filter(id__in=scope_unit_ids(user, perm))


def get_movement_for_user(request, pk: int, perm: str = MOVEMENTS_VIEW, *, rows: bool = True):
    """A movement the user sees (published in or above their scope, or a draft they manage); with
    MOVEMENTS_MANAGE, one launched by a unit the user manages. Its unit and plan are loaded, and with
    `rows` its phases, targets and the plan's rows too."""
    from tdkt.movements.models import Movement
    from tdkt.movements.selectors import movement_detail_get, movements_visible

    if perm == MOVEMENTS_VIEW:
        qs = movements_visible(request.user)
    else:
        qs = Movement.objects.filter(unit_id__in=scope_unit_ids(request.user, perm))
    try:
        if rows:
            return movement_detail_get(pk=int(pk), qs=qs)
        return qs.select_related("unit", "plan").get(pk=int(pk))
    except Movement.DoesNotExist:
        raise Http404 from None


def get_target_for_user(request, pk: int):
    """A target of a movement the user sees, with its movement (and the movement's unit) loaded."""
    from tdkt.movements.models import Target
    from tdkt.movements.selectors import movements_visible

    visible = movements_visible(request.user).values("pk")
    return get_object_or_404(
        Target.objects.select_related("movement__unit", "movement__plan", "reporter_unit"),
        pk=pk,
        movement__in=visible,
    )


# -- records -------------------------------------------------------------------------------------------


def _check_unit(request, unit_id: int, *, manage: bool) -> None:
    if unit_id not in scope_unit_ids(request.user, RECORDS_MANAGE if manage else ORG_VIEW):
        raise Http404


def _subject_record(request, model, pk: int, *, manage: bool):
    """A record of a person or (for reviews and awards) of a collective, checked through its subject."""
    record = get_object_or_404(model, pk=pk)
    if getattr(record, "person_id", None):
        record.person = get_person_for_user(
            request, record.person_id, perm=RECORDS_MANAGE if manage else PEOPLE_VIEW
        )
    else:
        _check_unit(request, record.unit_id, manage=manage)
    return record


def get_rating_for_user(request, pk: int, *, manage: bool = False) -> AnnualRating:
    """A person's rating; keeping it also needs the unit that rated them in scope."""
    rating = _subject_record(request, AnnualRating, pk, manage=manage)
    if manage and rating.unit_id not in scope_unit_ids(request.user, RECORDS_MANAGE):
        raise Http404
    return rating


def get_collective_rating_for_user(request, pk: int, *, manage: bool = False) -> CollectiveRating:
    rating = get_object_or_404(CollectiveRating.objects.select_related("unit"), pk=pk)
    _check_unit(request, rating.unit_id, manage=manage)
    return rating


def get_achievement_for_user(request, pk: int, *, manage: bool = False) -> Achievement:
    """Kept by whoever keeps its unit's records; seen also by whoever may see one of its authors."""
    achievement = get_object_or_404(Achievement.objects.select_related("unit"), pk=pk)
    user = request.user
    if manage:
        if achievement.unit_id not in scope_unit_ids(user, RECORDS_MANAGE):
            raise Http404
        return achievement
    view_scope = scope_unit_ids(user, PEOPLE_VIEW)
    if achievement.unit_id in view_scope:
        return achievement
    authors = achievement.authors.values("pk")
    if user.person_id and achievement.authors.filter(pk=user.person_id).exists():
        return achievement
    if view_scope and people_in_units(view_scope).filter(pk__in=authors).exists():
        return achievement
    raise Http404


def get_discipline_for_user(request, pk: int, *, manage: bool = False) -> Discipline:
    return _subject_record(request, Discipline, pk, manage=manage)


def get_leave_for_user(request, pk: int, *, manage: bool = False) -> Leave:
    return _subject_record(request, Leave, pk, manage=manage)


def get_review_for_user(request, pk: int, *, manage: bool = False) -> Review:
    return _subject_record(request, Review, pk, manage=manage)


def get_award_for_user(request, pk: int, *, manage: bool = False) -> ConferredAward:
    return _subject_record(request, ConferredAward, pk, manage=manage)


def get_attachment_for_user(request, pk: int, *, manage: bool = False) -> Attachment:
    """An attachment whose record this user may see (or keep, with `manage`); `.record` holds it."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    model = attachment.content_type.model_class()
    try:
        target = target_for_model(model)
    except KeyError:
        raise Http404 from None
    attachment.record = target.get_for_user(request, attachment.object_id, manage=manage)
    attachment.spec = target
    return attachment


def get_registration_for_user(request, pk: int):
    """A registration the user sees: their own, or one of a unit in their REGISTRATIONS_VIEW scope."""
    from tdkt.accounts.roles import REGISTRATIONS_VIEW
    from tdkt.pledges.models import Registration

    user = request.user
    registration = get_object_or_404(
        Registration.objects.select_related("movement__unit", "person", "unit", "home"), pk=pk
    )
    own = user.person_id is not None and registration.person_id == user.person_id
    if not own and registration.home_id not in scope_unit_ids(user, REGISTRATIONS_VIEW):
        raise Http404
    return registration


def get_pledge_round_for_user(request, pk: int, perm: str | None = None):
    """A pledge round of a unit in the user's scope for `perm` (PLEDGES_VIEW unless told), with its
    movement, unit, bloc and union chair loaded."""
    from tdkt.accounts.roles import PLEDGES_VIEW
    from tdkt.pledges.models import PledgeRound

    ids = scope_unit_ids(request.user, perm or PLEDGES_VIEW)
    pledge_round = get_object_or_404(
        PledgeRound.objects.select_related("movement__unit", "unit", "bloc", "union_chair"), pk=pk
    )
    if pledge_round.unit_id not in ids:
        raise Http404
    return pledge_round


def get_pledge_for_user(request, pk: int):
    """A pledge the user is a party to, or one of a unit in their PLEDGES_VIEW scope; with its round,
    movement, department, pledger and parties (with their people and units) loaded."""
    from django.db.models import Prefetch

    from tdkt.accounts.roles import PLEDGES_VIEW
    from tdkt.pledges.models import Pledge, PledgeParty

    pledge = get_object_or_404(
        Pledge.objects.select_related(
            "round__movement__unit", "round__unit", "round__bloc", "unit", "pledger"
        ).prefetch_related(
            Prefetch("parties", queryset=PledgeParty.objects.select_related("person", "unit", "signed_by"))
        ),
        pk=pk,
    )
    user = request.user
    if user.person_id is not None and any(p.person_id == user.person_id for p in pledge.parties.all()):
        return pledge
    ids = scope_unit_ids(user, PLEDGES_VIEW)
    if pledge.unit_id not in ids and pledge.round.unit_id not in ids:
        raise Http404
    return pledge


def get_round_for_user(request, pk: int, perm: str = NOMINATIONS_VIEW) -> Round:
    """A nomination round of a unit in scope."""
    found = get_object_or_404(Round.objects.select_related("unit"), pk=pk)
    if found.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found


def get_nomination_for_user(request, pk: int, perm: str = NOMINATIONS_VIEW) -> Nomination:
    """A nomination of a round in scope, with its round, unit, nominee and home unit."""
    found = get_object_or_404(
        Nomination.objects.select_related("round__unit", "person", "unit", "home", "award"), pk=pk
    )
    if found.round.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found


def get_disclosure_for_user(request, pk: int) -> Disclosure:
    """A disclosed list of a unit the user belongs to (or oversees)."""
    found = get_object_or_404(Disclosure.objects.select_related("round__unit"), pk=pk)
    if found.round.unit_id not in scope_and_ancestor_unit_ids(request.user, DISCLOSURE_VIEW):
        raise Http404
    return found


def get_objection_for_user(request, pk: int, perm: str = NOMINATIONS_PREPARE) -> Objection:
    """An objection to a nomination of a round in scope (for answering)."""
    found = get_object_or_404(
        Objection.objects.select_related("disclosure__round__unit", "nomination"), pk=pk
    )
    if found.disclosure.round.unit_id not in scope_unit_ids(request.user, perm):
        raise Http404
    return found


def get_inspection_for_user(request, pk: int):
    """An inspection the user sees (movements.selectors_inspections.inspections_visible), with its movement,
    unit and follow-up actions loaded."""
    from tdkt.movements.models import Inspection
    from tdkt.movements.selectors_inspections import inspection_detail_get, inspections_visible

    try:
        return inspection_detail_get(pk=int(pk), qs=inspections_visible(request.user))
    except Inspection.DoesNotExist:
        raise Http404 from None


def get_follow_up_for_user(request, pk: int):
    """A follow-up action of an inspection the user sees, with its inspection and movement loaded."""
    from tdkt.movements.models import FollowUpAction
    from tdkt.movements.selectors_inspections import inspections_visible

    visible = inspections_visible(request.user).values("pk")
    return get_object_or_404(
        FollowUpAction.objects.select_related("inspection__movement__unit", "owner"),
        pk=pk,
        inspection__in=visible,
    )


def get_movement_review_for_user(request, pk: int):
    """A review the user sees (an issued one of a visible movement, or any of a movement they manage), with
    its results and proposals loaded."""
    from tdkt.movements.models import Review
    from tdkt.movements.selectors_reviews import review_detail_get, reviews_visible

    try:
        return review_detail_get(pk=int(pk), qs=reviews_visible(request.user))
    except Review.DoesNotExist:
        raise Http404 from None
