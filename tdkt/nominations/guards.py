"""Guards at proposal time: what tdkt checks before a nomination may be submitted, each with the rule it
applies. Blocking guards refuse the submission; advisory ones need an officer's acknowledgement with a reason.

Everything is computed set-based for a list of nominations of one round (a fixed number of queries): the
law engine's live answer, the nominees' open reviews and discipline, their other nominations and awards of
the year, the initiatives they rely on, and the round-wide quotas."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import ROUND_FLOOR, Decimal

from django.db.models import Count, Q
from django.utils import translation

from tdkt.core.timeutil import format_date
from tdkt.eligibility.selectors import first_reason
from tdkt.law.context import label
from tdkt.law.parameters import MissingParameter, Parameters
from tdkt.law.vocabulary import FORMS, NOT_COUNTING_TOWARD_MERIT
from tdkt.people.models import Employment
from tdkt.records.models import Category, ConferredAward, Discipline, DisciplineLevel, Review

from .evidence import engine_answers, nomination_cases
from .models import (
    INACTIVE_STATUSES,
    GuardAcknowledgement,
    Nomination,
    NominationStatus,
    Quota,
    QuotaBase,
    Round,
)

LAW_2022_ART_5 = "Luật Thi đua, khen thưởng 2022, Điều 5"
LAW_2022_ART_5_2 = "Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2"
ND_152_ART_4 = "Nghị định 152/2025/NĐ-CP, Điều 4"
CV_5007_BNV = "Công văn 5007/BNV-TĐKT năm 2023 (một sáng kiến chỉ làm căn cứ cho một hình thức khen thưởng)"
# The engine's rules describe merit, long-service and seniority awards; the standards of a movement's,
# an extraordinary or a foreign-relations award are the awarding body's own, so no verdict applies to them.
ENGINE_CATEGORIES = frozenset({Category.MERIT, Category.LONG_SERVICE, Category.SENIORITY})
SHARE_CANDIDATES = ("excellent_collective", "advanced_collective")
SHARE_CONDITION = "advanced_worker_share"
# The law parameter that caps a title across a unit's list (null when no national cap is in force).
LAW_CAPS = {"grassroots_emulation_fighter": "grassroots_emulation_fighter.cap_share"}
VERDICT_VI = {"eligible": "Đủ điều kiện", "not_eligible": "Chưa đủ điều kiện", "unknown": "Chưa đủ dữ liệu"}


@dataclass(frozen=True)
class Guard:
    code: str
    blocking: bool
    text: str
    cite: str
    verified: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Assessment:
    """The live view of one nomination: the engine's answer, the guards, and the acknowledgements that still
    match an advisory guard's exact text."""

    case: dict | None
    answer: dict | None
    guards: list[Guard] = field(default_factory=list)
    acknowledged: dict[str, GuardAcknowledgement] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Guard]:
        return [g for g in self.guards if g.blocking]

    @property
    def unacknowledged(self) -> list[Guard]:
        return [g for g in self.guards if not g.blocking and g.code not in self.acknowledged]

    @property
    def can_submit(self) -> bool:
        return not self.blocking and not self.unacknowledged

    def guard_rows(self) -> list[dict]:
        """The guards as stored in a snapshot and shown on pages, each with its acknowledgement."""
        rows = []
        for g in self.guards:
            ack = self.acknowledged.get(g.code)
            rows.append(
                {
                    **g.as_dict(),
                    "acknowledged": (
                        {"reason": ack.reason, "by": ack.actor_name, "at": ack.at.isoformat()}
                        if ack
                        else None
                    ),
                }
            )
        return rows


def _subject_key(n: Nomination) -> tuple[str, int] | None:
    if n.person_id:
        return ("person", n.person_id)
    if n.unit_id:
        return ("unit", n.unit_id)
    return None


def _category(category: str) -> str:
    with translation.override("vi"):
        return str(Category(category).label).lower()


# -- one guard at a time ---------------------------------------------------------------------------------


