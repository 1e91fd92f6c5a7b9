"""Rule versions by candidate and start date. A change in the law adds a version; history is never edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tdkt.law.vocabulary import CANDIDATES


@dataclass(frozen=True)
class RuleVersion:
    candidate: str
    since: dt.date
    kinds: tuple[str, ...]
    formula: Callable  # (ctx) -> list[Condition]
    principles: bool = True  # add the cross-cutting conditions (under review, discipline in the year)

    @property
    def name(self) -> str:
        return f"{self.candidate}@{self.since.isoformat()}"


_RULES: dict[str, list[RuleVersion]] = {}


def rule(candidate: str, *, since: str, kinds: tuple[str, ...] = ("person",), principles: bool = True):
    """Register `formula` as the version of `candidate`'s rule in force from `since` (ISO date)."""
    if candidate not in CANDIDATES:
        raise ValueError(f"{candidate} is not in the glossary")

    def register(formula):
        version = RuleVersion(candidate, dt.date.fromisoformat(since), kinds, formula, principles)
        versions = _RULES.setdefault(candidate, [])
        if any(v.since == version.since and set(v.kinds) & set(kinds) for v in versions):
            raise ValueError(f"{version.name} is registered twice")
        versions.append(version)
        versions.sort(key=lambda v: v.since)
        return formula

    return register


def version_for(candidate: str, kind: str, on: dt.date) -> RuleVersion | None:
    """The version in force on `on` for a subject of `kind`, or None before the first one."""
    found = None
    for version in _RULES.get(candidate, ()):
        if kind in version.kinds and version.since <= on:
            found = version
    return found


def candidates_for(kind: str) -> tuple[str, ...]:
    """Every candidate with a rule for this kind of subject, in glossary order."""
    return tuple(c for c in CANDIDATES if any(kind in v.kinds for v in _RULES.get(c, ())))


def all_versions() -> list[RuleVersion]:
    return [v for versions in _RULES.values() for v in versions]
