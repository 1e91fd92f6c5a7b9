"""Inspections (kiểm tra) of a movement: a unit inspected on a date by a team, its findings, and the
follow-up actions each with an owner, a due date and a status, until the inspection is closed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit


class InspectionKind(models.TextChoices):
    PLANNED = "planned", _("Planned")
    SURPRISE = "surprise", _("Surprise")


class InspectionState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Inspection(models.Model):
    """A planned or surprise inspection (kiểm tra thường xuyên / đột xuất) of `unit` within a movement."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.PROTECT, related_name="inspections", verbose_name=_("movement")
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspected unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=InspectionKind.choices)
    inspected_on = models.DateField(_("date of the inspection"))
    team = models.TextField(_("inspection team"), help_text=_("one member per line: name, position"))
    findings = models.TextField(_("findings"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=InspectionState.choices, default=InspectionState.OPEN
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
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
        ordering = ["-inspected_on", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [models.Index(fields=["movement", "inspected_on"]), models.Index(fields=["unit", "state"])]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} {self.unit.name if self.unit_id else ''} {self.inspected_on:%d/%m/%Y}"
        )

    @property
    def is_open(self) -> bool:
        return self.state == InspectionState.OPEN

    def get_kind_display(self) -> str:
        return str(InspectionKind(self.kind).label)

    def get_state_display(self) -> str:
        return str(InspectionState(self.state).label)


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class FollowUpAction(models.Model):
    """What the inspected unit must put right after an inspection: who, by when, and whether it is done."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("what must be done"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="follow_up_actions",
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_note = models.CharField(_("how it was done"), max_length=500, blank=True)
    done_at = models.DateTimeField(null=True, blank=True, editable=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["inspection_id", "order", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_done(self) -> bool:
        return self.status == ActionStatus.DONE

    def get_status_display(self) -> str:
        return str(ActionStatus(self.status).label)
