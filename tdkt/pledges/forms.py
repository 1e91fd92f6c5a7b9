"""Forms of the registration and pledge pages: plain fields; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import LABELS_VI
from tdkt.pledges.models import PledgeLevel
from tdkt.pledges.selectors import STATUS_COMPLETE, STATUS_PENDING
from tdkt.pledges.selectors_registrations import KIND_COLLECTIVE, KIND_PERSON
from tdkt.pledges.services_registrations import COLLECTIVE_CANDIDATES, PERSON_CANDIDATES

PERSON_TITLE_CHOICES = [(c, LABELS_VI[c]) for c in PERSON_CANDIDATES]
COLLECTIVE_TITLE_CHOICES = [(c, LABELS_VI[c]) for c in COLLECTIVE_CANDIDATES]


def _tree_choices(units) -> list[tuple[int, str]]:
    top = min((u.depth for u in units), default=0)
    return [(u.pk, ("— " * (u.depth - top)) + u.name) for u in units]


class Form(forms.Form):
    """Labels without the trailing colon, as on every tdkt page."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# Registrations
# ---------------------------------------------------------------------------------------------


class RegistrationFilterForm(Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, required=False)
    department = forms.TypedChoiceField(label=_("Department"), coerce=int, required=False, empty_value=None)
    title = forms.ChoiceField(label=_("Title or form"), required=False)
    kind = forms.ChoiceField(
        label=_("Individuals or collectives"),
        required=False,
        choices=[("", _("All")), (KIND_PERSON, _("Individuals")), (KIND_COLLECTIVE, _("Collectives"))],
    )
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)

    def __init__(self, *args, units=(), departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _tree_choices(units)
        self.fields["department"].choices = [("", _("All")), *_tree_choices(departments)]
        self.fields["title"].choices = [
            ("", _("All")),
            *PERSON_TITLE_CHOICES,
            *[c for c in COLLECTIVE_TITLE_CHOICES if c not in PERSON_TITLE_CHOICES],
        ]


class SelfRegistrationForm(Form):
    title = forms.ChoiceField(label=_("Title or form you aim for"), choices=PERSON_TITLE_CHOICES)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        help_text=_("e.g. the initiative you plan to carry out this year"),
    )


class BulkRegistrationForm(Form):
    unit = forms.TypedChoiceField(label=_("Department or unit"), coerce=int)
    title = forms.ChoiceField(label=_("Title or form"), choices=PERSON_TITLE_CHOICES)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    people = forms.TypedMultipleChoiceField(
        label=_("Staff who register"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, units=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _tree_choices(units)
        self.fields["people"].choices = [(p.pk, p.full_name) for p in people]
        self.fields["people"].error_messages["required"] = _("Tick at least one person.")


class CollectiveRegistrationForm(Form):
    title = forms.ChoiceField(label=_("Title or form"), choices=COLLECTIVE_TITLE_CHOICES)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    units = forms.TypedMultipleChoiceField(
        label=_("Collectives that register"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].choices = _tree_choices(units)
        self.fields["units"].error_messages["required"] = _("Tick at least one collective.")


class WithdrawForm(Form):
    reason = forms.CharField(label=_("Reason (kept in the history)"), required=False, max_length=255)


# ---------------------------------------------------------------------------------------------
# Pledge rounds
# ---------------------------------------------------------------------------------------------

UNION_CHAIR_HELP = _(
    "The chair of the unit's trade union signs the department heads' pledges with the director."
)
LEVEL_FIELDS = {
    PledgeLevel.STAFF: ("staff_heading", "staff_body"),
    PledgeLevel.DEPARTMENT: ("department_heading", "department_body"),
    PledgeLevel.COVENANT: ("covenant_heading", "covenant_body"),
}


def _text_fields(form, level: str, *, required: bool) -> None:
    heading, body = LEVEL_FIELDS[level]
    form.fields[heading] = forms.CharField(label=_("Heading"), max_length=255, required=required)
    form.fields[body] = forms.CharField(
        label=_("Text of the pledge"), required=required, widget=forms.Textarea(attrs={"rows": 10})
    )


class RoundForm(Form):
    """A round inside an institution: who pledges to whom, the texts, the union chair."""

    name = forms.CharField(label=_("Name of the round"), max_length=255)
    unit = forms.TypedChoiceField(label=_("Institution"), coerce=int)
    levels = forms.MultipleChoiceField(
        label=_("Who pledges to whom"),
        choices=[
            (PledgeLevel.STAFF, PledgeLevel.STAFF.label),
            (PledgeLevel.DEPARTMENT, PledgeLevel.DEPARTMENT.label),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose who pledges to whom: staff, department heads or both.")},
    )
    union_chair = forms.CharField(
        label=_("Citizen ID of the union chair"),
        required=False,
        max_length=12,
        help_text=UNION_CHAIR_HELP,
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _tree_choices(units)
        _text_fields(self, PledgeLevel.STAFF, required=False)
        _text_fields(self, PledgeLevel.DEPARTMENT, required=False)

    def clean(self):
        data = super().clean()
        for level in data.get("levels") or ():
            for name in LEVEL_FIELDS[level]:
                if not (data.get(name) or "").strip():
                    self.add_error(name, _("Write the text of this pledge."))
        return data


class CovenantForm(Form):
    """The covenant a bloc's member units sign."""

    name = forms.CharField(label=_("Name of the round"), max_length=255)
    bloc = forms.TypedChoiceField(label=_("Bloc"), coerce=int)

    def __init__(self, *args, blocs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloc"].choices = [(b.pk, f"{b.name} ({b.year})") for b in blocs]
        _text_fields(self, PledgeLevel.COVENANT, required=True)


class RoundEditForm(Form):
    name = forms.CharField(label=_("Name of the round"), max_length=255)

    def __init__(self, *args, levels=(), covenant=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not covenant:
            self.fields["union_chair"] = forms.CharField(
                label=_("Citizen ID of the union chair"),
                required=False,
                max_length=12,
                help_text=UNION_CHAIR_HELP,
            )
        for level in levels:
            _text_fields(self, level, required=True)
        self.levels = list(levels)
        self.fields["reason"] = forms.CharField(
            label=_("Reason for the change (kept in the history)"), required=False, max_length=255
        )


class RoundPledgeFilterForm(Form):
    department = forms.TypedChoiceField(label=_("Department"), coerce=int, required=False, empty_value=None)
    level = forms.ChoiceField(label=_("Level"), required=False)
    status = forms.ChoiceField(
        label=_("Signatures"),
        required=False,
        choices=[
            ("", _("All")),
            (STATUS_PENDING, _("Waiting for a signature")),
            (STATUS_COMPLETE, _("Signed by every party")),
        ],
    )

    def __init__(self, *args, departments=(), levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", _("All")), *((u.pk, u.name) for u in departments)]
        self.fields["level"].choices = [("", _("All")), *((lv, PledgeLevel(lv).label) for lv in levels)]
