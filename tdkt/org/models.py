"""Units (a tree that changes over time) and emulation blocs."""

import datetime as dt
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Words that start the place part of a unit name ("… tỉnh Bình An", "… khu vực Tân Phong"): the
# document abbreviation is made of the words before it, as in "SYT", "BVĐK", "TTYT".
_PLACE_WORDS = (
    "tỉnh",
    "thành phố",
    "khu vực",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "đặc khu",
)
_WORD = re.compile(r"[^\W_]+")


def _initial(word: str) -> str:
    """A word's initial without tone or vowel marks but keeping Đ, as written in document symbols."""
    if word.isdigit():
        return word
    first = word[0].upper()
    if first == "Đ":
        return first
    return unicodedata.normalize("NFD", first)[0]


def default_document_abbreviation(name: str, fallback: str = "") -> str:
    """The initials of a unit's name up to its place part: "Sở Y tế tỉnh Bình An" → "SYT".

    A proposal only: the head of the body fixes its abbreviation (Nghị định 30/2020, Phụ lục I,
    II.3.b), so the unit form lets the Sở officer correct it.
    """
    lowered = f" {name.lower()} "
    cut = min((i for w in _PLACE_WORDS if (i := lowered.find(f" {w} ")) > 0), default=len(lowered))
    initials = "".join(_initial(w) for w in _WORD.findall(name[: max(cut - 1, 0)]))
    if not initials:
        initials = "".join(ch for ch in fallback.upper() if ch.isalnum() or ch == "-").strip("-")
    return initials[:20]


def validate_document_abbreviation(value: str) -> None:
    """Capitals and digits, groups joined by single hyphens ("SYT", "HĐTĐKT", "BVĐK-KHTH")."""
    groups = value.split("-")
    if not value or value != value.upper() or not all(g and g.isalnum() for g in groups):
        raise ValidationError(
            _("Use capital letters and digits only, groups joined by a hyphen (e.g. SYT, BVĐK, TTYT)."),
            code="invalid_abbreviation",
        )


class UnitKind(models.TextChoices):
    DEPARTMENT_OF_HEALTH = "department_of_health", _("Department of Health")
    HOSPITAL = "hospital", _("Hospital")
    HEALTH_CENTRE = "health_centre", _("Health centre")
    CDC = "cdc", _("Centre for Disease Control")
    OTHER_CENTRE = "other_centre", _("Other centre")
    WARD = "ward", _("Clinical department")
    OFFICE = "office", _("Office")
    COMMUNE_STATION = "commune_station", _("Commune health station")

    @classmethod
    def institution_kinds(cls) -> set[str]:
        """Kinds that employ people directly (the rest are departments inside them)."""
        return {cls.DEPARTMENT_OF_HEALTH, cls.HOSPITAL, cls.HEALTH_CENTRE, cls.CDC, cls.OTHER_CENTRE}


class Unit(models.Model):
    """An organisational unit valid over [valid_from, valid_to].

    A merger, split or renaming closes the old unit and opens new ones, linked by
    `UnitSuccession`, so a record dated before the change still names the old unit.
    `path` is the chain of ids from the root ("/1/5/12/") for subtree queries.
    """

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    document_abbreviation = models.CharField(
        _("document abbreviation"),
        max_length=20,
        validators=[validate_document_abbreviation],
        help_text=_("Used in the symbol of the documents the unit issues, e.g. 15/QĐ-SYT."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("valid from"), default=dt.date(2000, 1, 1))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_remote_area = models.BooleanField(_("remote or disadvantaged area"), default=False)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def is_institution(self) -> bool:
        return self.kind in UnitKind.institution_kinds()


class SuccessionKind(models.TextChoices):
    MERGER = "merger", _("merged into")
    SPLIT = "split", _("split into")
    RENAMING = "renaming", _("renamed to")
    TRANSFER = "transfer", _("transferred to")


class UnitSuccession(models.Model):
    """`predecessor` ended and `successor` took over its work from `effective_on`."""

    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successions_out")
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successions_in")
    kind = models.CharField(_("kind"), max_length=16, choices=SuccessionKind.choices)
    effective_on = models.DateField(_("effective on"))
    basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_succession_unique"),
            models.CheckConstraint(
                condition=~models.Q(predecessor=models.F("successor")), name="unit_succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_on:%d/%m/%Y})"


class Bloc(models.Model):
    """Khối / cụm thi đua: units that emulate and score each other in a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=255)
    owner = models.ForeignKey(
        Unit, verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="owned_blocs"
    )
    members = models.ManyToManyField(Unit, through="BlocMembership", related_name="blocs")

    class Meta:
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["owner", "year", "name"], name="bloc_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class BlocMembership(models.Model):
    bloc = models.ForeignKey(Bloc, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="bloc_memberships")
    is_leader = models.BooleanField(_("bloc leader"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bloc", "unit"], name="bloc_membership_unique")]

    def __str__(self) -> str:
        return f"{self.unit} ∈ {self.bloc}"