def _eligibility_guard(n: Nomination, answer: dict | None) -> Guard | None:
    if answer is None or n.is_exception or answer["verdict"] == "eligible":
        return None
    reason = first_reason(answer)
    text = f"Hệ thống kết luận «{VERDICT_VI[answer['verdict']]}» cho «{label(n.candidate)}»"
    if reason:
        text += f": {reason['text']}"
    text += ". Muốn trình, ghi lý do đề nghị ngoại lệ."
    return Guard("eligibility", True, text, (reason or {}).get("cite") or answer["rule"], answer["verified"])


def _share_guard(n: Nomination, answer: dict | None) -> Guard | None:
    if answer is None or n.candidate not in SHARE_CANDIDATES:
        return None
    condition = next((c for c in answer["conditions"] if c["id"] == SHARE_CONDITION), None)
    if condition is None or condition["met"] is True:
        return None
    return Guard("collective_share", True, condition["text"], condition["cite"], answer["verified"])


def _review_guards(n: Nomination, reviews: list[Review], disciplines: list[Discipline], *, year: int, today):
    found = []
    for r in reviews:
        if r.end is None or r.end >= today:
            text = (
                "Đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có khiếu nại chưa giải quyết: "
                f"{r.reason} (từ {format_date(r.start)})"
            )
            found.append(Guard("under_review", True, text, f"{LAW_2022_ART_5}; {ND_152_ART_4}"))
    for d in disciplines:
        with translation.override("vi"):
            level = str(DisciplineLevel(d.level).label)
        if d.end is None or d.end >= today:
            since = format_date(d.start)
            text = f"Đang trong thời gian thi hành kỷ luật «{level}» (từ {since}): không đề nghị khen"
            found.append(Guard("discipline", True, text, ND_152_ART_4))
        elif n.category == Category.MERIT and d.end >= dt.date(year, 1, 1):
            text = (
                f"Bị kỷ luật «{level}» từ {format_date(d.start)} đến {format_date(d.end)}: "
                f"thành tích năm {year} chỉ được tính từ khi hết thời hạn kỷ luật"
            )
            found.append(Guard("discipline", True, text, ND_152_ART_4))
    return found


def _duplicate_guards(
    n: Nomination, others: list[Nomination], case: dict | None, *, year: int
) -> list[Guard]:
    found = []
    same = [o for o in others if o.candidate == n.candidate and o.category == n.category]
    for o in same:
        text = (
            f"«{label(n.candidate)}» năm {year} đã được đề nghị cho đối tượng này "
            f"trong đợt «{o.round.name}» của {o.round.unit.name}"
        )
        found.append(Guard("duplicate_candidate", True, text, LAW_2022_ART_5_2))
    this_year = next((h for h in (case or {}).get("subject", {}).get("history", []) if h["year"] == year), {})
    held = set(this_year.get("titles", [])) | {
        a["form"] for a in this_year.get("awards", []) if a.get("category", "merit") == n.category
    }
    if n.candidate in held and n.award_id is None:
        text = f"Đã được tặng «{label(n.candidate)}» năm {year} (đã ghi trong hồ sơ khen thưởng)"
        found.append(Guard("duplicate_candidate", True, text, LAW_2022_ART_5_2))
    different = [o for o in others if o not in same]
    if different:
        listed = "; ".join(
            f"«{label(o.candidate)}» ({_category(o.category)}, đợt «{o.round.name}» của {o.round.unit.name})"
            for o in different
        )
        text = (
            f"Cùng năm {year} đối tượng này còn được đề nghị: {listed}. "
            "Không khen nhiều hình thức cho một thành tích."
        )
        found.append(Guard("duplicate_person", False, text, LAW_2022_ART_5_2))
    return found


def _initiative_guard(n: Nomination, mine: set[int], shared: dict[int, list], titles: dict[int, str]):
    reused = []
    for achievement_id in sorted(mine):
        for other in shared.get(achievement_id, []):
            if other.pk != n.pk:
                reused.append(
                    f"«{titles[achievement_id]}» cũng là căn cứ của đề nghị «{label(other.candidate)}» "
                    f"(đợt «{other.round.name}»)"
                )
    if not reused:
        return None
    return Guard(
        "duplicate_initiative",
        False,
        "Sáng kiến, đề tài dùng hai lần: " + "; ".join(reused),
        CV_5007_BNV,
        False,
    )


