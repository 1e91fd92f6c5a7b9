"""Stored verdicts of the unit eligibility list: the law engine is run by a background recompute, not on
every page view. One row per subject × year × candidate; the full explanation stays with the engine."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit
from tdkt.people.models import Person


class Verdict(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    UNKNOWN = "unknown", _("Insufficient data")


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    PERSON = "person", _("Person")


# The columns a subject's rows share (who, where they belonged, what the list filters on, the year).
SUBJECT_COLUMNS = (
    "kind",
    "person_id",
    "unit_id",
    "home_id",
    "home_path",
    "subject_code",
    "name",
    "sort_key",
    "gender",
    "is_manager",
    "year",
)


class EligibilityResult(models.Model):
    """The verdict for one person or collective, one candidate and one achievement year.

    `home` is where the subject belonged that year (a person's last post of the year, department first;
    a collective is its own home): the unit list selects rows by `home_path`. Name, gender and manager
    flag are copied at computation time so the list and its filters need no join."""

    kind = models.CharField(max_length=16, choices=SubjectKind.choices)
    # No index of their own: the unique constraints below lead with person and unit, and `home` is only
    # joined from a row (fewer indexes to maintain: a recompute writes a province's rows at once).
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    home = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", db_index=False)
    home_path = models.CharField(max_length=255)  # indexed after the year: see Meta
    subject_code = models.CharField(max_length=40)  # CCCD or unit code
    name = models.CharField(max_length=255)
    sort_key = models.CharField(max_length=255)
    gender = models.CharField(max_length=8, blank=True)
    is_manager = models.BooleanField(null=True)
    year = models.PositiveSmallIntegerField(_("year"))
    candidate = models.CharField(max_length=48)
    candidate_rank = models.PositiveSmallIntegerField(default=0)
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    rule = models.CharField(max_length=100, blank=True)
    verified = models.BooleanField(default=True)
    first_condition = models.CharField(max_length=64, blank=True)
    first_reason = models.TextField(blank=True)
    first_cite = models.CharField(max_length=255, blank=True)
    # The fingerprint of all the subject's rows of the year as a recompute wrote them (the same on each of
    # them); a recompute leaves a subject whose rows all carry the digest it computes. Empty when the
    # rows were written another way (a refresh after a change by hand): the next recompute rewrites them.
    digest = models.CharField(max_length=32, blank=True, default="")
    as_of = models.DateField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="eligibility_result_has_one_subject",
            ),
            models.UniqueConstraint(
                fields=["person", "year", "candidate"],
                condition=models.Q(person__isnull=False),
                name="eligibility_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "year", "candidate"],
                condition=models.Q(unit__isnull=False),
                name="eligibility_once_per_collective",
            ),
        ]
        indexes = [
            models.Index(fields=["year", "verdict", "candidate"], name="eligibility_year_verdict"),
            # A unit's rows of a year (a prefix of home_path: the pattern operator class on PostgreSQL),
            # covering what the list's count and its "computed at" marker read: no visit to the table.
            models.Index(
                fields=["year", "home_path"],
                opclasses=["int2_ops", "varchar_pattern_ops"],
                include=["computed_at", "as_of"],
                name="eligibility_year_home",
            ),
            # The list's order: a page is read in order instead of sorting all the unit's rows first.
            models.Index(
                fields=["year", "kind", "sort_key", "subject_code", "candidate_rank"],
                name="eligibility_list_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.year} {self.candidate}: {self.verdict}"


class EligibilityRun(models.Model):
    """One full recompute of a unit's subtree for a year: when the whole list was last judged, on what
    date, and how much of it changed (a recompute rewrites only the rows whose verdict or details moved,
    so a row's own `computed_at` is when its verdict was last written)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    as_of = models.DateField()
    computed_at = models.DateTimeField()
    subjects = models.PositiveIntegerField()
    results = models.PositiveIntegerField()
    written = models.PositiveIntegerField()  # rows inserted (new or changed)
    removed = models.PositiveIntegerField()  # rows deleted (changed or no longer reviewed here)

    class Meta:
        indexes = [models.Index(fields=["year", "unit", "-computed_at"], name="eligibility_run_latest")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year} @ {self.computed_at:%Y-%m-%d %H:%M}"
