from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.people.models import Gender

from .models import Verdict


class EligibilityFilterForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    verdict = forms.ChoiceField(
        label=_("Verdict"), required=False, choices=[("", _("All")), *Verdict.choices]
    )
    candidate = forms.ChoiceField(
        label=_("Title or form"),
        required=False,
        choices=[("", _("All")), *((c, LABELS_VI[c]) for c in CANDIDATES)],
    )
    department = forms.TypedChoiceField(label=_("Department"), coerce=int, required=False)
    is_manager = forms.ChoiceField(
        label=_("Manager or frontline"),
        required=False,
        choices=[("", _("All")), ("1", _("Managers")), ("0", _("Frontline staff"))],
    )
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[("", _("All")), *Gender.choices])

    def __init__(self, *args, units=(), departments=(), years=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.fields["year"].choices = [(y, str(y)) for y in years]
        top = min((u.depth for u in departments), default=0)
        self.fields["department"].choices = [("", _("All"))] + [
            (u.pk, ("— " * (u.depth - top)) + u.name) for u in departments
        ]
