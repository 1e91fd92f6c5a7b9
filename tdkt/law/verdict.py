"""Conditions and verdicts, shaped exactly as shared/domain/case-format.md describes."""

from __future__ import annotations

from dataclasses import dataclass

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Condition:
    """One requirement: met True/False, or None when the facts are missing (or it is a judgement)."""

    id: str
    met: bool | None
    text: str  # Vietnamese, for the officer; names the year(s) concerned
    cite: str
    judgement: bool = False
    verified: bool = True

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "met": None if self.judgement else self.met,
            "judgement": self.judgement,
            "text": self.text,
            "cite": self.cite,
        }


@dataclass(frozen=True)
class Result:
    candidate: str
    verdict: str
    rule: str
    verified: bool
    conditions: tuple[Condition, ...]

    def as_dict(self) -> dict:
        return {
            "candidate": self.candidate,
            "verdict": self.verdict,
            "rule": self.rule,
            "verified": self.verified,
            "conditions": [c.as_dict() for c in self.conditions],
        }

    @property
    def failed(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if not c.judgement and c.met is False)


def verdict_of(conditions) -> str:
    """`not_eligible` if a checkable condition fails, `unknown` if one lacks data, else `eligible`.
    Judgement conditions never change the verdict."""
    checkable = [c for c in conditions if not c.judgement]
    if any(c.met is False for c in checkable):
        return NOT_ELIGIBLE
    if any(c.met is None for c in checkable):
        return UNKNOWN
    return ELIGIBLE
