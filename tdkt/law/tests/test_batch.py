"""The batch (tdkt/law/batch.py) gives exactly the scalar engine's verdict and first failing (or first
unknown) condition for every subject and candidate — and, explained, that condition's text and citation, the
result's `verified` flag and the failing exclusion gates: on the YAML cases, on random populations, and with
the parameters read once per call."""

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.law import batch
from tdkt.law.batch import BatchResult, evaluate_population
from tdkt.law.engine import evaluate_case
from tdkt.law.facts import parse_case
from tdkt.law.parameters import Parameter
from tdkt.law.registry import all_versions
from tdkt.law.tests.test_cases import _plain
from tdkt.law.vocabulary import (
    CATEGORIES,
    COLLECTIVE_TITLES,
    DISCIPLINE_LEVELS,
    FORMS,
    LEAVE_KINDS,
    PERSON_TITLES,
    SCOPES,
)

CASES = Path(__file__).resolve().parent.parent / "cases"


def scalar_answer(case) -> dict[str, tuple[str, str | None]]:
    """candidate → (verdict, id of the first failing — else first unknown — checkable condition)."""
    found = {}
    for r in evaluate_case(case)["results"]:
        checkable = [c for c in r["conditions"] if not c["judgement"]]
        first = None
        if r["verdict"] != "eligible":
            wanted = False if r["verdict"] == "not_eligible" else None
            first = next(c["id"] for c in checkable if c["met"] is wanted)
        found[r["candidate"]] = (r["verdict"], first)
    return found


def batch_answer(result: BatchResult, index: int, candidates=None) -> dict[str, tuple[str, str | None]]:
    found = result.for_subject(index)
    return found if candidates is None else {c: found[c] for c in candidates}


GATES = ("minimum_months_worked", "no_long_absence", "not_under_review", "no_discipline_in_year")


def scalar_explained(case) -> tuple[dict, list]:
    """candidate → (verdict, verified, (id, text, cite) of the first failing — else unknown — condition),
    and the failing gates: (id, text, cite) from the first candidate listing each, in GATES order."""
    found, gates = {}, {}
    for r in evaluate_case(case)["results"]:
        checkable = [c for c in r["conditions"] if not c["judgement"]]
        first = None
        if r["verdict"] != "eligible":
            wanted = False if r["verdict"] == "not_eligible" else None
            first = next((c["id"], c["text"], c["cite"]) for c in checkable if c["met"] is wanted)
        found[r["candidate"]] = (r["verdict"], r["verified"], first)
        for c in checkable:
            if c["id"] in GATES and c["met"] is False:
                gates.setdefault(c["id"], (c["id"], c["text"], c["cite"]))
    return found, [gates[g] for g in GATES if g in gates]


def batch_explained(result: BatchResult, index: int, candidates=None) -> tuple[dict, list]:
    found = {
        c: (verdict, result.is_verified(index, c), result.explanation(index, c))
        for c, (verdict, _) in result.for_subject(index).items()
        if candidates is None or c in candidates
    }
    return found, result.failed_gates(index)


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        if path.stem == "bonus":
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if "case" in entry:
                yield pytest.param(_plain(entry["case"]), id=f"{path.stem}: {entry['name']}")


@pytest.mark.parametrize("raw", list(_cases()))
def test_every_yaml_case_gets_the_scalar_verdict_and_first_failing_condition(raw):
    case = parse_case(raw)
    result = evaluate_population([raw], as_of=case.as_of, year=case.year, candidates=case.candidates)
    assert result.scalar_fallback == ()
    assert batch_answer(result, 0, case.candidates) == scalar_answer(case)


@pytest.mark.parametrize("raw", list(_cases()))
def test_every_yaml_case_gets_the_scalar_explanation(raw):
    case = parse_case(raw)
    result = evaluate_population(
        [raw], as_of=case.as_of, year=case.year, candidates=case.candidates, explain=True, gates=GATES
    )
    explained, gates = scalar_explained(case)
    if case.candidates is not None:  # the case's own order of candidates decides whose gate is listed first
        assert batch_explained(result, 0, case.candidates)[0] == explained
    else:
        assert batch_explained(result, 0) == (explained, gates)


def test_every_rule_version_has_a_vectorised_twin():
    """A new rule version is still right in the batch (the scalar engine evaluates it, slowly): add its
    vectorised twin in tdkt/law/batch.py to keep the year-end run fast."""
    missing = sorted(v.name for v in all_versions() if v.name not in batch._VECTORISED)
    assert missing == []


