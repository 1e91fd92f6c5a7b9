"""The facts a case brings (shared/domain/case-format.md), parsed strictly: every problem names its field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tdkt.law.errors import CaseError
from tdkt.law.vocabulary import (
    CANDIDATES,
    CATEGORIES,
    COLLECTIVE_TITLES,
    DISCIPLINE_LEVELS,
    FORMS,
    GENDERS,
    KINDS,
    LEAVE_KINDS,
    PERSON_TITLES,
    RATINGS,
    SCOPES,
)


@dataclass(frozen=True)
class Award:
    form: str
    decided_on: dt.date | None
    category: str = "merit"


@dataclass(frozen=True)
class Achievement:
    """An initiative (sáng kiến) or a research work recognised at a scope."""

    scope: str
    recognised_on: dt.date | None = None


@dataclass(frozen=True)
class Discipline:
    level: str
    start: dt.date
    end: dt.date | None  # None: still running


@dataclass(frozen=True)
class Leave:
    """A period of long leave (maternity, study, sick, other); whether it counts as time worked is a rule."""

    kind: str
    start: dt.date
    end: dt.date | None  # None: still on leave


@dataclass(frozen=True)
class Members:
    total: int
    completed_tasks: int
    advanced_workers: int
    grassroots_emulation_fighters: int
    disciplined_warning_or_above: int


@dataclass(frozen=True)
class Year:
    year: int
    rating: str | None = None
    titles: frozenset[str] = frozenset()
    awards: tuple[Award, ...] = ()
    initiatives: tuple[Achievement, ...] = ()
    research: tuple[Achievement, ...] = ()
    discipline: tuple[Discipline, ...] = ()
    leave: tuple[Leave, ...] = ()  # periods of leave touching the year
    under_review: bool = False
    members: Members | None = None
    # Local overlay facts (optional): administrative sanction in the year, months worked.
    administrative_sanction: bool | None = None
    months_worked: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Subject:
    kind: str
    id: str
    history: dict[int, Year]
    gender: str | None = None
    is_manager: bool | None = None
    employed_since: dt.date | None = None
    health_sector_since: dt.date | None = None
    direct_professional_since: dt.date | None = None
    hazardous_specialty: bool | None = None


@dataclass(frozen=True)
class Case:
    as_of: dt.date
    year: int
    candidates: tuple[str, ...] | None  # None: every candidate that applies to the subject's kind
    subject: Subject


def _date(value, path: str, *, required: bool = True) -> dt.date | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise CaseError(path, f"{value!r} is not a date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        raise CaseError(path, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _bad_date(value):
    raise ValueError(value)


def _choice(value, path: str, choices) -> str:
    if value not in choices:
        raise CaseError(path, f"{value!r} is not one of {', '.join(choices)}")
    return value


def _bool(value, path: str, *, required: bool = False) -> bool | None:
    if value is None and not required:
        return None
    if not isinstance(value, bool):
        raise CaseError(path, f"{value!r} is not true or false")
    return value


def _int(value, path: str, *, minimum: int = 0, required: bool = True) -> int | None:
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise CaseError(path, f"{value!r} is not a whole number ≥ {minimum}")
    return value


def _list(value, path: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseError(path, f"expected a list, got {type(value).__name__}")
    return value


def _object(value, path: str, allowed: set[str]) -> dict:
    if not isinstance(value, dict):
        raise CaseError(path, f"expected an object, got {type(value).__name__}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise CaseError(f"{path}.{unknown[0]}" if path else unknown[0], "unknown field")
    return value


_YEAR_KEYS = {
    "year",
    "rating",
    "titles",
    "awards",
    "initiatives",
    "research",
    "discipline",
    "leave",
    "under_review",
    "members",
    "administrative_sanction",
    "months_worked",
    "extra",
}
_MEMBER_KEYS = (
    "total",
    "completed_tasks",
    "advanced_workers",
    "grassroots_emulation_fighters",
    "disciplined_warning_or_above",
)


def _year(raw, path: str, kind: str) -> Year:
    raw = _object(raw, path, _YEAR_KEYS)
    if "year" not in raw:
        raise CaseError(f"{path}.year", "is required")
    year = _int(raw["year"], f"{path}.year", minimum=1945)
    rating = raw.get("rating")
    if rating is not None:
        _choice(rating, f"{path}.rating", RATINGS)
    allowed_titles = PERSON_TITLES if kind == "person" else COLLECTIVE_TITLES
    allowed_forms = FORMS
    titles = frozenset(
        _choice(t, f"{path}.titles[{i}]", allowed_titles)
        for i, t in enumerate(_list(raw.get("titles"), f"{path}.titles"))
    )
    awards = []
    for i, a in enumerate(_list(raw.get("awards"), f"{path}.awards")):
        p = f"{path}.awards[{i}]"
        a = _object(a, p, {"form", "decided_on", "category"})
        if "form" not in a:
            raise CaseError(f"{p}.form", "is required")
        awards.append(
            Award(
                form=_choice(a["form"], f"{p}.form", allowed_forms),
                decided_on=_date(a.get("decided_on"), f"{p}.decided_on", required=False),
                category=_choice(a.get("category", "merit"), f"{p}.category", CATEGORIES),
            )
        )
    achievements = {}
    for key in ("initiatives", "research"):
        items = []
        for i, a in enumerate(_list(raw.get(key), f"{path}.{key}")):
            p = f"{path}.{key}[{i}]"
            a = _object(a, p, {"scope", "recognised_on", "accepted_on"})
            if "scope" not in a:
                raise CaseError(f"{p}.scope", "is required")
            items.append(
                Achievement(
                    scope=_choice(a["scope"], f"{p}.scope", SCOPES),
                    recognised_on=_date(
                        a.get("recognised_on") or a.get("accepted_on"), f"{p}.recognised_on", required=False
                    ),
                )
            )
        achievements[key] = tuple(items)
    disciplines = []
    for i, d in enumerate(_list(raw.get("discipline"), f"{path}.discipline")):
        p = f"{path}.discipline[{i}]"
        d = _object(d, p, {"level", "from", "to"})
        for key in ("level", "from"):
            if key not in d:
                raise CaseError(f"{p}.{key}", "is required")
        start = _date(d["from"], f"{p}.from")
        end = _date(d.get("to"), f"{p}.to", required=False)
        if end is not None and end < start:
            raise CaseError(f"{p}.to", f"{end.isoformat()} is before {start.isoformat()}")
        disciplines.append(
            Discipline(level=_choice(d["level"], f"{p}.level", DISCIPLINE_LEVELS), start=start, end=end)
        )
    leaves = []
    for i, d in enumerate(_list(raw.get("leave"), f"{path}.leave")):
        p = f"{path}.leave[{i}]"
        d = _object(d, p, {"kind", "from", "to"})
        for key in ("kind", "from"):
            if key not in d:
                raise CaseError(f"{p}.{key}", "is required")
        start = _date(d["from"], f"{p}.from")
        end = _date(d.get("to"), f"{p}.to", required=False)
        if end is not None and end < start:
            raise CaseError(f"{p}.to", f"{end.isoformat()} is before {start.isoformat()}")
        leaves.append(Leave(kind=_choice(d["kind"], f"{p}.kind", LEAVE_KINDS), start=start, end=end))
    members = None
    if raw.get("members") is not None:
        m = _object(raw["members"], f"{path}.members", set(_MEMBER_KEYS))
        values = {}
        for key in _MEMBER_KEYS:
            if key not in m:
                raise CaseError(f"{path}.members.{key}", "is required")
            values[key] = _int(m[key], f"{path}.members.{key}")
        for key in _MEMBER_KEYS[1:]:
            if values[key] > values["total"]:
                raise CaseError(
                    f"{path}.members.{key}", f"{values[key]} is more than total ({values['total']})"
                )
        members = Members(**values)
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        raise CaseError(f"{path}.extra", "expected an object")
    return Year(
        year=year,
        rating=rating,
        titles=titles,
        awards=tuple(awards),
        initiatives=achievements["initiatives"],
        research=achievements["research"],
        discipline=tuple(disciplines),
        leave=tuple(leaves),
        under_review=bool(_bool(raw.get("under_review"), f"{path}.under_review")),
        members=members,
        administrative_sanction=_bool(raw.get("administrative_sanction"), f"{path}.administrative_sanction"),
        months_worked=_int(raw.get("months_worked"), f"{path}.months_worked", required=False),
        extra=extra,
    )


_SUBJECT_KEYS = {
    "kind",
    "id",
    "gender",
    "is_manager",
    "employed_since",
    "health_sector_since",
    "direct_professional_since",
    "hazardous_specialty",
    "history",
    "name",
}


def parse_case(raw) -> Case:
    """A Case from decoded JSON, or CaseError naming the first wrong field."""
    raw = _object(raw, "", {"as_of", "year", "candidates", "subject"})
    if "as_of" not in raw:
        raise CaseError("as_of", "is required")
    as_of = _date(raw["as_of"], "as_of")
    year = _int(raw.get("year", as_of.year), "year", minimum=1945)
    if year > as_of.year:
        raise CaseError("year", f"{year} is after as_of ({as_of.isoformat()})")
    if "subject" not in raw:
        raise CaseError("subject", "is required")
    s = _object(raw["subject"], "subject", _SUBJECT_KEYS)
    kind = _choice(s.get("kind"), "subject.kind", KINDS)
    if not isinstance(s.get("id"), str) or not s["id"]:
        raise CaseError("subject.id", "is required (a non-empty string)")
    history: dict[int, Year] = {}
    for i, entry in enumerate(_list(s.get("history"), "subject.history")):
        y = _year(entry, f"history[{i}]", kind)
        if y.year in history:
            raise CaseError(f"history[{i}].year", f"{y.year} appears twice")
        history[y.year] = y
    subject = Subject(
        kind=kind,
        id=s["id"],
        history=history,
        gender=_choice(s["gender"], "subject.gender", GENDERS) if s.get("gender") is not None else None,
        is_manager=_bool(s.get("is_manager"), "subject.is_manager"),
        employed_since=_date(s.get("employed_since"), "subject.employed_since", required=False),
        health_sector_since=_date(
            s.get("health_sector_since"), "subject.health_sector_since", required=False
        ),
        direct_professional_since=_date(
            s.get("direct_professional_since"), "subject.direct_professional_since", required=False
        ),
        hazardous_specialty=_bool(s.get("hazardous_specialty"), "subject.hazardous_specialty"),
    )
    candidates = None
    if raw.get("candidates") is not None:
        candidates = tuple(
            _choice(c, f"candidates[{i}]", CANDIDATES)
            for i, c in enumerate(_list(raw["candidates"], "candidates"))
        )
    return Case(as_of=as_of, year=year, candidates=candidates, subject=subject)


__all__ = ["Achievement", "Award", "Case", "Discipline", "Leave", "Members", "Subject", "Year", "parse_case"]
