"""Forms of the review pages: the review (texts and document), a comment per result, the proposals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.movements.forms import DATE_WIDGET, RowForm, _formset, _text
from tdkt.movements.inputs import ProposalInput, ReviewInput
from tdkt.movements.models_reviews import CANDIDATE_CHOICES, ProposalKind, SubjectKind
from tdkt.people.models import Person


class ReviewForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500, widget=_text(2))
    as_of = forms.DateField(
        label=_("Figures as of"), widget=DATE_WIDGET, help_text=_("a day of the period reviewed")
    )
    overview = forms.CharField(label=_("How the movement was run"), required=False, widget=_text(5))
    highlights = forms.CharField(label=_("Highlights"), required=False, widget=_text(4))
    shortcomings = forms.CharField(label=_("Shortcomings"), required=False, widget=_text(4))
    lessons = forms.CharField(label=_("Lessons learned"), required=False, widget=_text(3))
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=_text(4))
    number = forms.IntegerField(
        label=_("Number"),
        required=False,
        min_value=1,
        help_text=_("leave empty: issuing takes the register's"),
    )
    symbol = forms.CharField(label=_("Symbol"), max_length=60, help_text=_("e.g. BC-SYT, BC-TTYT"))
    issued_on = forms.DateField(label=_("Date of the report"), widget=DATE_WIDGET)
    place = forms.CharField(label=_("Place name"), max_length=80)
    issuer_parent = forms.CharField(label=_("Governing body"), max_length=255, required=False)
    issuer_name = forms.CharField(label=_("Issuing body"), max_length=255)
    signer_authority = forms.CharField(
        label=_("Signing on behalf"), max_length=120, required=False, help_text=_("e.g. KT. GIÁM ĐỐC")
    )
    signer_title = forms.CharField(label=_("Signer's position"), max_length=120)
    signer_name = forms.CharField(label=_("Signer"), max_length=120)
    distribution = forms.CharField(
        label=_("Distribution list"), required=False, widget=_text(4), help_text=_("one recipient per line")
    )

    TEXT_FIELDS = ("title", "as_of", "overview", "highlights", "shortcomings", "lessons", "next_steps")
    DOCUMENT_FIELDS = (
        "number",
        "symbol",
        "issued_on",
        "place",
        "issuer_parent",
        "issuer_name",
        "signer_authority",
        "signer_title",
        "signer_name",
        "distribution",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def clean_symbol(self):
        return self.cleaned_data["symbol"].strip().upper()

    @property
    def text_fields(self):
        return [self[f] for f in self.TEXT_FIELDS]

    @property
    def document_fields(self):
        return [self[f] for f in self.DOCUMENT_FIELDS]


class ResultCommentsForm(forms.Form):
    """One comment field per result of the review (`comment_<id>`)."""

    def __init__(self, *args, results=(), **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.results = list(results)
        for result in self.results:
            self.fields[f"comment_{result.pk}"] = forms.CharField(
                label=_("Comment on “%(target)s”") % {"target": result.indicator[:120]},
                required=False,
                widget=_text(2),
                initial=result.comment,
            )

    def rows(self):
        """(result, its comment field) in order, for the results table."""
        return [(r, self[f"comment_{r.pk}"]) for r in self.results]

    def comments(self) -> dict[int, str]:
        return {r.pk: self.cleaned_data.get(f"comment_{r.pk}", "") for r in self.results}


class ProposalForm(RowForm):
    kind = forms.ChoiceField(
        label=_("Proposal"), choices=ProposalKind.choices, initial=ProposalKind.ROLE_MODEL
    )
    subject_kind = forms.ChoiceField(label=_("For"), choices=SubjectKind.choices, initial=SubjectKind.PERSON)
    person_cccd = forms.CharField(
        label=_("Citizen ID (CCCD) of the person"),
        required=False,
        max_length=12,
        help_text=_("12 digits, as on the person's page"),
    )
    unit = forms.TypedChoiceField(label=_("Collective"), coerce=int, required=False, empty_value=None)
    candidate = forms.ChoiceField(
        label=_("Title or form proposed"), required=False, choices=[("", "—"), *CANDIDATE_CHOICES]
    )
    summary = forms.CharField(
        label=_("Story or achievements"),
        widget=_text(3),
        help_text=_("a role model's short story; the achievements behind a commendation"),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *((u.pk, ("— " * u.depth) + u.name) for u in units)]
        self.units = {u.pk: u for u in units}

    def clean(self):
        data = super().clean()
        data["person"] = None
        if data.get("subject_kind") == SubjectKind.PERSON:
            cccd = (data.get("person_cccd") or "").strip()
            if not cccd:
                self.add_error("person_cccd", _("Enter the person's citizen ID."))
            else:
                data["person"] = Person.objects.filter(cccd=cccd).first()
                if data["person"] is None:
                    self.add_error("person_cccd", _("No person has this citizen ID."))
        elif not data.get("unit"):
            self.add_error("unit", _("Choose the collective."))
        return data

    def row(self) -> ProposalInput:
        data = self.cleaned_data
        return ProposalInput(
            id=data.get("id"),
            kind=data["kind"],
            subject_kind=data["subject_kind"],
            person=data.get("person"),
            unit=self.units.get(data.get("unit")),
            candidate=data.get("candidate") or "",
            summary=data["summary"],
        )


ProposalFormSet = _formset(ProposalForm, _("Proposal"), 1)


class ReviewForms:
    """The review form, its result comments and its proposals, bound together."""

    def __init__(self, data=None, *, review, units):
        proposals = list(review.proposals.all())
        self.review = ReviewForm(data, initial={f: getattr(review, f) for f in ReviewForm.base_fields})
        self.comments = ResultCommentsForm(data, results=review.results.all())
        self.proposals = ProposalFormSet(
            data,
            initial=[
                {
                    "id": p.pk,
                    "kind": p.kind,
                    "subject_kind": p.subject_kind,
                    "person_cccd": p.person.cccd if p.person_id else "",
                    "unit": p.unit_id,
                    "candidate": p.candidate,
                    "summary": p.summary,
                }
                for p in proposals
            ],
            prefix="proposals",
            form_kwargs={"units": units},
        )

    def is_valid(self) -> bool:
        return all([self.review.is_valid(), self.comments.is_valid(), self.proposals.is_valid()])

    def row_errors(self) -> list[str]:
        return self.proposals.row_errors()

    def content(self, *, refresh: bool = False) -> ReviewInput:
        return ReviewInput(
            **self.review.cleaned_data,
            comments=self.comments.comments(),
            proposals=self.proposals.rows(),
            refresh=refresh,
        )