# -- random populations ------------------------------------------------------------------------------------
AS_OF = [
    "2016-12-01",
    "2018-06-30",
    "2023-12-20",
    "2024-03-01",
    "2024-12-20",
    "2025-07-01",
    "2025-08-05",
    "2025-12-20",
    "2026-07-01",
]
dates = st.dates(min_value=dt.date(1980, 1, 1), max_value=dt.date(2026, 12, 31))
maybe = st.one_of(st.none(), st.booleans())


@st.composite
def year_entry(draw, y: int, kind: str) -> dict:
    entry: dict = {"year": y}
    rating = draw(
        st.sampled_from(["excellent", "excellent", "good", "good", "completed", "failed", "unrated", None])
    )
    if rating is not None:
        entry["rating"] = rating
    titles = PERSON_TITLES if kind == "person" else COLLECTIVE_TITLES
    entry["titles"] = draw(st.lists(st.sampled_from(titles), unique=True, max_size=3))
    entry["awards"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"form": st.sampled_from(FORMS), "category": st.sampled_from(CATEGORIES)},
                optional={"decided_on": dates.map(dt.date.isoformat)},
            ),
            max_size=2,
        )
    )
    achievement = st.fixed_dictionaries({"scope": st.sampled_from(SCOPES)})
    entry["initiatives"] = draw(st.lists(achievement, max_size=3))
    entry["research"] = draw(st.lists(achievement, max_size=2))
    if draw(st.integers(0, 9)) == 0:
        start = draw(st.dates(min_value=dt.date(y - 1, 1, 1), max_value=dt.date(y, 12, 31)))
        length = draw(st.one_of(st.none(), st.integers(0, 900)))
        period = {"level": draw(st.sampled_from(DISCIPLINE_LEVELS)), "from": start.isoformat()}
        if length is not None:
            period["to"] = (start + dt.timedelta(days=length)).isoformat()
        entry["discipline"] = [period]
    if draw(st.integers(0, 4)) == 0:
        leave = []
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.dates(min_value=dt.date(y - 1, 6, 1), max_value=dt.date(y, 12, 31)))
            length = draw(st.one_of(st.none(), st.integers(0, 400)))
            period = {"kind": draw(st.sampled_from(LEAVE_KINDS)), "from": start.isoformat()}
            if length is not None:
                period["to"] = (start + dt.timedelta(days=length)).isoformat()
            leave.append(period)
        entry["leave"] = leave
    entry["under_review"] = draw(st.integers(0, 7)) == 0
    if kind == "collective" and draw(st.integers(0, 5)) > 0:
        total = draw(st.integers(0, 12))
        part = st.integers(0, total)
        entry["members"] = {
            "total": total,
            "completed_tasks": draw(st.one_of(st.just(total), part)),
            "advanced_workers": draw(part),
            "grassroots_emulation_fighters": draw(part),
            "disciplined_warning_or_above": draw(st.one_of(st.just(0), part)),
        }
    return entry


@st.composite
def subject(draw, i: int, last: int) -> dict:
    kind = draw(st.sampled_from(["person", "person", "person", "collective"]))
    first = draw(st.integers(last - 12, last))
    years = [y for y in range(first, last + 2) if draw(st.integers(0, 7)) > 0]
    raw = {"kind": kind, "id": f"s{i}", "history": [draw(year_entry(y, kind)) for y in years]}
    if kind == "person":
        for key in ("employed_since", "health_sector_since", "direct_professional_since"):
            since = draw(
                st.one_of(st.none(), dates, st.dates(dt.date(last - 1, 1, 1), dt.date(last, 12, 31)))
            )
            raw[key] = since.isoformat() if since else None
        raw["gender"] = draw(st.sampled_from(["male", "female", None]))
        raw["is_manager"] = draw(maybe)
        raw["hazardous_specialty"] = draw(maybe)
    return raw


@st.composite
def population(draw):
    as_of = dt.date.fromisoformat(draw(st.sampled_from(AS_OF)))
    year = as_of.year - draw(st.sampled_from([0, 0, 1]))
    size = draw(st.integers(1, 12))
    return as_of, year, [draw(subject(i, year)) for i in range(size)]


