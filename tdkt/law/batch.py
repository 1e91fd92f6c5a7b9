"""Batch evaluation of a whole population (the app's year-end run): every candidate for every subject in one
call, set-based.

The subjects are encoded once into columns — years × people matrices of ratings, title bitmasks, discipline,
initiatives and research by scope; per-person vectors of prior awards, service figures and member counts —
and each rule version has a vectorised twin here (`_VECTORISED`, keyed by the version name) that mirrors the
scalar formula condition by condition, in the same order. Every parameter is read once per call.

The answer is, per (subject, candidate), the verdict and the id of the first failing checkable condition (or,
when none fails, the first unknown one): what the year-end unit list shows. The full explanation — texts,
citations, `verified` — stays with the scalar engine (`tdkt.law.evaluate_case`), called per person on demand.
A rule version without a vectorised twin is evaluated by the scalar engine for that candidate
(`BatchResult.scalar_fallback` names it), so a new version is correct before it is fast.

Conditions are three-valued arrays: MET, FAILED, UNKNOWN, or ABSENT when the scalar rule would not list the
condition for that subject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from tdkt.law import rules  # noqa: F401  (registers every rule module)
from tdkt.law.context import Ctx
from tdkt.law.errors import CaseError
from tdkt.law.facts import Case, Subject, parse_case
from tdkt.law.forms._periods import full_years
from tdkt.law.parameters import Parameters, Value, load
from tdkt.law.registry import RuleVersion, candidates_for, version_for
from tdkt.law.verdict import ELIGIBLE, NOT_ELIGIBLE, UNKNOWN
from tdkt.law.vocabulary import (
    CANDIDATES,
    FORMS,
    GENDERS,
    GOOD_OR_BETTER,
    KINDS,
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
_EXCELLENT = _RATING_CODE["excellent"]
_GOOD_CODES = [_RATING_CODE[r] for r in sorted(GOOD_OR_BETTER)]
_RANKS = (1, 2, 3)
_NO_DATA, _FAILED_STOP, _BOUND = 0, 1, 2  # why a run back from the year under review stops


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
            this_year.append(h.get(year))
            e = s.employed_since
            employed.append((e.year, e.month) if e else (0, 0))
            d = s.direct_professional_since
            direct.append(full(d, as_of) if d else -1)
            d = s.health_sector_since
            sector.append(full(d, as_of) if d else -1)
            manager.append(-1 if s.is_manager is None else int(s.is_manager))
            gender.append(-1 if s.gender is None else GENDERS.index(s.gender))
            hazardous.append(-1 if s.hazardous_specialty is None else int(s.hazardous_specialty))
        n = self.n = len(ids)
        self.subjects = kept  # only with keep=True (the scalar fallback needs them)
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
        # achievements[rank]: initiatives + research at that scope or above; initiatives[rank]: initiatives
        self.achievements = {r: np.zeros((rows, n), dtype=np.int32) for r in _RANKS}
        self.initiatives = {r: np.zeros((rows, n), dtype=np.int32) for r in _RANKS}
        for p, y, record in achievements:
            for a in record.initiatives:
                for r in range(1, SCOPE_RANK[a.scope] + 1):
                    self.initiatives[r][y - base, p] += 1
                    self.achievements[r][y - base, p] += 1
            for a in record.research:
                for r in range(1, SCOPE_RANK[a.scope] + 1):
                    self.achievements[r][y - base, p] += 1
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
        m = [r.members if r is not None else None for r in this_year]
        self.has_members = np.array([x is not None for x in m], dtype=bool)
        for field in (
            "total",
            "completed_tasks",
            "advanced_workers",
            "grassroots_emulation_fighters",
            "disciplined_warning_or_above",
        ):
            values = [getattr(x, field) if x is not None else 0 for x in m]
            setattr(self, f"m_{field}", np.array(values, dtype=np.int64).reshape(n))
        employed_arr = np.array(employed, dtype=np.int32).reshape(n, 2)
        self.employed_year, self.employed_month = employed_arr[:, 0], employed_arr[:, 1]
        self.direct_years = np.array(direct, dtype=np.int32)
        self.sector_years = np.array(sector, dtype=np.int32)
        self.is_manager = np.array(manager, dtype=np.int8)
        self.gender = np.array(gender, dtype=np.int8)
        self.hazardous = np.array(hazardous, dtype=np.int8)
        self._false = np.zeros(n, dtype=bool)
        self._zero8 = np.zeros(n, dtype=np.int8)
        self._zero32 = np.zeros(n, dtype=np.int32)

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


def _rating_codes(values) -> list[int]:
    return [_RATING_CODE[v] for v in values if v in _RATING_CODE and v is not None]


Test = Callable[[int], np.ndarray]  # year → bool per subject (for a year with a record)


def _has(pop: Population, title: str) -> Test:
    return lambda y: pop.title_at(y, title)


def _good_or_better(pop: Population) -> Test:
    return lambda y: np.isin(pop.rating_at(y), _GOOD_CODES)


def _excellent(pop: Population) -> Test:
    return lambda y: pop.rating_at(y) == _EXCELLENT


# -- shared condition shapes (mirroring context.py, _periods.py and the shared rule helpers) ------------
def _rating_in(pop: Population, allowed: Value, y: int | None = None) -> np.ndarray:
    """The year's rating is among the parameter's; unknown without a rating."""
    r = pop.rating_at(pop.year if y is None else y)
    return _state(r != 0, np.isin(r, _rating_codes(allowed.value)))


def _tenure(pop: Population, minimum: Value) -> np.ndarray:
    """advanced_worker.tenure_condition."""
    y, since_year = pop.year, pop.employed_year
    months = np.where(since_year > y, 0, np.where(since_year == y, 13 - pop.employed_month, 12))
    return _state(since_year != 0, months >= minimum.value)


def _chain(pop: Population, years: Iterable[int], test: Test) -> np.ndarray:
    """Ctx.chain (discipline breaks it) → its `met`."""
    missing = np.zeros(pop.n, dtype=bool)
    unknown = np.zeros(pop.n, dtype=bool)
    for y in years:
        present = pop.present_at(y)
        unknown |= ~present
        missing |= present & (pop.blocked_at(y) | ~test(y))
    return np.where(missing, FAILED, np.where(unknown, UNKNOWN_STATE, MET)).astype(np.int8)


def _achievements(pop: Population, years: Iterable[int], scope: str) -> np.ndarray:
    """grassroots_emulation_fighter.achievements_condition → its `met`."""
    rank = SCOPE_RANK[scope]
    found = np.zeros(pop.n, dtype=bool)
    unknown = np.zeros(pop.n, dtype=bool)
    for y in years:
        found |= pop.achievements_at(y, rank) > 0
        unknown |= ~pop.present_at(y)
    return np.where(found, MET, np.where(unknown, UNKNOWN_STATE, FAILED)).astype(np.int8)


def _run_back(pop: Population, test: Test, after: np.ndarray | None = None):
    """_periods.run_back → (length of the run, why it stops) per subject."""
    length = np.zeros(pop.n, dtype=np.int32)
    stop = np.full(pop.n, -1, dtype=np.int8)
    alive = np.ones(pop.n, dtype=bool)
    y = pop.year
    while alive.any():
        if after is not None:
            bound = alive & (y <= after)
            stop[bound] = _BOUND
            alive &= ~bound
        no_data = alive & ~pop.present_at(y)
        stop[no_data] = _NO_DATA
        alive &= ~no_data
        failed = alive & (pop.blocked_at(y) | ~test(y))
        stop[failed] = _FAILED_STOP
        alive &= ~failed
        length += alive
        y -= 1
    return length, stop


def _count(
    pop: Population, length, stop, minimum_years: int, test: Test, need: Value, after: np.ndarray | None
) -> np.ndarray:
    """_periods.count_condition → its `met`."""
    long = length >= minimum_years
    found = np.zeros(pop.n, dtype=np.int32)
    no_data = np.zeros(pop.n, dtype=bool)
    for k in range(max(minimum_years, pop.rows + 1)):
        y = pop.year - k
        short_period = np.ones(pop.n, dtype=bool) if after is None else y > after
        in_period = np.where(long, k < length, (k < minimum_years) & short_period)
        present = pop.present_at(y)
        found += in_period & present & ~pop.blocked_at(y) & test(y)
        no_data |= in_period & ~present
    earlier_unknown = long & (stop == _NO_DATA)
    return np.where(
        found >= need.value, MET, np.where(no_data | earlier_unknown, UNKNOWN_STATE, FAILED)
    ).astype(np.int8)


Conditions = list[tuple[str, np.ndarray]]


def _after_prior_award(
    pop: Population,
    *,
    prior_form: str,
    minimum: Value,
    counts: tuple[tuple[str, Test, Value], ...],
    after_required: bool = True,
) -> Conditions:
    """_periods.after_prior_award."""
    y = pop.year
    award_year = pop.merit_award_year[prior_form]
    holds = award_year > 0
    found: Conditions = [(f"holds_{prior_form}", _state(True, holds))]
    m = minimum.value
    if after_required:
        found.append(("years_after_prior_award", _state(holds, y >= award_year + m)))
    found.append(("good_rating_years", _chain(pop, range(y - m + 1, y + 1), _good_or_better(pop))))
    after = np.where(holds, award_year, np.iinfo(np.int32).min) if after_required else None
    length, stop = _run_back(pop, _good_or_better(pop), after)
    for id, test, need in counts:
        found.append((id, _count(pop, length, stop, m, test, need, after)))
    return found


def _principles(pop: Population) -> Conditions:
    """engine.principles."""
    present = pop.present_at(pop.year)
    return [
        ("not_under_review", _state(present, ~pop.under_review)),
        (
            "no_discipline_in_year",
            np.where(present & pop.is_person, _state(True, ~pop.blocked_at(pop.year)), ABSENT),
        ),
    ]


# -- one vectorised function per rule version ------------------------------------------------------------
_VECTORISED: dict[str, Callable[[Population, _Params], Conditions]] = {}


def vectorised(*names: str):
    def register(function):
        for name in names:
            _VECTORISED[name] = function
        return function

    return register


@vectorised("advanced_worker@2017-10-01", "advanced_worker@2024-01-01")
def _advanced_worker(pop: Population, p: _Params) -> Conditions:
    return [
        ("rating_good_or_better", _rating_in(pop, p("advanced_worker.good_ratings"))),
        ("minimum_months_worked", _tenure(pop, p("advanced_worker.minimum_months"))),
    ]


def _advanced_worker_this_year(pop: Population, p: _Params) -> np.ndarray:
    """grassroots_emulation_fighter.advanced_worker_condition."""
    y = pop.year
    parts = _all_of(
        _rating_in(pop, p("advanced_worker.good_ratings")), _tenure(pop, p("advanced_worker.minimum_months"))
    )
    held = pop.title_at(y, "advanced_worker")
    return np.where(held, MET, np.where(pop.present_at(y), parts, UNKNOWN_STATE)).astype(np.int8)


@vectorised("grassroots_emulation_fighter@2017-10-01")
def _grassroots_emulation_fighter_2017(pop: Population, p: _Params) -> Conditions:
    scope = p("grassroots_emulation_fighter.initiative_scope")
    return [
        ("advanced_worker_this_year", _advanced_worker_this_year(pop, p)),
        ("initiative_or_research", _achievements(pop, [pop.year], scope.value)),
    ]


@vectorised("grassroots_emulation_fighter@2024-01-01")
def _grassroots_emulation_fighter_2024(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    ratings = p("grassroots_emulation_fighter.qualifying_ratings")
    scope = p("grassroots_emulation_fighter.initiative_scope")
    rating = pop.rating_at(y)
    reason = np.isin(rating, _rating_codes(ratings.value)) | (
        pop.achievements_at(y, SCOPE_RANK[scope.value]) > 0
    )
    state = np.where(reason, MET, np.where(rating == 0, UNKNOWN_STATE, FAILED))
    state = np.where(pop.present_at(y), state, UNKNOWN_STATE).astype(np.int8)
    return [
        ("advanced_worker_this_year", _advanced_worker_this_year(pop, p)),
        ("excellent_or_initiative", state),
    ]


@vectorised("provincial_emulation_fighter@2017-10-01", "provincial_emulation_fighter@2024-01-01")
def _provincial_emulation_fighter(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    length = p("provincial_emulation_fighter.consecutive_years").value
    years = range(y - length + 1, y + 1)
    found = [("grassroots_fighter_chain", _chain(pop, years, _has(pop, "grassroots_emulation_fighter")))]
    earlier = np.zeros(pop.n, dtype=bool)
    for year in years:
        if year != y:
            earlier |= pop.title_at(year, "provincial_emulation_fighter")
    if p("provincial_emulation_fighter.separate_cycles").value:
        found.append(("new_cycle", np.where(earlier, FAILED, ABSENT).astype(np.int8)))
    scope = p("provincial_emulation_fighter.initiative_scope")
    found.append(("provincial_initiative", _achievements(pop, years, scope.value)))
    return found


@vectorised("national_emulation_fighter@2017-10-01", "national_emulation_fighter@2024-01-01")
def _national_emulation_fighter(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    times = p("national_emulation_fighter.provincial_times").value
    cycle = p("provincial_emulation_fighter.consecutive_years").value
    ends = [y - cycle * (times - 1 - i) for i in range(times)]
    scope = p("national_emulation_fighter.initiative_scope")
    return [
        ("provincial_fighter_chain", _chain(pop, ends, _has(pop, "provincial_emulation_fighter"))),
        ("national_initiative", _achievements(pop, range(y - cycle * times + 1, y + 1), scope.value)),
    ]


def _share(pop: Population, count: np.ndarray, minimum: Value, comparison: str = "at_least") -> np.ndarray:
    """advanced_collective.share_condition (exact: count/total against a Fraction)."""
    threshold = Fraction(str(minimum.value))
    lhs = count * threshold.denominator
    rhs = pop.m_total * threshold.numerator
    met = lhs >= rhs if comparison == "at_least" else lhs > rhs
    return _state(pop.has_members & (pop.m_total != 0), met)


def _no_member_disciplined(pop: Population, applies: Value) -> Conditions:
    if not applies.value:
        return []
    state = _state(pop.has_members, pop.m_disciplined_warning_or_above == 0)
    return [("no_member_disciplined_warning_or_above", state)]


@vectorised("advanced_collective@2017-10-01", "advanced_collective@2024-01-01")
def _advanced_collective(pop: Population, p: _Params) -> Conditions:
    comparison = p("advanced_collective.share_comparison")
    minimum = p("advanced_collective.minimum_advanced_worker_share")
    return [
        ("rating_good_or_better", _rating_in(pop, p("advanced_collective.good_ratings"))),
        ("advanced_worker_share", _share(pop, pop.m_advanced_workers, minimum, comparison.value)),
        *_no_member_disciplined(pop, p("advanced_collective.excludes_discipline_warning_or_above")),
    ]


@vectorised("excellent_collective@2017-10-01", "excellent_collective@2024-01-01")
def _excellent_collective(pop: Population, p: _Params) -> Conditions:
    completed = p("excellent_collective.minimum_completed_share")
    advanced = p("excellent_collective.minimum_advanced_worker_share")
    fighters = p("excellent_collective.minimum_grassroots_emulation_fighters")
    return [
        ("rating_excellent", _rating_in(pop, p("excellent_collective.ratings"))),
        ("all_members_completed_tasks", _share(pop, pop.m_completed_tasks, completed)),
        ("advanced_worker_share", _share(pop, pop.m_advanced_workers, advanced)),
        (
            "grassroots_emulation_fighter_member",
            _state(pop.has_members, pop.m_grassroots_emulation_fighters >= fighters.value),
        ),
        *_no_member_disciplined(pop, p("excellent_collective.excludes_discipline_warning_or_above")),
    ]


def _title_this_year(pop: Population, required: Value) -> np.ndarray:
    """provincial_emulation_flag.title_this_year_condition."""
    return _state(pop.present_at(pop.year), pop.title_at(pop.year, required.value))


@vectorised("provincial_emulation_flag@2017-10-01", "provincial_emulation_flag@2024-01-01")
def _provincial_emulation_flag(pop: Population, p: _Params) -> Conditions:
    state = _title_this_year(pop, p("provincial_emulation_flag.required_title"))
    return [("excellent_collective_this_year", state)]


@vectorised("government_emulation_flag@2017-10-01", "government_emulation_flag@2024-01-01")
def _government_emulation_flag(pop: Population, p: _Params) -> Conditions:
    state = _title_this_year(pop, p("government_emulation_flag.required_title"))
    return [("provincial_emulation_flag_this_year", state)]


@vectorised("commendation_certificate@2017-10-01", "commendation_certificate@2024-01-01")
def _commendation_certificate(pop: Population, p: _Params) -> Conditions:
    return [("rating_good_or_better", _rating_in(pop, p("commendation_certificate.good_ratings")))]


@vectorised("provincial_merit_certificate@2017-10-01", "provincial_merit_certificate@2024-01-01")
def _provincial_merit_certificate(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    fighter_years = p("provincial_merit_certificate.grassroots_fighter_years").value
    a = _chain(pop, range(y - fighter_years + 1, y + 1), _has(pop, "grassroots_emulation_fighter"))
    minimum = p("provincial_merit_certificate.excellent_years").value
    need = p("provincial_merit_certificate.initiatives").value
    rank = SCOPE_RANK[p("provincial_merit_certificate.initiative_scope").value]
    length, stop = _run_back(pop, _excellent(pop))
    initiatives = np.zeros(pop.n, dtype=np.int32)
    everything = np.zeros(pop.n, dtype=np.int32)
    for k in range(int(length.max(initial=0))):
        in_run = k < length
        initiatives += np.where(in_run, pop.initiatives_at(y - k, rank), 0)
        everything += np.where(in_run, pop.achievements_at(y - k, rank), 0)
    research = everything - initiatives
    no_data = stop == _NO_DATA
    b = np.where(
        length < minimum,
        np.where(no_data, UNKNOWN_STATE, FAILED),
        np.where((initiatives >= need) | (research >= need), MET, np.where(no_data, UNKNOWN_STATE, FAILED)),
    )
    met = np.where(
        (a == MET) | (b == MET), MET, np.where((a == FAILED) & (b == FAILED), FAILED, UNKNOWN_STATE)
    )
    return [("consecutive_years_standard", met.astype(np.int8))]


@vectorised("prime_minister_merit_certificate@2024-01-01")
def _prime_minister_merit_certificate(pop: Population, p: _Params) -> Conditions:
    return _after_prior_award(
        pop,
        prior_form="provincial_merit_certificate",
        minimum=p("prime_minister_merit_certificate.consecutive_years"),
        counts=(
            (
                "grassroots_fighter_count",
                _has(pop, "grassroots_emulation_fighter"),
                p("prime_minister_merit_certificate.grassroots_fighter_titles"),
            ),
        ),
        after_required=bool(p("prime_minister_merit_certificate.years_after_prior_award").value),
    )


@vectorised("prime_minister_merit_certificate@2017-10-01")
def _prime_minister_merit_certificate_2017(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    minimum = p("prime_minister_merit_certificate.consecutive_years").value
    need = p("prime_minister_merit_certificate.initiatives").value
    award_year = pop.merit_award_year["provincial_merit_certificate"]
    holds = award_year > 0
    years = range(y - minimum + 1, y + 1)
    found = np.zeros(pop.n, dtype=np.int32)
    missing_data = np.zeros(pop.n, dtype=bool)
    for year in years:
        found += pop.achievements_at(year, SCOPE_RANK["unit"])
        missing_data |= ~pop.present_at(year)
    initiatives = np.where(found >= need, MET, np.where(missing_data, UNKNOWN_STATE, FAILED))
    return [
        ("holds_provincial_merit_certificate", _state(True, holds)),
        ("years_after_prior_award", _state(holds, y >= award_year + minimum)),
        ("excellent_years", _chain(pop, years, _excellent(pop))),
        ("initiatives", initiatives.astype(np.int8)),
    ]


@vectorised("labor_order_third@2024-01-01")
def _labor_order_third(pop: Population, p: _Params) -> Conditions:
    return _after_prior_award(
        pop,
        prior_form="prime_minister_merit_certificate",
        minimum=p("labor_order_third.consecutive_years"),
        counts=(
            ("excellent_years_count", _excellent(pop), p("labor_order_third.excellent_years")),
            (
                "grassroots_fighter_count",
                _has(pop, "grassroots_emulation_fighter"),
                p("labor_order_third.grassroots_fighter_titles"),
            ),
        ),
    )


@vectorised("labor_order_second@2024-01-01")
def _labor_order_second(pop: Population, p: _Params) -> Conditions:
    return _after_prior_award(
        pop,
        prior_form="labor_order_third",
        minimum=p("labor_order_second.consecutive_years"),
        counts=(
            ("excellent_years_count", _excellent(pop), p("labor_order_second.excellent_years")),
            (
                "provincial_fighter_count",
                _has(pop, "provincial_emulation_fighter"),
                p("labor_order_second.provincial_fighter_titles"),
            ),
        ),
    )


def _excellent_years_with_initiatives(
    pop: Population, p: _Params, *, prior_form: str, prefix: str, alternative: bool = False
) -> Conditions:
    """labor_order_third.excellent_years_with_initiatives (old regime of the Labour Orders)."""
    y = pop.year
    minimum = p(f"{prefix}.consecutive_years").value
    need = p(f"{prefix}.initiatives").value
    rank = SCOPE_RANK[p(f"{prefix}.initiative_scope").value]
    award_year = pop.merit_award_year[prior_form]
    holds = award_year > 0
    years = range(y - minimum + 1, y + 1)
    found = np.zeros(pop.n, dtype=np.int32)
    missing_data = np.zeros(pop.n, dtype=bool)
    for year in years:
        found += pop.achievements_at(year, rank)
        missing_data |= ~pop.present_at(year)
    enough = found >= need
    if alternative:
        other = p(f"{prefix}.alternative_initiatives").value
        other_rank = SCOPE_RANK[p(f"{prefix}.alternative_initiative_scope").value]
        found_other = np.zeros(pop.n, dtype=np.int32)
        for year in years:
            found_other += pop.achievements_at(year, other_rank)
        enough |= found_other >= other
    initiatives = np.where(enough, MET, np.where(missing_data, UNKNOWN_STATE, FAILED))
    return [
        (f"holds_{prior_form}", _state(True, holds)),
        ("years_after_prior_award", _state(holds, y >= award_year + minimum)),
        ("excellent_years", _chain(pop, years, _excellent(pop))),
        ("initiatives", initiatives.astype(np.int8)),
    ]


@vectorised("labor_order_third@2017-10-01")
def _labor_order_third_2017(pop: Population, p: _Params) -> Conditions:
    return _excellent_years_with_initiatives(
        pop, p, prior_form="prime_minister_merit_certificate", prefix="labor_order_third", alternative=True
    )


@vectorised("labor_order_second@2017-10-01")
def _labor_order_second_2017(pop: Population, p: _Params) -> Conditions:
    return _excellent_years_with_initiatives(
        pop, p, prior_form="labor_order_third", prefix="labor_order_second"
    )


def _physician_service(pop: Population, p: _Params, prefix: str) -> np.ndarray:
    """_periods.physician_service → its `met`."""
    direct, sector = pop.direct_years, pop.sector_years
    need = p(f"{prefix}.direct_years").value
    sector_need = p(f"{prefix}.manager_sector_years").value
    direct_need = p(f"{prefix}.manager_direct_years").value
    worker = _state(direct >= 0, direct >= need)
    short = ((direct >= 0) & (direct < direct_need)) | ((sector >= 0) & (sector < sector_need))
    manager = np.where(short, FAILED, np.where((direct < 0) | (sector < 0), UNKNOWN_STATE, MET))
    return _three_valued([pop.is_manager != 1, pop.is_manager != 0], [worker, manager])


@vectorised("meritorious_physician@2024-04-15")
def _meritorious_physician(pop: Population, p: _Params) -> Conditions:
    return [("service_years", _physician_service(pop, p, "meritorious_physician"))]


@vectorised("peoples_physician@2024-04-15")
def _peoples_physician(pop: Population, p: _Params) -> Conditions:
    held = pop.any_award_year["meritorious_physician"] > 0
    return [
        ("holds_meritorious_physician", _state(True, held)),
        ("service_years", _physician_service(pop, p, "peoples_physician")),
    ]


def _sector_service(pop: Population, p: _Params, prefix: str) -> np.ndarray:
    """meritorious_physician.sector_service (old regime, ND 41/2015) → its `met`."""
    need = p(f"{prefix}.sector_years").value
    return _state(pop.sector_years >= 0, pop.sector_years >= need)


@vectorised("meritorious_physician@2017-10-01")
def _meritorious_physician_2017(pop: Population, p: _Params) -> Conditions:
    return [("health_sector_years", _sector_service(pop, p, "meritorious_physician"))]


@vectorised("peoples_physician@2017-10-01")
def _peoples_physician_2017(pop: Population, p: _Params) -> Conditions:
    held = pop.any_award_year["meritorious_physician"] > 0
    return [
        ("holds_meritorious_physician", _state(True, held)),
        ("health_sector_years", _sector_service(pop, p, "peoples_physician")),
    ]


@vectorised("health_commemorative_medal@2017-10-01")
def _health_commemorative_medal(pop: Population, p: _Params) -> Conditions:
    held = pop.any_award_year["health_commemorative_medal"] > 0
    standard = p("health_commemorative_medal.years").value
    reduced = p("health_commemorative_medal.hazardous_years").value
    years = pop.sector_years
    included, outcomes = [], []
    for table, applies in ((standard, pop.hazardous != 1), (reduced, pop.hazardous != 0)):
        for g, gender in enumerate(GENDERS):
            included.append(applies & ((pop.gender == -1) | (pop.gender == g)))
            outcomes.append(np.where(years >= table[gender], MET, FAILED))
    state = np.where(years >= 0, _three_valued(included, outcomes), UNKNOWN_STATE).astype(np.int8)
    return [("not_yet_awarded", _state(True, ~held)), ("health_sector_years", state)]


# -- the call ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BatchResult:
    """Per (candidate, subject): `verdicts[c, i]` (an index into VERDICTS, or NOT_APPLICABLE) and
    `reasons[c, i]` (an index into `reason_ids`, or -1): the first failing checkable condition, else the
    first unknown one, in the scalar engine's order."""

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
    for id, state in reversed(conditions):
        code = reasons(id)
        first_failed = np.where(state == FAILED, code, first_failed)
        first_unknown = np.where(state == UNKNOWN_STATE, code, first_unknown)
    failed = first_failed >= 0
    verdict = np.where(failed, _NOT_ELIGIBLE, np.where(first_unknown >= 0, _UNKNOWN, _ELIGIBLE))
    return verdict.astype(np.int8), np.where(failed, first_failed, first_unknown).astype(np.int16)


