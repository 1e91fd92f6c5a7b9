"""The demo province's records 2019–2025: ratings, initiatives and research, discipline, leave, reviews, and
the titles and awards conferred — for every demo person and every collective, consistent with the law engine.

`history_batches(seed, specs, units)` is a pure function of the demo seed, the people (`PersonSpec`s, in
`people_specs` order) and the organisation (`UnitInfo`s read once from the database by `demo_units`): it
yields one `HistoryBatch` of plain specs per slice of people, then a last batch with the collectives, whose
member figures are counted as `tdkt.records.facts.collective_members` counts them. `write_history` inserts
each batch with `executemany` and writes its audit entries with `audit_log_many`, so half a million people
stay in memory one slice at a time.

Titles follow the rules the law engine checks (the thresholds are read from `tdkt.law` parameters, never
copied here): LĐTT only for a `good`/`excellent` year with enough months worked and no discipline; CSTĐCS only
with LĐTT and, before 2024, an initiative or research work (from 2024 `excellent` is enough); CSTĐ cấp tỉnh
only after the run of CSTĐCS years with a provincial initiative. Officers still choose among the eligible,
so not everyone eligible gets the title.

Two institutions (`NOT_YET_RATED_2025`) have not loaded their 2025 ratings yet: their people's 2025 verdicts
are `unknown`, as they would be in a province part-way through loading its history.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain

from django.core.management.color import no_style
from django.db import connection, models, reset_queries
from django.db.models import Max

from tdkt.accounts.audit import audit_log_many
from tdkt.accounts.models import AuditAction
from tdkt.law.parameters import MissingParameter, Parameters
from tdkt.org.models import Unit, UnitKind
from tdkt.people.models import Gender, Person
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    AwardSource,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)

YEARS = tuple(range(2019, 2026))
BATCH_SIZE = 5_000  # people per slice
PROVINCE_NAME = "tỉnh Bình An"  # fictional, as in generator.PROVINCE
PROVINCE_ISSUER = "UBND tỉnh Bình An"
MINISTRY_ISSUER = "Bộ Y tế"
SO_CODE = "SYT"
NOT_YET_RATED_2025 = ("TTYT-KV4", "BVTT")
HORIZON = dt.date(2026, 6, 30)  # generator.HORIZON: no generated event after this day
LATE_STARTER = (7, 1)  # recruited after 1 July: not rated that year

# Decision number suffixes ("1234/QĐ-BVĐK") of each institution.
DECISION_SUFFIX = {
    "SYT": "SYT",
    "BVDK": "BVĐK",
    "BVKV": "BVKVN",
    "BVSN": "BVSN",
    "BVYHCT": "BVYHCT",
    "BVPHOI": "BVP",
    "BVTT": "BVTT",
    "BVMAT": "BVM",
    "BVPHCN": "BVPHCN",
    "CDC": "KSBT",
    "TTKN": "TTKN",
    "TTPY": "TTPY",
    "TTGDYK": "GĐYK",
}

# How a person works, year after year: (share, P(excellent), P(completed), P(failed), P(discipline),
# P(initiative), P(research)). Overall about 20 % excellent, 67 % good, 10 % completed, 1 % failed,
# 0.8 % disciplined, 10 % initiatives, 1.5 % research works.
TIERS = (
    (0.15, 0.60, 0.02, 0.000, 0.0005, 0.28, 0.05),
    (0.75, 0.14, 0.08, 0.005, 0.0040, 0.06, 0.008),
    (0.10, 0.03, 0.35, 0.060, 0.0450, 0.01, 0.0),
)
P_ADVANCED_WORKER = 0.93  # of the eligible: the unit confers LĐTT
P_GRASSROOTS = {"both": 0.95, "achievement": 0.85, "excellent": 0.25, "old_regime": 0.9}
P_PROVINCIAL_FIGHTER = 0.6
P_MERIT_CERTIFICATE = 0.3
P_WARNING = 0.25  # of disciplines; the rest are reprimands
P_SHARED = 0.3  # an initiative shared by 2–3 authors of the same department
SCOPES = (("unit", 0.83), ("provincial", 0.155), ("national", 0.015))
RESEARCH_SCOPES = (("unit", 0.6), ("provincial", 0.4))
P_MATERNITY = 0.045  # of women aged 22–42, not the year after a birth: about 3 % of all women a year
P_STUDY = 0.003
P_COVID_CERTIFICATE = 0.05  # 2020–2021, frontline departments: Giấy khen by theme
P_COVID_MERIT = 0.004  # 2021: Bằng khen UBND tỉnh by theme
P_EXTRAORDINARY = 0.0008
P_REVIEW = 1 / 8_000
FAIR_COLLECTIVE_SHARE = 0.5  # a collective with fewer LĐTT than this is rated good or completed
P_EXCELLENT_COLLECTIVE = 0.85  # of the eligible collectives
P_ADVANCED_COLLECTIVE = 0.9
REVIEW_AT = (120, 180)  # people (in spec order) who surely have an open review, so even a small demo has some

INITIATIVE_TITLES = (
    "Cải tiến quy trình tiếp đón và hướng dẫn người bệnh tại {dept}",
    "Ứng dụng bảng kiểm an toàn người bệnh trong chăm sóc tại {dept}",
    "Giải pháp rút ngắn thời gian chờ kết quả cận lâm sàng tại {dept}",
    "Xây dựng phần mềm quản lý vật tư tiêu hao tại {dept}",
    "Nâng cao tỷ lệ tuân thủ vệ sinh tay của nhân viên y tế tại {dept}",
    "Chuẩn hóa quy trình bàn giao người bệnh giữa các ca trực tại {dept}",
    "Ứng dụng mã QR trong hướng dẫn sử dụng thuốc cho người bệnh tại {dept}",
    "Giải pháp phòng ngừa té ngã cho người bệnh cao tuổi tại {dept}",
    "Cải tiến quy trình lưu trữ và tra cứu hồ sơ bệnh án điện tử tại {dept}",
    "Mô hình tư vấn dinh dưỡng cho người bệnh đái tháo đường tại {dept}",
    "Giải pháp tiết kiệm điện năng và văn phòng phẩm tại {dept}",
    "Mô hình truyền thông giáo dục sức khỏe cho người bệnh và người nhà tại {dept}",
    "Sắp xếp lại khu vực chờ và luồng di chuyển của người bệnh tại {dept}",
    "Ứng dụng tin nhắn nhắc lịch tái khám, tiêm chủng tại {dept}",
)
RESEARCH_TITLES = (
    "Đánh giá kết quả quản lý tăng huyết áp ở người bệnh ngoại trú {place} năm {year}",
    "Khảo sát sự hài lòng của người bệnh và nhân viên y tế {place} năm {year}",
    "Thực trạng nhiễm khuẩn bệnh viện và một số yếu tố liên quan {place} năm {year}",
    "Tình trạng dinh dưỡng của trẻ dưới 5 tuổi {place} năm {year}",
    "Kiến thức, thực hành phòng chống sốt xuất huyết của người dân {place} năm {year}",
    "Thực trạng sử dụng kháng sinh và giải pháp can thiệp {place} năm {year}",
)
DISCIPLINE_REASONS = (
    "Vi phạm quy định về thời gian làm việc",
    "Vi phạm quy tắc ứng xử với người bệnh và người nhà người bệnh",
    "Thiếu trách nhiệm trong thực hiện quy trình chuyên môn",
    "Vi phạm quy định về kê đơn thuốc",
    "Vi phạm quy chế trực",
)
REVIEW_REASONS = (
    "Đang xem xét xử lý kỷ luật theo đơn phản ánh của người bệnh",
    "Đang giải quyết khiếu nại liên quan đến thực hiện nhiệm vụ chuyên môn",
    "Đang kiểm tra, xác minh theo kết luận thanh tra",
)
FRONTLINE_KINDS = {UnitKind.WARD, UnitKind.COMMUNE_STATION}


# ---------------------------------------------------------------------------------------------
# Specs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    valid_from: dt.date
    valid_to: dt.date | None

    def exists_at_end_of(self, year: int) -> bool:
        end = dt.date(year, 12, 31)
        return self.valid_from <= end and (self.valid_to is None or self.valid_to >= end)


@dataclass(frozen=True)
class RatingSpec:
    cccd: str
    year: int
    rating: str
    unit: str
    rated_by: str
    rated_on: dt.date


@dataclass(frozen=True)
class CollectiveRatingSpec:
    unit: str
    year: int
    rating: str
    rated_by: str
    rated_on: dt.date


@dataclass(frozen=True)
class AchievementSpec:
    kind: str
    title: str
    scope: str
    year: int
    unit: str
    authors: tuple[str, ...]
    decision_number: str
    decision_date: dt.date
    issuer: str


@dataclass(frozen=True)
class DisciplineSpec:
    cccd: str
    level: str
    start: dt.date
    end: dt.date
    decision_number: str
    decision_date: dt.date
    reason: str


@dataclass(frozen=True)
class LeaveSpec:
    cccd: str
    kind: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class ReviewSpec:
    cccd: str
    reason: str
    start: dt.date


@dataclass(frozen=True)
class AwardSpec:
    year: int
    candidate: str
    category: str
    decision_number: str
    decision_date: dt.date
    issuer: str
    cccd: str | None = None
    unit: str | None = None


@dataclass
class HistoryBatch:
    people: tuple[str, ...] = ()  # CCCDs of the slice of people the records are about
    ratings: list[RatingSpec] = field(default_factory=list)
    achievements: list[AchievementSpec] = field(default_factory=list)
    disciplines: list[DisciplineSpec] = field(default_factory=list)
    leaves: list[LeaveSpec] = field(default_factory=list)
    reviews: list[ReviewSpec] = field(default_factory=list)
    awards: list[AwardSpec] = field(default_factory=list)
    collective_ratings: list[CollectiveRatingSpec] = field(default_factory=list)

    def __len__(self) -> int:
        """The number of records (people excluded)."""
        return sum(len(v) for k, v in vars(self).items() if k != "people")


def demo_units() -> tuple[UnitInfo, ...]:
    """The organisation as plain values (read once; the history is a pure function of them)."""
    by_pk = {u.pk: u for u in Unit.objects.order_by("pk")}
    return tuple(
        UnitInfo(
            code=u.code,
            name=u.name,
            short_name=u.short_name or u.name,
            kind=u.kind,
            parent=by_pk[u.parent_id].code if u.parent_id else None,
            valid_from=u.valid_from,
            valid_to=u.valid_to,
        )
        for u in by_pk.values()
    )


# ---------------------------------------------------------------------------------------------
# The law's numbers, as in force at each year's review
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearRules:
    minimum_months: int
    good_ratings: frozenset[str]
    grassroots_ratings: frozenset[str]  # ratings that replace the initiative (none before 2024)
    fighter_years: int
    separate_cycles: bool
    merit_fighter_years: int
    advanced_share: float
    advanced_more_than: bool
    advanced_no_discipline: bool
    excellent_completed_share: float
    excellent_advanced_share: float
    excellent_fighters: int
    excellent_no_discipline: bool
    collective_good: frozenset[str]


@cache
def year_rules(year: int) -> YearRules:
    p = Parameters(on=dt.date(year, 12, 20))
    try:
        qualifying = frozenset(p("grassroots_emulation_fighter.qualifying_ratings"))
    except MissingParameter:
        qualifying = frozenset()
    return YearRules(
        minimum_months=p("advanced_worker.minimum_months"),
        good_ratings=frozenset(p("advanced_worker.good_ratings")),
        grassroots_ratings=qualifying,
        fighter_years=p("provincial_emulation_fighter.consecutive_years"),
        separate_cycles=p("provincial_emulation_fighter.separate_cycles"),
        merit_fighter_years=p("provincial_merit_certificate.grassroots_fighter_years"),
        advanced_share=p("advanced_collective.minimum_advanced_worker_share"),
        advanced_more_than=p("advanced_collective.share_comparison") == "more_than",
        advanced_no_discipline=p("advanced_collective.excludes_discipline_warning_or_above"),
        excellent_completed_share=p("excellent_collective.minimum_completed_share"),
        excellent_advanced_share=p("excellent_collective.minimum_advanced_worker_share"),
        excellent_fighters=p("excellent_collective.minimum_grassroots_emulation_fighters"),
        excellent_no_discipline=p("excellent_collective.excludes_discipline_warning_or_above"),
        collective_good=frozenset(p("advanced_collective.good_ratings")),
    )


def months_worked(employed_since: dt.date, year: int) -> int:
    """As the law engine counts them (advanced_worker.tenure_condition): the starting month counts."""
    if employed_since.year > year:
        return 0
    start = max(employed_since, dt.date(year, 1, 1))
    return 12 - start.month + 1


# ---------------------------------------------------------------------------------------------
# The pure function
# ---------------------------------------------------------------------------------------------


def decision_suffix(issuer: str) -> str:
    """The suffix of a decision number (BVĐK in 1234/QĐ-BVĐK): an institution's, or the issuer code (UBND)."""
    return DECISION_SUFFIX.get(issuer, "TTYT" if issuer.startswith("TTYT-") else issuer)


