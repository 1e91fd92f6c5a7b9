"""Nomination rounds, nominations (đề nghị khen thưởng), their workflow history, frozen evidence, guard
acknowledgements, local quotas, and the disclosure of the list with its objections.

A nomination will later gather attachments and generated documents (tờ trình, báo cáo thành tích) and
travel to the higher level in a package: everything that identifies it (round, nominee, candidate, category,
the evidence snapshots) is plain data that such a package can carry and the higher level's tdkt can import."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import Achievement, Category, ConferredAward


class RoundCategory(models.TextChoices):
    """What a round is opened for: the year's merit review, or a movement/theme, or an extraordinary event."""

    MERIT = "merit", _("Year-end review (merit)")
    THEMATIC = "thematic", _("Movement or theme")
    EXTRAORDINARY = "extraordinary", _("Extraordinary achievement")


# The award categories a round of each kind may hold (foreign relations fit every round).
ROUND_NOMINATION_CATEGORIES = {
    RoundCategory.MERIT: (Category.MERIT, Category.LONG_SERVICE, Category.SENIORITY, Category.FOREIGN),
    RoundCategory.THEMATIC: (Category.THEMATIC, Category.FOREIGN),
    RoundCategory.EXTRAORDINARY: (Category.EXTRAORDINARY, Category.FOREIGN),
}


class Round(models.Model):
    """A unit's call for nominations (đợt xét, đề nghị khen thưởng) for an achievement year."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("achievement year"))
    category = models.CharField(_("kind of round"), max_length=16, choices=RoundCategory.choices)
    name = models.CharField(_("name"), max_length=255)
    occasion = models.CharField(_("movement or occasion"), max_length=255, blank=True)
    deadline = models.DateField(_("deadline for nominations"))
    disclosure_days = models.PositiveSmallIntegerField(_("disclosure period (days)"), default=7)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-deadline", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(disclosure_days__gte=1, disclosure_days__lte=60),
                name="round_disclosure_days_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.category in (RoundCategory.THEMATIC, RoundCategory.EXTRAORDINARY)
            and not self.occasion.strip()
        ):
            raise ValidationError({"occasion": _("Name the movement or the occasion of this round.")})

    @property
    def nomination_categories(self) -> tuple[str, ...]:
        return tuple(str(c) for c in ROUND_NOMINATION_CATEGORIES[RoundCategory(self.category)])


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    VERIFIED = "verified", _("Verified by the Department")
    TO_COUNCIL = "to_council", _("Before the council")
    APPROVED = "approved", _("Approved by the council")
    NOT_APPROVED = "not_approved", _("Not approved by the council")
    DECIDED = "decided", _("Decided")
    FORWARDED = "forwarded", _("Forwarded to the higher level")
    OUTCOME_RECORDED = "outcome_recorded", _("Outcome recorded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A nomination in these states no longer proposes anyone: it counts for no guard or quota.
INACTIVE_STATUSES = (NominationStatus.WITHDRAWN, NominationStatus.NOT_APPROVED)


class NomineeKind(models.TextChoices):
    PERSON = "person", _("Person")
    COLLECTIVE = "collective", _("Collective")


class Outcome(models.TextChoices):
    CONFERRED = "conferred", _("Conferred")
    NOT_CONFERRED = "not_conferred", _("Not conferred")


class Nomination(models.Model):
    """One nominee (a person, a collective, or a foreign person or organisation without CCCD) proposed for one
    title or form in a round. `name` and `home` are copied at creation so lists need no join and the nominee
    stays named as proposed."""

    # Stable across installations: a forwarded package names the nomination by it, so the higher level's
    # import can recognise a nomination it already holds.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="nominations")
    kind = models.CharField(_("nominee"), max_length=16, choices=NomineeKind.choices)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    # Foreigners (category foreign) have no CCCD and no record in tdkt.
    foreign_nationality = models.CharField(_("nationality"), max_length=80, blank=True)
    foreign_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    name = models.CharField(_("name"), max_length=255)
    home = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    candidate = models.CharField(_("title or form"), max_length=48)  # a glossary identifier (tdkt.law)
    category = models.CharField(_("award category"), max_length=16, choices=Category.choices)
    achievement_summary = models.TextField(_("achievements"), blank=True)
    achievements = models.ManyToManyField(
        Achievement, blank=True, related_name="+", verbose_name=_("initiatives and research")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    status_changed_at = models.DateTimeField()
    # Proposed although the engine did not find the nominee eligible: flagged on every page and step.
    is_exception = models.BooleanField(_("exception"), default=False)
    exception_reason = models.TextField(_("reason for the exception"), blank=True)
    verdict_at_creation = models.CharField(max_length=16, blank=True)  # eligible / not_eligible / unknown
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    award = models.ForeignKey(
        ConferredAward, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round_id", "kind", "name", "id"]
        indexes = [models.Index(fields=["round", "status"]), models.Index(fields=["candidate", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True, foreign_nationality="")
                | models.Q(person__isnull=True, unit__isnull=False, foreign_nationality="")
                | models.Q(person__isnull=True, unit__isnull=True, category="foreign")
                & ~models.Q(foreign_nationality=""),
                name="nomination_has_one_nominee",
            ),
            models.CheckConstraint(
                condition=models.Q(is_exception=False) | ~models.Q(exception_reason=""),
                name="nomination_exception_has_reason",
            ),
            models.UniqueConstraint(
                fields=["round", "person", "candidate"],
                condition=models.Q(person__isnull=False) & ~models.Q(status="withdrawn"),
                name="nomination_once_per_person_in_round",
            ),
            models.UniqueConstraint(
                fields=["round", "unit", "candidate"],
                condition=models.Q(unit__isnull=False) & ~models.Q(status="withdrawn"),
                name="nomination_once_per_collective_in_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.candidate}"

    @property
    def is_foreign(self) -> bool:
        return self.person_id is None and self.unit_id is None

    @property
    def is_active(self) -> bool:
        return self.status not in INACTIVE_STATUSES


class NominationEvent(models.Model):
    """One step of the workflow (or the creation): who, when, from which state to which, and why. The dates
    of the steps (timeliness, dwell time) are read from here; the audit log keeps the same facts."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(max_length=24)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(db_index=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["nomination", "at"])]

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.step} {self.at:%d/%m/%Y}"


