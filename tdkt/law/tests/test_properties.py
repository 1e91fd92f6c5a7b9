"""Properties every rule must keep, on random person and collective histories (hypothesis):

- the verdict follows from the conditions (case-format.md): eligible ⇒ no checkable condition is False or
  None; not_eligible ⇔ some checkable condition is False;
- a worse record never helps: adding a `failed` year (no titles) just before the review year never turns
  not_eligible into eligible;
- the command line never crashes: any JSON exits 0 (a JSON answer) or 2 (one line on stderr).
"""

import contextlib
import datetime as dt
import io
import json
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.law import evaluate
from tdkt.law.__main__ import main
from tdkt.law.vocabulary import (
    CANDIDATES,
    CATEGORIES,
    COLLECTIVE_TITLES,
    DISCIPLINE_LEVELS,
    FORMS,
    GENDERS,
    PERSON_TITLES,
    RATINGS,
    SCOPES,
)

# Deterministic in CI (the same examples every run), no example database written into the project.
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FIRST_YEAR, LAST_YEAR = 2016, 2027


def iso(day: dt.date) -> str:
    return day.isoformat()


def rarely(strategy, empty):
    """`empty` three times out of four, else a draw of `strategy` (keeps enough clean records eligible)."""
    return st.one_of(st.just(empty), st.just(empty), st.just(empty), strategy)


def in_year(year: int):
    return st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))


@st.composite
def discipline(draw, year: int):
    start = draw(in_year(year))
    item = {"level": draw(st.sampled_from(DISCIPLINE_LEVELS)), "from": iso(start)}
    if draw(st.booleans()):
        item["to"] = iso(start + dt.timedelta(days=draw(st.integers(0, 500))))
    return item


@st.composite
def year_entry(draw, kind: str, year: int, good: bool = False):
    """One year of a record; a `good` year (dense histories) is rated well and holds the basic titles more
    often, so that chains of years and the higher awards are reached too."""
    entry = {"year": year}
    if draw(st.integers(0, 9)):  # a rating nine times out of ten, mostly good or better
        best = ("excellent", "good") * (4 if good else 1)
        entry["rating"] = draw(st.sampled_from((*best, *RATINGS)))
    titles = PERSON_TITLES if kind == "person" else COLLECTIVE_TITLES
    some = st.lists(st.sampled_from(titles), unique=True, max_size=len(titles))
    entry["titles"] = draw(st.one_of(st.just(list(titles[:2])), some) if good else some)
    entry["awards"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"form": st.sampled_from(FORMS)},
                optional={
                    "decided_on": st.builds(iso, in_year(year) | in_year(year + 1)),
                    "category": st.sampled_from(("merit", "merit", *CATEGORIES)),
                },
            ),
            max_size=2,
        )
    )
    achievement = st.fixed_dictionaries(
        {"scope": st.sampled_from(SCOPES)}, optional={"recognised_on": st.builds(iso, in_year(year))}
    )
    entry["initiatives"] = draw(st.lists(achievement, max_size=2))
    entry["research"] = draw(rarely(st.lists(achievement, min_size=1, max_size=2), []))
    entry["discipline"] = draw(rarely(st.lists(discipline(year), min_size=1, max_size=1), []))
    entry["under_review"] = draw(rarely(st.just(True), False))
    if kind == "collective" and draw(st.integers(0, 5)):
        total = draw(st.integers(0, 60))
        part = st.integers(0, total)
        entry["members"] = {
            "total": total,
            "completed_tasks": draw(st.one_of(st.just(total), part)),
            "advanced_workers": draw(st.one_of(st.integers(total * 7 // 10, total), part)),
            "grassroots_emulation_fighters": draw(st.integers(0, min(total, 5))),
            "disciplined_warning_or_above": draw(rarely(st.integers(0, min(total, 3)), 0)),
        }
    for fact, values in (("administrative_sanction", st.booleans()), ("months_worked", st.integers(0, 12))):
        if draw(st.booleans()):
            entry[fact] = draw(values)
    return entry


@st.composite
def cases(draw, kind: str | None = None):
    """A valid case: a review year, an as_of date on or after it, and a history with random gaps."""
    kind = kind or draw(st.sampled_from(("person", "collective")))
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    as_of = draw(st.dates(dt.date(year, 6, 1), dt.date(year + 1, 12, 31)))
    dense = draw(st.booleans())
    if dense:  # every year but at most one of the last five
        years = set(range(year - 9, year + 1)) - draw(st.sets(st.integers(year - 5, year - 1), max_size=1))
    else:
        years = draw(st.sets(st.integers(year - 9, year), max_size=10))
        if draw(st.integers(0, 4)):
            years.add(year)
    history = [draw(year_entry(kind, y, dense)) for y in sorted(years)]
    history = draw(st.permutations(history))  # any order
    subject = {"kind": kind, "id": f"s-{draw(st.integers(1, 10**6))}", "history": history}
    if kind == "person":
        subject["gender"] = draw(st.sampled_from(GENDERS))
        subject["is_manager"] = draw(st.booleans())
        for field, earliest in (("employed_since", 1985), ("health_sector_since", 1980)):
            if draw(st.integers(0, 5)):
                subject[field] = iso(draw(st.dates(dt.date(earliest, 1, 1), dt.date(year, 12, 31))))
        if draw(st.booleans()):
            subject["direct_professional_since"] = iso(
                draw(st.dates(dt.date(1980, 1, 1), dt.date(year, 12, 31)))
            )
        if draw(st.booleans()):
            subject["hazardous_specialty"] = draw(st.booleans())
    return {"as_of": iso(as_of), "year": year, "subject": subject}


def checkable(result):
    return [c for c in result["conditions"] if not c["judgement"]]


@SETTINGS
@given(cases())
def test_the_verdict_follows_from_the_conditions(case):
    answer = evaluate(case)
    assert answer["results"], "no candidate evaluated"
    for result in answer["results"]:
        mets = [c["met"] for c in checkable(result)]
        if result["verdict"] == "eligible":
            assert mets and all(m is True for m in mets), result
        assert (result["verdict"] == "not_eligible") == (False in mets), result
        if result["verdict"] == "unknown":
            assert None in mets and False not in mets, result
        assert all(c["met"] is None for c in result["conditions"] if c["judgement"]), result
        assert all(c["text"] and c["id"] for c in result["conditions"]), result


@SETTINGS
@given(cases(), st.data())
def test_a_failed_year_before_the_review_year_never_helps(case, data):
    present = {entry["year"] for entry in case["subject"]["history"]}
    gaps = [y for y in range(case["year"] - 5, case["year"]) if y not in present]
    if not gaps:
        return
    y = data.draw(st.sampled_from(gaps), label="added failed year")
    before = {r["candidate"]: r for r in evaluate(case)["results"]}
    worse = json.loads(json.dumps(case))
    worse["subject"]["history"].append({"year": y, "rating": "failed", "titles": []})
    after = {r["candidate"]: r for r in evaluate(worse)["results"]}
    for candidate, result in before.items():
        if result["verdict"] == "not_eligible":
            assert after[candidate]["verdict"] != "eligible", (candidate, y, result, after[candidate])


# -- the command line on arbitrary input ---------------------------------------------------------------

TOKENS = st.sampled_from(
    (
        *RATINGS,
        *CANDIDATES,
        *SCOPES,
        *DISCIPLINE_LEVELS,
        *CATEGORIES,
        "person",
        "collective",
        "gud",
        "2025-12-20",
        "2024-02-30",
        "2024-7-1",
        "01/07/2024",
        "",
    )
)
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.integers(1940, 2030)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | TOKENS
)
JSON = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8) | TOKENS, children, max_size=4)
    ),
    max_leaves=20,
)


