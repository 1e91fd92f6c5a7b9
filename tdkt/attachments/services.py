"""Adding and removing evidence files. The type is read from the content and the size checked before
anything is written; a refused file leaves nothing behind. Every change is audited; a removed file
leaves the storage only once the deletion is committed."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log
from tdkt.accounts.models import AuditAction
from tdkt.attachments.content import clean_file_name, sha256_of, sniff
from tdkt.attachments.models import Attachment
from tdkt.attachments.registry import is_registered, target_for_model
from tdkt.core.errors import ApplicationError
from tdkt.core.text import normalize_spaces

MAX_PER_RECORD = 20


def max_upload_bytes() -> int:
    return settings.TDKT_MAX_UPLOAD_MB * 1024 * 1024


def too_large_message(size: int | None = None) -> str:
    limit = f"{settings.TDKT_MAX_UPLOAD_MB} MB"
    if size is None:
        return _("The file is larger than %(limit)s.") % {"limit": limit}
    return _("The file (%(size)s) is larger than %(limit)s.") % {"size": filesizeformat(size), "limit": limit}


def _refuse(message: str, field: str = "file"):
    raise ApplicationError(message, {"field": field})


def attachment_check(upload) -> tuple[str, str]:
    """(media type, SHA-256) of an acceptable upload; ApplicationError naming the problem otherwise."""
    if not upload.size:
        _refuse(_("The file is empty."))
    if upload.size > max_upload_bytes():
        _refuse(too_large_message(upload.size))
    media_type, complete = sniff(upload)
    if media_type is None:
        _refuse(
            _(
                "Only PDF, JPEG and PNG files are accepted, and this file's content is none of them "
                "(whatever its name says)."
            )
        )
    if not complete:
        _refuse(_("The PDF file is incomplete (its end is missing): save or scan it again and upload it."))
    return media_type, sha256_of(upload)


def _audit_values(attachment: Attachment) -> dict:
    content_type = attachment.content_type
    return {
        "target": f"{content_type.app_label}.{content_type.model}#{attachment.object_id}",
        "kind": attachment.kind,
        "description": attachment.description,
        "original_name": attachment.original_name,
        "media_type": attachment.media_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "file": attachment.file.name,
    }


@transaction.atomic
def attachment_add(*, actor, target: models.Model, upload, kind: str, description: str = "") -> Attachment:
    """Attach `upload` (a Django UploadedFile) to `target`, a record of a registered model."""
    spec = target_for_model(type(target))
    if kind not in spec.kinds:
        _refuse(_("Choose what the document is."), "kind")
    media_type, digest = attachment_check(upload)
    content_type = ContentType.objects.get_for_model(target)
    existing = list(
        Attachment.objects.filter(content_type=content_type, object_id=target.pk).values_list(
            "sha256", "original_name"
        )
    )
    if len(existing) >= MAX_PER_RECORD:
        _refuse(
            _("A record holds at most %(count)s files: remove one before adding another.")
            % {"count": MAX_PER_RECORD}
        )
    same = next((name for sha, name in existing if sha == digest), None)
    if same is not None:
        _refuse(_("This file is already attached to this record (as «%(name)s»).") % {"name": same})
    attachment = Attachment(
        content_type=content_type,
        object_id=target.pk,
        kind=kind,
        description=normalize_spaces(description),
        original_name=clean_file_name(upload.name),
        media_type=media_type,
        size=upload.size,
        sha256=digest,
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    attachment.full_clean(exclude=["file"])
    attachment.file.save("upload", upload, save=False)  # the stored name is generated (models.stored_name)
    try:
        attachment.full_clean()
        attachment.save()
        audit_log(
            actor=actor,
            action=AuditAction.CREATE,
            obj=attachment,
            after=_audit_values(attachment),
            reason=str(target)[:255],
        )
    except BaseException:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def _remove(actor, attachment: Attachment, reason: str) -> None:
    audit_log(
        actor=actor,
        action=AuditAction.DELETE,
        obj=attachment,
        before=_audit_values(attachment),
        reason=reason,
    )
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    # A rolled-back deletion keeps its file: the file goes only once the deletion is committed.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_delete(*, actor, attachment: Attachment, reason: str = "") -> None:
    _remove(actor, attachment, reason)


@transaction.atomic
def attachments_delete_for(*, actor, target: models.Model, reason: str = "") -> int:
    """Remove every file attached to `target` (the record itself is being deleted)."""
    if not is_registered(type(target)):
        return 0
    content_type = ContentType.objects.get_for_model(target)
    found = list(
        Attachment.objects.filter(content_type=content_type, object_id=target.pk).select_related(
            "content_type"
        )
    )
    for attachment in found:
        _remove(actor, attachment, reason)
    return len(found)
