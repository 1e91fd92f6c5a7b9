from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.councils.forms import DATE_WIDGET
from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.records.models import Category

from .models import RevocationGround, SubjectKind

CANDIDATE_CHOICES = [("", "—")] + [(c, LABELS_VI.get(c, c)) for c in CANDIDATES]


class DecisionForm(forms.Form):
    issuer = forms.TypedChoiceField(label=_("Issuing unit"), coerce=int)
    title = forms.CharField(label=_("Subject (trích yếu)"), max_length=500)
    date = forms.DateField(label=_("Date of signature"), widget=DATE_WIDGET)
    place = forms.CharField(
        label=_("Place name"), max_length=80, help_text=_("as in the date line, e.g. Bình An")
    )
    award_year = forms.IntegerField(label=_("Achievement year"), min_value=2000, max_value=2100)
    achievement = forms.CharField(label=_("Achievement"), max_length=500, required=False)
    authority = forms.CharField(label=_("Deciding authority"), max_length=255)
    bases = forms.CharField(
        label=_("Legal basis"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One “Căn cứ …” per line."),
    )
    proposer = forms.CharField(label=_("Proposed by"), max_length=255, required=False)
    fund = forms.CharField(label=_("Paid from"), max_length=255, required=False)
    signer_position = forms.CharField(label=_("Position of the signer"), max_length=120)
    signer_name = forms.CharField(label=_("Signed by"), max_length=255)
    signer_for = forms.CharField(
        label=_("Signs for (deputy)"),
        max_length=120,
        required=False,
        help_text=_("The head's title when a deputy signs."),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["issuer"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]


class LineForm(forms.Form):
    subject_kind = forms.ChoiceField(
        label=_("Awardee"), choices=SubjectKind.choices, initial=SubjectKind.PERSON
    )
    cccd = forms.CharField(label=_("Citizen ID (individual)"), max_length=12, required=False)
    unit = forms.TypedChoiceField(label=_("Collective"), coerce=int, required=False, empty_value=None)
    candidate = forms.ChoiceField(label=_("Title or form"), choices=CANDIDATE_CHOICES)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices, initial=Category.MERIT)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["unit"].choices = [("", "—")] + [(u.pk, ("— " * u.depth) + u.name) for u in units]


class AmendmentForm(forms.Form):
    lines = forms.TypedMultipleChoiceField(
        label=_("Awards to revoke"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    ground = forms.ChoiceField(
        label=_("Ground (Law, Article 93, clause 2)"), choices=RevocationGround.choices
    )
    ground_detail = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}))
    correction = forms.BooleanField(
        label=_("Correction: the right awards are added to the new decision"), required=False
    )
    date = forms.DateField(label=_("Date of signature"), widget=DATE_WIDGET)
    signer_position = forms.CharField(label=_("Position of the signer"), max_length=120)
    signer_name = forms.CharField(label=_("Signed by"), max_length=255)
    signer_for = forms.CharField(label=_("Signs for (deputy)"), max_length=120, required=False)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["lines"].choices = [(line.pk, f"{line.name} — {line.candidate_label}") for line in lines]