@settings(
    max_examples=110, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(population())
def test_random_populations_get_the_scalar_verdicts(drawn):
    as_of, year, subjects = drawn
    result = evaluate_population(subjects, as_of=as_of, year=year)
    assert result.scalar_fallback == ()
    for i, raw in enumerate(subjects):
        case = parse_case({"as_of": as_of.isoformat(), "year": year, "subject": raw})
        assert batch_answer(result, i) == scalar_answer(case), (i, raw)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(population())
def test_random_populations_get_the_scalar_texts_citations_verified_flags_and_gates(drawn):
    """Explanations are grouped by what their words depend on: a group too coarse would give one subject
    another's text, so every subject is compared with its own scalar answer."""
    as_of, year, subjects = drawn
    subjects = subjects + [_similar(raw) for raw in subjects]  # neighbours share groups with the originals
    result = evaluate_population(subjects, as_of=as_of, year=year, explain=True, gates=GATES)
    for i, raw in enumerate(subjects):
        case = parse_case({"as_of": as_of.isoformat(), "year": year, "subject": raw})
        assert batch_explained(result, i) == scalar_explained(case), (i, raw)


def _similar(raw: dict) -> dict:
    """The same subject with another id and a different rating in its oldest year."""
    history = [dict(entry) for entry in raw["history"]]
    if history:
        oldest = min(history, key=lambda e: e["year"])
        oldest["rating"] = "good" if oldest.get("rating") != "good" else "completed"
    return {**raw, "id": raw["id"] + "-bis", "history": history}


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(population())
def test_a_version_without_a_twin_falls_back_to_the_scalar_engine(drawn):
    as_of, year, subjects = drawn
    twins = dict(batch._VECTORISED)
    for name in ("provincial_merit_certificate@2024-01-01", "advanced_collective@2024-01-01"):
        twins.pop(name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "_VECTORISED", twins)
        result = evaluate_population(subjects, as_of=as_of, year=year)
    for i, raw in enumerate(subjects):
        case = parse_case({"as_of": as_of.isoformat(), "year": year, "subject": raw})
        assert batch_answer(result, i) == scalar_answer(case), (i, raw)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "_VECTORISED", twins)
        result = evaluate_population(subjects, as_of=as_of, year=year, explain=True, gates=GATES)
    for i, raw in enumerate(subjects):
        case = parse_case({"as_of": as_of.isoformat(), "year": year, "subject": raw})
        assert batch_explained(result, i)[0] == scalar_explained(case)[0], (i, raw)


# -- parameters are read once per call -----------------------------------------------------------------
def test_parameters_are_read_once_per_call_not_per_person(monkeypatch):
    lookups: list[str] = []
    at = Parameter.at

    def counting(self, day):
        lookups.append(self.name)
        return at(self, day)

    monkeypatch.setattr(Parameter, "at", counting)
    few = [
        {"kind": "person", "id": str(i), "history": [{"year": 2025, "rating": "good"}]} for i in range(3)
    ] + [{"kind": "collective", "id": "c", "history": [{"year": 2025, "rating": "good"}]}]
    evaluate_population(few, as_of="2025-12-20")
    small = list(lookups)
    lookups.clear()
    many = few * 100
    many = [{**s, "id": f"{s['id']}-{i}"} for i, s in enumerate(many)]
    evaluate_population(many, as_of="2025-12-20")
    assert sorted(lookups) == sorted(small)
    assert len(lookups) == len(set(lookups)), "a parameter was read twice in one call"
    assert 20 < len(lookups) < 60


# -- the result ------------------------------------------------------------------------------------------
def test_inputs_may_be_subjects_cases_raw_cases_or_raw_subjects():
    raw = {
        "as_of": "2025-12-20",
        "subject": {
            "kind": "person",
            "id": "a",
            "employed_since": "2020-01-01",
            "history": [{"year": 2025, "rating": "good"}],
        },
    }
    case = parse_case(raw)
    result = evaluate_population([case.subject, case, raw, raw["subject"]], as_of=dt.date(2025, 12, 20))
    answers = [result.for_subject(i) for i in range(4)]
    assert answers[0] == answers[1] == answers[2] == answers[3] == scalar_answer(case)
    assert result.verdict(0, "advanced_worker") == "eligible"
    assert result.reason(0, "advanced_worker") is None
    assert result.verdict(0, "advanced_collective") is None  # does not apply to a person
    assert result.reason(0, "grassroots_emulation_fighter") == "excellent_or_initiative"
    rows = list(result.rows())
    assert ("a", "grassroots_emulation_fighter", "not_eligible", "excellent_or_initiative") in rows
    assert result.counts()["advanced_worker"] == {"eligible": 4, "not_eligible": 0, "unknown": 0}
    assert result.rules[("advanced_worker", "person")] == "advanced_worker@2024-01-01"
