from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import CANDIDATES, LABELS_VI

from .models import AttendanceStatus, ConflictReason, Council, CouncilRole, Meeting, SubjectKind

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
TIME_WIDGET = forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm", "inputmode": "numeric"})
CHOICE_LABELS = {"agree": _("Agree"), "disagree": _("Disagree"), "abstain": _("Abstain")}


class CouncilForm(forms.ModelForm):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)

    class Meta:
        model = Council
        fields = ["name", "term_start", "term_end", "basis"]
        widgets = {"term_start": DATE_WIDGET, "term_end": DATE_WIDGET}
        help_texts = {
            "basis": _("The decision that set up the council, e.g. Quyết định số 12/QĐ-BV ngày 02/01/2025")
        }

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        if self.instance.pk:
            del self.fields["unit"]

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The end of the term is before its start."))
        return data


class MemberForm(forms.Form):
    user = forms.TypedChoiceField(label=_("User"), coerce=int)
    role = forms.ChoiceField(
        label=_("Role on the council"), choices=CouncilRole.choices, initial=CouncilRole.MEMBER
    )
    title = forms.CharField(label=_("Position"), required=False, max_length=255)
    votes = forms.BooleanField(label=_("Voting member"), required=False, initial=True)

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.users = {u.pk: u for u in users}
        self.fields["user"].choices = [("", "—")] + [
            (u.pk, f"{u.get_full_name() or u.username} ({u.username})") for u in users
        ]


class LeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DATE_WIDGET)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "date", "start_time", "place"]
        widgets = {"date": DATE_WIDGET, "start_time": TIME_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class ItemForm(forms.Form):
    candidate = forms.ChoiceField(
        label=_("Title or form"), choices=[("", "—")] + [(c, LABELS_VI.get(c, c)) for c in CANDIDATES]
    )
    subject_kind = forms.ChoiceField(
        label=_("Subject"), choices=SubjectKind.choices, initial=SubjectKind.PERSON
    )
    cccd = forms.CharField(
        label=_("Citizen ID of the nominee"),
        required=False,
        max_length=12,
        help_text=_(
            "Links the item to the staff record: tdkt then sees a member who is the nominee or heads them."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    unit = forms.TypedChoiceField(label=_("Collective"), coerce=int, required=False, empty_value=None)
    subject_label = forms.CharField(
        label=_("Nominee"),
        max_length=255,
        required=False,
        help_text=_("Filled from the record when left empty."),
    )
    subject_unit_label = forms.CharField(label=_("Unit of the nominee"), max_length=255, required=False)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["unit"].choices = [("", "—")] + [(u.pk, ("— " * u.depth) + u.name) for u in units]

    def clean(self):
        data = super().clean()
        kind = data.get("subject_kind")
        if kind == SubjectKind.COLLECTIVE and not data.get("unit") and not data.get("subject_label"):
            self.add_error("unit", _("Choose the collective, or write its name."))
        if kind == SubjectKind.PERSON and not data.get("cccd") and not data.get("subject_label"):
            self.add_error("subject_label", _("Give the nominee's citizen ID or name."))
        return data


class AttendanceForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices)


class ConflictForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Member"), coerce=int)
    reason = forms.ChoiceField(label=_("Reason"), choices=ConflictReason.choices)
    detail = forms.CharField(label=_("Details"), required=False, max_length=255)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.members = {m.pk: m for m in members}
        self.fields["member"].choices = [(m.pk, m.name) for m in members]


class WrittenVoteForm(forms.Form):
    member = forms.TypedChoiceField(label=_("Absent member"), coerce=int)
    choice = forms.ChoiceField(label=_("Written vote"), choices=list(CHOICE_LABELS.items()))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.members = {m.pk: m for m in members}
        self.fields["member"].choices = [(m.pk, m.name) for m in members]


class CastForm(forms.Form):
    choice = forms.ChoiceField(choices=list(CHOICE_LABELS.items()))
