"""Registration pages of a movement: the list (filters, counts per title, share of staff, Excel), one's
own registrations, bulk registration of a department's staff, collectives, and withdrawal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tdkt.accounts.access import get_registration_for_user
from tdkt.accounts.roles import PEOPLE_VIEW
from tdkt.accounts.scope import has_perm
from tdkt.core.errors import ApplicationError
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.timeutil import today_vn
from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.people.models import Person
from tdkt.pledges.forms import (
    BulkRegistrationForm,
    CollectiveRegistrationForm,
    RegistrationFilterForm,
    SelfRegistrationForm,
    WithdrawForm,
)
from tdkt.pledges.selectors_registrations import (
    bulk_units,
    collective_units,
    may_register_others,
    people_posted_in,
    person_home,
    person_registrations,
    registered_titles,
    registration_counts,
    registration_list,
    registration_title_counts,
    registration_units,
    units_below,
)
from tdkt.pledges.services_registrations import (
    collectives_register,
    registration_create,
    registration_withdraw,
    registrations_create_many,
)
from tdkt.pledges.views import apply_errors, get_movement, movement_links

PAGE_SIZE = 50


def _movement(request, pk):
    return get_movement(request, pk)


def _int(raw) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def _list_state(request, movement):
    """The filter form, the unit (or department) listed and the filtered registrations."""
    units = registration_units(movement=movement, user=request.user)
    if not units:
        raise Http404
    unit = next((u for u in units if u.pk == _int(request.GET.get("unit"))), units[0])
    below = units_below(unit)
    form = RegistrationFilterForm(request.GET, units=units, departments=below)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    department = next((u for u in below if u.pk == data.get("department")), None)
    rows = registration_list(
        movement=movement,
        unit=unit,
        department=department,
        title=data.get("title") or "",
        kind=data.get("kind") or "",
        query=data.get("q") or "",
    )
    return form, unit, department, rows


def registration_list_view(request, pk: int):
    movement = _movement(request, pk)
    if not registration_units(movement=movement, user=request.user):
        if request.user.person_id:
            return redirect("registrations:register", pk=movement.pk)
        raise Http404
    form, unit, department, rows = _list_state(request, movement)
    today = today_vn()
    shown = department or unit
    tally = registration_counts(movement=movement, units=[shown], day=today)[shown.pk]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "movement": movement,
        "form": form,
        "unit": shown,
        "tally": tally,
        "title_counts": registration_title_counts(rows),
        "page": page,
        "query_string": query.urlencode(),
        "links": movement_links(request, movement, current="registrations"),
        "can_see_people": has_perm(request.user, PEOPLE_VIEW),
        "can_bulk": movement.is_published and may_register_others(movement=movement, user=request.user),
        "today": today,
    }
    if request.htmx and request.htmx.target == "registration-results":
        return render(request, "pledges/registration_list.html#results", context)
    return render(request, "pledges/registration_list.html", context)


def registration_export_view(request, pk: int):
    movement = _movement(request, pk)
    _form, unit, department, rows = _list_state(request, movement)
    headers = [
        "STT",
        "Đối tượng",
        "Họ và tên / tên tập thể",
        "Số CCCD / mã đơn vị",
        "Khoa/phòng, đơn vị",
        "Danh hiệu, hình thức đăng ký",
        "Ghi chú",
        "Phong trào",
        "Ngày đăng ký",
        "Người đăng ký",
    ]

    def lines():
        for i, r in enumerate(rows.iterator(chunk_size=2000), start=1):
            yield [
                i,
                "Tập thể" if r.is_collective else "Cá nhân",
                r.unit.name if r.is_collective else r.person.full_name,
                r.unit.code if r.is_collective else r.person.cccd,
                r.home.name,
                r.title_label,
                r.note,
                r.movement.name,
                r.registered_at.date(),
                r.registered_by.get_full_name() or r.registered_by.username if r.registered_by else "",
            ]

    content = xlsx_bytes(
        sheet_title="Đăng ký thi đua",
        headers=headers,
        rows=lines(),
        column_widths=[6, 10, 30, 16, 28, 36, 30, 36, 14, 24],
    )
    shown = department or unit
    return xlsx_response(f"dang-ky-thi-dua-{movement.pk}-{shown.code}.xlsx", content)


def registration_register_view(request, pk: int):
    """A person's own registrations under the movement, and the form to add one."""
    movement = _movement(request, pk)
    person = Person.objects.filter(pk=request.user.person_id).first() if request.user.person_id else None
    if person is None:
        raise Http404
    today = today_vn()
    form = SelfRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_create(
                actor=request.user,
                movement=movement,
                person=person,
                title=form.cleaned_data["title"],
                note=form.cleaned_data["note"],
                day=today,
            )
        except (ApplicationError, ValidationError) as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your registration is recorded."))
            return redirect("registrations:register", pk=movement.pk)
    return render(
        request,
        "pledges/registration_register.html",
        {
            "movement": movement,
            "person": person,
            "home": person_home(movement=movement, person_id=person.pk, day=today),
            "registrations": person_registrations(movement=movement, person=person),
            "form": form,
            "withdraw_form": WithdrawForm(),
            "links": movement_links(request, movement, current="registrations"),
        },
        status=400 if request.method == "POST" else 200,
    )