class _Decisions:
    """One decision per (issuer, year, what): its number and date drawn from the seed and the key alone, so
    they do not depend on the order people are generated in."""

    def __init__(self, seed: int):
        self.seed = seed
        self.memo: dict[tuple, tuple[str, dt.date]] = {}

    def get(self, issuer: str, year: int, what: str, first: dt.date, last: dt.date) -> tuple[str, dt.date]:
        """`issuer`: an institution's code, or UBND / BYT."""
        key = (issuer, year, what)
        if key not in self.memo:
            rng = random.Random(f"{self.seed}:{issuer}:{year}:{what}")
            day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            self.memo[key] = (f"{rng.randint(12, 2400)}/QĐ-{decision_suffix(issuer)}", day)
        return self.memo[key]


def _december_or_january(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 12, 15), dt.date(year + 1, 1, 20)


def _january(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year + 1, 1, 5), dt.date(year + 1, 1, 31)


def _pick(rng: random.Random, pairs) -> str:
    return rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]


@dataclass
class _Year:
    """One person's year while it is being generated."""

    year: int
    unit: str  # institution
    department: str | None
    rating: str | None = None
    disciplined: bool = False
    warning: bool = False
    wants_initiative: bool = False
    wants_research: bool = False
    scopes: list[str] = field(default_factory=list)  # of the achievements recognised this year
    under_review: bool = False
    titles: set[str] = field(default_factory=set)


