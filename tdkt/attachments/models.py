"""Evidence files attached to any record (a certificate of recognition, a scanned decision, rating
minutes; later nomination dossiers and movement target reports). The file itself lives in Django's
default storage under a generated name; the user's file name is kept only to name the download."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttachmentKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    CERTIFICATE = "certificate", _("Certificate")
    MINUTES = "minutes", _("Minutes")
    OTHER = "other", _("Other document")


class MediaType(models.TextChoices):
    """The accepted file types, as found in the content (never taken from the name or the browser)."""

    PDF = "application/pdf", "PDF"
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"


EXTENSIONS = {MediaType.PDF: (".pdf",), MediaType.JPEG: (".jpg", ".jpeg", ".jpe"), MediaType.PNG: (".png",)}


def stored_name(instance: "Attachment", filename: str) -> str:
    """A generated name: nothing of the user's file name or path reaches the storage."""
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{EXTENSIONS[instance.media_type][0]}"


class Attachment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("document"), max_length=16, choices=AttachmentKind.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)
    file = models.FileField(max_length=255, upload_to=stored_name)
    original_name = models.CharField(max_length=255)
    media_type = models.CharField(max_length=32, choices=MediaType.choices)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_target")]

    def __str__(self) -> str:
        return self.original_name

    @property
    def type_label(self) -> str:
        return MediaType(self.media_type).label

    @property
    def download_name(self) -> str:
        """The user's file name, with the extension of the type found in the content."""
        extensions = EXTENSIONS[MediaType(self.media_type)]
        name = self.original_name
        return name if name.lower().endswith(extensions) else f"{name}{extensions[0]}"
