"""The vectorised twins of the rule versions (see tdkt/law/batch.py): each mirrors its scalar formula
condition by condition, in the same order, and gives each condition the key its text depends on (for the
explanations: `None` when the state alone decides the text, `pop.index` when it is the subject's own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction

import numpy as np

from tdkt.law.batch import (
    _BOUND,
    _EXCELLENT,
    _FAILED_STOP,
    _GOOD_CODES,
    _LEAVE_BIT,
    _NO_DATA,
    _RATING_CODE,
    ABSENT,
    FAILED,
    MET,
    UNKNOWN_STATE,
    Conditions,
    Population,
    _all_of,
    _Params,
    _state,
    _three_valued,
    explained_alone,
    keys,
    vectorised,
)
from tdkt.law.forms._periods import physician_service
from tdkt.law.forms.health_commemorative_medal import years_condition
from tdkt.law.forms.meritorious_physician import sector_service
from tdkt.law.parameters import Value
from tdkt.law.titles.advanced_worker import days_on_leave, post_start, threshold_days
from tdkt.law.vocabulary import GENDERS, LEAVE_KINDS, SCOPE_RANK

_ = (_BOUND, _FAILED_STOP)  # run stops other than no data are told apart by the run's length and year codes


def _rating_codes(values) -> list[int]:
    return [_RATING_CODE[v] for v in values if v in _RATING_CODE and v is not None]


Test = Callable[[int], np.ndarray]  # year → bool per subject (for a year with a record)


def _has(pop: Population, title: str) -> Test:
    return lambda y: pop.title_at(y, title)


def _good_or_better(pop: Population) -> Test:
    return lambda y: np.isin(pop.rating_at(y), _GOOD_CODES)


def _excellent(pop: Population) -> Test:
    return lambda y: pop.rating_at(y) == _EXCELLENT


# -- explanation keys --------------------------------------------------------------------------------------
def _bits(pop: Population, years: Iterable[int], test: Test) -> np.ndarray:
    """Per year: has a record, passes `test`, touched by discipline — what a chain's text names."""
    return keys(
        *(
            pop.present_at(y).astype(np.int64)
            | (test(y).astype(np.int64) << 1)
            | (pop.blocked_at(y).astype(np.int64) << 2)
            for y in years
        )
    )


def _scopes(pop: Population, years: Iterable[int]) -> np.ndarray:
    """Per year: has a record, and the scopes of its initiatives and research works in order."""
    years = list(years)
    return keys(*(pop.present_at(y) for y in years), *(pop.sequence_at(y) for y in years))


def _members(pop: Population) -> np.ndarray:
    """What a collective's conditions say: its rating and member figures of the year."""
    return keys(
        pop.rating_at(pop.year),
        pop.has_members,
        pop.m_total,
        pop.m_completed_tasks,
        pop.m_advanced_workers,
        pop.m_grassroots_emulation_fighters,
        pop.m_disciplined_warning_or_above,
    )


# -- shared condition shapes (mirroring context.py, _periods.py and the shared rule helpers) ------------
def _rating_in(pop: Population, allowed: Value, y: int | None = None) -> np.ndarray:
    """The year's rating is among the parameter's; unknown without a rating."""
    r = pop.rating_at(pop.year if y is None else y)
    return _state(r != 0, np.isin(r, _rating_codes(allowed.value)))


def _tenure(pop: Population, minimum: Value) -> tuple[np.ndarray, np.ndarray]:
    """advanced_worker.tenure_condition, and its key (the recruitment date when in or after the year; -1
    when unknown)."""
    y, since_year = pop.year, pop.employed_year
    months = np.where(since_year > y, 0, np.where(since_year == y, 13 - pop.employed_month, 12))
    key = np.where(since_year >= y, pop.employed_ordinal, np.where(since_year == 0, -1, 0))
    return _state(since_year != 0, months >= minimum.value), key


