"""Reads of attachments: the files of many records at once."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from tdkt.attachments.models import Attachment


def attachments_attach(objects: Iterable[models.Model]) -> None:
    """Set `obj.attachment_list` (oldest first) on every object, whatever their models: one query, and
    one more the first time a process meets these models."""
    objects = [o for o in objects if o is not None]
    for obj in objects:
        obj.attachment_list = []
    if not objects:
        return
    by_model: dict[type, list] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    types = ContentType.objects.get_for_models(*by_model)
    cond = Q()
    for model, objs in by_model.items():
        cond |= Q(content_type=types[model], object_id__in=sorted({o.pk for o in objs}))
    found = defaultdict(list)
    for attachment in Attachment.objects.filter(cond).order_by("uploaded_at", "id"):
        found[(attachment.content_type_id, attachment.object_id)].append(attachment)
    for model, objs in by_model.items():
        for obj in objs:
            obj.attachment_list = found.get((types[model].pk, obj.pk), [])
