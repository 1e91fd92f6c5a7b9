"""Keeping records by hand: add, correct and delete each kind of record from the person page (a
collective's ratings from its unit page). Every page works without JavaScript; with htmx the forms open
inside the page's records section and a change redraws that section and asks the eligibility panel to
reload (the `recordsChanged` event)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts import access
from tdkt.accounts.roles import PEOPLE_VIEW, RECORDS_MANAGE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.attachments.registry import is_registered
from tdkt.attachments.selectors import attachments_attach
from tdkt.core.errors import ApplicationError
from tdkt.core.forms import apply_errors
from tdkt.core.timeutil import today_vn
from tdkt.people.selectors import people_in_units
from tdkt.records.editing import ACHIEVEMENT, RECORD_TYPES, RecordType, values_for_service
from tdkt.records.forms import DeleteForm
from tdkt.records.models import AwardSource
from tdkt.records.selectors import collective_ratings_get, person_records_get

RECORDS_CHANGED = "recordsChanged"


# -- the records sections of the person and unit pages -----------------------------------------------


def person_records_context(request, person, *, today) -> dict:
    """The person page's record by year; `keep` on each entry says whether this user may change it
    (a rating and an initiative also need their unit among the units whose records the user keeps)."""
    keep = scope_unit_ids(request.user, RECORDS_MANAGE)
    can_keep = bool(keep) and people_in_units(keep).filter(pk=person.pk).exists()
    timeline = person_records_get(person=person, today=today)
    for year in timeline:
        if year.rating:
            year.rating.keep = can_keep and year.rating.unit_id in keep
        for award in year.titles + year.awards:
            award.keep = can_keep and award.source != AwardSource.DECISION
        for achievement in year.achievements:
            achievement.keep = achievement.unit_id in keep
        for period in year.disciplines + year.reviews + year.leaves:
            period.keep = can_keep
    return {
        "person": person,
        "timeline": timeline,
        "can_keep_records": can_keep,
        "person_query": f"?person={person.pk}",
    }


def unit_records_context(request, unit) -> dict:
    """The unit page's collective ratings, and whether this user keeps this unit's records."""
    can_keep = unit.pk in scope_unit_ids(request.user, RECORDS_MANAGE)
    ratings = collective_ratings_get(unit=unit)
    for rating in ratings:
        rating.keep = can_keep
    return {"unit": unit, "collective_ratings": ratings, "can_keep_records": can_keep}


class Page:
    """The page a change is made from and shown on: a person's or a unit's."""

    def __init__(self, kind: str, obj):
        self.kind, self.obj = kind, obj

    @property
    def url(self) -> str:
        if self.kind == "person":
            return reverse("people:detail", args=[self.obj.pk]) + "#records"
        return reverse("org:detail", args=[self.obj.pk]) + "#collective-ratings"

    def fragment(self, request, **extra):
        """The page's records section, as an htmx answer that replaces it and reloads the panel."""
        if self.kind == "person":
            context = person_records_context(request, self.obj, today=today_vn())
            template, target = "people/person_detail.html#records", "#records"
        else:
            context = unit_records_context(request, self.obj)
            template, target = "org/unit_detail.html#collective-ratings", "#collective-ratings"
        response = render(request, template, {**context, **extra})
        response["HX-Retarget"] = target
        response["HX-Reswap"] = "outerHTML"
        response["HX-Trigger"] = RECORDS_CHANGED
        return response


def _achievement_page(request, achievement) -> Page:
    """The person page an initiative is kept from: ?person= if this user may see them, else the first
    author they may see."""
    raw = request.GET.get("person", "")
    ids = [int(raw)] if raw.isdigit() else []
    ids += list(achievement.authors.order_by("sort_key", "id").values_list("pk", flat=True))
    for pk in ids:
        try:
            return Page("person", access.get_person_for_user(request, pk, perm=PEOPLE_VIEW))
        except Http404:
            continue
    raise Http404


def page_of(request, record_type: RecordType, record) -> Page:
    if record_type.subject == "unit":
        return Page("unit", record.unit)
    if record_type is ACHIEVEMENT:
        return _achievement_page(request, record)
    return Page("person", record.person)


def changed(request, page: Page, message: str):
    """After a change: the redrawn section for htmx, else back to the page with the message."""
    if request.htmx:
        return page.fragment(request, saved=message)
    messages.success(request, message)
    return redirect(page.url)


# -- add, correct, delete ------------------------------------------------------------------------------


def _record_type(kind: str) -> RecordType:
    try:
        return RECORD_TYPES[kind]
    except KeyError:
        raise Http404 from None