def _absence(pop: Population, p: _Params) -> tuple[np.ndarray, np.ndarray]:
    """advanced_worker.absence_condition (ABSENT without leave in the year), and the leave kinds each
    subject has in the year (which parameters the rule reads)."""
    y = pop.year
    first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    state = np.full(pop.n, ABSENT, dtype=np.int8)
    kinds_mask = np.zeros(pop.n, dtype=np.int64)
    touching = {}
    for i, periods in pop.leave.items():
        periods = [x for x in periods if x.start <= last and (x.end is None or x.end >= first)]
        if periods:
            touching[i] = periods
            kinds_mask[i] = sum({_LEAVE_BIT[x.kind] for x in periods})
    present = {k for periods in touching.values() for k in (x.kind for x in periods)}
    rules = {k: p(f"advanced_worker.leave_counts_as_work.{k}") for k in LEAVE_KINDS if k in present}
    minimum = None
    for i, periods in touching.items():
        uncounted = [x for x in periods if not rules[x.kind].value]
        if not uncounted:
            state[i] = MET
            continue
        if minimum is None:
            minimum = p("advanced_worker.minimum_months_at_work")
        employed = dt.date.fromordinal(int(pop.employed_ordinal[i])) if pop.employed_ordinal[i] else None
        start = post_start(employed, y)
        in_post = 0 if start is None else (last - start).days + 1
        absent = 0 if start is None else days_on_leave(uncounted, start, last)
        state[i] = MET if in_post - absent >= threshold_days(y, minimum.value) else FAILED
    return state, kinds_mask


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


def _after_prior_award(
    pop: Population,
    *,
    prior_form: str,
    minimum: Value,
    counts: tuple[tuple[str, Test, Value], ...],
    after_required: bool = True,
) -> Conditions:
    """_periods.after_prior_award. Only holders of the prior award get past its first condition: the
    others' text is the same for all, the holders' are keyed by subject."""
    y = pop.year
    award_year = pop.merit_award_year[prior_form]
    holds = award_year > 0
    found = [(f"holds_{prior_form}", _state(True, holds))]
    m = minimum.value
    if after_required:
        found.append(("years_after_prior_award", _state(holds, y >= award_year + m), award_year))
    chain = _chain(pop, range(y - m + 1, y + 1), _good_or_better(pop))
    found.append(("good_rating_years", chain, _bits(pop, range(y - m + 1, y + 1), _good_or_better(pop))))
    after = np.where(holds, award_year, np.iinfo(np.int32).min) if after_required else None
    length, stop = _run_back(pop, _good_or_better(pop), after)
    for id, test, need in counts:
        found.append((id, _count(pop, length, stop, m, test, need, after), pop.index))
    return Conditions(found)


# -- Lao động tiên tiến and Chiến sĩ thi đua cơ sở -----------------------------------------------------
@vectorised("advanced_worker@2017-10-01", "advanced_worker@2024-01-01")
def _advanced_worker(pop: Population, p: _Params) -> Conditions:
    tenure, tenure_key = _tenure(pop, p("advanced_worker.minimum_months"))
    absence, leave_kinds = _absence(pop, p)
    rating = _rating_in(pop, p("advanced_worker.good_ratings"))
    return Conditions(
        [
            ("minimum_months_worked", tenure, tenure_key),
            ("no_long_absence", absence, pop.index),
            ("rating_good_or_better", rating, pop.rating_at(pop.year)),
        ],
        verified_key=leave_kinds,
    )


def _advanced_worker_this_year(pop: Population, p: _Params):
    """grassroots_emulation_fighter.advanced_worker_condition: (state, key, verified key)."""
    y = pop.year
    tenure, tenure_key = _tenure(pop, p("advanced_worker.minimum_months"))
    absence, leave_kinds = _absence(pop, p)
    parts = _all_of(tenure, absence, _rating_in(pop, p("advanced_worker.good_ratings")))
    held = pop.title_at(y, "advanced_worker")
    present = pop.present_at(y)
    state = np.where(held, MET, np.where(present, parts, UNKNOWN_STATE)).astype(np.int8)
    absence_key = np.where(absence == ABSENT, -1, pop.index)
    key = keys(present, tenure_key, absence_key, pop.rating_at(y))
    read = np.where(held | ~present, -1, leave_kinds)  # the LĐTT parameters are read only when judged here
    return state, key, read


