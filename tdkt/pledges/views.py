"""Pledge pages: a movement's signature progress and rounds, preparing and running a round, the signing
page of a pledge, and each user's pledges to sign (one by one or a whole group at once)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import get_pledge_for_user, get_pledge_round_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.roles import AUDIT_VIEW, PLEDGES_MANAGE, PLEDGES_VIEW, REGISTRATIONS_VIEW
from tdkt.accounts.scope import has_perm, scope_unit_ids
from tdkt.core.errors import ApplicationError
from tdkt.core.excel import xlsx_bytes, xlsx_response
from tdkt.core.timeutil import today_vn
from tdkt.movements.models import Movement
from tdkt.movements.selectors import movements_visible
from tdkt.pledges.documents import default_text, text_hash, text_to_sign
from tdkt.pledges.forms import LEVEL_FIELDS, CovenantForm, RoundEditForm, RoundForm, RoundPledgeFilterForm
from tdkt.pledges.models import PartyRole, Pledge, PledgeLevel
from tdkt.pledges.selectors import (
    may_prepare_rounds,
    movement_pledge_progress,
    pledge_progress_units,
    pledges_signed,
    pledges_to_sign,
    round_blocs,
    round_export_rows,
    round_institutions,
    round_pledges,
    round_progress,
    round_texts,
    rounds_of_movement,
    sign_groups,
    union_chair_by_cccd,
)
from tdkt.pledges.services import (
    SyncResult,
    TextInput,
    pledges_sign,
    round_close,
    round_create,
    round_delete,
    round_open,
    round_sync,
    round_update,
)

PAGE_SIZE = 50


# ---------------------------------------------------------------------------------------------
# Shared by the pages of this app
# ---------------------------------------------------------------------------------------------


def get_movement(request, pk: int) -> Movement:
    """The movement as `get_movement_for_user` sees it (published in or above the user's scope, or a
    draft they manage), with its unit and plan only: these pages do not show the plan's rows."""
    return get_object_or_404(movements_visible(request.user).select_related("unit", "plan"), pk=pk)


def apply_errors(form, exc) -> None:
    """Put a service's refusal on the form, so the page shows it beside what the user typed."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, getattr(exc, "message", None) or exc.messages[0])


def movement_links(request, movement: Movement, *, current: str) -> list[tuple[str, str, str, bool]]:
    """The movement's registration and pledge pages the user may open: (key, label, url, current)."""
    user = request.user
    links = []
    if has_perm(user, REGISTRATIONS_VIEW) or user.person_id:
        links.append(("registrations", _("Registrations"), reverse("registrations:list", args=[movement.pk])))
    if has_perm(user, PLEDGES_VIEW):
        links.append(("pledges", _("Pledges and covenants"), reverse("pledges:movement", args=[movement.pk])))
    if user.person_id:
        links.append(("mine", _("My pledges"), reverse("pledges:mine")))
    return [(key, label, url, key == current) for key, label, url in links]


def _int(raw) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def _sync_message(request, result: SyncResult | None) -> None:
    """What a sync did; what it could not derive is on the round's page (`round.problems`)."""
    if result is None:
        return
    messages.success(
        request,
        _(
            "Parties updated: %(created)s pledges added, %(replaced)s renewed, %(removed)s removed, "
            "%(unchanged)s unchanged."
        )
        % {
            "created": result.created,
            "replaced": result.replaced,
            "removed": result.removed,
            "unchanged": result.unchanged,
        },
    )
    if result.kept_signed:
        messages.info(
            request,
            _("%(n)s signed pledges no longer match the organisation; they stay as they were signed.")
            % {"n": result.kept_signed},
        )


# ---------------------------------------------------------------------------------------------
# A movement's pledges
# ---------------------------------------------------------------------------------------------


def movement_pledges_view(request, pk: int):
    """The share of staff who signed, for a unit and each unit below it, and the movement's rounds."""
    movement = get_movement(request, pk)
    units = pledge_progress_units(movement=movement, user=request.user)
    if not units:
        if request.user.person_id:
            return redirect("pledges:mine")
        raise Http404
    unit = next((u for u in units if u.pk == _int(request.GET.get("unit"))), units[0])
    today = today_vn()
    as_of = min(today, movement.end)
    rows = movement_pledge_progress(movement=movement, unit=unit, day=as_of)
    visible = {u.pk for u in units}
    for row in rows:
        row.can_open = row.unit.pk in visible and not row.is_total
    context = {
        "movement": movement,
        "unit": unit,
        "rows": rows,
        "as_of": as_of,
        "parent": next((u for u in units if u.pk == unit.parent_id), None),
        "rounds": rounds_of_movement(movement=movement, user=request.user),
        "can_prepare": movement.is_published and may_prepare_rounds(movement=movement, user=request.user),
        "links": movement_links(request, movement, current="pledges"),
    }
    if request.htmx and request.htmx.target == "pledge-progress":
        return render(request, "pledges/movement_pledges.html#progress", context)
    return render(request, "pledges/movement_pledges.html", context)


