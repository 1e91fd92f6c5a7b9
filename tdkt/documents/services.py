"""Writes of the documents area: numbers from the register of documents issued."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.documents.formatting import number_symbol
from tdkt.documents.model import KINDS, DocumentKind
from tdkt.documents.models import RegisterCounter, RegisterEntry
from tdkt.org.models import Unit, validate_document_abbreviation

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _numbered_kind(kind: str | DocumentKind) -> DocumentKind:
    code = kind.code if isinstance(kind, DocumentKind) else kind
    found = KINDS.get(code)
    if found is None or not found.numbered:
        raise ApplicationError(
            _("“%(kind)s” is not a kind of document that takes a number.") % {"kind": code}
        )
    return found


@transaction.atomic
def register_allocate(
    *,
    issuer: Unit,
    year: int,
    kind: str | DocumentKind,
    actor,
    subject: str,
    series: str = "",
) -> RegisterEntry:
    """The next number of `issuer`'s register for `year` and `kind` (and `series`, a council's own), recorded
    with its subject and audited.

    Numbers have no gaps and no duplicates, also under concurrent calls: the series' counter row is
    locked until the transaction ends, and a rolled-back transaction gives its number back. Call it inside
    the transaction that creates the document, so that both are kept or neither.
    """
    document_kind = _numbered_kind(kind)
    subject = " ".join(subject.split())
    if not subject:
        raise ApplicationError(_("The subject (trích yếu) of the document is required."))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ApplicationError(_("The year %(year)s is not a valid year of issue.") % {"year": year})
    if issuer.valid_from.year > year or (issuer.valid_to is not None and issuer.valid_to.year < year):
        raise ApplicationError(
            _("%(unit)s did not exist in %(year)s and cannot issue documents in that year.")
            % {"unit": issuer.name, "year": year}
        )
    series = series.strip().upper()
    if series:
        try:
            validate_document_abbreviation(series)
        except ValidationError as exc:
            raise ApplicationError(
                _("Number series “%(series)s”: %(error)s") % {"series": series, "error": exc.messages[0]}
            ) from exc
    abbreviation = series or issuer.document_abbreviation
    if not abbreviation:
        raise ApplicationError(
            _("%(unit)s has no document abbreviation: set one on the unit's page first.")
            % {"unit": issuer.name}
        )

    key = {"issuer": issuer, "series": series, "year": year, "kind": document_kind.code}
    RegisterCounter.objects.get_or_create(**key)  # a concurrent creator makes this one re-read the row
    counter = RegisterCounter.objects.select_for_update().get(**key)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])

    entry = RegisterEntry(
        **key,
        number=counter.last_number,
        symbol=number_symbol(counter.last_number, kind=document_kind.abbreviation, issuer=abbreviation),
        subject=subject[:500],
        allocated_by=actor if actor is not None and actor.is_authenticated else None,
    )
    # the locked counter guarantees uniqueness, and the two foreign keys were given as loaded objects
    entry.full_clean(exclude=["issuer", "allocated_by"], validate_unique=False, validate_constraints=False)
    entry.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=entry, after=snapshot(entry))
    return entry
