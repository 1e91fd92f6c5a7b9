"""Users, their roles over unit subtrees, the audit log and failed logins."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A tdkt account; `person` links a staff member to their own record."""

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("staff record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle name (last_name) before the given name (first_name)."""
        return " ".join(p for p in (self.last_name, self.first_name) if p).strip()


class Role(models.TextChoices):
    SO_OFFICER = "so_officer", _("Department of Health officer")
    UNIT_OFFICER = "unit_officer", _("Unit emulation officer")
    UNIT_HEAD = "unit_head", _("Unit head")
    COUNCIL_MEMBER = "council_member", _("Council member")
    COUNCIL_SECRETARY = "council_secretary", _("Council secretary")
    STAFF = "staff", _("Staff member")


class RoleAssignment(models.Model):
    """`user` holds `role` over `unit` and everything below it (and what it succeeded)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="role_assignments"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="role_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")


class AuditEntry(models.Model):
    """Who changed what, when, from what to what. Written by services, never edited."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept if the account is removed
    action = models.CharField(max_length=8, choices=AuditAction.choices)
    object_type = models.CharField(max_length=64)  # "people.person"
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    changes = models.JSONField(default=dict)  # {field: [before, after]}
    reason = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class LoginFailure(models.Model):
    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.at:%d/%m/%Y %H:%M}"