def _scalar(pop: Population, version: RuleVersion, parameters: Parameters, mask: np.ndarray) -> Conditions:
    """A version without a vectorised twin: the scalar formula per subject, folded into one condition per
    position (the first failing / unknown id is what the batch reports)."""
    from tdkt.law.engine import principles
    from tdkt.law.verdict import verdict_of

    verdicts = np.full(pop.n, MET, dtype=np.int8)
    ids: list[str | None] = [None] * pop.n
    for i in np.flatnonzero(mask):
        subject = pop.subjects[i]
        ctx = Ctx(Case(pop.as_of, pop.year, (version.candidate,), subject), parameters)
        conditions = list(version.formula(ctx)) + (principles(ctx) if version.principles else [])
        verdict = verdict_of(conditions)
        checkable = [c for c in conditions if not c.judgement]
        wanted = False if verdict == NOT_ELIGIBLE else None
        first = next((c for c in checkable if c.met is wanted), None)
        if first is not None:
            verdicts[i] = FAILED if wanted is False else UNKNOWN_STATE
            ids[i] = first.id
    return [
        (id, np.where(np.array([x == id for x in ids]), verdicts, ABSENT)) for id in sorted(set(ids) - {None})
    ]


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
) -> BatchResult:
    """Every candidate (or `candidates`) for every subject, on `as_of` for the achievement `year` (default:
    the year of `as_of`). Items are Subjects, parsed Cases, raw cases (shared/domain/case-format.md: their
    subject is read, the call's as_of / year govern) or raw subjects. A candidate is evaluated for the
    subjects of the kinds it applies to; for the others the verdict is NOT_APPLICABLE."""
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
    wanted = candidates if candidates is not None else CANDIDATES
    needs_scalar = any(
        (v := version_for(c, k, as_of)) is not None and v.name not in _VECTORISED
        for c in wanted
        for k in KINDS
        if c in candidates_for(k)
    )
    pop = Population(
        (_subject(x, as_of, year) for x in subjects_or_raw_cases), as_of, year, keep=needs_scalar
    )
    kinds_present = [k for i, k in enumerate(KINDS) if (pop.kinds == i).any()]
    if candidates is None:
        applicable = {c for k in kinds_present for c in candidates_for(k)}
        chosen = tuple(c for c in CANDIDATES if c in applicable)
    else:
        chosen = candidates
    parameters = Parameters(as_of, table if table is not None else load())
    params = _Params(parameters)
    reasons = _Reasons()
    verdicts = np.full((len(chosen), pop.n), NOT_APPLICABLE, dtype=np.int8)
    reason_codes = np.full((len(chosen), pop.n), -1, dtype=np.int16)
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
                continue
            function = _VECTORISED.get(version.name)
            if function is None:
                fallback.append(version.name)
                conditions = _scalar(pop, version, parameters, mask)
            else:
                conditions = function(pop, params)
                if version.principles:
                    conditions = conditions + _principles(pop)
            verdict, reason = _combine(conditions, pop.n, reasons)
            verdicts[c, mask] = verdict[mask]
            reason_codes[c, mask] = reason[mask]
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
    )


__all__ = ["VERDICTS", "BatchResult", "Population", "evaluate_population", "vectorised"]