class ImmutableError(Exception):
    """Frozen evidence is never changed or removed."""


class EvidenceQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("evidence snapshots are immutable")

    def delete(self):
        raise ImmutableError("evidence snapshots are immutable")


class EvidenceSnapshot(models.Model):
    """The evidence as it stood when the nomination was submitted (or resubmitted): the nominee's record as
    readable items, the facts given to the law engine, its full answer for the candidate (rule version,
    verdict, conditions, citations) and the guards with their acknowledgements. Written once; a database
    trigger refuses any UPDATE, and the model refuses saving twice or deleting."""

    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="snapshots")
    step = models.CharField(max_length=24)
    taken_at = models.DateTimeField()
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    as_of = models.DateField()
    record = models.JSONField(default=list)  # [{"key", "year", "section", "text"}]
    case = models.JSONField(null=True, blank=True)  # the engine's input (None for foreign nominees)
    answer = models.JSONField(null=True, blank=True)  # the engine's result for the candidate
    guards = models.JSONField(default=list)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["taken_at", "id"]

    def __str__(self) -> str:
        return f"{self.nomination_id} @ {self.taken_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ImmutableError("evidence snapshots are immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("evidence snapshots are immutable")


class GuardAcknowledgement(models.Model):
    """An officer read an advisory guard and gives the reason to go on. Valid for the guard's exact text: when
    the situation changes (another duplicate appears) the guard asks again."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="acknowledgements")
    code = models.CharField(max_length=48)
    text = models.TextField()
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.code}"


class QuotaBase(models.TextChoices):
    ADVANCED_WORKERS = "advanced_worker", _("people with Lao động tiên tiến in the year")
    STAFF = "staff", _("staff of the unit in the year")


class Quota(models.Model):
    """A cap set by the province (on the Sở) or by a unit on its own rounds: in a round of `unit` or below,
    nominations for `candidate` ≤ `share` × the base. Dated, with the document that sets it."""

    unit = models.ForeignKey(Unit, verbose_name=_("set by"), on_delete=models.PROTECT, related_name="+")
    candidate = models.CharField(_("title or form"), max_length=48)
    share = models.DecimalField(_("at most (share)"), max_digits=5, decimal_places=4)
    base = models.CharField(_("of"), max_length=24, choices=QuotaBase.choices)
    cite = models.CharField(_("set by the document"), max_length=255)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit_id", "candidate", "-valid_from"]
        constraints = [
            models.CheckConstraint(condition=models.Q(share__gt=0, share__lte=1), name="quota_share_range"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="quota_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.candidate} ≤ {self.share}"


class Disclosure(models.Model):
    """The round's list published for comment (công khai, lấy ý kiến) from `starts_on` to `ends_on` inclusive:
    inside the unit, or also on the public portal for state-level awards."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="disclosures")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    is_public = models.BooleanField(_("also on the public portal"), default=False)
    nominations = models.ManyToManyField(Nomination, related_name="disclosures")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="disclosure_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"

    def is_open_on(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class Objection(models.Model):
    """An objection (ý kiến) to a disclosed nomination and its recorded answer. An anonymous objection keeps
    no trace of its author: no user, no name, and only the day it was filed."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="objections")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="objections")
    text = models.TextField(_("objection"))
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=150, blank=True)
    filed_on = models.DateField()
    answer = models.TextField(_("answer"), blank=True)
    upheld = models.BooleanField(_("the objection is founded"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by_name = models.CharField(max_length=150, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["filed_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_anonymous=False) | models.Q(author__isnull=True, author_name=""),
                name="objection_anonymous_has_no_author",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id} {self.filed_on:%d/%m/%Y}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)
