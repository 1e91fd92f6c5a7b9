"""Local overlays as data: a province, the Ministry of Health or a unit adds conditions or changes a
parameter without code. An overlay is a mapping (YAML/JSON):

    name: Quy định TĐKT tỉnh Bình An 2025
    parameters:                      # replace a parameter's value for cases under this overlay
      grassroots_emulation_fighter.cap_share:
        value: 0.15
        cite: "Quyết định 14/2024/QĐ-UBND tỉnh Bình An, Điều 8"
    conditions:                      # add a condition to a candidate
      - candidate: advanced_worker
        id: no_administrative_sanction
        fact: administrative_sanction  # a field of the year under review
        equals: false
        text: Không bị xử phạt vi phạm hành chính trong năm {year}
        cite: "Quyết định 14/2024/QĐ-UBND tỉnh Bình An, Điều 5"
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tdkt.law.errors import CaseError
from tdkt.law.parameters import Value, load
from tdkt.law.verdict import Condition
from tdkt.law.vocabulary import CANDIDATES

_FACTS = {"administrative_sanction", "under_review", "rating", "months_worked"}


@dataclass(frozen=True)
class ExtraCondition:
    candidate: str
    id: str
    fact: str
    equals: object
    text: str
    cite: str


@dataclass(frozen=True)
class Overlay:
    name: str
    parameters: dict[str, Value]
    extra: tuple[ExtraCondition, ...]

    def parameter_overrides(self, case) -> dict[str, Value]:
        return self.parameters

    def conditions(self, candidate: str, ctx) -> list[Condition]:
        found = []
        for extra in self.extra:
            if extra.candidate != candidate:
                continue
            record = ctx.this_year
            value = getattr(record, extra.fact) if record is not None else None
            met = None if value is None else value == extra.equals
            text = extra.text.format(year=ctx.year)
            if met is None:
                text += f": chưa có dữ liệu năm {ctx.year}"
            found.append(Condition(id=extra.id, met=met, text=text, cite=extra.cite, verified=False))
        return found


def parse_overlay(raw: dict) -> Overlay:
    """An Overlay from a mapping; CaseError names the wrong field."""
    if not isinstance(raw, dict):
        raise CaseError("overlay", "expected a mapping")
    unknown = sorted(set(raw) - {"name", "parameters", "conditions"})
    if unknown:
        raise CaseError(f"overlay.{unknown[0]}", "unknown field")
    if not isinstance(raw.get("parameters") or {}, dict):
        raise CaseError("overlay.parameters", "expected a mapping of parameter names")
    if not isinstance(raw.get("conditions") or [], list):
        raise CaseError("overlay.conditions", "expected a list")
    parameters = {}
    for name, entry in (raw.get("parameters") or {}).items():
        path = f"overlay.parameters.{name}"
        if not isinstance(entry, dict) or "value" not in entry or not entry.get("cite"):
            raise CaseError(path, "needs value and cite")
        _check_keys(entry, path, {"value", "cite", "verified", "note"})
        if name not in load():
            raise CaseError(path, "is not a parameter of the law (tdkt/law/parameters)")
        parameters[name] = Value(
            name=name,
            value=entry["value"],
            since=dt.date.min,
            cite=str(entry["cite"]),
            verified=bool(entry.get("verified", False)),
        )
    extra = []
    for i, entry in enumerate(raw.get("conditions") or []):
        path = f"overlay.conditions[{i}]"
        if not isinstance(entry, dict):
            raise CaseError(path, "expected a mapping")
        for key in ("candidate", "id", "fact", "equals", "text", "cite"):
            if key not in entry:
                raise CaseError(f"{path}.{key}", "is required")
        if entry["candidate"] not in CANDIDATES:
            raise CaseError(f"{path}.candidate", f"{entry['candidate']!r} is not a title or form")
        if entry["fact"] not in _FACTS:
            raise CaseError(f"{path}.fact", f"{entry['fact']!r} is not one of {', '.join(sorted(_FACTS))}")
        _check_keys(entry, path, {"candidate", "id", "fact", "equals", "text", "cite", "note"})
        for key in ("id", "text", "cite"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise CaseError(f"{path}.{key}", "expected a non-empty text")
        try:
            entry["text"].format(year=0)
        except (AttributeError, KeyError, IndexError, ValueError):
            raise CaseError(f"{path}.text", "only {year} may appear in braces") from None
        extra.append(
            ExtraCondition(**{k: entry[k] for k in ("candidate", "id", "fact", "equals", "text", "cite")})
        )
    return Overlay(name=str(raw.get("name", "")), parameters=parameters, extra=tuple(extra))


def _check_keys(entry: dict, path: str, allowed: set[str]) -> None:
    unknown = sorted(set(entry) - allowed, key=str)
    if unknown:
        raise CaseError(f"{path}.{unknown[0]}", "unknown field")
