"""Reads of the documents area: the register of documents issued."""

from django.db.models import QuerySet

from tdkt.documents.model import Issuer
from tdkt.documents.models import RegisterEntry
from tdkt.org.models import Unit


def register_entries(*, issuer: Unit, year: int, kind: str = "") -> QuerySet[RegisterEntry]:
    """`issuer`'s register for `year` (one kind, or all) in order of numbers, with who allocated them."""
    qs = RegisterEntry.objects.filter(issuer=issuer, year=year).select_related("allocated_by")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "series", "number")


def register_years(*, issuer: Unit) -> list[int]:
    """Years in which `issuer` has allocated numbers, newest first."""
    return sorted(
        set(RegisterEntry.objects.filter(issuer=issuer).values_list("year", flat=True).distinct()),
        reverse=True,
    )


def document_issuer(*, unit: Unit, governing_body: str | None = None) -> Issuer:
    """The header of a document `unit` issues: its name and abbreviation under its parent's name.

    A unit at the top of the tree (the Sở) has no parent in tdkt: pass its governing body
    ("Ủy ban nhân dân tỉnh Bình An"), or it is printed alone.
    """
    if governing_body is None:
        governing_body = unit.parent.name if unit.parent_id else ""
    return Issuer(name=unit.name, abbreviation=unit.document_abbreviation, governing_body=governing_body)