def run_cli(text: str) -> tuple[int, str, str]:
    """`python -m tdkt.law evaluate FILE` in-process (fast enough for hundreds of examples)."""
    fd, path = tempfile.mkstemp(suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["evaluate", path])
        return code, out.getvalue(), err.getvalue()
    finally:
        os.unlink(path)


def check_cli(text: str) -> None:
    code, out, err = run_cli(text)
    assert code in (0, 2), (code, err)
    if code == 0:
        answer = json.loads(out)
        assert set(answer) == {"as_of", "year", "subject", "results"}
        assert err == ""
    else:
        assert out == ""
        assert err.endswith("\n") and len(err.strip()) > 10, err  # a message, never a traceback
        assert "Traceback" not in err


def paths(value, prefix=()):
    """Every place in a JSON value, as a tuple of keys and indexes."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from paths(child, (*prefix, i))


@SETTINGS
@given(JSON)
def test_the_cli_never_crashes_on_any_json_value(value):
    check_cli(json.dumps(value))


@SETTINGS
@given(cases(), st.data())
def test_the_cli_never_crashes_on_a_damaged_case(case, data):
    where = data.draw(st.sampled_from(list(paths(case))[1:]), label="path")
    *parents, last = where
    holder = case
    for key in parents:
        holder = holder[key]
    action = data.draw(st.sampled_from(("replace", "delete", "add")), label="action")
    if action == "replace":
        holder[last] = data.draw(JSON, label="value")
    elif action == "delete":
        del holder[last]
    elif isinstance(holder[last], dict):
        holder[last][data.draw(st.text(max_size=8) | TOKENS, label="key")] = data.draw(JSON, label="value")
    elif isinstance(holder[last], list):
        holder[last].append(data.draw(JSON, label="value"))
    check_cli(json.dumps(case))


@SETTINGS
@given(st.text(max_size=60))
def test_the_cli_never_crashes_on_any_text(text):
    check_cli(text)
