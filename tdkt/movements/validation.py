"""Warnings on a plan as entered: dates of phases, anniversaries, measurable targets.

These are not errors: a real plan may say what it says (seed 000 dates its second phase in 2024
inside a 2025 plan). The officer sees each warning and must acknowledge them before the plan is
saved; `key` identifies a warning by its facts, so a changed plan raises a new acknowledgement.
No ORM here: the inputs are plain values (movements.inputs), the parent is read as given.
"""

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from tdkt.core.text import fold
from tdkt.core.timeutil import format_date
from tdkt.movements.anniversaries import ANNIVERSARIES, BY_CODE, Anniversary, occurrences_between
from tdkt.movements.inputs import PlanContent
from tdkt.movements.models import Comparator, Direction, TargetKind


@dataclass(frozen=True)
class PlanWarning:
    code: str
    key: str
    message: str

    def as_dict(self) -> dict:
        return {"code": self.code, "key": self.key, "message": self.message}


def plan_warnings(content: PlanContent, *, parent=None) -> list[PlanWarning]:
    """Every warning about `content`; `parent` is the movement it derives from, if any."""
    plan = content.plan
    found: list[PlanWarning] = []
    if parent is not None and (plan.start < parent.start or plan.end > parent.end):
        found.append(
            PlanWarning(
                "period_outside_parent",
                f"period_outside_parent:{plan.start}:{plan.end}:{parent.start}:{parent.end}",
                _(
                    "The plan runs %(start)s – %(end)s, outside the period of the plan it implements "
                    "(%(parent_start)s – %(parent_end)s)."
                )
                % {
                    "start": format_date(plan.start),
                    "end": format_date(plan.end),
                    "parent_start": format_date(parent.start),
                    "parent_end": format_date(parent.end),
                },
            )
        )
    found += _phase_warnings(content)
    found += _text_warnings(content)
    found += _target_warnings(content)
    return found


def _period(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} – {format_date(end)}"


def _phase_warnings(content: PlanContent) -> list[PlanWarning]:
    plan, phases = content.plan, content.phases
    found = []
    for i, phase in enumerate(phases, start=1):
        if phase.start > phase.end:
            continue  # a hard error, reported by the form
        if phase.start < plan.start or phase.end > plan.end:
            found.append(
                PlanWarning(
                    "phase_outside_plan",
                    f"phase_outside_plan:{i}:{phase.start}:{phase.end}:{plan.start}:{plan.end}",
                    _("%(phase)s (%(dates)s) is not inside the plan's period %(period)s.")
                    % {
                        "phase": phase.name,
                        "dates": _period(phase.start, phase.end),
                        "period": _period(plan.start, plan.end),
                    },
                )
            )
        for code in phase.commemorations:
            anniversary = BY_CODE.get(code)
            if anniversary is not None and not occurrences_between(anniversary, phase.start, phase.end):
                found.append(
                    PlanWarning(
                        "anniversary_outside_phase",
                        f"anniversary_outside_phase:{i}:{code}:{phase.start}:{phase.end}",
                        _("%(phase)s (%(dates)s) celebrates %(label)s (%(day)s), which does not fall in it.")
                        % {
                            "phase": phase.name,
                            "dates": _period(phase.start, phase.end),
                            "label": anniversary.label,
                            "day": anniversary.day_month,
                        },
                    )
                )
    valid = [(i, p) for i, p in enumerate(phases, start=1) if p.start <= p.end]
    for (i, earlier), (j, later) in itertools.pairwise(valid):
        if later.start < earlier.start:
            found.append(
                PlanWarning(
                    "phases_out_of_order",
                    f"phases_out_of_order:{i}:{j}:{earlier.start}:{later.start}",
                    _("%(later)s starts on %(later_start)s, before %(earlier)s (%(earlier_start)s).")
                    % {
                        "later": later.name,
                        "later_start": format_date(later.start),
                        "earlier": earlier.name,
                        "earlier_start": format_date(earlier.start),
                    },
                )
            )
    for (i, a), (j, b) in itertools.combinations(sorted(valid, key=lambda pair: (pair[1].start, pair[0])), 2):
        if b.start <= a.end:
            found.append(
                PlanWarning(
                    "phases_overlap",
                    f"phases_overlap:{min(i, j)}:{max(i, j)}:{a.start}:{a.end}:{b.start}:{b.end}",
                    _("%(a)s (%(a_dates)s) and %(b)s (%(b_dates)s) overlap.")
                    % {
                        "a": a.name,
                        "a_dates": _period(a.start, a.end),
                        "b": b.name,
                        "b_dates": _period(b.start, b.end),
                    },
                )
            )
    return found


