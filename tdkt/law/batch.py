"""Batch evaluation of a whole population (the app's year-end run): every candidate for every subject in one
call, set-based.

The subjects are encoded once into columns — years × people matrices of ratings, title bitmasks, discipline,
initiatives and research by scope; per-person vectors of prior awards, leave, service figures and member
counts — and each rule version has a vectorised twin (`tdkt/law/batch_rules.py`, registered in `_VECTORISED`
by version name) that mirrors the scalar formula condition by condition, in the same order. Every parameter is
read once per call.

The answer is, per (subject, candidate), the verdict and the id of the first failing checkable condition (or,
when none fails, the first unknown one): what the year-end unit list shows. With `explain=True` it also gives
what the stored list needs, exactly as the scalar engine words it: the text and citation of that condition,
the result's `verified` flag, and for each exclusion gate asked for (`gates=`) the text of the gate where it
fails. Explanations are not rewritten here: each condition of a twin comes with a *key* — the facts its text
depends on (the rating, the years of a chain, a date…) — and the subjects sharing (condition, state, key) are
explained by evaluating the scalar rule (`engine.evaluate_version`) for one of them; likewise `verified`, by
the facts that decide which parameters a rule reads. A few thousand scalar evaluations explain a province.

A rule version without a vectorised twin is evaluated by the scalar engine for that candidate
(`BatchResult.scalar_fallback` names it), so a new version is correct before it is fast.

Conditions are three-valued arrays: MET, FAILED, UNKNOWN, or ABSENT when the scalar rule would not list the
condition for that subject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from tdkt.law import rules  # noqa: F401  (registers every rule module)
from tdkt.law.context import Ctx
from tdkt.law.errors import CaseError
from tdkt.law.facts import Case, Leave, Subject, parse_case
from tdkt.law.forms._periods import full_years
from tdkt.law.parameters import Parameters, Value, load
from tdkt.law.registry import RuleVersion, candidates_for, version_for
from tdkt.law.verdict import ELIGIBLE, NOT_ELIGIBLE, UNKNOWN, Condition
from tdkt.law.vocabulary import (
    CANDIDATES,
    FORMS,
    GENDERS,
    GOOD_OR_BETTER,
    KINDS,
    LEAVE_KINDS,
    NOT_COUNTING_TOWARD_MERIT,
    RATINGS,
    SCOPE_RANK,
    TITLES,
)

# Condition states.
FAILED, MET, UNKNOWN_STATE, ABSENT = 0, 1, 2, 3
# Verdict codes of BatchResult.verdicts (-1: the candidate does not apply to the subject's kind).
VERDICTS = (ELIGIBLE, NOT_ELIGIBLE, UNKNOWN)
_ELIGIBLE, _NOT_ELIGIBLE, _UNKNOWN = 0, 1, 2
NOT_APPLICABLE = -1

_RATING_CODE = {None: 0} | {r: i for i, r in enumerate(RATINGS, start=1)}
_TITLE_BIT = {t: 1 << i for i, t in enumerate(TITLES)}
_LEAVE_BIT = {k: 1 << i for i, k in enumerate(LEAVE_KINDS)}
_EXCELLENT = _RATING_CODE["excellent"]
_GOOD_CODES = [_RATING_CODE[r] for r in sorted(GOOD_OR_BETTER)]
_RANKS = (1, 2, 3)
_NO_DATA, _FAILED_STOP, _BOUND = 0, 1, 2  # why a run back from the year under review stops
_SEQUENCE_LIMIT = 1 << 60  # sequences of scopes longer than this are keyed by subject


# -- the population as columns -------------------------------------------------------------------------
class Population:
    """The facts of `n` subjects as arrays, for one (as_of, year). Year matrices are (years, n): row `i` is
    the year `base + i`; rows run up to the year under review (later records only bring discipline)."""

    def __init__(self, subjects: Iterable[Subject], as_of: dt.date, year: int, *, keep: bool = False):
        self.as_of, self.year = as_of, year
        ids, kinds, kept = [], [], []
        flat_year, flat_person, ratings, titles = [], [], [], []
        awards, achievements, disciplines, this_year = [], [], [], []
        employed, direct, sector, manager, gender, hazardous = [], [], [], [], [], []
        leave: dict[int, tuple[Leave, ...]] = {}
        title_mask: dict[frozenset, int] = {}
        full = full_years
        base = year
        for p, s in enumerate(subjects):
            if keep:
                kept.append(s)
            ids.append(s.id)
            kinds.append(s.kind)
            h = s.history
            if h:
                first = min(h)
                if first < base:
                    base = first
            for y, r in h.items():
                if r.discipline:
                    disciplines.append((p, r.discipline))
                if y > year:
                    continue
                flat_year.append(y)
                flat_person.append(p)
                ratings.append(_RATING_CODE[r.rating])
                t = r.titles
                if t:
                    mask = title_mask.get(t)
                    if mask is None:
                        mask = title_mask[t] = sum(_TITLE_BIT[x] for x in t)
                    titles.append(mask)
                else:
                    titles.append(0)
                if r.awards:
                    awards.append((p, y, r.awards))
                if r.initiatives or r.research:
                    achievements.append((p, y, r))
            record = h.get(year)
            this_year.append(record)
            if record is not None and record.leave:
                leave[p] = record.leave
            e = s.employed_since
            employed.append((e.year, e.month, e.toordinal()) if e else (0, 0, 0))
            d = s.direct_professional_since
            direct.append((full(d, as_of), d.toordinal()) if d else (-1, 0))
            d = s.health_sector_since
            sector.append((full(d, as_of), d.toordinal()) if d else (-1, 0))
            manager.append(-1 if s.is_manager is None else int(s.is_manager))
            gender.append(-1 if s.gender is None else GENDERS.index(s.gender))
            hazardous.append(-1 if s.hazardous_specialty is None else int(s.hazardous_specialty))
        n = self.n = len(ids)
        self.subjects = kept  # only with keep=True (explanations and the scalar fallback need them)
        self.ids = tuple(ids)
        self.kinds = np.array([KINDS.index(k) for k in kinds], dtype=np.int8)
        self.is_person = self.kinds == KINDS.index("person")
        self.base = base
        rows = self.rows = year - base + 1
        flat = (np.array(flat_year, dtype=np.int64) - base) * n + np.array(flat_person, dtype=np.int64)
        self.present = np.zeros((rows, n), dtype=bool)
        self.present.flat[flat] = True
        self.rating = np.zeros((rows, n), dtype=np.int8)
        self.rating.flat[flat] = ratings
        self.titles = np.zeros((rows, n), dtype=np.uint8)
        self.titles.flat[flat] = titles
        self.blocked = np.zeros((rows, n), dtype=bool)
        for p, items in disciplines:
            for d in items:
                last = (d.end or as_of).year
                for y in range(max(d.start.year, base), min(last, year) + 1):
                    self.blocked[y - base, p] = True
        # achievements[rank]: initiatives + research at that scope or above; initiatives[rank]: initiatives;
        # sequence: the scopes of the year's initiatives then research works, in order (explanation keys)
        self.achievements = {r: np.zeros((rows, n), dtype=np.int32) for r in _RANKS}
        self.initiatives = {r: np.zeros((rows, n), dtype=np.int32) for r in _RANKS}
        self.sequence = np.zeros((rows, n), dtype=np.int64)
        for p, y, record in achievements:
            code = 1
            for a in record.initiatives:
                rank = SCOPE_RANK[a.scope]
                code = code * 4 + rank
                for r in range(1, rank + 1):
                    self.initiatives[r][y - base, p] += 1
                    self.achievements[r][y - base, p] += 1
            for a in record.research:
                rank = SCOPE_RANK[a.scope]
                code = code * 4 + rank
                for r in range(1, rank + 1):
                    self.achievements[r][y - base, p] += 1
            self.sequence[y - base, p] = code if code < _SEQUENCE_LIMIT else -1 - p
        # first year (up to the year under review) holding a merit award / any award of a form; 0: none
        merit: dict[str, dict[int, int]] = {}
        anyhow: dict[str, dict[int, int]] = {}
        for p, y, items in awards:
            for a in items:
                found = anyhow.setdefault(a.form, {})
                found[p] = min(found.get(p, y), y)
                if a.category not in NOT_COUNTING_TOWARD_MERIT:
                    found = merit.setdefault(a.form, {})
                    found[p] = min(found.get(p, y), y)
        self.merit_award_year = {f: self._vector(merit.get(f, {})) for f in FORMS}
        self.any_award_year = {f: self._vector(anyhow.get(f, {})) for f in FORMS}
        self.under_review = np.array([bool(r and r.under_review) for r in this_year], dtype=bool)
        self.leave = leave  # subject → the leave periods listed in the record of the year under review
        m = [r.members if r is not None else None for r in this_year]
        self.has_members = np.array([x is not None for x in m], dtype=bool)
        for name in (
            "total",
            "completed_tasks",
            "advanced_workers",
            "grassroots_emulation_fighters",
            "disciplined_warning_or_above",
        ):
            values = [getattr(x, name) if x is not None else 0 for x in m]
            setattr(self, f"m_{name}", np.array(values, dtype=np.int64).reshape(n))
        employed_arr = np.array(employed, dtype=np.int64).reshape(n, 3)
        self.employed_year, self.employed_month = employed_arr[:, 0], employed_arr[:, 1]
        self.employed_ordinal = employed_arr[:, 2]
        direct_arr = np.array(direct, dtype=np.int64).reshape(n, 2)
        self.direct_years, self.direct_ordinal = direct_arr[:, 0], direct_arr[:, 1]
        sector_arr = np.array(sector, dtype=np.int64).reshape(n, 2)
        self.sector_years, self.sector_ordinal = sector_arr[:, 0], sector_arr[:, 1]
        self.is_manager = np.array(manager, dtype=np.int8)
        self.gender = np.array(gender, dtype=np.int8)
        self.hazardous = np.array(hazardous, dtype=np.int8)
        self.index = np.arange(n, dtype=np.int64)
        self._false = np.zeros(n, dtype=bool)
        self._zero8 = np.zeros(n, dtype=np.int8)
        self._zero32 = np.zeros(n, dtype=np.int32)
        self._zero64 = np.zeros(n, dtype=np.int64)

    def _vector(self, found: dict[int, int]) -> np.ndarray:
        v = np.zeros(self.n, dtype=np.int32)
        if found:
            v[np.fromiter(found.keys(), dtype=np.int64)] = np.fromiter(found.values(), dtype=np.int32)
        return v

    # -- one year's column (a year outside the matrices has no record for anyone) --------------------------
    def _inside(self, y: int) -> bool:
        return self.base <= y <= self.year

    def present_at(self, y: int) -> np.ndarray:
        return self.present[y - self.base] if self._inside(y) else self._false

    def rating_at(self, y: int) -> np.ndarray:
        return self.rating[y - self.base] if self._inside(y) else self._zero8

    def blocked_at(self, y: int) -> np.ndarray:
        return self.blocked[y - self.base] if self._inside(y) else self._false

    def title_at(self, y: int, title: str) -> np.ndarray:
        bit = _TITLE_BIT.get(title)
        if bit is None or not self._inside(y):
            return self._false
        return (self.titles[y - self.base] & bit) != 0

    def achievements_at(self, y: int, rank: int) -> np.ndarray:
        return self.achievements[rank][y - self.base] if self._inside(y) else self._zero32

    def initiatives_at(self, y: int, rank: int) -> np.ndarray:
        return self.initiatives[rank][y - self.base] if self._inside(y) else self._zero32

    def sequence_at(self, y: int) -> np.ndarray:
        return self.sequence[y - self.base] if self._inside(y) else self._zero64

    @cached_property
    def year_code(self) -> np.ndarray:
        """Per year and subject: has a record, touched by discipline, rating, titles — one integer."""
        return (
            self.present.astype(np.int64)
            | (self.blocked.astype(np.int64) << 1)
            | (self.rating.astype(np.int64) << 2)
            | (self.titles.astype(np.int64) << 5)
        )

    def year_code_at(self, y: int) -> np.ndarray:
        return self.year_code[y - self.base] if self._inside(y) else self._zero64


# -- parameters: each read once per call -----------------------------------------------------------------
class _Params:
    def __init__(self, parameters: Parameters):
        self.parameters = parameters
        self.read: dict[str, Value] = {}

    def __call__(self, name: str) -> Value:
        found = self.read.get(name)
        if found is None:
            found = self.read[name] = self.parameters.value(name)
        return found


# -- conditions ------------------------------------------------------------------------------------------
Key = np.ndarray | None  # (n,) or (n, k) integers: the facts a condition's text depends on; None: its state


class Conditions(list):
    """(id, state, key) triples in the scalar rule's order. `verified_key` (n,) tells apart the subjects
    whose answers read different parameters (hence may differ in `verified`); None when all read the same."""

    def __init__(self, items: Iterable = (), *, verified_key: np.ndarray | None = None):
        super().__init__(_triple(x) for x in items)
        self.verified_key = verified_key


def _triple(item) -> tuple[str, np.ndarray, Key]:
    return item if len(item) == 3 else (item[0], item[1], None)


def keys(*columns) -> np.ndarray:
    """Columns (each (n,) or (n, k)) side by side as one (n, k) integer key."""
    return np.column_stack([np.asarray(c, dtype=np.int64) for c in columns])


# -- three-valued helpers --------------------------------------------------------------------------------
def _state(known, met) -> np.ndarray:
    """MET / FAILED where known, else UNKNOWN."""
    return np.where(known, np.where(met, MET, FAILED), UNKNOWN_STATE).astype(np.int8)


def _all_of(*states) -> np.ndarray:
    failed = np.zeros(np.shape(states[0]), dtype=bool)
    unknown = np.zeros(np.shape(states[0]), dtype=bool)
    for s in states:
        failed |= s == FAILED
        unknown |= s == UNKNOWN_STATE
    return np.where(failed, FAILED, np.where(unknown, UNKNOWN_STATE, MET)).astype(np.int8)


def _three_valued(included: list[np.ndarray], outcomes: list[np.ndarray]) -> np.ndarray:
    """_periods.three_valued over the outcomes each subject includes: all MET → MET, all FAILED → FAILED."""
    all_met = np.ones_like(included[0])
    all_failed = np.ones_like(included[0])
    for inc, out in zip(included, outcomes, strict=True):
        all_met &= ~inc | (out == MET)
        all_failed &= ~inc | (out == FAILED)
    return np.where(all_met, MET, np.where(all_failed, FAILED, UNKNOWN_STATE)).astype(np.int8)


def _principles(pop: Population, p: _Params) -> Conditions:
    """engine.principles."""
    present = pop.present_at(pop.year)
    found = []
    if p("principles.not_under_review").value:
        found.append(("not_under_review", _state(present, ~pop.under_review)))
    if p("principles.no_discipline_in_year").value:
        state = np.where(present & pop.is_person, _state(True, ~pop.blocked_at(pop.year)), ABSENT)
        found.append(("no_discipline_in_year", state.astype(np.int8)))
    return Conditions(found)


# -- one vectorised function per rule version (batch_rules.py) -------------------------------------------
_VECTORISED: dict[str, Callable[[Population, _Params], list]] = {}
# (version, condition id) → the scalar function that words that condition alone: conditions whose text names
# the subject's own dates are explained by it rather than by the whole rule (same words, less work).
_ALONE: dict[tuple[str, str], Callable[[Ctx], Condition]] = {}


def vectorised(*names: str):
    def register(function):
        for name in names:
            _VECTORISED[name] = function
        return function

    return register


def explained_alone(names: Iterable[str], id: str, function: Callable[[Ctx], Condition]) -> None:
    """Condition `id` of these versions is what `function(ctx)` returns, unchanged, in the scalar rule."""
    for name in names:
        _ALONE[(name, id)] = function


# -- the call ------------------------------------------------------------------------------------------
Explanation = tuple[str, str, str]  # (condition id, text, citation)


@dataclass(frozen=True)
class BatchResult:
    """Per (candidate, subject): `verdicts[c, i]` (an index into VERDICTS, or NOT_APPLICABLE) and
    `reasons[c, i]` (an index into `reason_ids`, or -1): the first failing checkable condition, else the
    first unknown one, in the scalar engine's order.

    With `explain=True`: `verified[c, i]`, and `explanation_codes[c, i]` (an index into `explanations`, or
    -1 when eligible or not applicable) giving that condition's (id, text, citation); `gates[id][i]` the
    explanation of the gate `id` where it fails for the subject (the first candidate listing it), else -1."""

    as_of: dt.date
    year: int
    subjects: tuple[str, ...]
    kinds: tuple[str, ...]
    candidates: tuple[str, ...]
    verdicts: np.ndarray
    reasons: np.ndarray
    reason_ids: tuple[str, ...]
    rules: dict[tuple[str, str], str]  # (candidate, kind) → rule version name ("" when none is in force)
    scalar_fallback: tuple[str, ...] = ()  # rule versions evaluated by the scalar engine
    verified: np.ndarray | None = None
    explanations: tuple[Explanation, ...] = ()
    explanation_codes: np.ndarray | None = None
    gates: dict[str, np.ndarray] = field(default_factory=dict)
    explained_by_scalar: int = 0  # scalar evaluations the explanations took

    def __len__(self) -> int:
        return len(self.subjects)

    def verdict(self, index: int, candidate: str) -> str | None:
        """None when the candidate was not evaluated for this subject (not asked, or not for its kind)."""
        if candidate not in self.candidates:
            return None
        code = int(self.verdicts[self.candidates.index(candidate), index])
        return None if code == NOT_APPLICABLE else VERDICTS[code]

    def reason(self, index: int, candidate: str) -> str | None:
        if candidate not in self.candidates:
            return None
        code = int(self.reasons[self.candidates.index(candidate), index])
        return None if code < 0 else self.reason_ids[code]

    def explanation(self, index: int, candidate: str) -> Explanation | None:
        """(condition id, text, citation) of the first failing (else unknown) condition (explain=True)."""
        if self.explanation_codes is None:
            raise ValueError("evaluate_population(..., explain=True) gives explanations")
        if candidate not in self.candidates:
            return None
        code = int(self.explanation_codes[self.candidates.index(candidate), index])
        return None if code < 0 else self.explanations[code]

    def is_verified(self, index: int, candidate: str) -> bool | None:
        if self.verified is None:
            raise ValueError("evaluate_population(..., explain=True) gives `verified`")
        if self.verdict(index, candidate) is None:
            return None
        return bool(self.verified[self.candidates.index(candidate), index])

    def failed_gates(self, index: int) -> list[Explanation]:
        """The gates asked for that fail for the subject, in the order asked."""
        return [self.explanations[int(codes[index])] for codes in self.gates.values() if codes[index] >= 0]

    def for_subject(self, index: int) -> dict[str, tuple[str, str | None]]:
        """candidate → (verdict, first failing or unknown condition id), for the candidates that apply."""
        found = {}
        for c, candidate in enumerate(self.candidates):
            code = int(self.verdicts[c, index])
            if code != NOT_APPLICABLE:
                reason = int(self.reasons[c, index])
                found[candidate] = (VERDICTS[code], None if reason < 0 else self.reason_ids[reason])
        return found

    def rows(self) -> Iterator[tuple[str, str, str, str | None]]:
        """(subject id, candidate, verdict, reason id) for every pair that applies."""
        for c, candidate in enumerate(self.candidates):
            for i in np.flatnonzero(self.verdicts[c] != NOT_APPLICABLE):
                reason = int(self.reasons[c, i])
                yield (
                    self.subjects[i],
                    candidate,
                    VERDICTS[self.verdicts[c, i]],
                    None if reason < 0 else self.reason_ids[reason],
                )

    def counts(self) -> dict[str, dict[str, int]]:
        """candidate → {verdict: number of subjects}."""
        found = {}
        for c, candidate in enumerate(self.candidates):
            codes = np.bincount(self.verdicts[c][self.verdicts[c] >= 0], minlength=len(VERDICTS))
            found[candidate] = {v: int(codes[i]) for i, v in enumerate(VERDICTS)}
        return found


class _Reasons:
    def __init__(self):
        self.ids: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, id: str) -> int:
        found = self.index.get(id)
        if found is None:
            found = self.index[id] = len(self.ids)
            self.ids.append(id)
        return found


def _combine(conditions: Conditions, n: int, reasons: _Reasons):
    """verdict_of, and the first FAILED (else first UNKNOWN) condition."""
    first_failed = np.full(n, -1, dtype=np.int16)
    first_unknown = np.full(n, -1, dtype=np.int16)
    for id, state, _ in reversed(conditions):
        code = reasons(id)
        first_failed = np.where(state == FAILED, code, first_failed)
        first_unknown = np.where(state == UNKNOWN_STATE, code, first_unknown)
    failed = first_failed >= 0
    verdict = np.where(failed, _NOT_ELIGIBLE, np.where(first_unknown >= 0, _UNKNOWN, _ELIGIBLE))
    return verdict.astype(np.int8), np.where(failed, first_failed, first_unknown).astype(np.int16)


def _scalar(pop: Population, version: RuleVersion, explainer: _Explainer, mask: np.ndarray) -> Conditions:
    """A version without a vectorised twin: the scalar result per subject, folded into one condition per
    position (the first failing / unknown id is what the batch reports), keyed by subject."""
    states = np.full(pop.n, MET, dtype=np.int8)
    ids: list[str | None] = [None] * pop.n
    for i in np.flatnonzero(mask):
        result = explainer.result(version, int(i))
        checkable = [c for c in result.conditions if not c.judgement]
        wanted = False if result.verdict == NOT_ELIGIBLE else None
        first = next((c for c in checkable if c.met is wanted), None)
        if first is not None:
            states[i] = FAILED if wanted is False else UNKNOWN_STATE
            ids[i] = first.id
    found = [
        (id, np.where(np.array([x == id for x in ids]), states, ABSENT).astype(np.int8), pop.index)
        for id in sorted(set(ids) - {None})
    ]
    return Conditions(found, verified_key=pop.index)


# -- explanations ----------------------------------------------------------------------------------------
class _Explainer:
    """Words the batch's answers as the scalar engine does, one scalar evaluation per group of subjects
    that share what the words depend on."""

    def __init__(self, pop: Population, table):
        self.pop = pop
        self.table = table
        self.explanations: list[Explanation] = []
        self.codes: dict[Explanation, int] = {}
        self.results: dict[tuple[str, int], object] = {}

    def result(self, version: RuleVersion, i: int):
        from tdkt.law.engine import evaluate_version

        found = self.results.get((version.name, i))
        if found is None:
            pop = self.pop
            case = Case(pop.as_of, pop.year, (version.candidate,), pop.subjects[i])
            found = self.results[(version.name, i)] = evaluate_version(version, case, table=self.table)
        return found

    def code(self, explanation: Explanation) -> int:
        found = self.codes.get(explanation)
        if found is None:
            found = self.codes[explanation] = len(self.explanations)
            self.explanations.append(explanation)
        return found

    def _groups(self, idx: np.ndarray, key: np.ndarray):
        """(representatives, inverse): one subject per distinct row of `key` (len(idx) rows)."""
        _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
        return idx[first], inverse.reshape(-1)

    def explain(self, version: RuleVersion, id: str, idx: np.ndarray, state: np.ndarray, key: Key):
        """Explanation codes of condition `id` for the subjects `idx`."""
        pop = self.pop
        columns = [state[idx], pop.kinds[idx]]
        if key is not None:
            columns.append(key[idx])
        representatives, inverse = self._groups(idx, keys(*columns))
        codes = np.empty(len(representatives), dtype=np.int32)
        alone = _ALONE.get((version.name, id))
        for g, i in enumerate(representatives):
            if alone is not None:
                case = Case(pop.as_of, pop.year, (version.candidate,), pop.subjects[int(i)])
                condition = alone(Ctx(case, Parameters(pop.as_of, self.table)))
            else:
                condition = _find(self.result(version, int(i)).conditions, id)
            codes[g] = self.code((condition.id, condition.text, condition.cite))
        return codes[inverse]

    def verified(self, version: RuleVersion, idx: np.ndarray, key: np.ndarray | None) -> np.ndarray:
        pop = self.pop
        columns = [pop.kinds[idx], pop.present_at(pop.year)[idx]]
        if key is not None:
            columns.append(key[idx])
        representatives, inverse = self._groups(idx, keys(*columns))
        flags = np.array([self.result(version, int(i)).verified for i in representatives], dtype=bool)
        return flags[inverse]


def _find(conditions: Iterable[Condition], id: str) -> Condition:
    for c in conditions:
        if c.id == id:
            return c
    raise LookupError(f"the scalar rule lists no condition {id!r}")  # a twin out of step with its rule


def _subject(item, as_of: dt.date, year: int) -> Subject:
    if isinstance(item, Subject):
        return item
    if isinstance(item, Case):
        return item.subject
    if isinstance(item, dict) and "subject" in item:
        raw = {**item, "as_of": as_of.isoformat(), "year": year, "candidates": None}
        return parse_case(raw).subject
    if isinstance(item, dict):
        return parse_case({"as_of": as_of.isoformat(), "year": year, "subject": item}).subject
    raise CaseError("subject", f"expected a Subject or a case, got {type(item).__name__}")


def evaluate_population(
    subjects_or_raw_cases: Iterable,
    *,
    as_of: dt.date | str,
    year: int | None = None,
    candidates: Iterable[str] | None = None,
    table=None,
    explain: bool = False,
    gates: Iterable[str] = (),
) -> BatchResult:
    """Every candidate (or `candidates`) for every subject, on `as_of` for the achievement `year` (default:
    the year of `as_of`). Items are Subjects, parsed Cases, raw cases (shared/domain/case-format.md: their
    subject is read, the call's as_of / year govern) or raw subjects. A candidate is evaluated for the
    subjects of the kinds it applies to; for the others the verdict is NOT_APPLICABLE. `explain` adds the
    texts, citations and `verified` flags; `gates` (condition ids) the explanation of each gate that fails."""
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    year = as_of.year if year is None else year
    if year > as_of.year:
        raise CaseError("year", f"{year} is after as_of ({as_of.isoformat()})")
    if candidates is not None:
        candidates = tuple(candidates)
        for i, c in enumerate(candidates):
            if c not in CANDIDATES:
                raise CaseError(f"candidates[{i}]", f"{c!r} is not one of {', '.join(CANDIDATES)}")
            if not any(c in candidates_for(k) for k in KINDS):
                raise CaseError(f"candidates[{i}]", f"{c!r} has no rule")
    gates = tuple(gates)
    wanted = candidates if candidates is not None else CANDIDATES
    needs_scalar = any(
        (v := version_for(c, k, as_of)) is not None and v.name not in _VECTORISED
        for c in wanted
        for k in KINDS
        if c in candidates_for(k)
    )
    pop = Population(
        (_subject(x, as_of, year) for x in subjects_or_raw_cases), as_of, year, keep=needs_scalar or explain
    )
    kinds_present = [k for i, k in enumerate(KINDS) if (pop.kinds == i).any()]
    if candidates is None:
        applicable = {c for k in kinds_present for c in candidates_for(k)}
        chosen = tuple(c for c in CANDIDATES if c in applicable)
    else:
        chosen = candidates
    table = table if table is not None else load()
    params = _Params(Parameters(as_of, table))
    reasons = _Reasons()
    explainer = _Explainer(pop, table)
    verdicts = np.full((len(chosen), pop.n), NOT_APPLICABLE, dtype=np.int8)
    reason_codes = np.full((len(chosen), pop.n), -1, dtype=np.int16)
    verified = np.zeros((len(chosen), pop.n), dtype=bool) if explain else None
    explanation_codes = np.full((len(chosen), pop.n), -1, dtype=np.int32) if explain else None
    gate_codes = {g: np.full(pop.n, -1, dtype=np.int32) for g in gates} if explain else {}
    rules_used: dict[tuple[str, str], str] = {}
    fallback: list[str] = []
    for c, candidate in enumerate(chosen):
        by_version: dict[RuleVersion | None, np.ndarray] = {}
        for k, kind in enumerate(KINDS):
            if kind not in kinds_present or candidate not in candidates_for(kind):
                continue
            version = version_for(candidate, kind, as_of)
            rules_used[(candidate, kind)] = version.name if version else ""
            mask = pop.kinds == k
            by_version[version] = by_version[version] | mask if version in by_version else mask
        for version, mask in by_version.items():
            if version is None:
                verdicts[c, mask] = _UNKNOWN
                reason_codes[c, mask] = reasons("rule_in_force")
                if explain:
                    verified[c, mask] = False
                    explanation_codes[c, mask] = explainer.code(_no_rule_explanation(candidate, pop))
                continue
            function = _VECTORISED.get(version.name)
            if function is None:
                fallback.append(version.name)
                conditions = _scalar(pop, version, explainer, mask)
            else:
                conditions = function(pop, params)
                if not isinstance(conditions, Conditions):
                    conditions = Conditions(conditions)
                if version.principles:
                    conditions = Conditions(
                        [*conditions, *_principles(pop, params)], verified_key=conditions.verified_key
                    )
            verdict, reason = _combine(conditions, pop.n, reasons)
            verdicts[c, mask] = verdict[mask]
            reason_codes[c, mask] = reason[mask]
            if explain:
                idx = np.flatnonzero(mask)
                verified[c, idx] = explainer.verified(version, idx, conditions.verified_key)
                by_id = {id: (state, key) for id, state, key in conditions}
                for code in np.unique(reason[idx]):
                    if code < 0:
                        continue
                    id = reasons.ids[code]
                    chosen_idx = idx[reason[idx] == code]
                    state, key = by_id[id]
                    explanation_codes[c, chosen_idx] = explainer.explain(version, id, chosen_idx, state, key)
                for gate, codes in gate_codes.items():
                    if gate not in by_id:
                        continue
                    state, key = by_id[gate]
                    failing = np.flatnonzero(mask & (state == FAILED) & (codes < 0))
                    if len(failing):
                        codes[failing] = explainer.explain(version, gate, failing, state, key)
    return BatchResult(
        as_of=as_of,
        year=year,
        subjects=pop.ids,
        kinds=tuple(KINDS[k] for k in pop.kinds),
        candidates=chosen,
        verdicts=verdicts,
        reasons=reason_codes,
        reason_ids=tuple(reasons.ids),
        rules=rules_used,
        scalar_fallback=tuple(fallback),
        verified=verified,
        explanations=tuple(explainer.explanations),
        explanation_codes=explanation_codes,
        gates=gate_codes,
        explained_by_scalar=len(explainer.results),
    )


def _no_rule_explanation(candidate: str, pop: Population) -> Explanation:
    from tdkt.law.engine import _no_rule

    case = Case(pop.as_of, pop.year, (candidate,), pop.subjects[0])
    condition = _no_rule(candidate, case).conditions[0]
    return (condition.id, condition.text, condition.cite)


from tdkt.law import batch_rules  # noqa: E402, F401  (registers every vectorised twin)

__all__ = [
    "VERDICTS",
    "BatchResult",
    "Conditions",
    "Population",
    "evaluate_population",
    "explained_alone",
    "vectorised",
]
