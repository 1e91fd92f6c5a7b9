"""Council pages: the councils, a council with its members and meetings, a meeting (agenda, attendance,
quorum, conflicts, the secretary's controls, results after close) and a member's ballot page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.access import units_for_user
from tdkt.accounts.audit import audit_entries_for
from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import AUDIT_VIEW, COUNCIL_MANAGE, COUNCIL_SIT, COUNCIL_VIEW
from tdkt.accounts.scope import has_perm
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import today_vn
from tdkt.documents.docx_render import DOCX_CONTENT_TYPE, render_docx
from tdkt.documents.pdf_render import PDF_CONTENT_TYPE, render_pdf
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import Unit
from tdkt.people.selectors import people_in_units

from . import services
from .access import (
    get_ballot_for_user,
    get_conflict_for_user,
    get_council_for_user,
    get_item_for_user,
    get_meeting_for_user,
    get_member_for_user,
)
from .forms import (
    CHOICE_LABELS,
    AttendanceForm,
    CastForm,
    ConflictForm,
    CouncilForm,
    ItemForm,
    LeaveForm,
    MeetingForm,
    MemberForm,
    WrittenVoteForm,
)
from .minutes import minutes_document
from .models import (
    AttendanceStatus,
    BallotParticipation,
    ConflictDeclaration,
    CouncilMember,
    Meeting,
    SubjectKind,
)
from .nominations import meeting_add_nominations, nominations_for_agenda
from .selectors import (
    can_manage_council,
    council_members,
    councils_list,
    meeting_minutes_data,
    meeting_page,
    open_ballots_for,
)


def _error_text(exc) -> str:
    return getattr(exc, "message", None) or "; ".join(getattr(exc, "messages", [str(exc)]))


def _back(request, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _managed_units(request):
    return list(units_for_user(request.user, COUNCIL_MANAGE).filter(valid_to__isnull=True).order_by("path"))


# ---------------------------------------------------------------------------------------------
# Councils
# ---------------------------------------------------------------------------------------------


def council_list_view(request):
    if not (has_perm(request.user, COUNCIL_VIEW) or has_perm(request.user, COUNCIL_SIT)):
        raise Http404
    return render(
        request,
        "councils/list.html",
        {
            "councils": list(councils_list(request.user)),
            "can_create": has_perm(request.user, COUNCIL_MANAGE),
            "open_ballots": sum(1 for b in open_ballots_for(request.user) if b.state == "can_vote"),
            "today": today_vn(),
        },
    )


def council_create_view(request):
    units = _managed_units(request)
    if not units:
        raise Http404
    form = CouncilForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            council = services.council_create(
                actor=request.user,
                unit=form.units[data["unit"]],
                name=data["name"],
                term_start=data["term_start"],
                term_end=data["term_end"],
                basis=data["basis"],
            )
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("The council is set up; now add its members."))
            return redirect("councils:detail", pk=council.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "councils/council_form.html", {"form": form}, status=status)


def council_edit_view(request, pk: int):
    council = get_council_for_user(request, pk, manage=True)
    form = CouncilForm(request.POST or None, instance=council)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.council_update(
                actor=request.user,
                council=council,
                name=data["name"],
                term_start=data["term_start"],
                term_end=data["term_end"],
                basis=data["basis"],
            )
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("councils:detail", pk=council.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "councils/council_form.html", {"form": form, "council": council}, status=status)


def _member_candidates(council):
    """Users holding a role in the council's unit or below, not on the council now."""
    current = council.members.filter(left_on__isnull=True).values("user_id")
    user_ids = RoleAssignment.objects.filter(unit__path__startswith=council.unit.path).values("user_id")
    return list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(pk__in=current)
        .order_by("last_name", "first_name", "username")
    )


