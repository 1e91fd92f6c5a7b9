from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import SuccessionKind, UnitKind, validate_document_abbreviation

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class AbbreviationField(forms.CharField):
    """Upper-cases what was typed ("bvđk" → "BVĐK") before checking it."""

    default_validators = [validate_document_abbreviation]

    def to_python(self, value):
        return super().to_python(value).upper()


class UnitForm(forms.Form):
    parent = forms.TypedChoiceField(label=_("Parent unit"), coerce=int)
    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("Short and stable, e.g. BVDK-NOI."))
    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    document_abbreviation = AbbreviationField(
        label=_("Document abbreviation"),
        max_length=20,
        required=False,
        help_text=_("Used in document numbers such as 15/QĐ-SYT. Left empty: the initials of the name."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_WIDGET)
    is_remote_area = forms.BooleanField(label=_("Remote or disadvantaged area"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["parent"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.units = {u.pk: u for u in units}


class UnitEditForm(forms.Form):
    short_name = forms.CharField(label=_("Short name"), max_length=80, required=False)
    document_abbreviation = AbbreviationField(
        label=_("Document abbreviation"),
        max_length=20,
        help_text=_("Used in document numbers such as 15/QĐ-SYT."),
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    is_remote_area = forms.BooleanField(label=_("Remote or disadvantaged area"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class ReorganiseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Change"), choices=SuccessionKind.choices)
    predecessors = forms.TypedMultipleChoiceField(
        label=_("Units that end"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    successor = forms.TypedChoiceField(label=_("Unit that takes over"), coerce=int)
    effective_on = forms.DateField(label=_("Effective on"), widget=DATE_WIDGET)
    basis = forms.CharField(
        label=_("Legal basis"),
        max_length=255,
        required=False,
        help_text=_("e.g. Quyết định số 1268/QĐ-UBND ngày 20/6/2025"),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        institutions = [u for u in units if u.is_institution]
        self.fields["predecessors"].choices = [(u.pk, u.name) for u in institutions]
        self.fields["successor"].choices = [(u.pk, u.name) for u in institutions]
        self.units = {u.pk: u for u in units}

    def clean(self):
        data = super().clean()
        if data.get("successor") in (data.get("predecessors") or []):
            self.add_error("successor", _("The unit that takes over cannot be one of the units that end."))
        return data
