"""Each person's and collective's yearly record: ratings, initiatives and research, discipline, leave,
reviews in progress, and the titles and awards conferred. The law engine reads these (records.facts)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit
from tdkt.people.models import Person


class Rating(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent (HTXSNV)")
    GOOD = "good", _("Good (HTTNV)")
    COMPLETED = "completed", _("Completed (HTNV)")
    FAILED = "failed", _("Failed (KHTNV)")
    UNRATED = "unrated", _("Not rated")


class AnnualRating(models.Model):
    """Xếp loại chất lượng of a person for a year, with who rated and when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("rated at"), on_delete=models.PROTECT, related_name="+")
    rated_by = models.CharField(_("rated by"), max_length=120, blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="rating_once_a_year")]
        indexes = [models.Index(fields=["year", "unit"])]

    def __str__(self) -> str:
        return f"{self.person} {self.year}: {self.rating}"


class CollectiveRating(models.Model):
    """Xếp loại of a collective (a unit or a department) for a year; its member figures are computed."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices)
    rated_by = models.CharField(_("rated by"), max_length=120, blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="collective_rating_once_a_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.rating}"


class Scope(models.TextChoices):
    UNIT = "unit", _("Unit level")
    PROVINCIAL = "provincial", _("Ministry or provincial level")
    NATIONAL = "national", _("National level")


class AchievementKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    RESEARCH = "research", _("Research work")


class Achievement(models.Model):
    """A sáng kiến or a research work (đề tài, đề án) recognised at a scope; several people may share it."""

    kind = models.CharField(_("kind"), max_length=16, choices=AchievementKind.choices)
    title = models.CharField(_("title"), max_length=500)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    year = models.PositiveSmallIntegerField(_("year recognised"))
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    authors = models.ManyToManyField(Person, related_name="achievements", verbose_name=_("authors"))

    class Meta:
        indexes = [models.Index(fields=["year", "unit"])]

    def __str__(self) -> str:
        return self.title


class DisciplineLevel(models.TextChoices):
    REPRIMAND = "reprimand", _("Reprimand")
    WARNING = "warning", _("Warning")
    SALARY_DOWNGRADE = "salary_downgrade", _("Salary downgrade")
    DEMOTION = "demotion", _("Demotion")
    REMOVAL_FROM_OFFICE = "removal_from_office", _("Removal from office")
    DISMISSAL = "dismissal", _("Dismissal")


WARNING_OR_ABOVE = [c.value for c in DisciplineLevel][1:]


class Discipline(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disciplines")
    level = models.CharField(_("level"), max_length=24, choices=DisciplineLevel.choices)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="discipline_valid_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.level} {self.start:%d/%m/%Y}"


class LeaveKind(models.TextChoices):
    MATERNITY = "maternity", _("Maternity leave")
    STUDY = "study", _("Study leave")
    SICK = "sick", _("Sick leave")
    OTHER = "other", _("Other leave")


class Leave(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="leaves")
    kind = models.CharField(_("kind"), max_length=16, choices=LeaveKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="leave_valid_period")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.kind} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class Review(models.Model):
    """A disciplinary review, investigation or unresolved complaint: no award while it runs (Law Điều 5)."""

    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews")
    reason = models.CharField(_("reason"), max_length=500)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="review_has_one_subject",
            )
        ]

    def __str__(self) -> str:
        return self.reason


class Category(models.TextChoices):
    MERIT = "merit", _("For merit and achievements")
    THEMATIC = "thematic", _("By movement or theme")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")
    LONG_SERVICE = "long_service", _("Long service")
    SENIORITY = "seniority", _("Seniority")
    FOREIGN = "foreign", _("Foreign relations")


class AwardSource(models.TextChoices):
    IMPORTED = "imported", _("Past decision (imported)")
    DECISION = "decision", _("tdkt decision")


class CurrentAwardManager(models.Manager):
    """Awards in force: an award revoked by a later decision (Luật Thi đua, khen thưởng, Điều 93) no longer
    counts anywhere — eligibility, evidence, guards, pages. `ConferredAward.all_objects` sees it."""

    def get_queryset(self):
        return super().get_queryset().filter(revoked_on__isnull=True)


class ConferredAward(models.Model):
    """A title or form conferred on a person or a collective for an achievement year, by a decision.
    A revoked award is kept with the decision that revoked it, and hidden from `objects`."""

    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="awards")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="awards")
    year = models.PositiveSmallIntegerField(_("achievement year"))
    candidate = models.CharField(_("title or form"), max_length=48)  # a glossary identifier (tdkt.law)
    category = models.CharField(
        _("category"), max_length=16, choices=Category.choices, default=Category.MERIT
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    source = models.CharField(max_length=16, choices=AwardSource.choices, default=AwardSource.IMPORTED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revoked_by = models.CharField(_("revoked by the decision"), max_length=255, blank=True)

    all_objects = models.Manager()
    objects = CurrentAwardManager()

    class Meta:
        default_manager_name = "objects"
        base_manager_name = "all_objects"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="award_has_one_subject",
            ),
        ]
        indexes = [models.Index(fields=["year", "candidate"])]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.candidate}"