def council_detail_view(request, pk: int):
    council = get_council_for_user(request, pk)
    manage = can_manage_council(request.user, council)
    member_form = None
    if manage:
        member_form = MemberForm(request.POST or None, users=_member_candidates(council))
        if request.method == "POST" and member_form.is_valid():
            data = member_form.cleaned_data
            try:
                services.council_member_add(
                    actor=request.user,
                    council=council,
                    user=member_form.users[data["user"]],
                    role=data["role"],
                    title=data["title"],
                    votes=data["votes"],
                )
            except (ApplicationError, ValidationError) as exc:
                member_form.add_error(None, _error_text(exc))
            else:
                messages.success(request, _("The member is added."))
                return redirect("councils:detail", pk=council.pk)
    elif request.method == "POST":
        raise Http404
    audit = []
    members = council_members(council)
    if has_perm(request.user, AUDIT_VIEW):
        audit = list(
            audit_entries_for(council, related=[("councils.councilmember", [m.pk for m in members])])[:100]
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "members": members,
            "meetings": list(council.meetings.all()),
            "manage": manage,
            "member_form": member_form,
            "leave_form": LeaveForm(initial={"left_on": today_vn()}),
            "audit": audit,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def member_leave_view(request, pk: int):
    member = get_member_for_user(request, pk, manage=True)
    if request.method != "POST":
        return redirect("councils:detail", pk=member.council_id)
    form = LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Left on: enter a date as dd/mm/yyyy."))
    else:
        try:
            services.council_member_leave(
                actor=request.user, member=member, left_on=form.cleaned_data["left_on"]
            )
        except (ApplicationError, ValidationError) as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("%(name)s has left the council.") % {"name": member.name})
    return redirect("councils:detail", pk=member.council_id)


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------