def _merit_guard(n: Nomination, case: dict | None, *, year: int) -> Guard | None:
    if case is None or n.category != Category.MERIT or n.candidate not in FORMS:
        return None
    excluded = [
        f"{label(a['form'])} ({_category(a['category'])}) năm {h['year']}"
        for h in case["subject"]["history"]
        if h["year"] <= year
        for a in h.get("awards", [])
        if a.get("category") in NOT_COUNTING_TOWARD_MERIT
    ]
    if not excluded:
        return None
    text = (
        "Khen thưởng theo đợt, chuyên đề hoặc đột xuất không được tính làm căn cứ đề nghị khen thưởng theo "
        "công trạng: " + "; ".join(excluded)
    )
    return Guard("not_counted_toward_merit", False, text, f"{LAW_2022_ART_5}; {ND_152_ART_4}")


def _late_guard(n: Nomination, round: Round, today: dt.date) -> Guard | None:
    if n.status != NominationStatus.DRAFT or today <= round.deadline:
        return None
    text = f"Trình sau hạn của đợt ({format_date(round.deadline)})"
    return Guard("late", False, text, f"{round.name}: hạn nộp {format_date(round.deadline)}")


# -- quotas over the whole round -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaCheck:
    candidate: str
    cap: int
    count: int
    base: int
    base_label: str
    share: Decimal
    cite: str
    verified: bool

    @property
    def label(self) -> str:
        return label(self.candidate)

    @property
    def exceeded(self) -> bool:
        return self.count > self.cap

    def guard(self, year: int) -> Guard:
        share = f"{(self.share * 100).normalize():f}".replace(".", ",")
        text = (
            f"Đợt có {self.count} đề nghị «{label(self.candidate)}», vượt hạn mức {self.cap} "
            f"({share} % của {self.base} {self.base_label} năm {year})"
        )
        return Guard("quota", True, text, self.cite, self.verified)


def _people_in_subtree(round: Round):
    first, last = dt.date(round.year, 1, 1), dt.date(round.year, 12, 31)
    return (
        Employment.objects.filter(start__lte=last)
        .filter(Q(end__isnull=True) | Q(end__gte=first))
        .filter(Q(unit__path__startswith=round.unit.path) | Q(department__path__startswith=round.unit.path))
        .values("person_id")
    )


def round_quotas(round: Round, *, as_of: dt.date) -> list[QuotaCheck]:
    """Every cap in force for the round (the law's, the province's on the Sở, the unit's own) with the
    round's count of active nominations against it."""
    caps: list[tuple[str, Decimal, str, str, bool]] = []  # candidate, share, base, cite, verified
    for candidate, name in LAW_CAPS.items():
        try:
            value = Parameters(as_of).value(name)
        except MissingParameter:
            continue
        if value.value is not None:
            caps.append(
                (candidate, Decimal(str(value.value)), QuotaBase.ADVANCED_WORKERS, value.cite, value.verified)
            )
    ancestors = [int(part) for part in round.unit.path.strip("/").split("/") if part]
    for q in Quota.objects.filter(unit_id__in=ancestors, valid_from__lte=as_of).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=as_of)
    ):
        caps.append((q.candidate, q.share, q.base, q.cite, False))
    if not caps:
        return []
    active = round.nominations.exclude(status__in=INACTIVE_STATUSES)
    counts = dict(active.values("candidate").annotate(n=Count("id")).values_list("candidate", "n"))
    bases: dict[str, int] = {}
    wanted = {base for _, _, base, _, _ in caps}
    if QuotaBase.ADVANCED_WORKERS in wanted:
        conferred = set(
            ConferredAward.objects.filter(
                year=round.year, candidate="advanced_worker", person_id__in=_people_in_subtree(round)
            ).values_list("person_id", flat=True)
        )
        nominated = set(
            active.filter(candidate="advanced_worker", person__isnull=False).values_list(
                "person_id", flat=True
            )
        )
        bases[QuotaBase.ADVANCED_WORKERS] = len(conferred | nominated)
    if QuotaBase.STAFF in wanted:
        bases[QuotaBase.STAFF] = _people_in_subtree(round).order_by().distinct().count()
    labels = {
        QuotaBase.ADVANCED_WORKERS: f"người đạt {label('advanced_worker')}",
        QuotaBase.STAFF: "người lao động",
    }
    checks = []
    for candidate, share, base, cite, verified in caps:
        cap = int((share * bases[base]).to_integral_value(rounding=ROUND_FLOOR))
        checks.append(
            QuotaCheck(
                candidate, cap, counts.get(candidate, 0), bases[base], labels[base], share, cite, verified
            )
        )
    return checks


