"""Registrations (đăng ký thi đua), pledge rounds, pledges (ký cam kết) and covenants (giao ước thi đua).

A `Registration` says that a person or a collective aims for a title (or form) under a movement.

A `PledgeRound` is what an officer prepares for a movement: the text of each level's pledge and the
pledges themselves, derived from the organisation tree and the employments (`services.round_sync`).
Each `Pledge` has its parties (`PledgeParty`); every party signs as themselves, once. The text a
party accepts is frozen on the pledge at its first signature, with its hash, so a later edit of the
round's text never changes what was signed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.movements.models import Movement
from tdkt.org.models import Bloc, Unit
from tdkt.people.models import Person

TITLE_CHOICES = [(c, LABELS_VI[c]) for c in CANDIDATES]


class Registration(models.Model):
    """A person (`person`) or a collective (`unit`) registers for `title` under `movement`.

    `home` is where the subject belongs when registering: the person's department (or institution),
    or the collective itself; scope and the list's filters read it.
    """

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.PROTECT, related_name="registrations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("collective"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    home = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title or form"), max_length=64, choices=TITLE_CHOICES)
    note = models.CharField(_("note"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered on"))

    class Meta:
        ordering = ["movement_id", "home_id", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(person__isnull=False) & models.Q(unit__isnull=True))
                | (models.Q(person__isnull=True) & models.Q(unit__isnull=False)),
                name="registration_one_subject",
                violation_error_message=_("A registration is for a person or for a collective."),
            ),
            models.UniqueConstraint(
                fields=["movement", "person", "title"],
                condition=models.Q(person__isnull=False),
                name="registration_person_once",
                violation_error_message=_("This person has already registered for this title."),
            ),
            models.UniqueConstraint(
                fields=["movement", "unit", "title"],
                condition=models.Q(unit__isnull=False),
                name="registration_collective_once",
                violation_error_message=_("This collective has already registered for this title."),
            ),
        ]
        indexes = [models.Index(fields=["movement", "title"]), models.Index(fields=["home", "movement"])]

    def __str__(self) -> str:
        subject = self.person if self.person_id else self.unit
        return f"{subject} · {self.title_label}"

    @property
    def is_collective(self) -> bool:
        return self.unit_id is not None

    @property
    def title_label(self) -> str:
        return LABELS_VI.get(self.title, self.title)


class PledgeLevel(models.TextChoices):
    STAFF = "staff", _("Staff member with the department head")
    DEPARTMENT = "department", _("Department head with the director and the union chair")
    COVENANT = "covenant", _("Covenant between the units of a bloc")


UNIT_LEVELS = (PledgeLevel.STAFF, PledgeLevel.DEPARTMENT)


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for signing")
    CLOSED = "closed", _("Closed")


class PledgeRound(models.Model):
    """An đợt ký cam kết of a movement, organised by `unit`.

    Without `bloc`: the pledges inside one institution (staff ↔ department head, department head ↔
    director and union chair). With `bloc`: the covenant its member units sign; `unit` is then the
    bloc's organising unit. Draft → open (parties sign) → closed.
    """

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.PROTECT, related_name="pledge_rounds"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="pledge_rounds"
    )
    bloc = models.ForeignKey(
        Bloc,
        verbose_name=_("bloc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledge_rounds",
    )
    name = models.CharField(_("name"), max_length=255)
    union_chair = models.ForeignKey(
        Person,
        verbose_name=_("union chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=RoundState.choices, default=RoundState.DRAFT, editable=False
    )
    # What the last sync could not derive (a department without a head, a unit without a director).
    problems = models.JSONField(default=list, blank=True, editable=False)
    synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["movement_id", "id"]
        verbose_name = _("pledge round")
        verbose_name_plural = _("pledge rounds")

    def __str__(self) -> str:
        return self.name

    @property
    def is_covenant(self) -> bool:
        return self.bloc_id is not None

    @property
    def is_draft(self) -> bool:
        return self.state == RoundState.DRAFT

    @property
    def is_open(self) -> bool:
        return self.state == RoundState.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == RoundState.CLOSED

    def get_state_display(self) -> str:
        return str(RoundState(self.state).label)


class PledgeText(models.Model):
    """The text of one level's pledge in a round; what parties sign until it is frozen on a pledge."""

    round = models.ForeignKey(PledgeRound, on_delete=models.CASCADE, related_name="texts")
    level = models.CharField(_("level"), max_length=16, choices=PledgeLevel.choices)
    heading = models.CharField(_("heading"), max_length=255)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["round_id", "id"]
        verbose_name = _("pledge text")
        verbose_name_plural = _("pledge texts")
        constraints = [models.UniqueConstraint(fields=["round", "level"], name="pledge_text_one_per_level")]

    def __str__(self) -> str:
        return self.heading

    def get_level_display(self) -> str:
        return str(PledgeLevel(self.level).label)


