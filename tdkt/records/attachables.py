"""The records that accept evidence files: a rating (its decision or minutes), an initiative or research
work (its certificate of recognition), a title or award (the scanned decision). Registered at start."""

from tdkt.attachments.models import AttachmentKind
from tdkt.attachments.registry import Target, register
from tdkt.records.editing import ACHIEVEMENT, AWARD, COLLECTIVE_RATING, RATING, RecordType
from tdkt.records.views import page_of

KINDS = {
    RATING.key: (AttachmentKind.DECISION, AttachmentKind.MINUTES, AttachmentKind.OTHER),
    COLLECTIVE_RATING.key: (AttachmentKind.DECISION, AttachmentKind.MINUTES, AttachmentKind.OTHER),
    ACHIEVEMENT.key: (AttachmentKind.CERTIFICATE, AttachmentKind.DECISION, AttachmentKind.OTHER),
    AWARD.key: (AttachmentKind.DECISION, AttachmentKind.CERTIFICATE, AttachmentKind.OTHER),
}


def _describe(record_type: RecordType):
    def describe(record) -> str:
        text = record_type.describe(record)
        if record_type.subject == "unit":
            return f"{record.unit.name}: {text}"
        person = getattr(record, "person", None)
        return f"{person.full_name}: {text}" if person else text

    return describe


def register_targets() -> None:
    for record_type in (RATING, COLLECTIVE_RATING, ACHIEVEMENT, AWARD):
        register(
            Target(
                key=record_type.key,
                model=record_type.model,
                kinds=KINDS[record_type.key],
                get_for_user=record_type.get_for_user,
                describe=_describe(record_type),
                back_url=lambda request, record, t=record_type: page_of(request, t, record).url,
                htmx_response=lambda request, record, message, t=record_type: page_of(
                    request, t, record
                ).fragment(request, saved=message),
            )
        )