@vectorised("grassroots_emulation_fighter@2017-10-01")
def _grassroots_emulation_fighter_2017(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    scope = p("grassroots_emulation_fighter.initiative_scope")
    state, key, read = _advanced_worker_this_year(pop, p)
    initiative = _achievements(pop, [y], scope.value)
    initiative_key = keys(_scopes(pop, [y]), pop.rating_at(y) == _EXCELLENT)
    return Conditions(
        [("advanced_worker_this_year", state, key), ("initiative_or_research", initiative, initiative_key)],
        verified_key=read,
    )


@vectorised("grassroots_emulation_fighter@2024-01-01")
def _grassroots_emulation_fighter_2024(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    ratings = p("grassroots_emulation_fighter.qualifying_ratings")
    scope = p("grassroots_emulation_fighter.initiative_scope")
    rating = pop.rating_at(y)
    reason = np.isin(rating, _rating_codes(ratings.value)) | (
        pop.achievements_at(y, SCOPE_RANK[scope.value]) > 0
    )
    present = pop.present_at(y)
    either = np.where(reason, MET, np.where(rating == 0, UNKNOWN_STATE, FAILED))
    either = np.where(present, either, UNKNOWN_STATE).astype(np.int8)
    state, key, read = _advanced_worker_this_year(pop, p)
    return Conditions(
        [
            ("advanced_worker_this_year", state, key),
            ("excellent_or_initiative", either, keys(present, rating)),
        ],
        verified_key=read,
    )


# -- the higher individual titles -----------------------------------------------------------------------
@vectorised("provincial_emulation_fighter@2017-10-01", "provincial_emulation_fighter@2024-01-01")
def _provincial_emulation_fighter(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    length = p("provincial_emulation_fighter.consecutive_years").value
    years = range(y - length + 1, y + 1)
    fighter = _has(pop, "grassroots_emulation_fighter")
    found = [("grassroots_fighter_chain", _chain(pop, years, fighter), _bits(pop, years, fighter))]
    earlier = np.zeros(pop.n, dtype=bool)
    for year in years:
        if year != y:
            earlier |= pop.title_at(year, "provincial_emulation_fighter")
    if p("provincial_emulation_fighter.separate_cycles").value:
        cycle_key = _bits(pop, years, _has(pop, "provincial_emulation_fighter"))
        found.append(("new_cycle", np.where(earlier, FAILED, ABSENT).astype(np.int8), cycle_key))
    scope = p("provincial_emulation_fighter.initiative_scope")
    found.append(("provincial_initiative", _achievements(pop, years, scope.value), _scopes(pop, years)))
    return Conditions(found, verified_key=earlier)  # separate_cycles is read only after an earlier title


@vectorised("national_emulation_fighter@2017-10-01", "national_emulation_fighter@2024-01-01")
def _national_emulation_fighter(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    times = p("national_emulation_fighter.provincial_times").value
    cycle = p("provincial_emulation_fighter.consecutive_years").value
    ends = [y - cycle * (times - 1 - i) for i in range(times)]
    scope = p("national_emulation_fighter.initiative_scope")
    window = range(y - cycle * times + 1, y + 1)
    provincial = _has(pop, "provincial_emulation_fighter")
    return Conditions(
        [
            ("provincial_fighter_chain", _chain(pop, ends, provincial), _bits(pop, window, provincial)),
            ("national_initiative", _achievements(pop, window, scope.value), _scopes(pop, window)),
        ]
    )


# -- collective titles ---------------------------------------------------------------------------------
def _share(pop: Population, count: np.ndarray, minimum: Value, comparison: str = "at_least") -> np.ndarray:
    """advanced_collective.share_condition (exact: count/total against a Fraction)."""
    threshold = Fraction(str(minimum.value))
    lhs = count * threshold.denominator
    rhs = pop.m_total * threshold.numerator
    met = lhs >= rhs if comparison == "at_least" else lhs > rhs
    return _state(pop.has_members & (pop.m_total != 0), met)


def _no_member_disciplined(pop: Population, applies: Value) -> list:
    if not applies.value:
        return []
    state = _state(pop.has_members, pop.m_disciplined_warning_or_above == 0)
    return [("no_member_disciplined_warning_or_above", state, _members(pop))]


@vectorised("advanced_collective@2017-10-01", "advanced_collective@2024-01-01")
def _advanced_collective(pop: Population, p: _Params) -> Conditions:
    comparison = p("advanced_collective.share_comparison")
    minimum = p("advanced_collective.minimum_advanced_worker_share")
    key = _members(pop)
    return Conditions(
        [
            ("rating_good_or_better", _rating_in(pop, p("advanced_collective.good_ratings")), key),
            ("advanced_worker_share", _share(pop, pop.m_advanced_workers, minimum, comparison.value), key),
            *_no_member_disciplined(pop, p("advanced_collective.excludes_discipline_warning_or_above")),
        ]
    )


@vectorised("excellent_collective@2017-10-01", "excellent_collective@2024-01-01")
def _excellent_collective(pop: Population, p: _Params) -> Conditions:
    completed = p("excellent_collective.minimum_completed_share")
    advanced = p("excellent_collective.minimum_advanced_worker_share")
    fighters = p("excellent_collective.minimum_grassroots_emulation_fighters")
    key = _members(pop)
    return Conditions(
        [
            ("rating_excellent", _rating_in(pop, p("excellent_collective.ratings")), key),
            ("all_members_completed_tasks", _share(pop, pop.m_completed_tasks, completed), key),
            ("advanced_worker_share", _share(pop, pop.m_advanced_workers, advanced), key),
            (
                "grassroots_emulation_fighter_member",
                _state(pop.has_members, pop.m_grassroots_emulation_fighters >= fighters.value),
                key,
            ),
            *_no_member_disciplined(pop, p("excellent_collective.excludes_discipline_warning_or_above")),
        ]
    )


def _title_this_year(pop: Population, required: Value) -> np.ndarray:
    """provincial_emulation_flag.title_this_year_condition."""
    return _state(pop.present_at(pop.year), pop.title_at(pop.year, required.value))


@vectorised("provincial_emulation_flag@2017-10-01", "provincial_emulation_flag@2024-01-01")
def _provincial_emulation_flag(pop: Population, p: _Params) -> Conditions:
    state = _title_this_year(pop, p("provincial_emulation_flag.required_title"))
    return Conditions([("excellent_collective_this_year", state)])


@vectorised("government_emulation_flag@2017-10-01", "government_emulation_flag@2024-01-01")
def _government_emulation_flag(pop: Population, p: _Params) -> Conditions:
    state = _title_this_year(pop, p("government_emulation_flag.required_title"))
    return Conditions([("provincial_emulation_flag_this_year", state)])


# -- commendation forms ---------------------------------------------------------------------------------
@vectorised("commendation_certificate@2017-10-01", "commendation_certificate@2024-01-01")
def _commendation_certificate(pop: Population, p: _Params) -> Conditions:
    state = _rating_in(pop, p("commendation_certificate.good_ratings"))
    return Conditions([("rating_good_or_better", state, pop.rating_at(pop.year))])


@vectorised("provincial_merit_certificate@2017-10-01", "provincial_merit_certificate@2024-01-01")
def _provincial_merit_certificate(pop: Population, p: _Params) -> Conditions:
    y = pop.year
    fighter_years = p("provincial_merit_certificate.grassroots_fighter_years").value
    fighter = _has(pop, "grassroots_emulation_fighter")
    a = _chain(pop, range(y - fighter_years + 1, y + 1), fighter)
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
    # the year the run of excellent years stops: its record (rating, discipline) or its absence is named
    stop_code = np.zeros(pop.n, dtype=np.int64)
    for k in range(int(length.max(initial=0)) + 1):
        stop_code = np.where(length == k, pop.year_code_at(y - k), stop_code)
    chain_key = _bits(pop, range(y - fighter_years + 1, y + 1), fighter)
    key = keys(chain_key, length, stop, stop_code, initiatives, research)
    return Conditions([("consecutive_years_standard", met.astype(np.int8), key)])


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
    return Conditions(
        [
            ("holds_provincial_merit_certificate", _state(True, holds)),
            ("years_after_prior_award", _state(holds, y >= award_year + minimum), award_year),
            ("excellent_years", _chain(pop, years, _excellent(pop)), _bits(pop, years, _excellent(pop))),
            ("initiatives", initiatives.astype(np.int8), pop.index),
        ]
    )


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
    return Conditions(
        [
            (f"holds_{prior_form}", _state(True, holds)),
            ("years_after_prior_award", _state(holds, y >= award_year + minimum), award_year),
            ("excellent_years", _chain(pop, years, _excellent(pop)), _bits(pop, years, _excellent(pop))),
            ("initiatives", initiatives.astype(np.int8), pop.index),
        ]
    )


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


# -- honorary titles and the medal ----------------------------------------------------------------------
def _physician_service(pop: Population, p: _Params, prefix: str) -> tuple[np.ndarray, np.ndarray]:
    """_periods.physician_service → its `met`, and its key (the dates it names)."""
    direct, sector = pop.direct_years, pop.sector_years
    need = p(f"{prefix}.direct_years").value
    sector_need = p(f"{prefix}.manager_sector_years").value
    direct_need = p(f"{prefix}.manager_direct_years").value
    worker = _state(direct >= 0, direct >= need)
    short = ((direct >= 0) & (direct < direct_need)) | ((sector >= 0) & (sector < sector_need))
    manager = np.where(short, FAILED, np.where((direct < 0) | (sector < 0), UNKNOWN_STATE, MET))
    state = _three_valued([pop.is_manager != 1, pop.is_manager != 0], [worker, manager])
    key = keys(pop.is_manager, pop.direct_ordinal, np.where(pop.is_manager == 0, 0, pop.sector_ordinal))
    return state, key


@vectorised("meritorious_physician@2024-04-15")
def _meritorious_physician(pop: Population, p: _Params) -> Conditions:
    state, key = _physician_service(pop, p, "meritorious_physician")
    return Conditions([("service_years", state, key)], verified_key=pop.is_manager)


@vectorised("peoples_physician@2024-04-15")
def _peoples_physician(pop: Population, p: _Params) -> Conditions:
    held = pop.any_award_year["meritorious_physician"] > 0
    state, key = _physician_service(pop, p, "peoples_physician")
    return Conditions(
        [("holds_meritorious_physician", _state(True, held)), ("service_years", state, key)],
        verified_key=pop.is_manager,
    )


def _sector_service(pop: Population, p: _Params, prefix: str) -> tuple[np.ndarray, np.ndarray]:
    """meritorious_physician.sector_service (old regime, ND 41/2015) → its `met` and key."""
    need = p(f"{prefix}.sector_years").value
    return _state(pop.sector_years >= 0, pop.sector_years >= need), pop.sector_ordinal


@vectorised("meritorious_physician@2017-10-01")
def _meritorious_physician_2017(pop: Population, p: _Params) -> Conditions:
    state, key = _sector_service(pop, p, "meritorious_physician")
    return Conditions([("health_sector_years", state, key)])


@vectorised("peoples_physician@2017-10-01")
def _peoples_physician_2017(pop: Population, p: _Params) -> Conditions:
    held = pop.any_award_year["meritorious_physician"] > 0
    state, key = _sector_service(pop, p, "peoples_physician")
    return Conditions(
        [("holds_meritorious_physician", _state(True, held)), ("health_sector_years", state, key)]
    )


@vectorised("health_commemorative_medal@2017-10-01")
def _health_commemorative_medal(pop: Population, p: _Params) -> Conditions:
    held_year = pop.any_award_year["health_commemorative_medal"]
    standard = p("health_commemorative_medal.years").value
    reduced = p("health_commemorative_medal.hazardous_years").value
    years = pop.sector_years
    included, outcomes = [], []
    for table, applies in ((standard, pop.hazardous != 1), (reduced, pop.hazardous != 0)):
        for g, gender in enumerate(GENDERS):
            included.append(applies & ((pop.gender == -1) | (pop.gender == g)))
            outcomes.append(np.where(years >= table[gender], MET, FAILED))
    state = np.where(years >= 0, _three_valued(included, outcomes), UNKNOWN_STATE).astype(np.int8)
    return Conditions(
        [
            ("not_yet_awarded", _state(True, held_year == 0), held_year),
            ("health_sector_years", state, keys(pop.sector_ordinal, pop.gender, pop.hazardous)),
        ],
        verified_key=pop.hazardous,  # the reduced years are read unless the specialty is known not hazardous
    )


# Conditions whose words name the subject's own dates (one group per date): worded by their scalar function.
def _service(prefix: str):
    return lambda ctx: physician_service(ctx, prefix)


def _sector(prefix: str):
    return lambda ctx: sector_service(ctx, prefix)


explained_alone(["health_commemorative_medal@2017-10-01"], "health_sector_years", years_condition)
for _prefix in ("meritorious_physician", "peoples_physician"):
    explained_alone([f"{_prefix}@2024-04-15"], "service_years", _service(_prefix))
    explained_alone([f"{_prefix}@2017-10-01"], "health_sector_years", _sector(_prefix))