# ---------------------------------------------------------------------------------------------
# Anniversaries named in the text: "70 năm Ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2025)"
# ---------------------------------------------------------------------------------------------

_COUNT_BEFORE = re.compile(r"(\d{1,3}) nam (?:ngay )?(?:ky niem )?$")
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?/\s?(\d{1,2})(?:\s?/\s?(\d{4}))?(?!\d)")
_AFTER_CHARS = 70
_BEFORE_CHARS = 25


@dataclass(frozen=True)
class Mention:
    anniversary: Anniversary
    count: int | None
    dates: tuple[tuple[int, int, int | None], ...]  # (day, month, year or None)


def anniversary_mentions(text: str) -> list[Mention]:
    """The anniversaries `text` names, with the "N năm" before and the dates right after each."""
    folded = fold(text)
    spans: list[tuple[int, int, Anniversary]] = []
    for anniversary in ANNIVERSARIES:
        for keyword in anniversary.keywords:
            for match in re.finditer(re.escape(keyword), folded):
                spans.append((match.start(), match.end(), anniversary))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, Anniversary]] = []
    for span in spans:  # one mention per place: drop spans inside an earlier one
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    mentions = []
    for n, (start, end, anniversary) in enumerate(kept):
        before = folded[max(0, start - _BEFORE_CHARS) : start]
        count_match = _COUNT_BEFORE.search(before)
        limit = kept[n + 1][0] if n + 1 < len(kept) else len(folded)
        after = folded[end : min(limit, end + _AFTER_CHARS)]
        after = re.split(r"[;.]", after, maxsplit=1)[0]
        dates = tuple(
            (int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
            for m in _DATE.finditer(after)
        )[:2]
        mentions.append(Mention(anniversary, int(count_match.group(1)) if count_match else None, dates))
    return mentions


def _text_warnings(content: PlanContent) -> list[PlanWarning]:
    plan = content.plan
    places: list[tuple[str, str, dt.date, dt.date]] = [
        (_("the plan's theme"), plan.theme, plan.start, plan.end),
        (_("the opening text"), plan.preamble, plan.start, plan.end),
        (_("the purposes"), plan.purposes, plan.start, plan.end),
    ]
    places += [(s.heading, f"{s.heading}\n{s.body}", plan.start, plan.end) for s in content.sections]
    places += [
        (p.name, f"{p.name}\n{p.theme}\n{p.description}", p.start, p.end)
        for p in content.phases
        if p.start <= p.end
    ]
    found = []
    seen: set[str] = set()
    for where, text, start, end in places:
        for mention in anniversary_mentions(text or ""):
            for warning in _mention_warnings(mention, where=where, start=start, end=end):
                if warning.key not in seen:
                    seen.add(warning.key)
                    found.append(warning)
    return found


def _mention_warnings(mention: Mention, *, where: str, start: dt.date, end: dt.date) -> list[PlanWarning]:
    a = mention.anniversary
    found = []
    occurrence_year = None
    for day, month, year in mention.dates:
        if (day, month) != (a.day, a.month):
            found.append(
                PlanWarning(
                    "anniversary_wrong_date",
                    f"anniversary_wrong_date:{fold(where)[:40]}:{a.code}:{day}/{month}",
                    _("%(where)s names %(label)s on %(written)s; it falls on %(day)s.")
                    % {"where": where, "label": a.label, "written": f"{day}/{month}", "day": a.day_month},
                )
            )
            continue
        if year is not None and year != a.origin_year:
            occurrence_year = year
    if mention.count is not None:
        expected = a.origin_year + mention.count
        if occurrence_year is not None and occurrence_year != expected:
            found.append(
                PlanWarning(
                    "anniversary_wrong_count",
                    f"anniversary_wrong_count:{fold(where)[:40]}:{a.code}:{mention.count}:{occurrence_year}",
                    _(
                        "%(where)s names the %(count)s-year anniversary of %(label)s in %(year)s; "
                        "it is the %(right)s-year one."
                    )
                    % {
                        "where": where,
                        "count": mention.count,
                        "label": a.label,
                        "year": occurrence_year,
                        "right": a.ordinal(occurrence_year),
                    },
                )
            )
        occurrence_year = occurrence_year or expected
    if occurrence_year is not None and 1 <= occurrence_year <= 9999:
        day = a.on(occurrence_year)
        if not start <= day <= end:
            found.append(
                PlanWarning(
                    "anniversary_outside_period",
                    f"anniversary_outside_period:{fold(where)[:40]}:{a.code}:{day}:{start}:{end}",
                    _("%(where)s (%(dates)s) celebrates %(label)s on %(day)s, outside its dates.")
                    % {
                        "where": where,
                        "dates": _period(start, end),
                        "label": a.label,
                        "day": format_date(day),
                    },
                )
            )
    return found


# ---------------------------------------------------------------------------------------------
# Targets must be measurable
# ---------------------------------------------------------------------------------------------

_PERCENT = {"%", "phần trăm", "phan tram"}


def _target_warnings(content: PlanContent) -> list[PlanWarning]:
    if not content.targets:
        return [
            PlanWarning(
                "no_targets", "no_targets", _("The plan has no target: its progress cannot be followed.")
            )
        ]
    found = []
    for i, t in enumerate(content.targets, start=1):
        label = _("Target %(n)s (%(indicator)s)") % {"n": i, "indicator": _short(t.indicator)}

        def warn(code: str, message: str, *, i=i, t=t) -> None:
            found.append(PlanWarning(code, f"{code}:{i}:{fold(t.indicator)[:60]}", message))

        if not t.comparator or t.threshold is None:
            warn(
                "target_no_threshold",
                _("%(target)s has no comparator and threshold (e.g. ≥ 95 %%): nobody can tell if it is met.")
                % {"target": label},
            )
        if not t.unit_of_measure.strip():
            warn("target_no_unit", _("%(target)s has no unit of measure.") % {"target": label})
        if t.kind == TargetKind.REPORTED and not t.frequency:
            warn(
                "target_no_frequency",
                _("%(target)s does not say how often it is reported.") % {"target": label},
            )
        if t.threshold is not None and t.unit_of_measure.strip().lower() in _PERCENT:
            if t.threshold > Decimal(100) or t.threshold < 0:
                warn(
                    "target_percent_range", _("%(target)s has a share outside 0–100 %%.") % {"target": label}
                )
            elif (t.comparator == Comparator.GT and t.threshold >= 100) or (
                t.comparator == Comparator.LT and t.threshold <= 0
            ):
                warn("target_unreachable", _("%(target)s can never be met.") % {"target": label})
        if (t.direction == Direction.INCREASE and t.comparator in (Comparator.LT, Comparator.LTE)) or (
            t.direction == Direction.DECREASE and t.comparator in (Comparator.GT, Comparator.GTE)
        ):
            warn(
                "target_direction",
                _("%(target)s: the comparator %(comparator)s does not match “%(direction)s”.")
                % {
                    "target": label,
                    "comparator": Comparator(t.comparator).label,
                    "direction": Direction(t.direction).label,
                },
            )
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
