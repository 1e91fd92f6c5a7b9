from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.documents.models import KIND_CHOICES


class RegisterFilterForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Issuing unit"), coerce=int, required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of document"), required=False, choices=[("", _("All")), *KIND_CHOICES]
    )

    def __init__(self, *args, units=(), years=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.fields["year"].choices = [(y, str(y)) for y in years]