# -- all guards for a list of nominations --------------------------------------------------------------------


def assess(
    nominations: list[Nomination], *, round: Round, as_of: dt.date, today: dt.date
) -> dict[int, Assessment]:
    """The live assessment of each nomination of `round` (loaded with person and unit)."""
    nominations = list(nominations)
    if not nominations:
        return {}
    year = round.year
    cases = nomination_cases(nominations, year=year, as_of=as_of)
    judged = {n.pk for n in nominations if n.category in ENGINE_CATEGORIES}
    answers = engine_answers({k: c for k, c in cases.items() if k in judged})
    person_ids = {n.person_id for n in nominations if n.person_id}
    unit_ids = {n.unit_id for n in nominations if n.unit_id}
    touching = Q(end__isnull=True) | Q(end__gte=dt.date(year, 1, 1))
    reviews: dict[tuple, list] = defaultdict(list)
    for r in Review.objects.filter(
        Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids), start__lte=today
    ).filter(touching):
        reviews[("person", r.person_id) if r.person_id else ("unit", r.unit_id)].append(r)
    disciplines: dict[int, list] = defaultdict(list)
    for d in (
        Discipline.objects.filter(person_id__in=person_ids, start__lte=today)
        .filter(touching)
        .order_by("start")
    ):
        disciplines[d.person_id].append(d)
    own = {n.pk for n in nominations}
    others: dict[tuple, list] = defaultdict(list)
    for o in (
        Nomination.objects.filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids), round__year=year)
        .exclude(status__in=INACTIVE_STATUSES)
        .select_related("round__unit")
        .order_by("id")
    ):
        others[_subject_key(o)].append(o)
    links = (
        Nomination.achievements.through.objects.filter(
            nomination__person_id__in=person_ids, nomination__round__year=year
        )
        .exclude(nomination__status__in=INACTIVE_STATUSES)
        .select_related("nomination__round", "achievement")
    )
    mine: dict[int, set[int]] = defaultdict(set)
    shared: dict[tuple[int, int], list] = defaultdict(list)  # (person, achievement) -> nominations
    titles: dict[int, str] = {}
    for link in links:
        titles[link.achievement_id] = link.achievement.title
        shared[(link.nomination.person_id, link.achievement_id)].append(link.nomination)
        if link.nomination_id in own:
            mine[link.nomination_id].add(link.achievement_id)
    quotas = [q for q in round_quotas(round, as_of=as_of) if q.exceeded]
    acks: dict[int, list] = defaultdict(list)
    for ack in GuardAcknowledgement.objects.filter(nomination_id__in=own):
        acks[ack.nomination_id].append(ack)

    found = {}
    for n in nominations:
        key = _subject_key(n)
        case, answer = cases.get(n.pk), answers.get(n.pk)
        guards = [
            _eligibility_guard(n, answer),
            _share_guard(n, answer),
            *_review_guards(
                n, reviews.get(key, []), disciplines.get(n.person_id, []), year=year, today=today
            ),
            *_duplicate_guards(n, [o for o in others.get(key, []) if o.pk != n.pk], case, year=year),
            _initiative_guard(
                n,
                mine.get(n.pk, set()),
                {a: shared[(n.person_id, a)] for a in mine.get(n.pk, set())},
                titles,
            ),
            *(q.guard(year) for q in quotas if q.candidate == n.candidate),
            _merit_guard(n, case, year=year),
            _late_guard(n, round, today),
        ]
        guards = [g for g in guards if g is not None]
        texts = {g.code: g.text for g in guards if not g.blocking}
        acknowledged = {a.code: a for a in acks.get(n.pk, []) if texts.get(a.code) == a.text}
        found[n.pk] = Assessment(case=case, answer=answer, guards=guards, acknowledged=acknowledged)
    return found
