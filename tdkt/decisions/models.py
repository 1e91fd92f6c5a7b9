"""Decisions (Quyết định khen thưởng): numbered in the issuer's register, signed by the head, listing the
awardees with their bonus. Once issued a decision and its lines never change — the services refuse, and a
database trigger refuses any UPDATE or DELETE (migration 0002). A correction or a revocation is a new
decision that cites a ground of Luật Thi đua, khen thưởng, Điều 93 and points at the lines it revokes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.documents.models import RegisterEntry
from tdkt.law.vocabulary import LABELS_VI, TITLES
from tdkt.nominations.models import Nomination
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.models import Category, ConferredAward


class ImmutableError(Exception):
    """An issued decision is never changed or removed."""


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Award")
    CORRECTION = "correction", _("Correction")
    REVOCATION = "revocation", _("Revocation")


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class RevocationGround(models.TextChoices):
    """Luật Thi đua, khen thưởng 2022, Điều 93 khoản 2."""

    FRAUD = "fraud", _("fraud in declaring the achievements")
    FORGED = "forged", _("false or forged dossier")
    UNLAWFUL = "unlawful", _("review or proposal contrary to the law")
    NOT_MET = "not_met", _("later found not to meet the standard during the period counted")


GROUND_CITE = "Luật Thi đua, khen thưởng năm 2022, Điều 93, khoản 2"


class Decision(models.Model):
    issuer = models.ForeignKey(
        Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=DecisionKind.choices, default=DecisionKind.AWARD
    )
    status = models.CharField(max_length=8, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    title = models.CharField(_("subject (trích yếu)"), max_length=500)
    date = models.DateField(_("date of signature"))
    place = models.CharField(_("place name"), max_length=80, help_text=_("as in the date line, e.g. Bình An"))
    award_year = models.PositiveSmallIntegerField(_("achievement year"))
    achievement = models.CharField(_("achievement"), max_length=500, blank=True)
    authority = models.CharField(_("deciding authority"), max_length=255)
    bases = models.TextField(_("legal basis"), help_text=_("One “Căn cứ …” per line."))
    proposer = models.CharField(_("proposed by"), max_length=255, blank=True)
    fund = models.CharField(_("paid from"), max_length=255, blank=True)
    signer_name = models.CharField(_("signed by"), max_length=255)
    signer_position = models.CharField(_("position of the signer"), max_length=120)
    signer_for = models.CharField(
        _("signs for (deputy)"),
        max_length=120,
        blank=True,
        help_text=_("The head's title when a deputy signs."),
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("amends the decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    ground = models.CharField(
        _("ground (Law, Article 93)"), max_length=16, choices=RevocationGround.choices, blank=True
    )
    ground_detail = models.TextField(_("findings"), blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    register_entry = models.OneToOneField(
        RegisterEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-number", "-id"]
        verbose_name = _("decision")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(number__isnull=False, register_entry__isnull=False, issued_at__isnull=False),
                name="decision_issued_is_numbered",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="award") | models.Q(amends__isnull=False) & ~models.Q(ground=""),
                name="decision_amendment_cites_ground",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol or _('Draft')} · {self.title}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == DecisionStatus.ISSUED:
                raise ImmutableError("an issued decision is immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if type(self).objects.filter(pk=self.pk, status=DecisionStatus.ISSUED).exists():
            raise ImmutableError("an issued decision is immutable")
        return super().delete(*args, **kwargs)

    @property
    def is_issued(self) -> bool:
        return self.status == DecisionStatus.ISSUED

    @property
    def basis_lines(self) -> list[str]:
        return [line.strip() for line in self.bases.splitlines() if line.strip()]


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Individual")
    COLLECTIVE = "collective", _("Collective")


class DecisionLine(models.Model):
    """One awardee of a decision — or, in a correction or revocation, one line of an earlier decision that
    it revokes (`revokes`). `code` is the certificate's public verification code."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    subject_kind = models.CharField(_("subject"), max_length=16, choices=SubjectKind.choices)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=255)
    unit_label = models.CharField(_("post and unit"), max_length=255, blank=True)
    candidate = models.CharField(_("title or form"), max_length=48)
    category = models.CharField(
        _("category"), max_length=16, choices=Category.choices, default=Category.MERIT
    )
    year = models.PositiveSmallIntegerField(_("achievement year"))
    nomination = models.ForeignKey(
        Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_lines"
    )
    award = models.OneToOneField(
        ConferredAward, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_line"
    )
    revokes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revoked_by"
    )
    amount = models.PositiveIntegerField(_("bonus"), null=True, blank=True)
    amount_note = models.CharField(_("note on the bonus"), max_length=255, blank=True)
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["decision_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "position"], name="decision_line_position"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="decision_line_has_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.candidate_label}"

    def save(self, *args, **kwargs):
        if Decision.objects.filter(pk=self.decision_id, status=DecisionStatus.ISSUED).exists():
            raise ImmutableError("the lines of an issued decision are immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Decision.objects.filter(pk=self.decision_id, status=DecisionStatus.ISSUED).exists():
            raise ImmutableError("the lines of an issued decision are immutable")
        return super().delete(*args, **kwargs)

    @property
    def candidate_label(self) -> str:
        return LABELS_VI.get(self.candidate, self.candidate)

    @property
    def is_title(self) -> bool:
        return self.candidate in TITLES

    @property
    def is_revocation(self) -> bool:
        return self.revokes_id is not None