# ---------------------------------------------------------------------------------------------
# Rounds
# ---------------------------------------------------------------------------------------------


def _texts_from(form, levels) -> list[TextInput]:
    data = form.cleaned_data
    return [
        TextInput(level=level, heading=data[LEVEL_FIELDS[level][0]], body=data[LEVEL_FIELDS[level][1]])
        for level in levels
    ]


def _union_chair(form):
    """The person whose citizen ID the form names (None when blank); an unknown one is a form error."""
    cccd = (form.cleaned_data.get("union_chair") or "").strip()
    if not cccd:
        return None
    person = union_chair_by_cccd(cccd=cccd)
    if person is None:
        raise ValidationError({"union_chair": _("No staff member has this citizen ID.")})
    return person


@require_http_methods(["GET", "POST"])
def round_create_view(request, pk: int):
    """Prepare a round: the pledges inside an institution, or the covenant of a bloc (?kind=bloc)."""
    movement = get_movement(request, pk)
    today = today_vn()
    covenant = (request.POST.get("kind") or request.GET.get("kind")) == "bloc"
    institutions = round_institutions(movement=movement, user=request.user, day=today)
    blocs = round_blocs(movement=movement, user=request.user)
    if not (institutions or blocs):
        raise Http404
    if covenant and not blocs:
        covenant = False
    default_name = _("Pledge signing — %(movement)s") % {"movement": movement.name}
    data = request.POST if request.method == "POST" else None
    if covenant:
        heading, body = default_text(PledgeLevel.COVENANT, movement_name=movement.name)
        initial = {"name": _("Covenant — %(movement)s") % {"movement": movement.name}}
        initial |= {"covenant_heading": heading, "covenant_body": body}
        form = CovenantForm(data, blocs=blocs, initial=initial)
    else:
        initial = {"name": default_name, "levels": [PledgeLevel.STAFF, PledgeLevel.DEPARTMENT]}
        for level in (PledgeLevel.STAFF, PledgeLevel.DEPARTMENT):
            heading, body = default_text(level, movement_name=movement.name)
            initial |= {LEVEL_FIELDS[level][0]: heading, LEVEL_FIELDS[level][1]: body}
        form = RoundForm(data, units=institutions, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if covenant:
                pledge_round, result = round_create(
                    actor=request.user,
                    movement=movement,
                    name=data["name"],
                    bloc=next(b for b in blocs if b.pk == data["bloc"]),
                    texts=_texts_from(form, [PledgeLevel.COVENANT]),
                    day=today,
                )
            else:
                pledge_round, result = round_create(
                    actor=request.user,
                    movement=movement,
                    name=data["name"],
                    unit=next(u for u in institutions if u.pk == data["unit"]),
                    texts=_texts_from(form, data["levels"]),
                    union_chair=_union_chair(form),
                    day=today,
                )
        except (ApplicationError, ValidationError) as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The round is prepared. Check the parties, then open it for signing.")
            )
            _sync_message(request, result)
            return redirect("pledges:round", pk=pledge_round.pk)
    return render(
        request,
        "pledges/round_form.html",
        {
            "movement": movement,
            "form": form,
            "covenant": covenant,
            "has_blocs": bool(blocs),
            "has_institutions": bool(institutions),
            "creating": True,
            "links": movement_links(request, movement, current="pledges"),
        },
        status=400 if request.method == "POST" else 200,
    )


