"""Where the dossier learns that a nomination has council minutes (biên bản họp Hội đồng).

The councils → decisions step owns the minutes; tdkt.dossiers only lists them in the checklist and the
package. That step plugs in once, in its AppConfig.ready()::

    from tdkt.dossiers.hooks import MinutesRef, register_minutes_source

    @register_minutes_source
    def council_minutes(nominations):
        return {n.pk: MinutesRef(label="Biên bản số 03/BB-HĐTĐKT ngày 20/01/2026", url="/councils/…")
                for n in nominations if …}

Until a source answers for a nomination, its checklist shows the minutes as "chưa có" (pending the council
step). Sources are configuration, registered at start-up, never at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MinutesRef:
    """Council minutes that cover a nomination: how to name them and (optionally) where to read them."""

    label: str
    url: str = ""
    date: str = ""  # dd/mm/yyyy, for the submission letter's "Căn cứ" line


MinutesSource = Callable[[list], dict[int, MinutesRef]]
_SOURCES: list[MinutesSource] = []


def register_minutes_source(source: MinutesSource) -> MinutesSource:
    """Register a function nominations → {nomination id: MinutesRef}; usable as a decorator."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def unregister_minutes_source(source: MinutesSource) -> None:
    """For tests."""
    if source in _SOURCES:
        _SOURCES.remove(source)


def minutes_for(nominations: Iterable) -> dict[int, MinutesRef]:
    """The minutes each nomination has (absent: none yet). The first source that answers wins."""
    nominations = list(nominations)
    found: dict[int, MinutesRef] = {}
    for source in _SOURCES:
        for pk, ref in source(nominations).items():
            found.setdefault(pk, ref)
    return found
