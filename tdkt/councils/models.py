"""Hội đồng Thi đua – Khen thưởng: councils and their members, meetings, agenda items, conflicts of
interest and secret ballots. How a ballot stays secret is told in councils.ballot_box."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.law.vocabulary import CANDIDATES, LABELS_VI
from tdkt.org.models import Unit
from tdkt.people.models import Person

CANDIDATE_CHOICES = [(c, LABELS_VI.get(c, c)) for c in CANDIDATES]


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Ordinary member")
    SECRETARY = "secretary", _("Secretary")


class Council(models.Model):
    """A unit's council for a term (from `term_start` to `term_end`, open while the council sits)."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="councils")
    name = models.CharField(_("name"), max_length=255)
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term to"), null=True, blank=True)
    basis = models.CharField(_("established by"), max_length=255, blank=True)

    class Meta:
        ordering = ["-term_start", "name", "id"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True) | models.Q(term_end__gte=models.F("term_start")),
                name="council_valid_term",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def sits_on(self, day: dt.date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class CouncilMember(models.Model):
    """A tdkt user on a council. `votes` is false for a secretary who only serves the council."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="council_memberships",
    )
    role = models.CharField(_("role on the council"), max_length=16, choices=CouncilRole.choices)
    title = models.CharField(_("position"), max_length=255, blank=True)
    votes = models.BooleanField(_("voting member"), default=True)
    position = models.PositiveSmallIntegerField(default=0)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["council_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once"),
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(role="chair", left_on__isnull=True),
                name="council_one_chair",
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(role="secretary", left_on__isnull=True),
                name="council_one_secretary",
            ),
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def name(self) -> str:
        return str(self)

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    IN_SESSION = "in_session", _("In session")
    CLOSED = "closed", _("Closed")


class Meeting(models.Model):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    status = models.CharField(max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    WRITTEN = "absent_written", _("Absent, votes in writing")


class Attendance(models.Model):
    """Whether a member sits in a meeting; one row per member on the council when the meeting was set."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(
        _("attendance"), max_length=16, choices=AttendanceStatus.choices, default=AttendanceStatus.ABSENT
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.member} · {self.get_status_display()}"


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Individual")
    COLLECTIVE = "collective", _("Collective")


class MeetingItem(models.Model):
    """What the council votes on: a candidate (title or form) for a subject.

    `target` points at the object voted on (a nomination, a person …) through a generic relation; its
    labels are frozen when the item is added, so the agenda and the minutes read the same later."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    candidate = models.CharField(_("title or form"), max_length=48, choices=CANDIDATE_CHOICES)
    subject_kind = models.CharField(_("subject"), max_length=16, choices=SubjectKind.choices)
    subject_label = models.CharField(_("nominee"), max_length=255)
    subject_unit_label = models.CharField(_("unit of the nominee"), max_length=255, blank=True)
    subject_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["meeting_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="meeting_item_position"),
            models.UniqueConstraint(
                fields=["meeting", "content_type", "object_id", "candidate"],
                condition=~models.Q(object_id=""),
                name="meeting_item_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.subject_label}: {self.candidate_label}"

    @property
    def candidate_label(self) -> str:
        return LABELS_VI.get(self.candidate, self.candidate)


class ConflictReason(models.TextChoices):
    NOMINEE = "nominee", _("is the nominee")
    HEAD = "nominee_head", _("heads the nominee's unit")
    RELATIVE = "relative", _("is a relative of the nominee")
    OTHER = "other", _("other reason")


class ConflictQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class ConflictDeclaration(models.Model):
    """A member's conflict of interest with an item: they do not vote on it. A withdrawn declaration is
    kept (and shown) with who withdrew it and when."""

    item = models.ForeignKey(MeetingItem, on_delete=models.CASCADE, related_name="conflicts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=16, choices=ConflictReason.choices)
    detail = models.CharField(_("details"), max_length=255, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConflictQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "member"], condition=models.Q(withdrawn_at__isnull=True), name="conflict_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.get_reason_display()}"


class BallotStatus(models.TextChoices):
    PENDING = "pending", _("Not opened")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Ballot(models.Model):
    """The secret ballot on one item. While open, the counts live only in `sealed` (see ballot_box); on
    close the result is written here with the rule that decided it."""

    item = models.OneToOneField(MeetingItem, on_delete=models.CASCADE, related_name="ballot")
    status = models.CharField(max_length=8, choices=BallotStatus.choices, default=BallotStatus.PENDING)
    opened_at = models.DateTimeField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sealed = models.BinaryField(null=True, editable=False)
    # the result, written at close
    members = models.PositiveSmallIntegerField(null=True, blank=True)
    present = models.PositiveSmallIntegerField(null=True, blank=True)
    conflicted = models.PositiveSmallIntegerField(null=True, blank=True)
    conflicted_present = models.PositiveSmallIntegerField(null=True, blank=True)
    voters = models.PositiveSmallIntegerField(null=True, blank=True)
    written_voters = models.PositiveSmallIntegerField(null=True, blank=True)
    agree = models.PositiveSmallIntegerField(
        null=True, blank=True
    )  # null: withheld below the minimum of voters
    disagree = models.PositiveSmallIntegerField(null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    base = models.PositiveSmallIntegerField(null=True, blank=True)
    required = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    pass_share = models.CharField(max_length=16, blank=True)  # "9/10"
    comparison = models.CharField(max_length=16, blank=True)
    pass_base = models.CharField(max_length=16, blank=True)
    outcome_text = models.CharField(max_length=255, blank=True)
    cite = models.TextField(blank=True)
    verified = models.BooleanField(null=True, blank=True)
    rules_as_of = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="open", sealed__isnull=False)
                | (~models.Q(status="open") & models.Q(sealed__isnull=True)),
                name="ballot_sealed_only_while_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.get_status_display()}"

    @property
    def tally_shown(self) -> bool:
        return self.status == BallotStatus.CLOSED and self.agree is not None


class VoteMethod(models.TextChoices):
    IN_SESSION = "in_session", _("in the meeting")
    WRITTEN = "written", _("in writing")


class BallotParticipation(models.Model):
    """That `member` has voted on `ballot` — never how. No time, and nothing in the ballot's counts points
    back to this row (councils.ballot_box)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="participations")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=16, choices=VoteMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "member"], name="one_vote_per_member")]

    def __str__(self) -> str:
        return f"{self.member} · {self.get_method_display()}"
