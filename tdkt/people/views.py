from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tdkt.accounts.access import get_person_for_user, units_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, PEOPLE_MANAGE, PEOPLE_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.timeutil import today_vn
from tdkt.eligibility.views import person_eligibility_context
from tdkt.org.models import Unit
from tdkt.people.forms import PeopleFilterForm, PersonForm, PostForm
from tdkt.people.models import Person
from tdkt.people.selectors import people_list, person_history_get
from tdkt.people.services import employment_start, person_create, person_update
from tdkt.records.views import person_records_context

PAGE_SIZE = 50
DEPARTMENT_KINDS = {"ward", "office"}


def _filtered_people(request):
    """The form and the queryset for the people list and its export (same filters)."""
    if not has_perm(request.user, PEOPLE_VIEW):
        raise Http404
    today = today_vn()
    units = list(units_for_user(request.user, PEOPLE_VIEW).filter(valid_to__isnull=True).order_by("path"))
    institutions = [u for u in units if u.kind not in DEPARTMENT_KINDS]
    units = institutions or units  # a ward head's scope is only their ward
    form = PeopleFilterForm(request.GET or None, units=units)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    scope = scope_unit_ids(request.user, PEOPLE_VIEW)
    unit = next((u for u in units if u.pk == data.get("unit")), units[0] if units else None)
    if unit is None:
        raise Http404
    subtree = [
        uid
        for uid in Unit.objects.filter(path__startswith=unit.path).values_list("id", flat=True)
        if uid in scope
    ]
    is_manager = data.get("is_manager")
    qs = people_list(
        unit_ids=subtree,
        on=today,
        query=data.get("q", ""),
        include_former=data.get("former", False),
        filters={
            "gender": data.get("gender"),
            "profession": data.get("profession"),
            "is_manager": {"1": True, "0": False}.get(is_manager or ""),
        },
    )
    return form, unit, qs, today


def people_list_view(request):
    form, unit, qs, today = _filtered_people(request)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "unit": unit,
        "page": page,
        "today": today,
        "query_string": query.urlencode(),
        "can_manage": has_perm(request.user, PEOPLE_MANAGE),
    }
    if request.htmx and request.htmx.target == "people-results":
        return render(request, "people/people_list.html#results", context)
    return render(request, "people/people_list.html", context)


def people_export_view(request):
    _, unit, qs, today = _filtered_people(request)
    headers = [
        "STT",
        "Họ và tên",
        "Số CCCD",
        "Ngày sinh",
        "Giới tính",
        "Nghề nghiệp",
        "Đơn vị",
        "Khoa/phòng",
        "Chức vụ",
        "Quản lý",
        "Công chức/viên chức",
        "Vào ngành từ",
    ]

    def rows():
        for i, p in enumerate(qs.iterator(chunk_size=2000), start=1):
            post = p.current_posts[0] if p.current_posts else None
            yield [
                i,
                p.full_name,
                p.cccd,
                p.birth_date,
                p.get_gender_display(),
                p.get_profession_display(),
                post.unit.name if post else "",
                post.department.name if post and post.department else "",
                post.get_position_display() if post else "",
                "Có" if p.is_manager else "Không",
                p.get_employment_status_display(),
                p.health_sector_since,
            ]

    content = xlsx_bytes(
        sheet_title="Danh sách",
        headers=headers,
        rows=rows(),
        column_widths=[6, 28, 15, 12, 9, 18, 30, 26, 18, 9, 18, 12],
    )
    return xlsx_response(f"danh-sach-nhan-su-{unit.code}-{today:%Y%m%d}.xlsx", content)


