from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tdkt.accounts.access import get_unit_for_user, units_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, ORG_MANAGE, ORG_VIEW, PEOPLE_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.timeutil import today_vn
from tdkt.org.forms import ReorganiseForm, UnitEditForm, UnitForm
from tdkt.org.models import Unit
from tdkt.org.selectors import blocs_for_units, unit_lineage, unit_tree
from tdkt.org.services import unit_create, unit_reorganise, unit_update
from tdkt.records.views import unit_records_context


def unit_tree_view(request):
    ids = scope_unit_ids(request.user, ORG_VIEW)
    if not ids:
        raise Http404
    today = today_vn()
    show_past = request.GET.get("past") == "1"
    units = unit_tree(unit_ids=ids, on=None if show_past else today)
    blocs = blocs_for_units(unit_ids=ids, year=today.year)
    return render(
        request,
        "org/unit_tree.html",
        {
            "units": units,
            "blocs": blocs,
            "today": today,
            "show_past": show_past,
            "can_manage": has_perm(request.user, ORG_MANAGE),
        },
    )


def unit_detail_view(request, pk: int):
    unit = get_unit_for_user(request, pk)
    today = today_vn()
    ids = scope_unit_ids(request.user, ORG_VIEW)
    children = unit_tree(unit_ids=set(unit.children.values_list("id", flat=True)) & ids, on=None)
    records = unit_records_context(request, unit)
    audit = []
    if has_perm(request.user, AUDIT_VIEW):
        ratings = records["collective_ratings"]
        files = [a.pk for r in ratings for a in r.attachment_list]
        related = [("records.collectiverating", [r.pk for r in ratings]), ("attachments.attachment", files)]
        audit = list(audit_entries_for(unit, related=related)[:50])
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "children": children,
            "lineage": unit_lineage(unit=unit),
            "today": today,
            "audit": audit,
            "blocs": blocs_for_units(unit_ids={unit.pk}),
            "can_see_people": unit.pk in scope_unit_ids(request.user, PEOPLE_VIEW),
            "can_edit": unit.pk in scope_unit_ids(request.user, ORG_MANAGE),
            **records,
        },
    )


def unit_tree_export_view(request):
    ids = scope_unit_ids(request.user, ORG_VIEW)
    if not ids:
        raise Http404
    today = today_vn()
    show_past = request.GET.get("past") == "1"
    units = unit_tree(unit_ids=ids, on=None if show_past else today)
    by_id = {u.pk: u for u in units}
    headers = [
        "STT",
        "Mã",
        "Tên đơn vị",
        "Loại",
        "Đơn vị cấp trên",
        "Số nhân sự",
        "Hiệu lực từ",
        "Hiệu lực đến",
    ]
    rows = (
        [
            i,
            u.code,
            u.name,
            u.get_kind_display(),
            by_id[u.parent_id].name if u.parent_id in by_id else "",
            u.staff_count,
            u.valid_from,
            u.valid_to,
        ]
        for i, u in enumerate(units, start=1)
    )
    content = xlsx_bytes(
        sheet_title="Đơn vị", headers=headers, rows=rows, column_widths=[6, 16, 44, 24, 36, 11, 12, 12]
    )
    return xlsx_response(f"danh-sach-don-vi-{today:%Y%m%d}.xlsx", content)


def _org_managed_units(request):
    if not has_perm(request.user, ORG_MANAGE):
        raise Http404
    return list(units_for_user(request.user, ORG_MANAGE).filter(valid_to__isnull=True).order_by("path"))


def unit_create_view(request):
    units = _org_managed_units(request)
    form = UnitForm(request.POST or None, units=units, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if Unit.objects.filter(code=data["code"]).exists():
                raise ApplicationError(_("The code %(code)s is already used.") % {"code": data["code"]})
            unit = unit_create(actor=request.user, parent=form.units[data.pop("parent")], **data)
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, getattr(exc, "message", None) or "; ".join(exc.messages))
        else:
            messages.success(request, _("Saved."))
            return redirect("org:detail", pk=unit.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "org/unit_form.html", {"form": form}, status=status)


def unit_edit_view(request, pk: int):
    unit = get_unit_for_user(request, pk, ORG_MANAGE)
    initial = {f: getattr(unit, f) for f in UnitEditForm.base_fields}
    form = UnitEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Saved."))
            return redirect("org:detail", pk=unit.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "org/unit_edit.html", {"form": form, "unit": unit}, status=status)


def unit_reorganise_view(request):
    units = _org_managed_units(request)
    form = ReorganiseForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit_reorganise(
                actor=request.user,
                kind=data["kind"],
                predecessors=[form.units[i] for i in data["predecessors"]],
                successor=form.units[data["successor"]],
                effective_on=data["effective_on"],
                basis=data["basis"],
            )
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, getattr(exc, "message", None) or "; ".join(exc.messages))
        else:
            messages.success(
                request, _("The reorganisation is recorded; posts moved to the unit that takes over.")
            )
            return redirect("org:detail", pk=data["successor"])
    status = 400 if request.method == "POST" else 200
    return render(request, "org/reorganise_form.html", {"form": form}, status=status)
