"""Forms of the inspection pages: the inspection with its follow-up rows, an action's status, the closing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.movements.forms import DATE_WIDGET, RowForm, _formset, _text
from tdkt.movements.inputs import FollowUpInput, InspectionInput
from tdkt.movements.models import InspectionKind


def _user_label(user) -> str:
    return user.get_full_name() or user.username


class InspectionForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Inspected unit"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind of inspection"), choices=InspectionKind.choices)
    inspected_on = forms.DateField(label=_("Date of the inspection"), widget=DATE_WIDGET)
    team = forms.CharField(
        label=_("Inspection team"), widget=_text(3), help_text=_("one member per line: name, position")
    )
    findings = forms.CharField(
        label=_("Findings"),
        required=False,
        widget=_text(6),
        help_text=_("what the team saw: what is done well, what falls short of the plan"),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.units = {u.pk: u for u in units}


class FollowUpForm(RowForm):
    description = forms.CharField(label=_("What must be done"), widget=_text(2))
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due_on = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "—"), *((u.pk, _user_label(u)) for u in owners)]
        self.owners = {u.pk: u for u in owners}

    def row(self) -> FollowUpInput:
        data = self.values()
        data["owner"] = self.owners[data["owner"]]
        return FollowUpInput(**data)


FollowUpFormSet = _formset(FollowUpForm, _("Action"), 1)


class InspectionForms:
    """The inspection form and its follow-up rows, bound together."""

    def __init__(self, data=None, *, initial: dict, units, owners):
        self.inspection = InspectionForm(data, initial=initial.get("inspection"), units=units)
        self.actions = FollowUpFormSet(
            data, initial=initial.get("actions"), prefix="actions", form_kwargs={"owners": owners}
        )

    def is_valid(self) -> bool:
        return all([self.inspection.is_valid(), self.actions.is_valid()])

    def row_errors(self) -> list[str]:
        return self.actions.row_errors()

    def content(self) -> InspectionInput:
        data = self.inspection.cleaned_data
        return InspectionInput(
            unit=self.inspection.units[data["unit"]],
            kind=data["kind"],
            inspected_on=data["inspected_on"],
            team=data["team"],
            findings=data["findings"],
            actions=self.actions.rows(),
        )


class FollowUpStatusForm(forms.Form):
    note = forms.CharField(label=_("How it was done"), max_length=500, required=False, widget=_text(2))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class InspectionCloseForm(forms.Form):
    conclusion = forms.CharField(label=_("Conclusion"), widget=_text(4))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