class _Generator:
    def __init__(self, seed: int, units: tuple[UnitInfo, ...]):
        self.rng = random.Random(f"demo-history:{seed}")
        self.units = {u.code: u for u in units}
        self.decisions = _Decisions(seed)
        self.k = 0
        self.review_due = list(REVIEW_AT)
        # (unit, year) -> [total, completed, advanced workers, grassroots fighters, disciplined ≥ warning]
        self.members: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])

    # -- helpers

    def unit_decision(self, institution: str, year: int, what: str) -> tuple[str, str, dt.date]:
        number, day = self.decisions.get(institution, year, what, *_december_or_january(year))
        return self.units[institution].name, number, day

    def province_decision(self, year: int, what: str) -> tuple[str, str, dt.date]:
        number, day = self.decisions.get("UBND", year, what, *_january(year))
        return PROVINCE_ISSUER, number, day

    def council(self, institution: str) -> str:
        return f"Hội đồng Thi đua - Khen thưởng {self.units[institution].short_name}"

    def rated_on(self, institution: str, year: int) -> dt.date:
        return self.decisions.get(institution, year, "rating", dt.date(year, 12, 10), dt.date(year, 12, 14))[
            1
        ]

    # -- people

    def batch(self, specs: list) -> HistoryBatch:
        out = HistoryBatch(people=tuple(s.cccd for s in specs))
        people = []
        for spec in specs:
            people.append((spec, self._person_years(spec, out)))
            self.k += 1
        self._achievements(people, out)
        for spec, years in people:
            self._titles(spec, years, out)
            self._count_members(spec, years)
        return out

    def _person_years(self, spec, out: HistoryBatch) -> dict[int, _Year]:
        rng = self.rng
        tier = TIERS[rng.choices(range(len(TIERS)), weights=[t[0] for t in TIERS])[0]]
        _, p_excellent, p_completed, p_failed, p_discipline, p_initiative, p_research = tier
        if spec.is_manager:
            p_excellent = min(0.8, p_excellent * 1.4)
        since = spec.posts[0].start
        last_day = spec.posts[-1].end
        years: dict[int, _Year] = {}
        review_year = None
        due = bool(self.review_due) and self.k >= self.review_due[0]
        if last_day is None and (due or rng.random() < P_REVIEW):
            if due:
                self.review_due.pop(0)
            start = dt.date(2025, 11, 3) + dt.timedelta(days=rng.randint(0, 120))
            out.reviews.append(ReviewSpec(spec.cccd, rng.choice(REVIEW_REASONS), start))
            review_year = start.year
        last_maternity = -9
        for year in YEARS:
            first, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if since > end or (last_day is not None and last_day < dt.date(year, 12, 1)):
                continue
            post = [p for p in spec.posts if p.start <= end and (p.end is None or p.end >= first)][-1]
            y = _Year(year, post.unit, post.department, under_review=review_year == year)
            years[year] = y
            if year == 2025 and post.unit in NOT_YET_RATED_2025:
                y.rating = None
            elif since.year == year and since > dt.date(year, *LATE_STARTER):
                y.rating = "unrated"
            else:
                draw = rng.random()
                if rng.random() < p_discipline:
                    y.disciplined = True
                    y.warning = rng.random() < P_WARNING
                    y.rating = "failed" if rng.random() < 0.2 else "completed"
                    self._discipline(spec, y, out)
                elif draw < p_failed:
                    y.rating = "failed"
                elif draw < p_failed + p_completed:
                    y.rating = "completed"
                elif draw < p_failed + p_completed + p_excellent:
                    y.rating = "excellent"
                else:
                    y.rating = "good"
                if y.rating in ("excellent", "good"):
                    y.wants_initiative = rng.random() < p_initiative * (1.5 if y.rating == "excellent" else 1)
                    y.wants_research = rng.random() < p_research
            if y.rating is not None:
                out.ratings.append(
                    RatingSpec(
                        spec.cccd,
                        year,
                        y.rating,
                        post.unit,
                        self.council(post.unit),
                        self.rated_on(post.unit, year),
                    )
                )
            age = year - spec.birth_date.year
            if (
                spec.gender == Gender.FEMALE
                and 22 <= age <= 42
                and year - last_maternity > 1
                and rng.random() < P_MATERNITY
            ):
                start = first + dt.timedelta(days=rng.randint(max(0, (since - first).days), 364))
                out.leaves.append(LeaveSpec(spec.cccd, "maternity", start, _months_later(start, 6)))
                last_maternity = year
            elif age < 45 and rng.random() < P_STUDY:
                start = dt.date(year, rng.choice((3, 9, 10)), 1)
                out.leaves.append(
                    LeaveSpec(spec.cccd, "study", start, _months_later(start, rng.choice((6, 12))))
                )
        return years

    def _discipline(self, spec, y: _Year, out: HistoryBatch) -> None:
        rng = self.rng
        start = dt.date(y.year, 1, 15) + dt.timedelta(days=rng.randint(0, 230))
        end = min(dt.date(y.year, 12, 31), start + dt.timedelta(days=rng.randint(120, 300)))
        decided = start - dt.timedelta(days=rng.randint(0, 5))
        out.disciplines.append(
            DisciplineSpec(
                spec.cccd,
                "warning" if y.warning else "reprimand",
                start,
                end,
                f"{rng.randint(12, 2400)}/QĐ-{decision_suffix(y.unit)}",
                decided,
                rng.choice(DISCIPLINE_REASONS),
            )
        )

    def _achievements(self, people, out: HistoryBatch) -> None:
        """Initiatives (some shared by 2–3 authors of one department) and research works."""
        rng = self.rng
        holders: dict[tuple, list] = defaultdict(list)
        for spec, years in people:
            for y in years.values():
                if y.wants_initiative:
                    holders["initiative", y.year, y.unit, y.department].append((spec, y))
                if y.wants_research:
                    holders["research", y.year, y.unit, y.department].append((spec, y))
        for (kind, year, unit, department), found in holders.items():
            i = 0
            while i < len(found):
                size = 1
                if kind == "initiative" and len(found) - i >= 2 and rng.random() < P_SHARED:
                    size = min(len(found) - i, rng.choice((2, 2, 3)))
                group = found[i : i + size]
                i += size
                scope = _pick(rng, SCOPES if kind == "initiative" else RESEARCH_SCOPES)
                dept = self.units[department].name if department else self.units[unit].name
                templates = INITIATIVE_TITLES if kind == "initiative" else RESEARCH_TITLES
                place = f"tại {self.units[unit].name}" if unit != SO_CODE else f"trên địa bàn {PROVINCE_NAME}"
                title = rng.choice(templates).format(dept=dept, place=place, year=year)
                what = f"{kind}-{scope}"
                if scope == "unit":
                    issuer = self.units[unit].name
                    number, day = self.decisions.get(
                        unit, year, what, dt.date(year, 10, 20), dt.date(year, 12, 5)
                    )
                elif scope == "provincial":
                    issuer = PROVINCE_ISSUER
                    number, day = self.decisions.get(
                        "UBND", year, what, dt.date(year, 10, 1), dt.date(year, 12, 5)
                    )
                else:
                    issuer = MINISTRY_ISSUER
                    number, day = self.decisions.get(
                        "BYT", year, what, dt.date(year, 9, 1), dt.date(year, 12, 5)
                    )
                out.achievements.append(
                    AchievementSpec(
                        kind, title, scope, year, unit, tuple(s.cccd for s, _ in group), number, day, issuer
                    )
                )
                for _, y in group:
                    y.scopes.append(scope)

    def _titles(self, spec, years: dict[int, _Year], out: HistoryBatch) -> None:
        rng = self.rng
        since = spec.posts[0].start
        last_fighter_cycle = -99  # last year a CSTĐ cấp tỉnh used the CSTĐCS years before it

        def award(y: _Year, candidate: str, *, provincial: bool = False) -> None:
            """For merit, by the unit's decision of the year, or the province's."""
            if provincial:
                issuer, number, day = self.province_decision(y.year, candidate)
            else:
                issuer, number, day = self.unit_decision(y.unit, y.year, candidate)
            out.awards.append(AwardSpec(y.year, candidate, "merit", number, day, issuer, cccd=spec.cccd))

        for year in YEARS:
            y = years.get(year)
            if y is None:
                continue
            if y.rating is not None and not y.under_review:
                rules = year_rules(year)
                if (
                    y.rating in rules.good_ratings
                    and not y.disciplined
                    and months_worked(since, year) >= rules.minimum_months
                    and rng.random() < P_ADVANCED_WORKER
                ):
                    y.titles.add("advanced_worker")
                    award(y, "advanced_worker")
                if "advanced_worker" in y.titles:
                    achievement = bool(y.scopes)
                    excellent = y.rating in rules.grassroots_ratings
                    if not rules.grassroots_ratings:
                        chance = P_GRASSROOTS["old_regime"] if achievement else 0
                    elif achievement and excellent:
                        chance = P_GRASSROOTS["both"]
                    elif achievement:
                        chance = P_GRASSROOTS["achievement"]
                    else:
                        chance = P_GRASSROOTS["excellent"] if excellent else 0
                    if rng.random() < chance:
                        y.titles.add("grassroots_emulation_fighter")
                        award(y, "grassroots_emulation_fighter")
                if "grassroots_emulation_fighter" in y.titles:
                    run = range(year - rules.fighter_years + 1, year + 1)
                    chain_ok = all(
                        "grassroots_emulation_fighter" in getattr(years.get(r), "titles", ()) for r in run
                    )
                    fresh = not rules.separate_cycles or last_fighter_cycle < run[0]
                    provincial_work = any(
                        s in ("provincial", "national")
                        for r in run
                        for s in getattr(years.get(r), "scopes", ())
                    )
                    if chain_ok and fresh and provincial_work and rng.random() < P_PROVINCIAL_FIGHTER:
                        y.titles.add("provincial_emulation_fighter")
                        award(y, "provincial_emulation_fighter", provincial=True)
                        last_fighter_cycle = year
                    else:
                        merit_run = range(year - rules.merit_fighter_years + 1, year + 1)
                        if (
                            all(
                                "grassroots_emulation_fighter" in getattr(years.get(r), "titles", ())
                                for r in merit_run
                            )
                            and rng.random() < P_MERIT_CERTIFICATE
                        ):
                            award(y, "provincial_merit_certificate", provincial=True)
            # Awards by theme or for an extraordinary deed: they do not count toward merit (Law Điều 5).
            frontline = self.units.get(y.department or "", None)
            if year in (2020, 2021) and frontline and frontline.kind in FRONTLINE_KINDS:
                if rng.random() < P_COVID_CERTIFICATE:
                    first, last = dt.date(year, 9, 1), dt.date(year, 12, 20)
                    number, day = self.decisions.get(y.unit, year, "covid", first, last)
                    out.awards.append(
                        AwardSpec(
                            year,
                            "commendation_certificate",
                            "thematic",
                            number,
                            day,
                            self.units[y.unit].name,
                            cccd=spec.cccd,
                        )
                    )
                elif year == 2021 and rng.random() < P_COVID_MERIT:
                    number, day = self.decisions.get(
                        "UBND", year, "covid", dt.date(2021, 11, 1), dt.date(2021, 12, 20)
                    )
                    out.awards.append(
                        AwardSpec(
                            year,
                            "provincial_merit_certificate",
                            "thematic",
                            number,
                            day,
                            PROVINCE_ISSUER,
                            cccd=spec.cccd,
                        )
                    )
            if rng.random() < P_EXTRAORDINARY:
                day = dt.date(year, 2, 1) + dt.timedelta(days=rng.randint(0, 300))
                out.awards.append(
                    AwardSpec(
                        year,
                        "provincial_merit_certificate",
                        "extraordinary",
                        f"{rng.randint(12, 2400)}/QĐ-UBND",
                        day,
                        PROVINCE_ISSUER,
                        cccd=spec.cccd,
                    )
                )

    def _count_members(self, spec, years: dict[int, _Year]) -> None:
        """As records.facts.collective_members: everyone with a post in the unit (or a department under it)
        during the year, with their rating and titles of the year wherever they were rated."""
        for year in YEARS:
            first, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            codes = set()
            for p in spec.posts:
                if p.start <= end and (p.end is None or p.end >= first):
                    codes.add(p.unit)
                    if p.department:
                        codes.add(p.department)
            if not codes:
                continue
            y = years.get(year)
            row = (
                1,
                int(y is not None and y.rating in ("excellent", "good", "completed")),
                int(y is not None and "advanced_worker" in y.titles),
                int(y is not None and "grassroots_emulation_fighter" in y.titles),
                int(y is not None and y.warning),
            )
            for code in codes:
                counts = self.members[code, year]
                for i, v in enumerate(row):
                    counts[i] += v

    # -- collectives

    def collectives(self) -> HistoryBatch:
        rng = self.rng
        out = HistoryBatch()
        for year in YEARS:
            rules = year_rules(year)
            for unit in self.units.values():
                institution = unit.code if unit.kind in UnitKind.institution_kinds() else unit.parent
                if not unit.exists_at_end_of(year) or institution is None:
                    continue
                if year == 2025 and institution in NOT_YET_RATED_2025:
                    continue
                total, completed, advanced, fighters, disciplined = self.members.get(
                    (unit.code, year), (0,) * 5
                )
                if not total:
                    continue
                advanced_share = advanced / total
                if completed == total and advanced_share >= rules.excellent_advanced_share and fighters:
                    rating = _pick(rng, (("excellent", 0.75), ("good", 0.25)))
                elif advanced_share >= FAIR_COLLECTIVE_SHARE:
                    rating = _pick(rng, (("excellent", 0.15), ("good", 0.8), ("completed", 0.05)))
                else:
                    rating = _pick(rng, (("good", 0.5), ("completed", 0.5)))
                if unit.code == SO_CODE:
                    rated_by, rated_on = PROVINCE_ISSUER, dt.date(year, 12, 18)
                elif unit.code == institution:
                    rated_by = f"Hội đồng Thi đua - Khen thưởng {self.units[SO_CODE].short_name}"
                    rated_on = self.rated_on(SO_CODE, year) + dt.timedelta(days=4)
                else:
                    rated_by, rated_on = self.council(institution), self.rated_on(institution, year)
                out.collective_ratings.append(
                    CollectiveRatingSpec(unit.code, year, rating, rated_by, rated_on)
                )

                excellent_ok = (
                    rating == "excellent"
                    and completed >= rules.excellent_completed_share * total
                    and advanced_share >= rules.excellent_advanced_share
                    and fighters >= rules.excellent_fighters
                    and not (rules.excellent_no_discipline and disciplined)
                )
                share_ok = (
                    advanced_share > rules.advanced_share
                    if rules.advanced_more_than
                    else advanced_share >= rules.advanced_share
                )
                advanced_ok = (
                    rating in rules.collective_good
                    and share_ok
                    and not (rules.advanced_no_discipline and disciplined)
                )
                candidate = None
                if excellent_ok and rng.random() < P_EXCELLENT_COLLECTIVE:
                    candidate = "excellent_collective"
                elif advanced_ok and rng.random() < P_ADVANCED_COLLECTIVE:
                    candidate = "advanced_collective"
                if candidate is None:
                    continue
                if unit.code == SO_CODE or (unit.code == institution and candidate == "excellent_collective"):
                    issuer, number, day = self.province_decision(year, f"collective-{candidate}")
                elif unit.code == institution:
                    issuer, number, day = self.unit_decision(SO_CODE, year, f"collective-{candidate}")
                else:
                    issuer, number, day = self.unit_decision(institution, year, f"collective-{candidate}")
                out.awards.append(AwardSpec(year, candidate, "merit", number, day, issuer, unit=unit.code))
        return out


