"""Forms for keeping records by hand. They read and check what was typed; the services check the records
(duplicates, periods, years) and their refusals are put back on these forms by the views."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import LABELS_VI, PERSON_FORMS, PERSON_TITLES
from tdkt.people.forms import DATE_WIDGET
from tdkt.people.selectors import people_search
from tdkt.records.imports_base import FIRST_YEAR
from tdkt.records.models import AchievementKind, Category, DisciplineLevel, LeaveKind, Rating, Scope

MAX_FOUND_AUTHORS = 20
DATE_ERRORS = {"invalid": _("Enter the date as dd/mm/yyyy.")}
PERSON_CANDIDATES = tuple(dict.fromkeys(PERSON_TITLES + PERSON_FORMS))


def _date(label, *, required: bool = False, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DATE_WIDGET, error_messages=DATE_ERRORS, help_text=help_text
    )


class YearField(forms.IntegerField):
    """A record's year: from the first year records are kept to the current year (set by the form)."""

    def __init__(self, label):
        super().__init__(
            label=label,
            min_value=FIRST_YEAR,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            error_messages={
                "invalid": _("Enter the year as four digits, e.g. 2024."),
                "min_value": _("The year cannot be before %(limit_value)s."),
            },
        )


class RecordForm(forms.Form):
    """What every record form shares: labels without a colon, the year's upper bound, and on a
    correction the note kept in the change history."""

    note = forms.CharField(
        label=_("Reason for the change (kept in the history)"), required=False, max_length=255
    )

    def __init__(self, *args, today: dt.date, editing: bool = False, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.today = today
        for field in self.fields.values():
            if isinstance(field, YearField):
                field.max_value = today.year
                field.validators.append(
                    MaxValueValidator(today.year, message=_("The year cannot be after %(limit_value)s."))
                )
                field.widget.attrs["max"] = today.year
        if not editing:
            del self.fields["note"]
        else:
            self.order_fields([name for name in self.fields if name != "note"] + ["note"])


class RatingForm(RecordForm):
    year = YearField(_("Year"))
    rating = forms.ChoiceField(label=_("Rating"), choices=Rating.choices)
    rated_by = forms.CharField(
        label=_("Rated by"),
        required=False,
        max_length=120,
        help_text=_("The council or the person who rated."),
    )
    rated_on = _date(_("Rated on"))


class CollectiveRatingForm(RatingForm):
    pass


class AchievementForm(RecordForm):
    """An initiative or research work; its authors are people in the user's scope, found by name
    (accents ignored) or citizen ID, plus, on a correction, authors outside the scope, kept as they are."""

    kind = forms.ChoiceField(label=_("Kind"), choices=AchievementKind.choices)
    title = forms.CharField(
        label=_("Name of the initiative or research work"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    scope = forms.ChoiceField(label=_("Scope of recognition"), choices=Scope.choices)
    year = YearField(_("Year recognised"))
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, help_text=_("The unit the work belongs to."))
    decision_number = forms.CharField(label=_("Recognition decision number"), required=False, max_length=60)
    decision_date = _date(_("Decision date"))
    issuer = forms.CharField(
        label=_("Recognised by"), required=False, max_length=255, help_text=_("e.g. Department of Health")
    )
    authors = forms.TypedMultipleChoiceField(
        label=_("Authors"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("An author chosen is not among the people you keep records for.")
        },
    )
    q = forms.CharField(
        label=_("Find a co-author by name (accents optional) or citizen ID"), required=False, max_length=100
    )

    def __init__(self, *args, units, people, fixed_authors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        source = self.data if self.is_bound else None
        if source is not None:
            wanted, query = _ints(source.getlist("authors")), source.get("q", "")
        else:
            wanted, query = [int(i) for i in self.initial.get("authors", [])], self.initial.get("q", "")
        self.selected_authors = (
            list(people.filter(pk__in=wanted).order_by("sort_key", "id")) if wanted else []
        )
        found = []
        if query.strip():
            chosen = {p.pk for p in self.selected_authors}
            found = [
                p
                for p in people_search(people, query).order_by("sort_key", "id")[
                    : MAX_FOUND_AUTHORS + len(chosen)
                ]
                if p.pk not in chosen
            ][:MAX_FOUND_AUTHORS]
        self.found_authors = found
        self.searched = bool(query.strip())
        self.fixed_authors = list(fixed_authors)
        self.fields["authors"].choices = [
            (p.pk, f"{p.full_name} · {p.cccd}") for p in self.selected_authors + found
        ]

    def clean(self):
        data = super().clean()
        if "authors" in data and not data["authors"] and not self.fixed_authors:
            self.add_error("authors", _("Choose at least one author: find them by name above."))
        return data

    def chosen_people(self) -> list:
        ids = set(self.cleaned_data.get("authors", []))
        return [p for p in self.selected_authors + self.found_authors if p.pk in ids] + self.fixed_authors


def _ints(values) -> list[int]:
    found = []
    for value in values:
        try:
            found.append(int(value))
        except (TypeError, ValueError):
            continue
    return found


class DisciplineForm(RecordForm):
    level = forms.ChoiceField(label=_("Level"), choices=DisciplineLevel.choices)
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    decision_date = _date(_("Decision date"))
    start = _date(_("From"), required=True, help_text=_("The day the decision takes effect."))
    end = _date(_("To"), help_text=_("The day the discipline ends; empty while it runs."))
    reason = forms.CharField(label=_("Ground"), required=False, max_length=500)


class LeaveForm(RecordForm):
    kind = forms.ChoiceField(label=_("Kind of leave"), choices=LeaveKind.choices)
    start = _date(_("From"), required=True)
    end = _date(_("To"), required=True)


class ReviewForm(RecordForm):
    reason = forms.CharField(
        label=_("What is under review"),
        max_length=500,
        help_text=_("A disciplinary review, an investigation or a complaint being settled."),
    )
    start = _date(_("From"), required=True)
    end = _date(_("Closed on"), help_text=_("Empty while the review runs."))


class AwardForm(RecordForm):
    year = YearField(_("Achievement year"))
    candidate = forms.ChoiceField(
        label=_("Title or form of commendation"),
        choices=[(c, LABELS_VI[c]) for c in PERSON_CANDIDATES],
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices, initial=Category.MERIT)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    decision_date = _date(_("Decision date"), required=True)
    issuer = forms.CharField(
        label=_("Issued by"),
        required=False,
        max_length=255,
        help_text=_("e.g. Chairman of the Provincial People's Committee"),
    )


class DeleteForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for deleting (kept in the history)"), required=False, max_length=255
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
