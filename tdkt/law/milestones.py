"""Next milestones: for each candidate a person is not eligible for, the nearest year (one or two years
ahead) in which they would be, and what that takes.

The hypothesis for each year ahead: rated `excellent`, with LĐTT and CSTĐCS conferred (the unit confers them
before proposing higher titles), evaluated under the law in force on that year's 20 December. Titles between
CSTĐCS and the candidate (CSTĐ cấp tỉnh on the way to CSTĐ toàn quốc) are conferred in the hypothesis when the
engine finds them eligible that year. When the years alone are not enough, an initiative of the lowest scope
that makes the candidate eligible is added to the last year, and the hint says so.

Pure: a case in, hints out; the engine decides everything, nothing here restates the law."""

from __future__ import annotations

import copy

from tdkt.law.context import label
from tdkt.law.engine import evaluate_case
from tdkt.law.facts import Case, parse_case
from tdkt.law.titles.grassroots_emulation_fighter import ACHIEVEMENT_VI, SCOPE_VI
from tdkt.law.vocabulary import PERSON_TITLES, SCOPES

LOOK_AHEAD = (1, 2)  # years ahead the hints consider (not a legal number)
REVIEW_MONTH_DAY = "12-20"  # the hypothetical review date of a year ahead: 20 December
HYPOTHESIS_RATING = "excellent"
HYPOTHESIS_TITLES = ("advanced_worker", "grassroots_emulation_fighter")
ANNUAL = frozenset(HYPOTHESIS_TITLES)  # titles judged on their own year only
COUNT_VI = {1: "một", 2: "hai"}
SHORT_VI = {"grassroots_emulation_fighter": "CSTĐCS"}


def next_milestones(raw_case: dict) -> list[dict]:
    """For each candidate of the case whose verdict is not `eligible`: {"candidate", "year", "needs", "text",
    "rule", "verified"} for the first year ahead that would make it eligible; candidates that two years
    cannot reach are left out. Collectives get no hints. Raises CaseError for an invalid case."""
    case = parse_case(raw_case)
    if case.subject.kind != "person":
        return []
    answer = evaluate_case(case)
    found = []
    for result in answer["results"]:
        if result["verdict"] == "eligible":
            continue
        milestone = _first_milestone(raw_case, case, result["candidate"])
        if milestone is not None:
            found.append(milestone)
    return found


def _first_milestone(raw: dict, case: Case, candidate: str) -> dict | None:
    for ahead in LOOK_AHEAD:
        last = case.year + ahead
        years = [last] if candidate in ANNUAL else list(range(case.year + 1, last + 1))
        for scope in (None, *SCOPES):
            history, needs = _hypothesis(raw, candidate, years, scope)
            result = _evaluate(raw, history, last, candidate)
            if result["verdict"] == "eligible":
                return {
                    "candidate": candidate,
                    "year": last,
                    "needs": needs,
                    "text": _text(candidate, years, needs),
                    "rule": result["rule"],
                    "verified": result["verified"],
                }
    return None


def _evaluate(raw: dict, history: list[dict], year: int, candidate: str) -> dict:
    hypothetical = copy.deepcopy(raw)
    hypothetical["as_of"] = f"{year}-{REVIEW_MONTH_DAY}"
    hypothetical["year"] = year
    hypothetical["candidates"] = [candidate]
    hypothetical["subject"]["history"] = history
    return evaluate_case(parse_case(hypothetical))["results"][0]


def _hypothesis(raw: dict, candidate: str, years: list[int], scope: str | None):
    """(history, needs): the raw history with the hypothetical years merged in."""
    history = copy.deepcopy(raw["subject"].get("history") or [])
    by_year = {entry.get("year"): entry for entry in history}
    needs: list[dict] = []
    titles = [t for t in HYPOTHESIS_TITLES if t != candidate]
    if candidate == "advanced_worker":
        titles = []
    on_the_way = _on_the_way(candidate)
    for y in years:
        entry = by_year.get(y)
        if entry is None:
            entry = {"year": y}
            history.append(entry)
            by_year[y] = entry
        entry["rating"] = HYPOTHESIS_RATING
        needs.append({"year": y, "kind": "rating", "id": HYPOTHESIS_RATING})
        for t in titles:
            _add_title(entry, t)
            needs.append({"year": y, "kind": "title", "id": t})
        if scope is not None and y == years[-1]:
            entry["initiatives"] = [*(entry.get("initiatives") or []), {"scope": scope}]
            needs.append({"year": y, "kind": "initiative", "id": scope})
        for t in on_the_way:
            if _evaluate(raw, history, y, t)["verdict"] == "eligible":
                _add_title(entry, t)
                needs.append({"year": y, "kind": "title", "id": t})
    return history, needs


def _on_the_way(candidate: str) -> list[str]:
    """Titles above CSTĐCS that the hypothesis may confer before evaluating `candidate`."""
    higher = [t for t in PERSON_TITLES if t not in HYPOTHESIS_TITLES]
    if candidate in PERSON_TITLES:
        return [t for t in higher if PERSON_TITLES.index(t) < PERSON_TITLES.index(candidate)]
    return higher


def _add_title(entry: dict, title: str) -> None:
    titles = list(entry.get("titles") or [])
    if title not in titles:
        titles.append(title)
    entry["titles"] = titles


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def _text(candidate: str, years: list[int], needs: list[dict]) -> str:
    last = years[-1]
    parts = []
    listed = ", ".join(str(y) for y in years)
    if candidate in ANNUAL:
        part = f"Năm {last} xếp loại «{label(HYPOTHESIS_RATING)}»"
        if candidate != "advanced_worker":
            part += f" và đạt {label('advanced_worker')}"
        parts.append(part)
    else:
        how_many = COUNT_VI.get(len(years), str(len(years)))
        run = "" if len(years) == 1 else " liên tiếp"
        parts.append(f"Thêm {how_many} năm{run} đạt {SHORT_VI['grassroots_emulation_fighter']} ({listed})")
    for need in needs:
        if need["kind"] == "initiative":
            scope = SCOPE_VI[need["id"]] + ("" if need["id"] == SCOPES[-1] else " trở lên")
            parts.append(f"có {ACHIEVEMENT_VI} phạm vi {scope} (năm {need['year']})")
        elif need["kind"] == "title" and need["id"] not in HYPOTHESIS_TITLES:
            parts.append(f"được tặng {label(need['id'])} năm {need['year']}")
    return f"{_join(parts)} thì đủ điều kiện xét {label(candidate)} năm {last}"
