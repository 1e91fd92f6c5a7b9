"""The kinds of record an officer keeps by hand, described once each: the subject they hang on (a person
or a collective), the form, the access helper, and how a checked form becomes a service call. The views
(records.views) are the same for every kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts import access
from tdkt.accounts.roles import RECORDS_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import Unit, UnitKind
from tdkt.people.models import Person
from tdkt.people.selectors import people_in_units
from tdkt.records import forms, services
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)
from tdkt.records.selectors import current_institution_for, rating_unit_for


@dataclass(frozen=True)
class RecordType:
    key: str
    model: type[models.Model]
    subject: str  # "person" or "unit": whose page the record is kept from
    form_class: type[forms.RecordForm]
    get_for_user: Callable  # (request, pk, *, manage) → the record, or Http404
    create: Callable  # (request, subject, data, *, today) → the record
    update: Callable  # (request, record, data, *, note, today) → the record
    delete: Callable  # (request, record, *, note) → None
    initial: Callable  # (record) → the form's initial values
    describe: Callable  # (record) → a short description, e.g. "Xếp loại năm 2024"
    add_title: str
    edit_title: str
    form_kwargs: Callable = field(default=lambda request, subject, record, today: {})
    new_initial: Callable = field(default=lambda request, subject, today: {})


def _pick(data: dict, *names: str) -> dict:
    return {name: data[name] for name in names}


def _keep_scope(request) -> frozenset[int]:
    return scope_unit_ids(request.user, RECORDS_MANAGE)


# -- annual ratings --------------------------------------------------------------------------------

RATING_FIELDS = ("year", "rating", "rated_by", "rated_on")


def _rating_unit(request, person: Person, year: int) -> Unit:
    """Where the person was rated: their last post that year in a unit whose records the user keeps."""
    unit_id = rating_unit_for(person=person, year=year, unit_ids=_keep_scope(request))
    if unit_id is None:
        raise ApplicationError(
            _("%(name)s held no post in %(year)s in a unit whose records you keep.")
            % {"name": person.full_name, "year": year},
            {"field": "year"},
        )
    return Unit.objects.get(pk=unit_id)


def _rating_create(request, person, data, *, today):
    unit = _rating_unit(request, person, data["year"])
    return services.rating_create(
        actor=request.user, person=person, unit=unit, today=today, **_pick(data, *RATING_FIELDS)
    )


def _rating_update(request, rating, data, *, note, today):
    unit = rating.unit if data["year"] == rating.year else _rating_unit(request, rating.person, data["year"])
    return services.rating_update(
        actor=request.user,
        annual_rating=rating,
        unit=unit,
        reason=note,
        today=today,
        **_pick(data, *RATING_FIELDS),
    )


RATING = RecordType(
    key="rating",
    model=AnnualRating,
    subject="person",
    form_class=forms.RatingForm,
    get_for_user=access.get_rating_for_user,
    create=_rating_create,
    update=_rating_update,
    delete=lambda request, r, *, note: services.rating_delete(
        actor=request.user, annual_rating=r, reason=note
    ),
    initial=lambda r: {f: getattr(r, f) for f in RATING_FIELDS},
    describe=lambda r: _("Rating of %(year)s") % {"year": r.year},
    add_title=gettext_lazy("Add a rating"),
    edit_title=gettext_lazy("Correct a rating"),
    new_initial=lambda request, person, today: {"year": today.year},
)

COLLECTIVE_RATING = RecordType(
    key="collective_rating",
    model=CollectiveRating,
    subject="unit",
    form_class=forms.CollectiveRatingForm,
    get_for_user=access.get_collective_rating_for_user,
    create=lambda request, unit, data, *, today: services.collective_rating_create(
        actor=request.user, unit=unit, today=today, **_pick(data, *RATING_FIELDS)
    ),
    update=lambda request, r, data, *, note, today: services.collective_rating_update(
        actor=request.user, collective_rating=r, reason=note, today=today, **_pick(data, *RATING_FIELDS)
    ),
    delete=lambda request, r, *, note: services.collective_rating_delete(
        actor=request.user, collective_rating=r, reason=note
    ),
    initial=lambda r: {f: getattr(r, f) for f in RATING_FIELDS},
    describe=lambda r: _("Collective rating of %(year)s") % {"year": r.year},
    add_title=gettext_lazy("Add a collective rating"),
    edit_title=gettext_lazy("Correct a collective rating"),
    new_initial=lambda request, unit, today: {"year": today.year},
)

# -- initiatives and research works ------------------------------------------------------------------

ACHIEVEMENT_FIELDS = ("kind", "title", "scope", "year", "decision_number", "decision_date", "issuer")


def _achievement_form_kwargs(request, subject, record, today) -> dict:
    scope = _keep_scope(request)
    units = list(Unit.objects.filter(id__in=scope, kind__in=UnitKind.institution_kinds()).order_by("path"))
    if record is not None and record.unit not in units:
        units.insert(0, record.unit)
    people = people_in_units(scope)
    fixed = []
    if record is not None:
        authors = list(record.authors.order_by("sort_key", "id"))
        in_scope = set(people.filter(pk__in=[a.pk for a in authors]).values_list("pk", flat=True))
        fixed = [a for a in authors if a.pk not in in_scope]
    return {"units": units, "people": people, "fixed_authors": fixed}


def _achievement_new_initial(request, person, today) -> dict:
    unit_id = current_institution_for(person=person, unit_ids=_keep_scope(request), today=today)
    return {"year": today.year, "authors": [person.pk], "unit": unit_id}


def _achievement_initial(record) -> dict:
    values = {f: getattr(record, f) for f in ACHIEVEMENT_FIELDS}
    return {**values, "unit": record.unit_id, "authors": list(record.authors.values_list("pk", flat=True))}


def _achievement_values(form_data: dict, form) -> dict:
    return {
        **_pick(form_data, *ACHIEVEMENT_FIELDS),
        "unit": form.units[form_data["unit"]],
        "authors": form.chosen_people(),
    }


ACHIEVEMENT = RecordType(
    key="achievement",
    model=Achievement,
    subject="person",
    form_class=forms.AchievementForm,
    get_for_user=access.get_achievement_for_user,
    create=lambda request, person, data, *, today: services.achievement_create(
        actor=request.user, today=today, **data
    ),
    update=lambda request, a, data, *, note, today: services.achievement_update(
        actor=request.user, achievement=a, reason=note, today=today, **data
    ),
    delete=lambda request, a, *, note: services.achievement_delete(
        actor=request.user, achievement=a, reason=note
    ),
    initial=_achievement_initial,
    describe=lambda a: f"{a.get_kind_display()} «{a.title}» ({a.year})",
    add_title=gettext_lazy("Add an initiative or research work"),
    edit_title=gettext_lazy("Correct an initiative or research work"),
    form_kwargs=_achievement_form_kwargs,
    new_initial=_achievement_new_initial,
)

# -- discipline, leave, reviews ----------------------------------------------------------------------

DISCIPLINE_FIELDS = ("level", "decision_number", "decision_date", "start", "end", "reason")
DISCIPLINE = RecordType(
    key="discipline",
    model=Discipline,
    subject="person",
    form_class=forms.DisciplineForm,
    get_for_user=access.get_discipline_for_user,
    create=lambda request, person, data, *, today: services.discipline_create(
        actor=request.user, person=person, today=today, **_pick(data, *DISCIPLINE_FIELDS)
    ),
    update=lambda request, d, data, *, note, today: services.discipline_update(
        actor=request.user, discipline=d, change_reason=note, today=today, **_pick(data, *DISCIPLINE_FIELDS)
    ),
    delete=lambda request, d, *, note: services.discipline_delete(
        actor=request.user, discipline=d, reason=note
    ),
    initial=lambda d: {f: getattr(d, f) for f in DISCIPLINE_FIELDS},
    describe=lambda d: (
        _("Discipline (%(level)s) from %(start)s")
        % {"level": d.get_level_display().lower(), "start": f"{d.start:%d/%m/%Y}"}
    ),
    add_title=gettext_lazy("Add a discipline"),
    edit_title=gettext_lazy("Correct a discipline"),
)

LEAVE_FIELDS = ("kind", "start", "end")
LEAVE = RecordType(
    key="leave",
    model=Leave,
    subject="person",
    form_class=forms.LeaveForm,
    get_for_user=access.get_leave_for_user,
    create=lambda request, person, data, *, today: services.leave_create(
        actor=request.user, person=person, today=today, **_pick(data, *LEAVE_FIELDS)
    ),
    update=lambda request, leave, data, *, note, today: services.leave_update(
        actor=request.user, leave=leave, reason=note, today=today, **_pick(data, *LEAVE_FIELDS)
    ),
    delete=lambda request, leave, *, note: services.leave_delete(
        actor=request.user, leave=leave, reason=note
    ),
    initial=lambda leave: {f: getattr(leave, f) for f in LEAVE_FIELDS},
    describe=lambda leave: f"{leave.get_kind_display()} {leave.start:%d/%m/%Y}–{leave.end:%d/%m/%Y}",
    add_title=gettext_lazy("Add a long leave"),
    edit_title=gettext_lazy("Correct a long leave"),
)

REVIEW_FIELDS = ("reason", "start", "end")
REVIEW = RecordType(
    key="review",
    model=Review,
    subject="person",
    form_class=forms.ReviewForm,
    get_for_user=access.get_review_for_user,
    create=lambda request, person, data, *, today: services.review_open(
        actor=request.user, person=person, today=today, **_pick(data, *REVIEW_FIELDS)
    ),
    update=lambda request, r, data, *, note, today: services.review_update(
        actor=request.user, review=r, change_reason=note, today=today, **_pick(data, *REVIEW_FIELDS)
    ),
    delete=lambda request, r, *, note: services.review_delete(actor=request.user, review=r, reason=note),
    initial=lambda r: {f: getattr(r, f) for f in REVIEW_FIELDS},
    describe=lambda r: (
        _("Under review from %(start)s: %(reason)s") % {"start": f"{r.start:%d/%m/%Y}", "reason": r.reason}
    ),
    add_title=gettext_lazy("Record a review in progress"),
    edit_title=gettext_lazy("Correct a review"),
)

# -- titles and awards conferred by past decisions ------------------------------------------------------

AWARD_FIELDS = ("year", "candidate", "category", "decision_number", "decision_date", "issuer")
AWARD = RecordType(
    key="award",
    model=ConferredAward,
    subject="person",
    form_class=forms.AwardForm,
    get_for_user=access.get_award_for_user,
    create=lambda request, person, data, *, today: services.award_record(
        actor=request.user, person=person, today=today, **_pick(data, *AWARD_FIELDS)
    ),
    update=lambda request, a, data, *, note, today: services.award_update(
        actor=request.user, award=a, reason=note, today=today, **_pick(data, *AWARD_FIELDS)
    ),
    delete=lambda request, a, *, note: services.award_delete(actor=request.user, award=a, reason=note),
    initial=lambda a: {f: getattr(a, f) for f in AWARD_FIELDS},
    describe=lambda a: f"{LABELS_VI.get(a.candidate, a.candidate)} ({a.year})",
    add_title=gettext_lazy("Add a title or award from a past decision"),
    edit_title=gettext_lazy("Correct a title or award"),
    new_initial=lambda request, person, today: {"year": today.year - 1},
)

RECORD_TYPES: dict[str, RecordType] = {
    t.key: t for t in (RATING, ACHIEVEMENT, AWARD, DISCIPLINE, REVIEW, LEAVE, COLLECTIVE_RATING)
}


def values_for_service(record_type: RecordType, form) -> dict:
    """The checked form as the service's arguments (the achievement form also turns ids into objects)."""
    data = {k: v for k, v in form.cleaned_data.items() if k not in {"note", "q"}}
    if record_type is ACHIEVEMENT:
        return _achievement_values(data, form)
    return data
