from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.eligibility.models import Verdict
from tdkt.law.registry import candidates_for
from tdkt.law.vocabulary import CANDIDATES, FORMS, LABELS_VI
from tdkt.org.forms import DATE_WIDGET
from tdkt.records.models import Category

from .models import NomineeKind, Outcome, QuotaBase, RoundCategory


def _candidate_choices(candidates):
    return [(c, LABELS_VI.get(c, c)) for c in candidates]


class RoundForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    year = forms.TypedChoiceField(label=_("Achievement year"), coerce=int)
    category = forms.ChoiceField(label=_("Kind of round"), choices=RoundCategory.choices)
    name = forms.CharField(label=_("Name"), max_length=255)
    occasion = forms.CharField(
        label=_("Movement or occasion"),
        max_length=255,
        required=False,
        help_text=_("Required for a movement, a theme or an extraordinary achievement."),
    )
    deadline = forms.DateField(label=_("Deadline for nominations"), widget=DATE_WIDGET)
    disclosure_days = forms.IntegerField(
        label=_("Disclosure period (days)"), min_value=1, max_value=60, initial=7
    )

    def __init__(self, *args, units=(), years=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.units = {u.pk: u for u in units}

    def clean(self):
        data = super().clean()
        if (
            data.get("category") in (RoundCategory.THEMATIC, RoundCategory.EXTRAORDINARY)
            and not (data.get("occasion") or "").strip()
        ):
            self.add_error("occasion", _("Name the movement or the occasion of this round."))
        return data


class RoundEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    occasion = forms.CharField(label=_("Movement or occasion"), max_length=255, required=False)
    deadline = forms.DateField(label=_("Deadline for nominations"), widget=DATE_WIDGET)
    disclosure_days = forms.IntegerField(label=_("Disclosure period (days)"), min_value=1, max_value=60)
    reason = forms.CharField(
        label=_("Reason for the change (kept in the history)"), max_length=255, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class ListFilterForm(forms.Form):
    candidate = forms.ChoiceField(label=_("Title or form"))
    verdict = forms.ChoiceField(
        label=_("Verdict"), required=False, choices=[("", _("All")), *Verdict.choices], initial="eligible"
    )
    department = forms.TypedChoiceField(label=_("Department"), coerce=int, required=False)

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        applicable = set(candidates_for("person")) | set(candidates_for("collective"))
        self.fields["candidate"].choices = _candidate_choices(c for c in CANDIDATES if c in applicable)
        top = min((u.depth for u in departments), default=0)
        self.fields["department"].choices = [("", _("All"))] + [
            (u.pk, ("— " * (u.depth - top)) + u.name) for u in departments
        ]


class ForeignNomineeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nominee"), choices=NomineeKind.choices)
    name = forms.CharField(label=_("Full name or name of the organisation"), max_length=255)
    nationality = forms.CharField(label=_("Nationality"), max_length=80)
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    candidate = forms.ChoiceField(label=_("Title or form"), choices=_candidate_choices(FORMS))
    achievement_summary = forms.CharField(label=_("Achievements"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class TransitionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, required=False)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE_WIDGET, required=False)
    issuer = forms.CharField(label=_("Issued by"), max_length=255, required=False)

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.step = step
        self.fields["reason"].required = step.reason_required
        if not step.needs_outcome:
            del self.fields["outcome"]
        else:
            self.fields["outcome"].required = True
        if not step.needs_decision:
            for name in ("decision_number", "decision_date", "issuer"):
                del self.fields[name]
        elif not step.needs_outcome:
            self.fields["decision_number"].required = True
            self.fields["decision_date"].required = True


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class AcknowledgeForm(ReasonForm):
    code = forms.CharField(widget=forms.HiddenInput)


class AchievementsForm(forms.Form):
    achievements = forms.TypedMultipleChoiceField(
        label=_("Initiatives and research the nomination rests on"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["achievements"].choices = [(a.pk, f"{a.year} · {a.title}") for a in choices]
        self.objects = {a.pk: a for a in choices}


class DiscloseForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("Also publish on the public portal (state-level awards)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class ObjectionForm(forms.Form):
    nomination = forms.TypedChoiceField(label=_("About the nomination of"), coerce=int)
    text = forms.CharField(
        label=_("Your objection"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    anonymous = forms.BooleanField(
        label=_("Send anonymously (your name is not kept anywhere)"), required=False
    )

    def __init__(self, *args, nominations=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["nomination"].choices = [
            (n.pk, f"{n.name} — {LABELS_VI.get(n.candidate, n.candidate)}") for n in nominations
        ]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
    upheld = forms.TypedChoiceField(
        label=_("Finding"),
        coerce=lambda v: v == "1",
        choices=[("0", _("The objection is not founded")), ("1", _("The objection is founded"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


class QuotaForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Set by"), coerce=int)
    candidate = forms.ChoiceField(label=_("Title or form"), choices=_candidate_choices(CANDIDATES))
    percent = forms.DecimalField(
        label=_("At most (%)"), min_value=0.01, max_value=100, max_digits=6, decimal_places=2
    )
    base = forms.ChoiceField(label=_("Of"), choices=QuotaBase.choices)
    cite = forms.CharField(
        label=_("Set by the document"),
        max_length=255,
        help_text=_("e.g. Quyết định 14/2024/QĐ-UBND, Điều 8"),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_WIDGET)
    valid_to = forms.DateField(label=_("Valid to"), widget=DATE_WIDGET, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["unit"].choices = [(u.pk, ("— " * u.depth) + u.name) for u in units]
        self.units = {u.pk: u for u in units}


CATEGORY_CHOICES = dict(Category.choices)
