from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.people.models import Gender, Person, Position, Profession


class PeopleFilterForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, required=False)
    q = forms.CharField(label=_("Search by name or citizen ID"), required=False, max_length=100)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[("", _("All")), *Gender.choices])
    profession = forms.ChoiceField(
        label=_("Profession"), required=False, choices=[("", _("All")), *Profession.choices]
    )
    is_manager = forms.ChoiceField(
        label=_("Manager or frontline"),
        required=False,
        choices=[("", _("All")), ("1", _("Managers")), ("0", _("Frontline staff"))],
    )
    former = forms.BooleanField(label=_("Include staff who have left"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]


DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "cccd",
            "full_name",
            "gender",
            "birth_date",
            "profession",
            "employment_status",
            "is_manager",
            "health_sector_since",
        ]
        widgets = {
            "birth_date": DATE_WIDGET,
            "health_sector_since": DATE_WIDGET,
            "cccd": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 12}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def validate_unique(self):
        """Uniqueness is checked by the service, which names the existing record."""


class PostForm(forms.Form):
    """Where a person works from a date: a unit, optionally a department in it, and a position."""

    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    department = forms.TypedChoiceField(label=_("Department"), coerce=int, required=False, empty_value=None)
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices, initial=Position.STAFF)
    start = forms.DateField(label=_("From"), widget=DATE_WIDGET)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        institutions = [u for u in units if u.is_institution]
        departments = [u for u in units if not u.is_institution]  # wards, offices, commune stations
        by_id = {u.pk: u for u in units}
        self.fields["unit"].choices = [(u.pk, u.name) for u in institutions]
        self.fields["department"].choices = [("", "—")] + [
            (d.pk, f"{d.name} · {by_id[d.parent_id].name if d.parent_id in by_id else ''}")
            for d in departments
        ]
        self.units = by_id