class Pledge(models.Model):
    """One bản cam kết (or the covenant) of a round, between its parties.

    `unit` is the department the pledge belongs to (the round's unit for a covenant); `pledger` the
    person who pledges (none for a covenant). `frozen_text` and `text_hash` are set by the first
    signature and never change after.
    """

    round = models.ForeignKey(PledgeRound, on_delete=models.CASCADE, related_name="pledges")
    level = models.CharField(_("level"), max_length=16, choices=PledgeLevel.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+")
    pledger = models.ForeignKey(
        Person,
        verbose_name=_("pledger"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    frozen_text = models.TextField(_("text signed"), blank=True, editable=False)
    text_hash = models.CharField(_("SHA-256 of the text signed"), max_length=64, blank=True, editable=False)
    frozen_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round_id", "unit_id", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "level", "pledger"],
                condition=models.Q(pledger__isnull=False),
                name="pledge_once_per_pledger",
            ),
            models.UniqueConstraint(
                fields=["round", "level"],
                condition=models.Q(level="covenant"),
                name="pledge_one_covenant_per_round",
            ),
        ]
        indexes = [models.Index(fields=["round", "unit"])]

    def __str__(self) -> str:
        who = self.pledger.full_name if self.pledger_id else str(self.round)
        return f"{PledgeLevel(self.level).label}: {who}"

    @property
    def is_frozen(self) -> bool:
        return bool(self.text_hash)

    def get_level_display(self) -> str:
        return str(PledgeLevel(self.level).label)


class PartyRole(models.TextChoices):
    PLEDGER = "pledger", _("Pledger")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    DIRECTOR = "director", _("Director")
    UNION_CHAIR = "union_chair", _("Union chair")
    MEMBER_UNIT = "member_unit", _("Member unit")


class PledgeParty(models.Model):
    """A party to a pledge: `person` signs, for themselves or on behalf of `unit` (a covenant member).

    A signature (`signed_at`, `signed_by`, `signed_hash`) is written once; `signed_hash` is the hash of
    the pledge's frozen text the party accepted.
    """

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=16, choices=PartyRole.choices)
    order = models.PositiveSmallIntegerField(default=0)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="pledge_parties"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed on"), null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    signed_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["pledge_id", "order", "id"]
        verbose_name = _("pledge party")
        verbose_name_plural = _("pledge parties")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "person"], name="pledge_party_once"),
            models.CheckConstraint(
                condition=(models.Q(signed_at__isnull=True) & models.Q(signed_hash=""))
                | (models.Q(signed_at__isnull=False) & ~models.Q(signed_hash="")),
                name="pledge_party_signature_whole",
            ),
        ]
        indexes = [models.Index(fields=["person", "signed_at"])]

    def __str__(self) -> str:
        return f"{PartyRole(self.role).label}: {self.person}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    def get_role_display(self) -> str:
        return str(PartyRole(self.role).label)
