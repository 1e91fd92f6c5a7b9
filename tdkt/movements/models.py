"""Movements (phong trào thi đua), the plans that launch them, their phases, targets and target reports.

A `Movement` is the campaign a unit runs over a period; its `Plan` is the signed document that
launched it (number, date, signer, basis, text). A movement derived from a higher one names it as
`parent`, so the plans form a tree from the Sở (or an outside Ministry plan cited as basis) down to a
commune station; `path` holds the chain of ids for set-based tree reads, as `Unit.path` does.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit


class MovementKind(models.TextChoices):
    REGULAR = "regular", _("Regular (annual)")
    THEMATIC = "thematic", _("Thematic")
    PHASE = "phase", _("Phase campaign")


class MovementState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


VISIBLE_BELOW_STATES = (MovementState.PUBLISHED, MovementState.CLOSED)


class Movement(models.Model):
    """A phong trào thi đua launched by `unit` over [start, end]; draft → published → closed."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("launching unit"), on_delete=models.PROTECT, related_name="movements"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("derived from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="/")
    kind = models.CharField(_("kind"), max_length=16, choices=MovementKind.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=MovementState.choices, default=MovementState.DRAFT, editable=False
    )
    name = models.CharField(_("title"), max_length=500)
    theme = models.TextField(_("theme"), blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    # The warnings the officer saw and accepted at the last save (validation.plan_warnings).
    acknowledged_warnings = models.JSONField(_("acknowledged warnings"), default=list, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-start", "path"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        indexes = [models.Index(fields=["unit", "state"]), models.Index(fields=["start", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="movement_period",
                violation_error_message=_("The end date is before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    @property
    def root_id(self) -> int:
        return int(self.path.strip("/").split("/")[0])

    @property
    def is_draft(self) -> bool:
        return self.state == MovementState.DRAFT

    @property
    def is_published(self) -> bool:
        return self.state == MovementState.PUBLISHED

    @property
    def is_closed(self) -> bool:
        return self.state == MovementState.CLOSED

    def get_state_display(self) -> str:
        return str(MovementState(self.state).label)

    def get_kind_display(self) -> str:
        return str(MovementKind(self.kind).label)


class Plan(models.Model):
    """The kế hoạch (document) that launched a movement: "Số: 870/KH-TTYT", date, signer and text.

    `number` is blank while the document has no number yet ("Số:    /KH-HĐTĐKT"); number and symbol
    are unique for the launching unit within the year of `issued_on` (Nghị định 30/2020/NĐ-CP, Điều 15).
    """

    movement = models.OneToOneField(Movement, on_delete=models.CASCADE, related_name="plan")
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=60, help_text=_("e.g. KH-SYT, KH-TTYT, KH-HĐTĐKT"))
    issued_on = models.DateField(_("date"))
    place = models.CharField(_("place name"), max_length=80, help_text=_("as in the date line, e.g. Bình An"))
    issuer_name = models.CharField(
        _("issuing body"), max_length=255, help_text=_("e.g. SỞ Y TẾ or HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")
    )
    issuer_parent = models.CharField(
        _("governing body"), max_length=255, blank=True, help_text=_("e.g. UBND TỈNH BÌNH AN")
    )
    signer_authority = models.CharField(
        _("signing on behalf"), max_length=120, blank=True, help_text=_("e.g. KT. GIÁM ĐỐC or TM. HỘI ĐỒNG")
    )
    signer_title = models.CharField(_("signer's position"), max_length=120)
    signer_name = models.CharField(_("signer"), max_length=120)
    preamble = models.TextField(_("opening text"), blank=True)
    purposes = models.TextField(_("purposes"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    audience = models.TextField(_("for whom"), blank=True)
    closing = models.TextField(_("closing text"), blank=True)
    distribution = models.TextField(_("distribution list"), blank=True, help_text=_("one recipient per line"))

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.reference} — {self.movement.name}" if self.movement_id else self.reference

    @property
    def reference(self) -> str:
        """ "870/KH-TTYT"; numbers below 10 take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
        number = f"{self.number:02d}" if self.number is not None else "…"
        return f"{number}/{self.symbol}"

    @property
    def distribution_lines(self) -> list[str]:
        return [line.strip() for line in self.distribution.splitlines() if line.strip()]


class BasisVerb(models.TextChoices):
    PURSUANT = "pursuant", _("Pursuant to (Căn cứ)")
    IMPLEMENTING = "implementing", _("Implementing (Thực hiện)")


class PlanBasis(models.Model):
    """One line of the plan's basis: a higher movement in tdkt, or a reference to an outside document."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="basis_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    verb = models.CharField(
        _("wording"), max_length=16, choices=BasisVerb.choices, default=BasisVerb.PURSUANT
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("movement in tdkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cited_by",
    )
    reference = models.TextField(
        _("outside document"),
        blank=True,
        help_text=_("e.g. Kế hoạch số 885/KH-BYT ngày 17/7/2024 của Bộ Y tế về …"),
    )

    class Meta:
        ordering = ["plan_id", "order", "id"]
        verbose_name = _("basis")
        verbose_name_plural = _("basis")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(movement__isnull=False) | ~models.Q(reference=""),
                name="plan_basis_not_empty",
                violation_error_message=_("Choose a movement or write the document cited."),
            )
        ]

    def __str__(self) -> str:
        return self.reference or f"#{self.movement_id}"


class PlanSection(models.Model):
    """A numbered content item of the plan (nội dung thi đua, tiêu chuẩn khen thưởng, …)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    heading = models.CharField(_("heading"), max_length=500)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["plan_id", "order", "id"]
        verbose_name = _("content item")
        verbose_name_plural = _("content items")

    def __str__(self) -> str:
        return self.heading


class Responsibility(models.Model):
    """Who does what (tổ chức thực hiện): a party, optionally a unit in tdkt, and its task."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    party = models.CharField(_("who"), max_length=255)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit in tdkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.TextField(_("task"))

    class Meta:
        ordering = ["plan_id", "order", "id"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self) -> str:
        return self.party


class Phase(models.Model):
    """An đợt thi đua: a stretch of the movement with its own theme, often tied to anniversaries."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    theme = models.TextField(_("theme"), blank=True)
    description = models.TextField(_("what it celebrates and does"), blank=True)
    # Codes from movements.anniversaries.ANNIVERSARIES the phase celebrates.
    commemorations = models.JSONField(_("anniversaries"), default=list, blank=True)

    class Meta:
        ordering = ["movement_id", "order", "start", "id"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="phase_period",
                violation_error_message=_("The end date is before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Comparator(models.TextChoices):
    GTE = "gte", "≥"
    GT = "gt", ">"
    EQ = "eq", "="
    LTE = "lte", "≤"
    LT = "lt", "<"


class Direction(models.TextChoices):
    INCREASE = "increase", _("higher is better")
    DECREASE = "decrease", _("lower is better")
    MAINTAIN = "maintain", _("hold the level")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    HALF_YEARLY = "half_yearly", _("every six months")
    YEARLY = "yearly", _("yearly")
    ONCE = "once", _("once, at the end")


class TargetKind(models.TextChoices):
    REPORTED = "reported", _("reported by units")
    COMPUTED = "computed", _("computed by tdkt")


class Reporter(models.TextChoices):
    UNITS_BELOW = "units_below", _("each unit below")
    ISSUER = "issuer", _("the launching unit")
    NAMED_UNIT = "named_unit", _("a named unit")


class Target(models.Model):
    """A chỉ tiêu thi đua: indicator, unit of measure, comparator and threshold (≥ 95 %), direction,
    reporting frequency and who reports. A computed target's value comes from the registry
    (movements.computations) under `computation` instead of reports."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    indicator = models.CharField(_("indicator"), max_length=1000)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    comparator = models.CharField(_("comparator"), max_length=4, choices=Comparator.choices, blank=True)
    threshold = models.DecimalField(_("threshold"), max_digits=14, decimal_places=3, null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=16, choices=Direction.choices, default=Direction.INCREASE
    )
    frequency = models.CharField(
        _("reporting frequency"), max_length=16, choices=Frequency.choices, blank=True
    )
    kind = models.CharField(
        _("source of the value"), max_length=16, choices=TargetKind.choices, default="reported"
    )
    computation = models.CharField(_("computation"), max_length=64, blank=True)
    reporter = models.CharField(
        _("who reports"), max_length=16, choices=Reporter.choices, default=Reporter.UNITS_BELOW
    )
    reporter_unit = models.ForeignKey(
        Unit,
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_days = models.PositiveSmallIntegerField(
        _("days to report after a period ends"), default=10, help_text=_("after that the unit is late")
    )
    source = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )

    class Meta:
        ordering = ["movement_id", "order", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return self.indicator

    @property
    def is_measurable(self) -> bool:
        return bool(self.comparator) and self.threshold is not None

    @property
    def is_computed(self) -> bool:
        return self.kind == TargetKind.COMPUTED

    @property
    def threshold_display(self) -> str:
        """ "≥ 95 %", "> 90 %", "= 100 %", "≤ 0 vụ"; empty when the target has no threshold."""
        if not self.is_measurable:
            return ""
        value = format_decimal(self.threshold)
        unit = f" {self.unit_of_measure}" if self.unit_of_measure else ""
        return f"{Comparator(self.comparator).label} {value}{unit}"

    def is_met(self, value: Decimal | None) -> bool | None:
        """Whether `value` meets the threshold; None when there is no value or no threshold."""
        if value is None or not self.is_measurable:
            return None
        threshold = self.threshold
        return {
            Comparator.GTE: value >= threshold,
            Comparator.GT: value > threshold,
            Comparator.EQ: value == threshold,
            Comparator.LTE: value <= threshold,
            Comparator.LT: value < threshold,
        }[Comparator(self.comparator)]


def format_decimal(value: Decimal | None) -> str:
    """Vietnamese decimal comma, no trailing zeros: Decimal("95.500") → "95,5"."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    whole, _sep, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


class TargetReport(models.Model):
    """A unit's figure for a target over one reporting period, with its evidence."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=3)
    note = models.CharField(_("note"), max_length=500, blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("documents, minutes, lists that show it")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField()

    class Meta:
        ordering = ["target_id", "unit_id", "period_start"]
        verbose_name = _("target report")
        verbose_name_plural = _("target reports")
        constraints = [
            models.UniqueConstraint(fields=["target", "unit", "period_start"], name="target_report_once"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="target_report_period",
                violation_error_message=_("The end date is before the start date."),
            ),
        ]
        indexes = [models.Index(fields=["target", "unit", "period_end"])]

    def __str__(self) -> str:
        return f"{self.target} · {self.unit} · {self.period_start:%d/%m/%Y}: {self.value}"

    def period_contains(self, day: dt.date) -> bool:
        return self.period_start <= day <= self.period_end


# Inspections, reviews and the reminders log live in their own modules (this one is long enough); importing
# them here registers them with the app.
from tdkt.movements.models_inspections import (  # noqa: E402, F401
    ActionStatus,
    FollowUpAction,
    Inspection,
    InspectionKind,
    InspectionState,
)
from tdkt.movements.models_reminders import ReminderSent  # noqa: E402, F401
from tdkt.movements.models_reviews import (  # noqa: E402, F401
    CANDIDATES,
    ProposalKind,
    Review,
    ReviewKind,
    ReviewProposal,
    ReviewResult,
    ReviewState,
    SubjectKind,
)
