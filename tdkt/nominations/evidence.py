"""The evidence behind nominations, read set-based (a fixed number of queries for any number of nominees):
the law engine's facts and answer for each nomination, and the nominee's record as readable items that a
snapshot freezes and later compares with the record as it stands.

Record items are {"key", "year", "section", "text"}; the key names the fact (a year's rating, an award, an
initiative by id), the text is its Vietnamese wording at the time. Two lists of items compare key by key."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Q
from django.utils import translation

from tdkt.core.timeutil import format_date
from tdkt.law import evaluate_many
from tdkt.law.titles.grassroots_emulation_fighter import SCOPE_VI
from tdkt.law.vocabulary import LABELS_VI, TITLES
from tdkt.records.facts import FIRST_YEAR, collective_cases, collective_members, person_cases
from tdkt.records.models import (
    Achievement,
    AchievementKind,
    AnnualRating,
    Category,
    CollectiveRating,
    ConferredAward,
    Discipline,
    DisciplineLevel,
    Review,
)

from .models import Nomination

SECTIONS = ("rating", "title", "award", "achievement", "discipline", "review", "members")


# -- the law engine's facts and answer -------------------------------------------------------------------


def nomination_cases(
    nominations: Iterable[Nomination], *, year: int, as_of: dt.date, key: Callable = lambda n: n.pk
) -> dict:
    """The engine's case for each nomination (its candidate only) by `key` (default: its id); foreign nominees
    have none. The nominations must come with `person` and `unit` loaded (they need not be saved)."""
    nominations = list(nominations)
    people = {n.person_id: n.person for n in nominations if n.person_id}
    units = {n.unit_id: n.unit for n in nominations if n.unit_id}
    by_person, by_unit = {}, {}
    if people:
        by_person = dict(zip(people, person_cases(people.values(), year=year, as_of=as_of), strict=True))
    if units:  # collective_cases reads the posts of the year: only when there is a collective
        by_unit = dict(zip(units, collective_cases(units.values(), year=year, as_of=as_of), strict=True))
    cases = {}
    for n in nominations:
        base = by_person.get(n.person_id) if n.person_id else by_unit.get(n.unit_id)
        if base is not None:
            cases[key(n)] = {**base, "candidates": [n.candidate]}
    return cases


def engine_answers(cases: dict) -> dict:
    """The engine's result for each case's single candidate: rule, verdict, verified, conditions."""
    keys = list(cases)
    if not keys:
        return {}
    answers = evaluate_many(cases[k] for k in keys)
    return {k: answer["results"][0] for k, answer in zip(keys, answers, strict=True)}


# -- the record as readable items ------------------------------------------------------------------------


def _award_text(candidate: str, category: str, number: str, decided: dt.date | None) -> str:
    text = LABELS_VI.get(candidate, candidate)
    if category != Category.MERIT:
        text += f" ({str(Category(category).label).lower()})"
    if number:
        text += f" — QĐ số {number}"
    if decided:
        text += f" ngày {format_date(decided)}"
    return text


def _period_text(start: dt.date, end: dt.date | None) -> str:
    return f"từ {format_date(start)}" + (f" đến {format_date(end)}" if end else " (chưa kết thúc)")


def _person_items(person_ids: list[int], *, year: int, as_of: dt.date) -> dict[int, list[dict]]:
    years = range(FIRST_YEAR, year + 1)
    items: dict[int, list[dict]] = defaultdict(list)
    for pid, y, rating in AnnualRating.objects.filter(person_id__in=person_ids, year__in=years).values_list(
        "person_id", "year", "rating"
    ):
        items[pid].append(
            {"key": f"rating:{y}", "year": y, "section": "rating", "text": LABELS_VI.get(rating, rating)}
        )
    for a in ConferredAward.objects.filter(person_id__in=person_ids, year__in=years).order_by("year", "id"):
        items[a.person_id].append(_award_item(a))
    links = (
        Achievement.authors.through.objects.filter(person_id__in=person_ids, achievement__year__in=years)
        .select_related("achievement")
        .order_by("achievement__year", "achievement_id")
    )
    for link in links:
        items[link.person_id].append(_achievement_item(link.achievement))
    for d in Discipline.objects.filter(person_id__in=person_ids, start__lte=as_of).order_by("start", "id"):
        if d.end is not None and d.end < dt.date(FIRST_YEAR, 1, 1):
            continue
        text = f"{DisciplineLevel(d.level).label} {_period_text(d.start, d.end)}"
        if d.decision_number:
            text += f" — QĐ số {d.decision_number}"
        items[d.person_id].append(
            {"key": f"discipline:{d.pk}", "year": d.start.year, "section": "discipline", "text": text}
        )
    for r in Review.objects.filter(person_id__in=person_ids, start__lte=as_of).order_by("start", "id"):
        items[r.person_id].append(_review_item(r))
    return items


def award_key(a: ConferredAward) -> str:
    """The record item key of a title or award (by year, title or form and category)."""
    return f"{'title' if a.candidate in TITLES else 'award'}:{a.year}:{a.candidate}:{a.category}"


def _award_item(a: ConferredAward) -> dict:
    key = award_key(a)
    return {
        "key": key,
        "year": a.year,
        "section": key.split(":", 1)[0],
        "text": _award_text(a.candidate, a.category, a.decision_number, a.decision_date),
    }


def _achievement_item(a: Achievement) -> dict:
    kind = "Sáng kiến" if a.kind == AchievementKind.INITIATIVE else "Đề tài khoa học"
    text = f"{kind} «{a.title}» — {SCOPE_VI.get(a.scope, a.scope)}"
    if a.decision_number:
        text += f", QĐ số {a.decision_number}"
    if a.decision_date:
        text += f" ngày {format_date(a.decision_date)}"
    return {"key": f"achievement:{a.pk}", "year": a.year, "section": "achievement", "text": text}


def _review_item(r: Review) -> dict:
    text = f"{r.reason} {_period_text(r.start, r.end)}"
    return {"key": f"review:{r.pk}", "year": r.start.year, "section": "review", "text": text}


def _members_text(m: dict) -> str:
    return (
        f"{m['total']} thành viên: {m['completed_tasks']} hoàn thành nhiệm vụ trở lên, "
        f"{m['advanced_workers']} đạt {LABELS_VI['advanced_worker']}, "
        f"{m['grassroots_emulation_fighters']} đạt {LABELS_VI['grassroots_emulation_fighter']}, "
        f"{m['disciplined_warning_or_above']} bị kỷ luật từ cảnh cáo trở lên"
    )


def _collective_items(units: list, *, year: int, as_of: dt.date) -> dict[int, list[dict]]:
    ids = [u.pk for u in units]
    years = range(FIRST_YEAR, year + 1)
    items: dict[int, list[dict]] = defaultdict(list)
    for uid, y, rating in CollectiveRating.objects.filter(unit_id__in=ids, year__in=years).values_list(
        "unit_id", "year", "rating"
    ):
        items[uid].append(
            {"key": f"rating:{y}", "year": y, "section": "rating", "text": LABELS_VI.get(rating, rating)}
        )
    for a in ConferredAward.objects.filter(unit_id__in=ids, year__in=years).order_by("year", "id"):
        items[a.unit_id].append(_award_item(a))
    for uid, figures in collective_members(units, year=year).items():
        items[uid].append(
            {"key": f"members:{year}", "year": year, "section": "members", "text": _members_text(figures)}
        )
    for r in Review.objects.filter(unit_id__in=ids, start__lte=as_of).filter(
        Q(end__isnull=True) | Q(end__gte=dt.date(FIRST_YEAR, 1, 1))
    ):
        items[r.unit_id].append(_review_item(r))
    return items


def _ordered(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda i: (-i["year"], SECTIONS.index(i["section"]), i["key"]))


def record_items(nominations: Iterable[Nomination], *, year: int, as_of: dt.date) -> dict[int, list[dict]]:
    """Each nomination's nominee record as items, newest year first (empty for foreign nominees). The
    Vietnamese wording is fixed whatever the reader's language: it is evidence."""
    nominations = list(nominations)
    with translation.override("vi"):
        people = _person_items(
            sorted({n.person_id for n in nominations if n.person_id}), year=year, as_of=as_of
        )
        units = {n.unit_id: n.unit for n in nominations if n.unit_id}
        collectives = _collective_items(list(units.values()), year=year, as_of=as_of) if units else {}
    found = {}
    for n in nominations:
        if n.person_id:
            found[n.pk] = _ordered(people.get(n.person_id, []))
        elif n.unit_id:
            found[n.pk] = _ordered(collectives.get(n.unit_id, []))
        else:
            found[n.pk] = []
    return found


