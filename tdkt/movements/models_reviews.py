"""Reviews (sơ kết per phase, tổng kết at the end) of a movement, their results against each target and
the role models and commendations they propose.

A review is a draft until it is issued as a numbered Báo cáo; an issued review never changes. A mistake is
put right by a new version (`previous` names the version it replaces), issued in its turn with its own
number (Nghị định 30/2020/NĐ-CP, Điều 18 k3: a document with wrong content is replaced by one of the same
form). The period, the target texts and the figures are copied into the review, so later edits of the
plan or late reports do not change what was issued.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import COLLECTIVE_FORMS, COLLECTIVE_TITLES, LABELS_VI, PERSON_FORMS, PERSON_TITLES
from tdkt.movements.titles import report_heading
from tdkt.org.models import Unit


class ReviewKind(models.TextChoices):
    INTERIM = "interim_review", _("Interim review (sơ kết)")
    FINAL = "final_review", _("Final review (tổng kết)")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class Review(models.Model):
    """A sơ kết of one phase or the tổng kết of a movement, by the unit that runs it."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.PROTECT, related_name="reviews", verbose_name=_("movement")
    )
    kind = models.CharField(_("kind of review"), max_length=16, choices=ReviewKind.choices)
    phase = models.ForeignKey(
        "movements.Phase",
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correction",
    )
    state = models.CharField(_("state"), max_length=8, choices=ReviewState.choices, default=ReviewState.DRAFT)
    title = models.CharField(_("title"), max_length=500)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    as_of = models.DateField(_("figures as of"))
    overview = models.TextField(_("how the movement was run"), blank=True)
    highlights = models.TextField(_("highlights"), blank=True)
    shortcomings = models.TextField(_("shortcomings"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    # The document (Báo cáo): as the plan's, prefilled from it
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=60, help_text=_("e.g. BC-SYT, BC-TTYT"))
    issued_on = models.DateField(_("date of the report"))
    place = models.CharField(_("place name"), max_length=80)
    issuer_name = models.CharField(_("issuing body"), max_length=255)
    issuer_parent = models.CharField(_("governing body"), max_length=255, blank=True)
    signer_authority = models.CharField(_("signing on behalf"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=120)
    signer_name = models.CharField(_("signer"), max_length=120)
    distribution = models.TextField(_("distribution list"), blank=True, help_text=_("one recipient per line"))
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["movement_id", "period_end", "kind", "version"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        indexes = [models.Index(fields=["movement", "kind", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="review_period",
                violation_error_message=_("The end date is before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def heading(self) -> str:
        """The name the pages give the report: "Báo cáo sơ kết đợt 1 …"."""
        return report_heading(self.title)

    @property
    def is_draft(self) -> bool:
        return self.state == ReviewState.DRAFT

    @property
    def is_issued(self) -> bool:
        return self.state == ReviewState.ISSUED

    @property
    def is_final(self) -> bool:
        return self.kind == ReviewKind.FINAL

    @property
    def reference(self) -> str:
        """ "05/BC-SYT" ("…/BC-SYT" while it has no number)."""
        number = f"{self.number:02d}" if self.number is not None else "…"
        return f"{number}/{self.symbol}"

    @property
    def distribution_lines(self) -> list[str]:
        return [line.strip() for line in self.distribution.splitlines() if line.strip()]

    def get_kind_display(self) -> str:
        return str(ReviewKind(self.kind).label)

    def get_state_display(self) -> str:
        return str(ReviewState(self.state).label)


class ReviewResult(models.Model):
    """The result of one target in a review: the figure as of the review, met or not, the officer's comment.

    For a target several units report, `value` is the mean of their latest figures and `met` says whether
    every unit met the threshold; `units_*` keep the counts behind it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="results")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    target = models.ForeignKey(
        "movements.Target", null=True, blank=True, on_delete=models.SET_NULL, related_name="review_results"
    )
    indicator = models.CharField(_("indicator"), max_length=1000)
    threshold = models.CharField(_("threshold"), max_length=80, blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    value = models.DecimalField(_("result"), max_digits=16, decimal_places=3, null=True, blank=True)
    units_total = models.PositiveIntegerField(_("units expected"), default=0)
    units_reported = models.PositiveIntegerField(_("units with a figure"), default=0)
    units_met = models.PositiveIntegerField(_("units that met it"), default=0)
    met = models.BooleanField(_("met"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review_id", "order", "id"]
        verbose_name = _("review result")
        verbose_name_plural = _("review results")

    def __str__(self) -> str:
        return self.indicator[:80]

    @property
    def is_average(self) -> bool:
        return self.units_total > 1


class ProposalKind(models.TextChoices):
    ROLE_MODEL = "role_model", _("Role model (điển hình tiên tiến)")
    COMMENDATION = "commendation", _("Commendation")


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Person")
    COLLECTIVE = "collective", _("Collective")


# What a review may propose for a person or a collective (glossary ids, Vietnamese names from the law).
CANDIDATES = {
    SubjectKind.PERSON: tuple(dict.fromkeys((*PERSON_TITLES, *PERSON_FORMS))),
    SubjectKind.COLLECTIVE: tuple(dict.fromkeys((*COLLECTIVE_TITLES, *COLLECTIVE_FORMS))),
}
CANDIDATE_CHOICES = [
    (c, LABELS_VI[c]) for c in dict.fromkeys((*CANDIDATES["person"], *CANDIDATES["collective"]))
]


class ReviewProposal(models.Model):
    """A role model (điển hình tiên tiến) or a commendation a review proposes, for a person or a collective.

    Commendation proposals wait there for nominations to pick them up (selectors_reviews
    .commendation_proposals); role models carry their short story."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="proposals")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("proposal"), max_length=16, choices=ProposalKind.choices)
    subject_kind = models.CharField(_("for"), max_length=16, choices=SubjectKind.choices)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("collective"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=255)  # as it was when proposed
    candidate = models.CharField(
        _("title or form proposed"), max_length=64, blank=True, choices=CANDIDATE_CHOICES
    )
    summary = models.TextField(_("story or achievements"))

    class Meta:
        ordering = ["review_id", "order", "id"]
        verbose_name = _("review proposal")
        verbose_name_plural = _("review proposals")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(subject_kind="person", person__isnull=False, unit__isnull=True)
                    | models.Q(subject_kind="collective", person__isnull=True, unit__isnull=False)
                ),
                name="review_proposal_subject",
                violation_error_message=_("Choose the person or the collective proposed."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def candidate_label(self) -> str:
        return LABELS_VI.get(self.candidate, "")