def round_detail_view(request, pk: int):
    """A round: its texts, what the sync could not derive, progress per department and its pledges."""
    pledge_round = get_pledge_round_for_user(request, pk)
    texts = round_texts(pledge_round=pledge_round)
    context = {
        "round": pledge_round,
        "movement": pledge_round.movement,
        "texts": [texts[level] for level in PledgeLevel.values if level in texts],
        "round_levels": list(texts),
        "can_manage": pledge_round.unit_id in scope_unit_ids(request.user, PLEDGES_MANAGE),
        "links": movement_links(request, pledge_round.movement, current="pledges"),
    }
    if pledge_round.is_covenant:
        covenant = round_pledges(pledge_round=pledge_round).first()
        context["covenant"] = covenant
    else:
        progress = round_progress(pledge_round=pledge_round)
        form = RoundPledgeFilterForm(
            request.GET, departments=[r.unit for r in progress.rows], levels=list(texts)
        )
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        pledges = round_pledges(
            pledge_round=pledge_round,
            department=data.get("department"),
            level=data.get("level") or "",
            status=data.get("status") or "",
        )
        page = Paginator(pledges, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context |= {"progress": progress, "form": form, "page": page, "query_string": query.urlencode()}
        if request.htmx and request.htmx.target == "round-pledges":
            return render(request, "pledges/round_detail.html#pledges", context)
    if has_perm(request.user, AUDIT_VIEW):
        context["audit"] = list(
            audit_entries_for(pledge_round, related=[("pledges.pledgetext", [t.pk for t in texts.values()])])[
                :50
            ]
        )
    return render(request, "pledges/round_detail.html", context)


@require_http_methods(["GET", "POST"])
def round_edit_view(request, pk: int):
    pledge_round = get_pledge_round_for_user(request, pk, perm=PLEDGES_MANAGE)
    texts = round_texts(pledge_round=pledge_round)
    levels = [level for level in PledgeLevel.values if level in texts]
    initial = {
        "name": pledge_round.name,
        "union_chair": pledge_round.union_chair.cccd if pledge_round.union_chair else "",
    }
    for level in levels:
        heading, body = LEVEL_FIELDS[level]
        initial |= {heading: texts[level].heading, body: texts[level].body}
    form = RoundEditForm(
        request.POST if request.method == "POST" else None,
        levels=levels,
        covenant=pledge_round.is_covenant,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            pledge_round, result = round_update(
                actor=request.user,
                pledge_round=pledge_round,
                name=form.cleaned_data["name"],
                texts=_texts_from(form, levels),
                union_chair=None if pledge_round.is_covenant else _union_chair(form),
                reason=form.cleaned_data.get("reason", ""),
                day=today_vn(),
            )
        except (ApplicationError, ValidationError) as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Saved. Pledges already signed keep the text they were signed with."))
            _sync_message(request, result)
            return redirect("pledges:round", pk=pledge_round.pk)
    return render(
        request,
        "pledges/round_form.html",
        {
            "movement": pledge_round.movement,
            "round": pledge_round,
            "form": form,
            "covenant": pledge_round.is_covenant,
            "links": movement_links(request, pledge_round.movement, current="pledges"),
        },
        status=400 if request.method == "POST" else 200,
    )


def _round_action(request, pk: int, action) -> object:
    """POST: run `action` on a round the user manages; GET (or after) back to the round's page."""
    pledge_round = get_pledge_round_for_user(request, pk, perm=PLEDGES_MANAGE)
    if request.method != "POST":
        return redirect("pledges:round", pk=pledge_round.pk)
    try:
        return action(pledge_round)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("pledges:round", pk=pledge_round.pk)


def round_sync_view(request, pk: int):
    def sync(pledge_round):
        _sync_message(request, round_sync(actor=request.user, pledge_round=pledge_round, day=today_vn()))
        return redirect("pledges:round", pk=pledge_round.pk)

    return _round_action(request, pk, sync)


def round_open_view(request, pk: int):
    def open_round(pledge_round):
        round_open(actor=request.user, pledge_round=pledge_round)
        messages.success(request, _("The round is open: every party finds their pledges under “My pledges”."))
        return redirect("pledges:round", pk=pledge_round.pk)

    return _round_action(request, pk, open_round)


def round_close_view(request, pk: int):
    def close(pledge_round):
        round_close(actor=request.user, pledge_round=pledge_round)
        messages.success(request, _("The round is closed; the signatures stay as they are."))
        return redirect("pledges:round", pk=pledge_round.pk)

    return _round_action(request, pk, close)


def round_delete_view(request, pk: int):
    def delete(pledge_round):
        movement_id = pledge_round.movement_id
        round_delete(actor=request.user, pledge_round=pledge_round)
        messages.success(request, _("The round is deleted."))
        return redirect("pledges:movement", pk=movement_id)

    return _round_action(request, pk, delete)


def round_export_view(request, pk: int):
    """Every pledge of the round with each party and when they signed."""
    pledge_round = get_pledge_round_for_user(request, pk)
    headers = [
        "STT",
        "Cấp cam kết",
        "Khoa/phòng, đơn vị",
        "Bên",
        "Họ và tên",
        "Thay mặt",
        "Thời điểm ký",
        "Mã văn bản đã ký (SHA-256)",
    ]

    with translation.override("vi"):  # the spreadsheet is Vietnamese, as its headers, whatever the UI
        levels = {level: str(label) for level, label in PledgeLevel.choices}
        roles = {role: str(label) for role, label in PartyRole.choices}

    def lines():
        number, previous = 0, None
        for pledge_id, level, department, role, person, unit, signed_at, digest in round_export_rows(
            pledge_round=pledge_round
        ):
            if pledge_id != previous:
                number, previous = number + 1, pledge_id
            yield [
                number,
                levels[level],
                department,
                roles[role],
                person,
                unit or "",
                timezone.localtime(signed_at).strftime("%d/%m/%Y %H:%M") if signed_at else "Chưa ký",
                digest,
            ]

    content = xlsx_bytes(
        sheet_title="Ký cam kết",
        headers=headers,
        rows=lines(),
        column_widths=[6, 36, 28, 18, 28, 28, 18, 66],
    )
    return xlsx_response(f"ky-cam-ket-{pledge_round.pk}.xlsx", content)


# ---------------------------------------------------------------------------------------------
# Signing
# ---------------------------------------------------------------------------------------------


def _pledge_context(request, pledge: Pledge) -> dict:
    pledge_round = pledge.round
    text = text_to_sign(pledge, round_texts(pledge_round=pledge_round).get(pledge.level))
    person_id = request.user.person_id
    mine = next((p for p in pledge.parties.all() if person_id and p.person_id == person_id), None)
    heading, _sep, body = text.partition("\n\n")
    return {
        "pledge": pledge,
        "doc_heading": heading,
        "doc_body": body,
        "round": pledge_round,
        "movement": pledge_round.movement,
        "text": text,
        "hash": text_hash(text),
        "my_party": mine,
        "can_sign": mine is not None
        and not mine.is_signed
        and pledge_round.is_open
        and pledge_round.movement.is_published,
        "can_view_round": pledge_round.unit_id in scope_unit_ids(request.user, PLEDGES_VIEW),
        "links": movement_links(request, pledge_round.movement, current="mine"),
    }


def pledge_detail_view(request, pk: int):
    """The signing page: the text (frozen once anyone signed), the parties and who signed when."""
    pledge = get_pledge_for_user(request, pk)
    return render(request, "pledges/pledge_detail.html", _pledge_context(request, pledge))


@require_http_methods(["GET", "POST"])
def pledge_sign_view(request, pk: int):
    """GET: the confirmation step; POST: sign as the party the user is, accepting the text they saw."""
    pledge = get_pledge_for_user(request, pk)
    context = _pledge_context(request, pledge)
    if request.method == "GET":
        if not context["can_sign"]:
            return redirect("pledges:detail", pk=pledge.pk)
        template = "pledges/pledge_detail.html#confirm" if request.htmx else "pledges/pledge_detail.html"
        return render(request, template, context | {"confirming": True})
    try:
        pledges_sign(actor=request.user, pledges=[pledge], text_hash_seen=request.POST.get("text_hash", ""))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("You signed the pledge. Thank you!"))
    return redirect("pledges:detail", pk=pledge.pk)


def my_pledges_view(request):
    """The pledges waiting for the user's signature, grouped by text, and those they signed."""
    waiting = pledges_to_sign(user=request.user)
    return render(
        request,
        "pledges/my_pledges.html",
        {
            "groups": sign_groups(pledges=waiting),
            "waiting": len(waiting),
            "signed": pledges_signed(user=request.user),
            "has_person": request.user.person_id is not None,
        },
    )


@require_http_methods(["GET", "POST"])
def sign_many_view(request):
    """Sign a whole group of waiting pledges with the same text (a head signs their staff's at once)."""
    groups = sign_groups(pledges=pledges_to_sign(user=request.user))
    key = request.POST.get("group") if request.method == "POST" else request.GET.get("group")
    group = next((g for g in groups if g.key == key), None)
    if group is None:
        if request.method == "POST":
            messages.error(request, _("These pledges are no longer waiting for your signature."))
        return redirect("pledges:mine")
    if request.method == "POST":
        picked = {_int(v) for v in request.POST.getlist("pledge")}
        chosen = [p for p in group.pledges if p.pk in picked]
        if not chosen:
            messages.error(request, _("Tick at least one pledge."))
        else:
            try:
                pledges_sign(
                    actor=request.user, pledges=chosen, text_hash_seen=request.POST.get("text_hash", "")
                )
            except ApplicationError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("You signed %(n)s pledges.") % {"n": len(chosen)})
                return redirect("pledges:mine")
    return render(request, "pledges/sign_many.html", {"group": group})