# -- differences ---------------------------------------------------------------------------------------------


def record_diff(before: list[dict], after: list[dict]) -> list[dict]:
    """What changed between two lists of items, newest year first: each change is {"key", "year", "section",
    "change", "before", "after"} with change one of added / removed / changed."""
    old = {i["key"]: i for i in before}
    new = {i["key"]: i for i in after}
    changes = []
    for key in dict.fromkeys([*old, *new]):
        a, b = old.get(key), new.get(key)
        if a and b and a["text"] == b["text"]:
            continue
        item = b or a
        change = "added" if a is None else "removed" if b is None else "changed"
        changes.append(
            {
                "key": key,
                "year": item["year"],
                "section": item["section"],
                "change": change,
                "before": a["text"] if a else "",
                "after": b["text"] if b else "",
            }
        )
    return sorted(changes, key=lambda c: (-c["year"], SECTIONS.index(c["section"]), c["key"]))


def answer_diff(before: dict | None, after: dict | None) -> list[dict]:
    """Conditions of the engine's answer whose outcome or wording changed: {"id", "before", "after"}, each
    side being the condition (or None when it is new or gone)."""
    if not before or not after:
        return []
    old = {c["id"]: c for c in before["conditions"]}
    new = {c["id"]: c for c in after["conditions"]}
    changed = []
    for cid in dict.fromkeys([*old, *new]):
        a, b = old.get(cid), new.get(cid)
        if a and b and (a["met"], a["text"]) == (b["met"], b["text"]):
            continue
        changed.append({"id": cid, "before": a, "after": b})
    return changed