def _months_later(day: dt.date, months: int) -> dt.date:
    """The day before the same date `months` later (a six-month leave from 10/3 ends on 9/9)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    try:
        return min(HORIZON, dt.date(year, month, day.day) - dt.timedelta(days=1))
    except ValueError:  # 31/3 + 6 months: to the end of September
        return min(
            HORIZON, (dt.date(year, month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        )


def history_batches(
    seed: int, specs: Iterable, units: tuple[UnitInfo, ...], *, batch_size: int = BATCH_SIZE
) -> Iterator[HistoryBatch]:
    """The demo records, a slice of people at a time, then the collectives: the same (seed, specs, units)
    always yields the same batches."""
    generator = _Generator(seed, units)
    batch: list = []
    for spec in chain(specs, [None]):
        if spec is not None:
            batch.append(spec)
            if len(batch) < batch_size:
                continue
        if batch:
            yield generator.batch(batch)
            batch = []
    yield generator.collectives()


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def write_history(
    batches: Iterable[HistoryBatch],
    units: dict[str, Unit],
    *,
    reason: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert the records of each batch with one audit entry per record; `progress` is told how many people
    are done. Returns the number of records."""
    done = people = 0
    for batch in batches:
        done += _write_batch(batch, units, _people(batch.people), reason)
        reset_queries()
        people += len(batch.people)
        if progress and batch.people:
            progress(people)
    tables = [AnnualRating, CollectiveRating, Achievement, Discipline, Leave, Review, ConferredAward]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(sql)
    return done


