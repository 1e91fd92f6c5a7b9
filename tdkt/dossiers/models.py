"""The dossier of a nomination round (hồ sơ đề nghị khen thưởng): the round's submission letter (tờ trình),
numbered from the unit's register when issued, and the packages received from a lower level.

The achievement reports (báo cáo thành tích) are generated from the frozen evidence on demand and stored
nowhere: the snapshot they are built from never changes, so neither do they."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.nominations.models import Nomination, Round


class SubmissionLetter(models.Model):
    """The round's Tờ trình: who it goes to, where and by whom it is signed. A draft has no number; issuing
    takes the next number of the unit's register and fixes the date."""

    round = models.OneToOneField(Round, on_delete=models.PROTECT, related_name="submission_letter")
    to = models.TextField(_("to (one recipient a line)"))
    place = models.CharField(_("place name"), max_length=80)
    signer_authority = models.CharField(_("signing on behalf"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=120)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(max_length=40, blank=True)  # "TTr-BVĐK", fixed on issue
    issued_on = models.DateField(_("date"), null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the nominations the issued letter lists (fixed on issue)
    nominations = models.ManyToManyField(Nomination, blank=True, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(issued_on__isnull=False),
                name="submission_letter_numbered_is_dated",
            )
        ]

    def __str__(self) -> str:
        return f"Tờ trình {self.reference}"

    @property
    def is_issued(self) -> bool:
        return self.number is not None

    @property
    def reference(self) -> str:
        """ "05/TTr-BVĐK" ("…/TTr-BVĐK" while a draft)."""
        number = f"{self.number:02d}" if self.number is not None else "…"
        symbol = self.symbol or f"TTr-{self.round.unit.document_abbreviation}"
        return f"{number}/{symbol}"

    @property
    def to_lines(self) -> list[str]:
        return [line.strip() for line in self.to.splitlines() if line.strip()]


class ReceivedPackage(models.Model):
    """A dossier package forwarded by a lower level and imported here: it created `round` and its
    nominations. The package's own id (and its content hash) refuse a second import."""

    package_uid = models.UUIDField(unique=True)
    sha256 = models.CharField(max_length=64, unique=True)
    source_unit_code = models.CharField(max_length=40)
    source_unit_name = models.CharField(_("from"), max_length=255)
    source_round_name = models.CharField(max_length=255)
    letter_reference = models.CharField(max_length=60, blank=True)
    round = models.OneToOneField(Round, on_delete=models.PROTECT, related_name="received_package")
    file = models.FileField(max_length=255, upload_to="dossiers/packages/%Y/%m/")
    manifest = models.JSONField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_unit_name}: {self.source_round_name}"


class ReceivedNomination(models.Model):
    """A nomination created by an import, with the id it has at the level that sent it."""

    package = models.ForeignKey(ReceivedPackage, on_delete=models.CASCADE, related_name="items")
    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT, related_name="received_from")
    source_uid = models.UUIDField()
    source_status = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["package", "source_uid"], name="received_nomination_once")
        ]

    def __str__(self) -> str:
        return f"{self.package_id} {self.source_uid}"