def _records_audit_related(timeline) -> list[tuple[str, list[int]]]:
    """The record and attachment ids of the page, for its change history."""
    ids: dict[str, set[int]] = {}
    files: set[int] = set()
    for year in timeline:
        entries = [year.rating] if year.rating else []
        entries += (
            year.titles + year.awards + year.achievements + year.disciplines + year.reviews + year.leaves
        )
        for entry in entries:
            ids.setdefault(entry._meta.label_lower, set()).add(entry.pk)
            files.update(a.pk for a in getattr(entry, "attachment_list", []))
    return [(label, sorted(pks)) for label, pks in ids.items()] + [("attachments.attachment", sorted(files))]


def person_detail_view(request, pk: int):
    person = get_person_for_user(request, pk)
    eligibility = {}
    if request.GET.get("part") == "eligibility" or "year" in request.GET:
        eligibility = person_eligibility_context(request, person)
        if request.htmx:
            return render(request, "people/person_detail.html#eligibility", {"person": person, **eligibility})
    today = today_vn()
    history = person_history_get(person_id=person.pk)
    records = person_records_context(request, person, today=today)
    audit = []
    if has_perm(request.user, AUDIT_VIEW):
        related = [
            ("people.employment", [e.pk for e in history]),
            *_records_audit_related(records["timeline"]),
        ]
        audit = list(audit_entries_for(person, related=related)[:100])
    current = [e for e in history if e.is_current_on(today)]
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "history": history,
            "current": current,
            "audit": audit,
            "today": today,
            "can_manage": has_perm(request.user, PEOPLE_MANAGE),
            **records,
            **eligibility,
        },
    )


def my_record_view(request):
    if not request.user.person_id:
        raise Http404
    return redirect("people:detail", pk=request.user.person_id)


def _manageable_units(request):
    if not has_perm(request.user, PEOPLE_MANAGE):
        raise Http404
    return list(units_for_user(request.user, PEOPLE_MANAGE).filter(valid_to__isnull=True).order_by("path"))


def _apply_errors(form, exc) -> None:
    """Put a service's refusal on the form, so the page shows it beside what the user typed."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, getattr(exc, "message", None) or exc.messages[0])


def person_create_view(request):
    units = _manageable_units(request)
    person_form = PersonForm(request.POST or None)
    post_form = PostForm(request.POST or None, units=units, prefix="post")
    if request.method == "POST" and person_form.is_valid() and post_form.is_valid():
        data = post_form.cleaned_data
        try:
            if Person.objects.filter(cccd=person_form.cleaned_data["cccd"]).exists():
                raise ApplicationError(_("A person with this citizen ID already exists."))
            person = person_create(
                actor=request.user,
                unit=post_form.units[data["unit"]],
                department=post_form.units.get(data["department"]),
                position=data["position"],
                start=data["start"],
                **person_form.cleaned_data,
            )
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(person_form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("people:detail", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "people/person_form.html",
        {"form": person_form, "post_form": post_form, "creating": True},
        status=status,
    )


def person_edit_view(request, pk: int):
    person = get_person_for_user(request, pk, perm=PEOPLE_MANAGE)
    form = PersonForm(request.POST or None, instance=Person.objects.get(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in form.changed_data}
        try:
            if "cccd" in changes and Person.objects.filter(cccd=changes["cccd"]).exclude(pk=pk).exists():
                raise ApplicationError(_("A person with this citizen ID already exists."))
            person_update(actor=request.user, person=person, reason=request.POST.get("reason", ""), **changes)
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("people:detail", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "people/person_form.html", {"form": form, "person": person}, status=status)


def person_move_view(request, pk: int):
    person = get_person_for_user(request, pk, perm=PEOPLE_MANAGE)
    form = PostForm(request.POST or None, units=_manageable_units(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employment_start(
                actor=request.user,
                person=person,
                unit=form.units[data["unit"]],
                department=form.units.get(data["department"]),
                position=data["position"],
                start=data["start"],
            )
        except (ApplicationError, ValidationError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The new post is recorded; the previous one ends the day before."))
            return redirect("people:detail", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "people/person_move.html", {"form": form, "person": person}, status=status)
