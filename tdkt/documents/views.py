"""The register of documents issued: a unit's numbers by year and kind, on screen and in Excel."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.timezone import localtime

from tdkt.accounts.roles import REGISTER_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.timeutil import today_vn
from tdkt.documents.forms import RegisterFilterForm
from tdkt.documents.models import KIND_LABELS
from tdkt.documents.selectors import register_entries, register_years
from tdkt.documents.services import FIRST_YEAR, LAST_YEAR
from tdkt.org.models import Unit, UnitKind

PAGE_SIZE = 100
_DEPARTMENT_KINDS = (UnitKind.WARD, UnitKind.OFFICE)


@dataclass
class RegisterState:
    unit: Unit
    year: int
    kind: str
    form: RegisterFilterForm
    entries: object  # queryset

    @property
    def query_string(self) -> str:
        return urlencode({"unit": self.unit.pk, "year": self.year, "kind": self.kind})


def _register_state(request) -> RegisterState:
    """The unit (in the user's scope, else 404), year and kind asked for, with their entries."""
    if not has_perm(request.user, REGISTER_VIEW):
        raise Http404
    scope = scope_unit_ids(request.user, REGISTER_VIEW)
    units = list(Unit.objects.filter(id__in=scope).exclude(kind__in=_DEPARTMENT_KINDS).order_by("path"))
    raw = request.GET.get("unit")
    if raw in (None, ""):
        current = [u for u in units if u.valid_to is None] or units
        if not current:
            raise Http404
        unit = min(current, key=lambda u: (u.depth, u.path))
    else:
        try:
            unit_id = int(raw)
        except ValueError:
            raise Http404 from None
        if unit_id not in scope:
            raise Http404
        unit = get_object_or_404(Unit, pk=unit_id)
        if unit not in units:
            units.append(unit)
    today = today_vn()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        year = today.year
    kind = request.GET.get("kind") or ""
    if kind not in KIND_LABELS:
        kind = ""
    years = sorted({*register_years(issuer=unit), today.year, year}, reverse=True)
    form = RegisterFilterForm({"unit": unit.pk, "year": year, "kind": kind}, units=units, years=years)
    return RegisterState(unit, year, kind, form, register_entries(issuer=unit, year=year, kind=kind))


def register_view(request):
    state = _register_state(request)
    page = Paginator(state.entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/register.html", {"state": state, "page": page})


def register_export_view(request):
    state = _register_state(request)
    headers = ["STT", "Số, ký hiệu", "Loại văn bản", "Trích yếu", "Ngày lấy số", "Người lấy số"]
    rows = (
        [
            i,
            e.symbol,
            str(KIND_LABELS[e.kind]),
            e.subject,
            localtime(e.allocated_at).date(),
            (e.allocated_by.get_full_name() or e.allocated_by.username) if e.allocated_by else "",
        ]
        for i, e in enumerate(state.entries.iterator(chunk_size=2000), start=1)
    )
    content = xlsx_bytes(
        sheet_title=f"Sổ văn bản {state.year}",
        headers=headers,
        rows=rows,
        column_widths=[6, 20, 18, 70, 13, 24],
    )
    return xlsx_response(f"so-dang-ky-van-ban-{state.unit.code}-{state.year}.xlsx", content)