def meeting_create_view(request, pk: int):
    council = get_council_for_user(request, pk, manage=True)
    form = MeetingForm(request.POST or None, initial={"place": council.unit.name})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, council=council, **form.cleaned_data)
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("The meeting is scheduled; add the items to vote on."))
            return redirect("councils:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "councils/meeting_form.html", {"form": form, "council": council}, status=status)


def meeting_edit_view(request, pk: int):
    meeting = get_meeting_for_user(request, pk, manage=True)
    form = MeetingForm(request.POST or None, instance=Meeting.objects.get(pk=meeting.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(actor=request.user, meeting=meeting, **form.cleaned_data)
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("councils:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "councils/meeting_form.html",
        {"form": form, "council": meeting.council, "meeting": meeting},
        status=status,
    )


def meeting_detail_view(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    page = meeting_page(meeting, request.user)
    manage = can_manage_council(request.user, meeting.council)
    audit = []
    if has_perm(request.user, AUDIT_VIEW) or page.is_secretary:
        audit = _meeting_audit(meeting, page)
    written_members = [
        s.member for s in page.seats if s.status == AttendanceStatus.WRITTEN and s.member.votes
    ]
    context = {
        "page": page,
        "meeting": meeting,
        "manage": manage,
        "audit": audit,
        "statuses": AttendanceStatus.choices,
        "choices": list(CHOICE_LABELS.items()),
        "written_members": written_members,
        "conflict_form": ConflictForm(members=[s.member for s in page.seats if s.member.left_on is None]),
    }
    return render(request, "councils/meeting.html", context)


def _meeting_audit(meeting: Meeting, page) -> list:
    """The meeting's history: attendance, items, conflicts declared and withdrawn, ballots opened and
    closed, and who voted — never how."""
    items = [v.item.pk for v in page.items]
    ballots = [v.ballot.pk for v in page.items]
    related = [
        ("councils.attendance", [s.pk for s in page.seats]),
        ("councils.meetingitem", items),
        ("councils.ballot", ballots),
        (
            "councils.conflictdeclaration",
            ConflictDeclaration.objects.filter(item__meeting=meeting).values_list("pk", flat=True),
        ),
        (
            "councils.ballotparticipation",
            BallotParticipation.objects.filter(ballot_id__in=ballots).values_list("pk", flat=True),
        ),
    ]
    return list(audit_entries_for(meeting, related=related)[:300])


def meeting_items_add_view(request, pk: int):
    meeting = get_meeting_for_user(request, pk, manage=True)
    units = list(
        Unit.objects.filter(path__startswith=meeting.council.unit.path, valid_to__isnull=True).order_by(
            "path"
        )
    )
    form = ItemForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            spec = _item_spec(meeting, data, form.units)
            services.meeting_add_items(meeting=meeting, items=[spec], actor=request.user)
        except (ApplicationError, ValidationError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("The item is on the agenda."))
            if "another" in request.POST:
                return redirect("councils:items_add", pk=meeting.pk)
            return redirect("councils:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "councils/item_form.html", {"form": form, "meeting": meeting}, status=status)


def _item_spec(meeting: Meeting, data: dict, units: dict) -> services.AgendaItemSpec:
    """An agenda item typed in by the secretary: a person found by citizen ID in the council's unit, or a
    collective of it; labels default to the record's."""
    council_units = set(units)
    if data["subject_kind"] == SubjectKind.COLLECTIVE:
        unit = units.get(data["unit"]) if data["unit"] else None
        parent = unit.parent.name if unit is not None and unit.parent_id else ""
        return services.AgendaItemSpec(
            candidate=data["candidate"],
            subject_kind=SubjectKind.COLLECTIVE,
            subject_label=data["subject_label"] or (unit.name if unit else ""),
            subject_unit_label=data["subject_unit_label"] or parent,
            target=unit,
            subject_unit=unit,
            note=data["note"],
        )
    person = None
    if data["cccd"]:
        person = people_in_units(council_units).filter(cccd=data["cccd"].strip()).first()
        if person is None:
            raise ApplicationError(
                _("Citizen ID of the nominee: nobody with citizen ID %(cccd)s works in %(unit)s.")
                % {"cccd": data["cccd"], "unit": meeting.council.unit.name}
            )
    unit_label = data["subject_unit_label"]
    if person is not None and not unit_label:
        post = person.employments.filter(end__isnull=True).select_related("unit", "department").first()
        if post is not None:
            unit_label = post.department.name if post.department_id else post.unit.name
    return services.AgendaItemSpec(
        candidate=data["candidate"],
        subject_kind=SubjectKind.PERSON,
        subject_label=data["subject_label"] or (person.full_name if person else ""),
        subject_unit_label=unit_label,
        target=person,
        subject_person=person,
        note=data["note"],
    )


@require_http_methods(["GET", "POST"])
def item_remove_view(request, pk: int):
    item = get_item_for_user(request, pk, manage=True)
    if request.method == "POST":
        try:
            services.meeting_item_remove(actor=request.user, item=item)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The item is removed from the agenda."))
    return redirect("councils:meeting", pk=item.meeting_id)


@require_http_methods(["GET", "POST"])
def attendance_view(request, pk: int):
    meeting = get_meeting_for_user(request, pk, manage=True)
    if request.method == "POST":
        form = AttendanceForm(request.POST)
        member = None
        if form.is_valid():
            member = CouncilMember.objects.filter(
                council=meeting.council, pk=form.cleaned_data["member"]
            ).first()
        if member is None:
            messages.error(request, _("Attendance: choose a member and a status."))
        else:
            try:
                services.attendance_set(
                    actor=request.user, meeting=meeting, member=member, status=form.cleaned_data["status"]
                )
            except ApplicationError as exc:
                messages.error(request, exc.message)
    return redirect(reverse("councils:meeting", args=[meeting.pk]) + "#attendance")


@require_http_methods(["GET", "POST"])
def meeting_close_view(request, pk: int):
    meeting = get_meeting_for_user(request, pk)
    if request.method == "POST":
        try:
            services.meeting_close(actor=request.user, meeting=meeting)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The meeting is closed."))
    return redirect("councils:meeting", pk=meeting.pk)


# ---------------------------------------------------------------------------------------------
# Conflicts of interest
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def conflict_declare_view(request, pk: int):
    item = get_item_for_user(request, pk)
    back = _back(request, reverse("councils:meeting", args=[item.meeting_id]) + f"#item-{item.pk}")
    if request.method != "POST":
        return redirect(back)
    members = list(item.meeting.council.members.filter(left_on__isnull=True).select_related("user"))
    form = ConflictForm(request.POST, members=members)
    if not form.is_valid():
        errors = "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items())
        messages.error(request, errors)
        return redirect(back)
    data = form.cleaned_data
    try:
        services.conflict_declare(
            actor=request.user,
            item=item,
            member=form.members[data["member"]],
            reason=data["reason"],
            detail=data["detail"],
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The conflict of interest is recorded: that member does not vote on this item.")
        )
    return redirect(back)


@require_http_methods(["GET", "POST"])
def conflict_withdraw_view(request, pk: int):
    conflict = get_conflict_for_user(request, pk)
    back = reverse("councils:meeting", args=[conflict.item.meeting_id]) + f"#item-{conflict.item_id}"
    if request.method == "POST":
        try:
            services.conflict_withdraw(actor=request.user, conflict=conflict)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The declaration is withdrawn."))
    return redirect(back)


# ---------------------------------------------------------------------------------------------
# Ballots
# ---------------------------------------------------------------------------------------------


def _ballot_action(request, pk: int, action):
    ballot = get_ballot_for_user(request, pk)
    back = _back(
        request, reverse("councils:meeting", args=[ballot.item.meeting_id]) + f"#item-{ballot.item_id}"
    )
    if request.method == "POST":
        try:
            message = action(ballot)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, message)
    return redirect(back)


@require_http_methods(["GET", "POST"])
def ballot_open_view(request, pk: int):
    def open_(ballot):
        services.ballot_open(actor=request.user, ballot=ballot)
        return _("The ballot is open: members present can vote now.")

    return _ballot_action(request, pk, open_)


@require_http_methods(["GET", "POST"])
def ballot_close_view(request, pk: int):
    def close(ballot):
        result = services.ballot_close(actor=request.user, ballot=ballot)
        return _("The ballot is closed: %(outcome)s.") % {
            "outcome": _("passed the vote") if result.passed else _("not passed")
        }

    return _ballot_action(request, pk, close)


@require_http_methods(["GET", "POST"])
def ballot_written_view(request, pk: int):
    def record(ballot):
        members = CouncilMember.objects.filter(
            council=ballot.item.meeting.council, votes=True
        ).select_related("user")
        form = WrittenVoteForm(request.POST, members=list(members))
        if not form.is_valid():
            raise ApplicationError(_("Written vote: choose the absent member and their vote."))
        member = form.members[form.cleaned_data["member"]]
        services.ballot_record_written(
            actor=request.user, ballot=ballot, member=member, choice=form.cleaned_data["choice"]
        )
        return _("The written vote of %(name)s is recorded.") % {"name": member.name}

    return _ballot_action(request, pk, record)


@require_http_methods(["GET", "POST"])
def ballot_cast_view(request, pk: int):
    def cast(ballot):
        form = CastForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("Choose agree, disagree or abstain."))
        services.ballot_cast(actor=request.user, ballot=ballot, choice=form.cleaned_data["choice"])
        # the same words whatever the choice: nothing of it is kept, not even in the session
        return _("Your vote is recorded. It is secret: nobody, you included, can see it again.")

    return _ballot_action(request, pk, cast)


def vote_view(request):
    """The member's ballot page (phone first): the open ballots of their meetings, refreshed by htmx."""
    if (
        not has_perm(request.user, COUNCIL_SIT)
        and not CouncilMember.objects.filter(user=request.user).exists()
    ):
        raise Http404
    context = {"ballots": open_ballots_for(request.user), "choices": list(CHOICE_LABELS.items())}
    if request.htmx and request.htmx.target == "my-ballots":
        return render(request, "councils/vote.html#ballots", context)
    return render(request, "councils/vote.html", context)


# ---------------------------------------------------------------------------------------------
# Nominations on the agenda, and the minutes
# ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_nominations_add_view(request, pk: int):
    """The nominations of the council's unit that wait for the council, to tick onto the agenda."""
    meeting = get_meeting_for_user(request, pk, manage=True)
    waiting = list(nominations_for_agenda(meeting))
    for n in waiting:
        n.candidate_label = LABELS_VI.get(n.candidate, n.candidate)
    error = ""
    if request.method == "POST":
        picked = set(request.POST.getlist("nomination"))
        chosen = [n for n in waiting if str(n.pk) in picked]
        try:
            if len(chosen) != len(picked):
                raise ApplicationError(_("Some of the chosen nominations cannot be put on this agenda."))
            items = meeting_add_nominations(actor=request.user, meeting=meeting, nominations=chosen)
        except ApplicationError as exc:
            error = _error_text(exc)
        else:
            messages.success(request, _("%(count)s nominations are on the agenda.") % {"count": len(items)})
            return redirect("councils:meeting", pk=meeting.pk)
    return render(
        request,
        "councils/nominations_add.html",
        {"meeting": meeting, "waiting": waiting, "error": error},
        status=400 if error else 200,
    )


def minutes_download_view(request, pk: int, extension: str):
    """The minutes (biên bản) of the meeting as it stands, .docx or PDF, for whoever sees the meeting."""
    if extension not in ("docx", "pdf"):
        raise Http404
    meeting = get_meeting_for_user(request, pk)
    doc = minutes_document(meeting_minutes_data(meeting))
    render_file, content_type = (
        (render_docx, DOCX_CONTENT_TYPE) if extension == "docx" else (render_pdf, PDF_CONTENT_TYPE)
    )
    response = HttpResponse(render_file(doc), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="bien-ban-hop-{meeting.date:%Y%m%d}-{meeting.pk}.{extension}"'
    )
    return response
