"""What a rule formula sees: the facts of one case, the parameters on its date, and helpers that turn
facts into conditions with Vietnamese text naming the years. Formulas stay short and declarative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tdkt.law.facts import Case, Year
from tdkt.law.parameters import Parameters, Value
from tdkt.law.verdict import Condition
from tdkt.law.vocabulary import LABELS_VI, NOT_COUNTING_TOWARD_MERIT, SCOPE_RANK


def years_text(years: Iterable[int]) -> str:
    """[2022, 2023, 2025] → "2022, 2023, 2025"; consecutive runs as "2021–2023"."""
    ordered = sorted(set(years))
    parts, start = [], None
    for i, y in enumerate(ordered):
        if start is None:
            start = y
        if i + 1 == len(ordered) or ordered[i + 1] != y + 1:
            parts.append(
                str(start) if start == y else (f"{start}, {y}" if y == start + 1 else f"{start}–{y}")
            )
            start = None
    return ", ".join(parts)


@dataclass(frozen=True)
class Chain:
    """Outcome of a per-year test over a run of years: met only if every year passes."""

    years: tuple[int, ...]
    missing: tuple[int, ...]  # years with data that fail the test
    unknown: tuple[int, ...]  # years without data

    @property
    def met(self) -> bool | None:
        if self.missing:
            return False
        if self.unknown:
            return None
        return True


class Ctx:
    def __init__(self, case: Case, params: Parameters):
        self.case = case
        self.subject = case.subject
        self.year = case.year
        self.as_of = case.as_of
        self.p = params

    # -- facts ---------------------------------------------------------------------------------
    def record(self, year: int) -> Year | None:
        return self.subject.history.get(year)

    @property
    def this_year(self) -> Year | None:
        return self.record(self.year)

    def rating(self, year: int) -> str | None:
        r = self.record(year)
        return r.rating if r else None

    def has_title(self, year: int, title: str) -> bool | None:
        """Conferred in `year` (None when the year has no data). Earlier titles are not re-judged."""
        r = self.record(year)
        return None if r is None else title in r.titles

    def merit_awards(self, form: str, *, before: dt.date | None = None) -> list[tuple[int, dt.date | None]]:
        """(year, decided_on) of every award of `form` that counts toward merit awards (not thematic
        or extraordinary, Law 2022 Điều 5), decided before `before` if given."""
        found = []
        for year, r in sorted(self.subject.history.items()):
            for a in r.awards:
                if a.form != form or a.category in NOT_COUNTING_TOWARD_MERIT:
                    continue
                if before and a.decided_on and a.decided_on >= before:
                    continue
                found.append((year, a.decided_on))
        return found

    def achievements(
        self, years: Iterable[int], *, minimum_scope: str = "unit", research: bool = True
    ) -> list[tuple[int, str]]:
        """(year, scope) of initiatives (and research works) at `minimum_scope` or above in `years`."""
        rank = SCOPE_RANK[minimum_scope]
        found = []
        for y in years:
            r = self.record(y)
            if r is None:
                continue
            items = r.initiatives + (r.research if research else ())
            found += [(y, a.scope) for a in items if SCOPE_RANK[a.scope] >= rank]
        return found

    def disciplined_years(self) -> set[int]:
        """Years touched by a discipline period: achievements count only from its end (ND 152 Điều 4)."""
        years: set[int] = set()
        for r in self.subject.history.values():
            for d in r.discipline:
                last = (d.end or self.as_of).year
                years.update(range(d.start.year, last + 1))
        return years

    def chain(
        self, years: Iterable[int], test: Callable[[Year], bool], *, discipline_breaks: bool = True
    ) -> Chain:
        """Apply `test` to every year; years touched by discipline fail when `discipline_breaks`."""
        years = tuple(years)
        blocked = self.disciplined_years() if discipline_breaks else set()
        missing, unknown = [], []
        for y in years:
            r = self.record(y)
            if r is None:
                unknown.append(y)
            elif y in blocked or not test(r):
                missing.append(y)
        return Chain(years, tuple(missing), tuple(unknown))

    def run_ending(self, length: int, last: int | None = None) -> range:
        """The `length` consecutive years ending with `last` (default: the year under review)."""
        last = self.year if last is None else last
        return range(last - length + 1, last + 1)

    # -- parameters ----------------------------------------------------------------------------
    def param(self, name: str, on: dt.date | None = None) -> Value:
        return self.p.value(name, on)

    # -- conditions ----------------------------------------------------------------------------
    def condition(self, id: str, met: bool | None, text: str, *cites: Value | str) -> Condition:
        """A checkable condition; `cites` are parameter Values (their citation and verified flag) or texts."""
        texts = [c.cite if isinstance(c, Value) else c for c in cites]
        verified = all(c.verified for c in cites if isinstance(c, Value))
        return Condition(id=id, met=met, text=text, cite="; ".join(dict.fromkeys(texts)), verified=verified)

    def judgement(self, id: str, text: str, cite: str) -> Condition:
        """A condition the council decides; listed for them, never changes the verdict."""
        return Condition(id=id, met=None, text=text, cite=cite, judgement=True)

    def chain_condition(self, id: str, chain: Chain, what: str, *cites: Value | str) -> Condition:
        """A condition over consecutive years, saying which years are missing or lack data."""
        span = years_text(chain.years)
        if chain.met:
            text = f"{what} các năm {span}"
        elif chain.missing:
            text = f"{what} các năm {span}: thiếu năm {years_text(chain.missing)}"
        else:
            text = f"{what} các năm {span}: chưa có dữ liệu năm {years_text(chain.unknown)}"
        return self.condition(id, chain.met, text, *cites)


def label(identifier: str) -> str:
    return LABELS_VI.get(identifier, identifier)