class _Row:
    """A row written in bulk, as `audit_log_many` reads it: the model's `_meta`, the `pk`, and the text of the
    model's own `__str__`, which reads the row's attributes (a related object given by its text)."""

    def __init__(self, model: type[models.Model], values: dict, **related: str | None):
        self._meta = model._meta
        self.model = model
        self.values = values
        self.pk: int | None = None
        self.extra: dict = {}  # what else the audit entry records (an achievement's authors)
        self.__dict__.update(values)
        self.__dict__.update(related)

    def __str__(self) -> str:
        return self.model.__str__(self)

    def snapshot(self) -> dict:
        """As `tdkt.accounts.audit.snapshot` gives it for the saved object."""
        plain = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in self.values.items()}
        return {**plain, **self.extra}


def _insert(model: type[models.Model], rows: list, *, with_ids: bool = True) -> None:
    """INSERT with `executemany`, several times faster than `bulk_create` for the demo's hundreds of thousands
    of rows. `rows` are `_Row`s, or plain dicts when `with_ids` is false. Ids are allocated after the table's
    highest (the demo fills an empty database in one transaction); `write_history` resets the sequences."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    names = [f.attname for f in fields]
    values = [row.values for row in rows] if with_ids else rows
    if set(values[0]) != set(names):
        raise ValueError(f"{model.__name__}: expected the fields {sorted(names)}, got {sorted(values[0])}")
    if with_ids:
        first = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        for pk, row in enumerate(rows, start=first):
            row.pk = pk
        fields = [model._meta.pk, *fields]
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for i in range(0, len(rows), BATCH_SIZE):
            chunk = rows[i : i + BATCH_SIZE]
            if with_ids:
                params = [(row.pk, *(row.values[n] for n in names)) for row in chunk]
            else:
                params = [tuple(row[n] for n in names) for row in chunk]
            cursor.executemany(sql, params)


def _people(cccds: tuple[str, ...], chunk: int = 900) -> dict[str, tuple[int, str]]:
    """The slice's persons by CCCD: (id, full name)."""
    found = {}
    for i in range(0, len(cccds), chunk):
        rows = Person.objects.filter(cccd__in=cccds[i : i + chunk]).values_list("cccd", "id", "full_name")
        for cccd, pk, name in rows:
            found[cccd] = (pk, name)
    return found


