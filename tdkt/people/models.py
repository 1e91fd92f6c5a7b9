"""People of the health sector and where they work over time."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.text import fold, name_sort_key, split_name
from tdkt.org.models import Unit
from tdkt.people.cccd import cccd_problem


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Profession(models.TextChoices):
    DOCTOR = "doctor", _("Doctor")
    PHYSICIAN_ASSISTANT = "physician_assistant", _("Physician assistant")
    NURSE = "nurse", _("Nurse")
    MIDWIFE = "midwife", _("Midwife")
    PHARMACIST = "pharmacist", _("Pharmacist")
    TECHNICIAN = "technician", _("Medical technician")
    PUBLIC_HEALTH = "public_health", _("Public health specialist")
    ADMINISTRATIVE = "administrative", _("Administrative staff")
    OTHER = "other", _("Other")


class EmploymentStatus(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
    CONTRACT = "contract", _("Contract worker")


class Person(models.Model):
    """A staff member, keyed by citizen ID; one record whatever units they move through."""

    cccd = models.CharField(_("citizen ID"), max_length=12, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("date of birth"))
    profession = models.CharField(_("profession"), max_length=24, choices=Profession.choices)
    employment_status = models.CharField(
        _("employment status"),
        max_length=16,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.PUBLIC_EMPLOYEE,
    )
    is_manager = models.BooleanField(_("manager"), default=False)
    health_sector_since = models.DateField(_("in the health sector since"))
    # Derived from full_name on every write (people.services), never typed.
    given_name = models.CharField(max_length=40, editable=False)
    sort_key = models.CharField(max_length=255, editable=False, db_index=True)
    search_text = models.CharField(max_length=255, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_key", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    # Django's generated get_*_display hashes every (lazy) label on each call; lists show thousands.
    def get_gender_display(self) -> str:
        return str(Gender(self.gender).label)

    def get_profession_display(self) -> str:
        return str(Profession(self.profession).label)

    def get_employment_status_display(self) -> str:
        return str(EmploymentStatus(self.employment_status).label)

    @property
    def is_civil_servant(self) -> bool:
        return self.employment_status == EmploymentStatus.CIVIL_SERVANT

    def derive_fields(self) -> None:
        """Fill the derived name fields from `full_name`."""
        self.given_name = split_name(self.full_name)[2]
        self.sort_key = name_sort_key(self.full_name)
        self.search_text = fold(self.full_name)

    def clean(self) -> None:
        errors = {}
        problem = cccd_problem(self.cccd, birth_date=self.birth_date, gender=self.gender)
        if problem:
            errors["cccd"] = problem
        if self.birth_date and self.health_sector_since and self.health_sector_since < self.birth_date:
            errors["health_sector_since"] = _("The start in the health sector is before the birth date.")
        if self.birth_date and self.birth_date > dt.date.today():
            errors["birth_date"] = _("The date of birth is in the future.")
        if errors:
            raise ValidationError(errors)


class Position(models.TextChoices):
    DIRECTOR = "director", _("Director")
    DEPUTY_DIRECTOR = "deputy_director", _("Deputy director")
    HEAD = "head", _("Head of department")
    DEPUTY_HEAD = "deputy_head", _("Deputy head of department")
    HEAD_NURSE = "head_nurse", _("Head nurse")
    STATION_HEAD = "station_head", _("Head of commune station")
    STAFF = "staff", _("Staff")


MANAGER_POSITIONS = {
    Position.DIRECTOR,
    Position.DEPUTY_DIRECTOR,
    Position.HEAD,
    Position.DEPUTY_HEAD,
    Position.STATION_HEAD,
}


class Employment(models.Model):
    """A person's post in an institution (and a department inside it) over [start, end]."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employments"
    )
    department = models.ForeignKey(
        Unit,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="department_employments",
    )
    position = models.CharField(
        _("position"), max_length=24, choices=Position.choices, default=Position.STAFF
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["person_id", "start"]
        indexes = [
            models.Index(fields=["unit", "end"]),
            models.Index(fields=["department", "end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="employment_valid_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit}"

    def get_position_display(self) -> str:
        return str(Position(self.position).label)

    def is_current_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)
