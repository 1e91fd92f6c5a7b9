"""The log of reminder e-mails: one row per user and day, so a reminder goes out at most once a day
whoever runs the sending (the daily task, cron, a second worker)."""

from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()  # the day in Vietnam the reminder is for
    items = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="reminder_once_a_day")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day:%d/%m/%Y}"
