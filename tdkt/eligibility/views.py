"""The unit eligibility list (stored results), its export and recompute; the person panel's context."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import units_for_user
from tdkt.accounts.roles import PEOPLE_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.jobs import job_create
from tdkt.core.timeutil import today_vn
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import Unit, UnitKind
from tdkt.people.models import Person

from .forms import EligibilityFilterForm
from .selectors import (
    eligibility_computed,
    eligibility_panel_get,
    eligibility_results,
    parse_year,
    review_as_of,
    review_years,
)
from .tasks import eligibility_recompute_task

PAGE_SIZE = 50
VERDICT_VI = {"eligible": "Đủ điều kiện", "not_eligible": "Chưa đủ điều kiện", "unknown": "Chưa đủ dữ liệu"}


def person_eligibility_context(request, person: Person) -> dict:
    """The person page's eligibility panel for ?year= (default: the review year). The record by year
    beside it is the records area's (records.views.person_records_context)."""
    today = today_vn()
    year = parse_year(request.GET.get("year"), today)
    return {
        "panel": eligibility_panel_get(person=person, year=year, as_of=review_as_of(year, today)),
        "review_years": review_years(today),
    }


def _scoped_unit(request, raw) -> Unit:
    """The unit asked for (or the user's top unit); out of scope or unknown → 404."""
    if not has_perm(request.user, PEOPLE_VIEW):
        raise Http404
    scope = scope_unit_ids(request.user, PEOPLE_VIEW)
    if raw in (None, ""):
        unit = Unit.objects.filter(id__in=scope, valid_to__isnull=True).order_by("depth", "path").first()
        if unit is None:
            raise Http404
        return unit
    try:
        unit_id = int(raw)
    except (TypeError, ValueError):
        raise Http404 from None
    if unit_id not in scope:
        raise Http404
    return get_object_or_404(Unit, pk=unit_id)


@dataclass
class ListState:
    form: EligibilityFilterForm
    unit: Unit
    year: int
    rows: object  # the filtered queryset


def _list_state(request) -> ListState:
    today = today_vn()
    unit = _scoped_unit(request, request.GET.get("unit"))
    year = parse_year(request.GET.get("year"), today)
    below = list(Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk).order_by("path"))
    units = list(
        units_for_user(request.user, PEOPLE_VIEW)
        .filter(valid_to__isnull=True, kind__in=UnitKind.institution_kinds())
        .order_by("path")
    )
    if unit not in units:
        units.insert(0, unit)
    data = request.GET.copy()
    data["unit"], data["year"] = str(unit.pk), str(year)
    form = EligibilityFilterForm(data, units=units, departments=below, years=review_years(today))
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    department = next((u for u in below if u.pk == cleaned.get("department")), None)
    rows = eligibility_results(
        unit=unit,
        year=year,
        department=department,
        filters={
            "verdict": cleaned.get("verdict"),
            "candidate": cleaned.get("candidate"),
            "gender": cleaned.get("gender"),
            "is_manager": {"1": True, "0": False}.get(cleaned.get("is_manager") or ""),
        },
    )
    return ListState(form=form, unit=unit, year=year, rows=rows)


def eligibility_list_view(request):
    state = _list_state(request)
    page = Paginator(state.rows.select_related("home"), PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.label = LABELS_VI.get(row.candidate, row.candidate)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": state.form,
        "unit": state.unit,
        "year": state.year,
        "page": page,
        "computed": eligibility_computed(unit=state.unit, year=state.year),
        "query_string": query.urlencode(),
    }
    if request.htmx and request.htmx.target == "eligibility-results":
        return render(request, "eligibility/list.html#results", context)
    return render(request, "eligibility/list.html", context)


def eligibility_export_view(request):
    state = _list_state(request)
    headers = [
        "STT",
        "Đối tượng",
        "Số CCCD / mã đơn vị",
        "Họ và tên / tên tập thể",
        "Khoa/phòng, đơn vị",
        "Danh hiệu, hình thức",
        "Kết quả",
        "Lý do đầu tiên",
        "Căn cứ",
        "Quy định áp dụng",
        "Đã đối chiếu văn bản gốc",
    ]

    def rows():
        for i, r in enumerate(state.rows.select_related("home").iterator(chunk_size=2000), start=1):
            yield [
                i,
                "Cá nhân" if r.kind == "person" else "Tập thể",
                r.subject_code,
                r.name,
                r.home.name,
                LABELS_VI.get(r.candidate, r.candidate),
                VERDICT_VI[r.verdict],
                r.first_reason,
                r.first_cite,
                r.rule,
                "Có" if r.verified else "Chưa",
            ]

    content = xlsx_bytes(
        sheet_title=f"Xét danh hiệu {state.year}",
        headers=headers,
        rows=rows(),
        column_widths=[6, 10, 16, 30, 28, 36, 18, 60, 40, 36, 12],
    )
    return xlsx_response(f"xet-danh-hieu-{state.unit.code}-{state.year}.xlsx", content)


@require_http_methods(["GET", "POST"])
def eligibility_recompute_view(request):
    """POST: recompute the unit's results for the year in the background, then show the job's progress."""
    source = request.POST if request.method == "POST" else request.GET
    unit = _scoped_unit(request, source.get("unit"))
    today = today_vn()
    year = parse_year(source.get("year"), today)
    if request.method != "POST":
        return redirect(reverse("eligibility:list") + "?" + urlencode({"unit": unit.pk, "year": year}))
    job = job_create(
        actor=request.user, kind="eligibility_recompute", title=f"Xét danh hiệu {year}: {unit.name}"[:255]
    )
    eligibility_recompute_task.enqueue(
        job_id=str(job.pk), unit_id=unit.pk, year=year, as_of=review_as_of(year, today).isoformat()
    )
    return redirect("job_detail", pk=job.pk)