def _write_batch(
    batch: HistoryBatch, units: dict[str, Unit], people: dict[str, tuple[int, str]], reason: str
) -> int:
    ratings = []
    for r in batch.ratings:
        pid, name = people[r.cccd]
        values = {
            "person_id": pid,
            "year": r.year,
            "rating": r.rating,
            "unit_id": units[r.unit].pk,
            "rated_by": r.rated_by,
            "rated_on": r.rated_on,
        }
        ratings.append(_Row(AnnualRating, values, person=name))
    collective_ratings = [
        _Row(
            CollectiveRating,
            {
                "unit_id": units[r.unit].pk,
                "year": r.year,
                "rating": r.rating,
                "rated_by": r.rated_by,
                "rated_on": r.rated_on,
            },
            unit=units[r.unit].name,
        )
        for r in batch.collective_ratings
    ]
    achievements = [
        _Row(
            Achievement,
            {
                "kind": a.kind,
                "title": a.title,
                "scope": a.scope,
                "year": a.year,
                "unit_id": units[a.unit].pk,
                "decision_number": a.decision_number,
                "decision_date": a.decision_date,
                "issuer": a.issuer,
            },
        )
        for a in batch.achievements
    ]
    disciplines = [
        _Row(
            Discipline,
            {
                "person_id": people[d.cccd][0],
                "level": d.level,
                "decision_number": d.decision_number,
                "decision_date": d.decision_date,
                "start": d.start,
                "end": d.end,
                "reason": d.reason,
            },
            person=people[d.cccd][1],
        )
        for d in batch.disciplines
    ]
    leaves = [
        _Row(
            Leave,
            {"person_id": people[x.cccd][0], "kind": x.kind, "start": x.start, "end": x.end},
            person=people[x.cccd][1],
        )
        for x in batch.leaves
    ]
    reviews = [
        _Row(
            Review,
            {
                "person_id": people[r.cccd][0],
                "unit_id": None,
                "reason": r.reason,
                "start": r.start,
                "end": None,
            },
        )
        for r in batch.reviews
    ]
    awards = [
        _Row(
            ConferredAward,
            {
                "person_id": people[a.cccd][0] if a.cccd else None,
                "unit_id": units[a.unit].pk if a.unit else None,
                "year": a.year,
                "candidate": a.candidate,
                "category": a.category,
                "decision_number": a.decision_number,
                "decision_date": a.decision_date,
                "issuer": a.issuer,
                "source": AwardSource.IMPORTED,
                "created_by_id": None,
                "revoked_on": None,
                "revoked_by": "",
            },
            person=people[a.cccd][1] if a.cccd else None,
            unit=units[a.unit].name if a.unit else None,
        )
        for a in batch.awards
    ]
    plain = (
        (AnnualRating, ratings),
        (CollectiveRating, collective_ratings),
        (Discipline, disciplines),
        (Leave, leaves),
        (Review, reviews),
        (ConferredAward, awards),
        (Achievement, achievements),
    )
    for model, rows in plain:
        _insert(model, rows)
    authors = [sorted(people[c][0] for c in spec.authors) for spec in batch.achievements]
    links = [
        {"achievement_id": a.pk, "person_id": pid}
        for a, ids in zip(achievements, authors, strict=True)
        for pid in ids
    ]
    _insert(Achievement.authors.through, links, with_ids=False)
    for row, ids in zip(achievements, authors, strict=True):
        row.extra = {"authors": ids}
    audit_log_many(
        actor=None,
        reason=reason,
        items=((AuditAction.CREATE, row, None, row.snapshot()) for _, rows in plain for row in rows),
        batch_size=BATCH_SIZE,
    )
    return sum(len(rows) for _, rows in plain)