def registration_bulk_view(request, pk: int):
    """An officer registers staff of one department (or of an institution's directorate) at once."""
    movement = _movement(request, pk)
    today = today_vn()
    units = bulk_units(movement=movement, user=request.user, day=today)
    if not units:
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    unit = next((u for u in units if u.pk == _int(source.get("unit"))), units[0])
    people = people_posted_in(unit=unit, day=today)
    data = request.POST if request.method == "POST" else None
    form = BulkRegistrationForm(data, units=units, people=people, initial={"unit": unit.pk})
    if request.method == "POST" and form.is_valid():
        picked = set(form.cleaned_data["people"])
        try:
            result = registrations_create_many(
                actor=request.user,
                movement=movement,
                people=[p for p in people if p.pk in picked],
                title=form.cleaned_data["title"],
                note=form.cleaned_data["note"],
                day=today,
            )
        except (ApplicationError, ValidationError) as exc:
            apply_errors(form, exc)
        else:
            _report(request, len(result.created), result.skipped)
            url = reverse("registrations:list", args=[movement.pk])
            return redirect(f"{url}?{urlencode({'department': unit.pk, 'unit': _top(units, unit).pk})}")
    titles = registered_titles(movement=movement, person_ids=[p.pk for p in people])
    context = {
        "movement": movement,
        "form": form,
        "unit": unit,
        "rows": [(p, _labels(titles.get(p.pk, ()))) for p in people],
        "picked": {int(v) for v in form["people"].value() or () if str(v).isdigit()},
        "links": movement_links(request, movement, current="registrations"),
    }
    if request.htmx and request.htmx.target == "bulk-people":
        return render(request, "pledges/registration_bulk.html#people", context)
    return render(
        request, "pledges/registration_bulk.html", context, status=400 if request.method == "POST" else 200
    )


def _labels(titles) -> list[str]:
    rank = {c: i for i, c in enumerate(CANDIDATES)}
    return [LABELS_VI.get(t, t) for t in sorted(titles, key=lambda t: rank.get(t, len(rank)))]


def _top(units, unit):
    """The institution of `unit` among the list's units, for the list's unit filter."""
    above = [u for u in units if unit.path.startswith(u.path) and u.is_institution]
    return above[0] if above else unit


def _report(request, created: int, skipped: list[str]) -> None:
    messages.success(
        request,
        ngettext("%(n)s registration recorded.", "%(n)s registrations recorded.", created) % {"n": created},
    )
    if skipped:
        messages.info(
            request,
            _("Already registered for this title, left as they were: %(names)s.")
            % {"names": ", ".join(skipped)},
        )


def registration_collectives_view(request, pk: int):
    """An officer registers collectives (departments, stations, institutions) for a collective title."""
    movement = _movement(request, pk)
    today = today_vn()
    units = collective_units(movement=movement, user=request.user, day=today)
    if not units:
        raise Http404
    form = CollectiveRegistrationForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        picked = set(form.cleaned_data["units"])
        try:
            result = collectives_register(
                actor=request.user,
                movement=movement,
                units=[u for u in units if u.pk in picked],
                title=form.cleaned_data["title"],
                note=form.cleaned_data["note"],
                day=today,
            )
        except (ApplicationError, ValidationError) as exc:
            apply_errors(form, exc)
        else:
            _report(request, len(result.created), result.skipped)
            url = reverse("registrations:list", args=[movement.pk])
            return redirect(f"{url}?kind=collective")
    titles = registered_titles(movement=movement, unit_ids=[u.pk for u in units])
    return render(
        request,
        "pledges/registration_collectives.html",
        {
            "movement": movement,
            "form": form,
            "rows": [(u, _labels(titles.get(u.pk, ()))) for u in units],
            "links": movement_links(request, movement, current="registrations"),
        },
        status=400 if request.method == "POST" else 200,
    )


def registration_withdraw_view(request, pk: int):
    """POST: withdraw a registration (one's own, or as the unit's officer); GET shows where it is."""
    registration = get_registration_for_user(request, pk)
    own = registration.person_id is not None and registration.person_id == request.user.person_id
    back = reverse("registrations:register" if own else "registrations:list", args=[registration.movement_id])
    if request.method != "POST":
        return redirect(back)
    form = WithdrawForm(request.POST)
    form.is_valid()
    try:
        registration_withdraw(
            actor=request.user, registration=registration, reason=form.cleaned_data.get("reason", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The registration is withdrawn."))
    return redirect(back)