def _subject_for_user(request, record_type: RecordType, pk: int):
    if record_type.subject == "person":
        return access.get_person_for_user(request, pk, perm=RECORDS_MANAGE)
    return access.get_unit_for_user(request, pk, perm=RECORDS_MANAGE)


def _typed(form_class, source) -> dict:
    """What the user typed, as initial values (a search for co-authors redraws the form unchecked)."""
    values = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.MultipleChoiceField):
            values[name] = source.getlist(name)
        elif name in source:
            values[name] = source.get(name)
    return values


def _searching(request) -> dict | None:
    """The typed values when the user asks for co-authors (the Find button, or htmx's live search)."""
    if request.method == "POST" and "find" in request.POST:
        return request.POST
    if request.method == "GET" and request.htmx and request.htmx.target == "author-choices":
        return request.GET
    return None


def _form_page(request, record_type: RecordType, form, *, page: Page, record=None, status=200):
    context = {
        "form": form,
        "record_type": record_type,
        "record": record,
        "page": page,
        "title": record_type.edit_title if record else record_type.add_title,
        "about": record_type.describe(record) if record else "",
    }
    if request.htmx and request.htmx.target == "author-choices":
        return render(request, "records/_authors.html#author-choices", context)
    if request.htmx:
        # htmx swaps only successful answers: a rejected form comes back as 200 and replaces itself
        return render(request, "records/record_form.html#form", context)
    return render(request, "records/record_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def record_create_view(request, pk: int, kind: str):
    record_type = _record_type(kind)
    today = today_vn()
    subject = _subject_for_user(request, record_type, pk)
    page = Page(record_type.subject, subject)
    kwargs = {"today": today, **record_type.form_kwargs(request, subject, None, today)}
    typed = _searching(request)
    if typed is not None:
        form = record_type.form_class(initial=_typed(record_type.form_class, typed), **kwargs)
        return _form_page(request, record_type, form, page=page)
    if request.method == "POST":
        form = record_type.form_class(request.POST, **kwargs)
        if form.is_valid():
            try:
                record_type.create(request, subject, values_for_service(record_type, form), today=today)
            except (ApplicationError, ValidationError) as exc:
                apply_errors(form, exc)
            else:
                return changed(request, page, _("Saved."))
        return _form_page(request, record_type, form, page=page, status=400)
    form = record_type.form_class(initial=record_type.new_initial(request, subject, today), **kwargs)
    return _form_page(request, record_type, form, page=page)


@require_http_methods(["GET", "POST"])
def record_edit_view(request, pk: int, kind: str):
    record_type = _record_type(kind)
    today = today_vn()
    record = record_type.get_for_user(request, pk, manage=True)
    page = page_of(request, record_type, record)
    kwargs = {"today": today, "editing": True, **record_type.form_kwargs(request, page.obj, record, today)}
    typed = _searching(request)
    if typed is not None:
        form = record_type.form_class(initial=_typed(record_type.form_class, typed), **kwargs)
        return _form_page(request, record_type, form, page=page, record=record)
    if request.method == "POST":
        form = record_type.form_class(request.POST, **kwargs)
        if form.is_valid():
            try:
                record_type.update(
                    request,
                    record,
                    values_for_service(record_type, form),
                    note=form.cleaned_data["note"],
                    today=today,
                )
            except (ApplicationError, ValidationError) as exc:
                apply_errors(form, exc)
            else:
                return changed(request, page, _("Saved."))
        return _form_page(request, record_type, form, page=page, record=record, status=400)
    form = record_type.form_class(initial=record_type.initial(record), **kwargs)
    return _form_page(request, record_type, form, page=page, record=record)


@require_http_methods(["GET", "POST"])
def record_delete_view(request, pk: int, kind: str):
    """GET asks for confirmation (and a reason kept in the history); POST deletes."""
    record_type = _record_type(kind)
    record = record_type.get_for_user(request, pk, manage=True)
    page = page_of(request, record_type, record)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                record_type.delete(request, record, note=form.cleaned_data["note"])
            except ApplicationError as exc:
                apply_errors(form, exc)
            else:
                return changed(request, page, _("Deleted."))
    files = []
    if is_registered(type(record)):
        attachments_attach([record])
        files = record.attachment_list
    context = {
        "form": form,
        "record": record,
        "page": page,
        "about": record_type.describe(record),
        "files": files,
    }
    if request.htmx:
        return render(request, "records/record_delete.html#form", context)
    return render(request, "records/record_delete.html", context, status=status)
