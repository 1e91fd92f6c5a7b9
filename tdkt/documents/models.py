"""The register of documents issued (sổ đăng ký văn bản đi): one gap-free number series per issuer, series,
year and kind of document.

Nghị định 30/2020, Điều 15 k1: a document's number is its running order among those the body issues in the
year, from 01 on 1 January; number and symbol are unique within the year. A council that issues in its
own name keeps its own series (Phụ lục I, II.3.a): `series` names it ("HĐTĐKT"); empty is the unit's own.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.documents.model import KINDS
from tdkt.org.models import Unit

# Labels of the kinds in the interface (the printed names are the decree's, in `model.KINDS`).
KIND_LABELS = {
    "decision": _("Decision"),
    "plan": _("Plan"),
    "report": _("Report"),
    "submission_letter": _("Submission letter"),
    "minutes": _("Minutes"),
    "notice": _("Notice"),
    "guidance": _("Guidance"),
}
KIND_CHOICES = [(k.code, KIND_LABELS[k.code]) for k in KINDS.values() if k.numbered]


class RegisterCounter(models.Model):
    """The last number given in one series: locked row by row, so two allocations never share a number."""

    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    series = models.CharField(max_length=20, blank=True)
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=32, choices=KIND_CHOICES)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "year", "kind"], name="register_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.series or '-'}/{self.year}/{self.kind}: {self.last_number}"


class RegisterEntry(models.Model):
    """One number given: what it was given to, by whom and when. Never edited or deleted."""

    issuer = models.ForeignKey(
        Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    series = models.CharField(_("series"), max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind of document"), max_length=32, choices=KIND_CHOICES)
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("number and symbol"), max_length=60)  # "15/QĐ-SYT"
    subject = models.CharField(_("subject"), max_length=500)  # trích yếu
    allocated_at = models.DateTimeField(_("allocated at"), auto_now_add=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("allocated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["issuer", "series", "year", "kind", "number"]
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "year", "kind", "number"], name="register_entry_unique_number"
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="register_entry_number_positive"),
        ]
        indexes = [models.Index(fields=["issuer", "year", "allocated_at"], name="register_entry_by_year")]

    def __str__(self) -> str:
        return f"{self.symbol} {self.subject}"
