import collections
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from tdkt.accounts.models import AuditEntry
from tdkt.demo.generator import AUDIT_REASON, demo_places, people_specs
from tdkt.demo.history import NOT_YET_RATED_2025, YEARS, demo_units, history_batches
from tdkt.law import evaluate
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.facts import collective_cases, person_cases
from tdkt.records.models import (
    Achievement,
    AnnualRating,
    CollectiveRating,
    ConferredAward,
    Discipline,
    Leave,
    Review,
)
from tdkt.records.services import achievement_create, award_record, rating_set

pytestmark = pytest.mark.django_db

PERSON_TITLES = ["advanced_worker", "grassroots_emulation_fighter", "provincial_emulation_fighter"]


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("demo", people=400, stdout=out)
    return out.getvalue()


def _titles(candidate):
    return set(ConferredAward.objects.filter(candidate=candidate).values_list("person_id", "year"))


def test_every_person_has_a_rating_for_each_year_employed_with_realistic_shares(demo):
    ratings = collections.Counter(AnnualRating.objects.values_list("rating", flat=True))
    n = sum(ratings.values())
    assert n > 400 * 5  # 2019–2025, less late starters, leavers and the units not yet rated for 2025
    assert 0.13 < ratings["excellent"] / n < 0.28
    assert 0.55 < ratings["good"] / n < 0.76
    assert 0.05 < ratings["completed"] / n < 0.16
    assert ratings["failed"] / n < 0.04
    assert set(AnnualRating.objects.values_list("year", flat=True)) == set(YEARS)
    rating = AnnualRating.objects.select_related("unit").filter(unit__code="BVDK").first()
    assert rating.rated_by == "Hội đồng Thi đua - Khen thưởng BVĐK tỉnh"
    assert rating.rated_on.month == 12 and 10 <= rating.rated_on.day <= 14
    # the rating unit is an institution, never a department
    kinds = set(AnnualRating.objects.values_list("unit__kind", flat=True))
    assert kinds and not kinds & {"ward", "office", "commune_station"}
    assert "Bình An" in demo and "bản ghi thi đua" in demo


def test_titles_have_realistic_shares_and_decisions(demo):
    rated = AnnualRating.objects.exclude(year=2025).count()
    advanced = ConferredAward.objects.filter(candidate="advanced_worker").exclude(year=2025).count()
    fighters = ConferredAward.objects.filter(candidate="grassroots_emulation_fighter").exclude(year=2025)
    assert 0.70 < advanced / rated < 0.88
    assert 0.06 < fighters.count() / rated < 0.17
    award = ConferredAward.objects.filter(
        candidate="advanced_worker", issuer__contains="Bệnh viện Đa khoa"
    ).first()
    assert award.decision_number.endswith("/QĐ-BVĐK") and award.category == "merit"
    assert (award.decision_date.month, award.decision_date.year) in {(12, award.year), (1, award.year + 1)}
    assert set(
        ConferredAward.objects.filter(candidate="provincial_emulation_fighter").values_list(
            "issuer", flat=True
        )
    ) <= {"UBND tỉnh Bình An"}
    assert ConferredAward.objects.filter(category__in=["thematic", "extraordinary"]).exists()
    assert ConferredAward.objects.filter(candidate="provincial_merit_certificate", category="merit").exists()


def test_titles_agree_with_the_ratings_and_with_each_other(demo):
    ratings = {(p, y): r for p, y, r in AnnualRating.objects.values_list("person_id", "year", "rating")}
    advanced, fighters = _titles("advanced_worker"), _titles("grassroots_emulation_fighter")
    assert advanced and fighters
    assert all(ratings.get(key) in {"good", "excellent"} for key in advanced)  # no LĐTT when completed/failed
    assert fighters <= advanced  # no CSTĐCS without LĐTT
    assert _titles("provincial_emulation_fighter") <= fighters
    achieved = set(Achievement.authors.through.objects.values_list("person_id", "achievement__year"))
    assert all(key in achieved for key in fighters if key[1] < 2024)  # before 2024 an initiative was required
    assert all(key in achieved or ratings[key] == "excellent" for key in fighters)
    disciplined = {(p, s.year) for p, s in Discipline.objects.values_list("person_id", "start")}
    assert disciplined and not disciplined & advanced
    assert all(ratings[key] in {"completed", "failed"} for key in disciplined)


def test_every_conferred_title_is_one_the_law_engine_finds_eligible(demo):
    for year in YEARS:
        awarded = collections.defaultdict(list)
        for pid, candidate in ConferredAward.objects.filter(
            year=year, candidate__in=[*PERSON_TITLES, "provincial_merit_certificate"], category="merit"
        ).values_list("person_id", "candidate"):
            awarded[pid].append(candidate)
        people = list(Person.objects.filter(pk__in=awarded).order_by("pk"))
        for person, case in zip(
            people, person_cases(people, year=year, as_of=dt.date(year, 12, 20)), strict=True
        ):
            case["candidates"] = awarded[person.pk]
            verdicts = {r["candidate"]: r["verdict"] for r in evaluate(case)["results"]}
            assert set(verdicts.values()) == {"eligible"}, (person.cccd, year, verdicts)

        titled = dict(
            ConferredAward.objects.filter(year=year, unit__isnull=False).values_list("unit_id", "candidate")
        )
        units = list(Unit.objects.filter(pk__in=titled).order_by("pk"))
        for unit, case in zip(
            units, collective_cases(units, year=year, as_of=dt.date(year, 12, 20)), strict=True
        ):
            case["candidates"] = [titled[unit.pk]]
            assert evaluate(case)["results"][0]["verdict"] == "eligible", (unit.code, year)


def test_reviewing_2025_gives_a_mix_of_verdicts(demo):
    people = list(Person.objects.filter(employments__end__isnull=True).distinct())
    cases = person_cases(people, year=2025, as_of=dt.date(2025, 12, 20), candidates=PERSON_TITLES[:2])
    verdicts = collections.Counter(
        (r["candidate"], r["verdict"]) for c in cases for r in evaluate(c)["results"]
    )
    for candidate in PERSON_TITLES[:2]:
        assert {v for c, v in verdicts if c == candidate} == {"eligible", "not_eligible", "unknown"}
    assert verdicts["advanced_worker", "eligible"] > len(people) / 2
    # the unknowns are the people of the units that have not loaded their 2025 ratings yet
    assert not AnnualRating.objects.filter(year=2025, unit__code__in=NOT_YET_RATED_2025).exists()


def test_initiatives_discipline_leave_and_reviews_are_recorded(demo):
    rated = AnnualRating.objects.count()
    initiative_years = (
        Achievement.authors.through.objects.filter(achievement__kind="initiative")
        .values("person_id", "achievement__year")
        .distinct()
        .count()
    )
    assert 0.05 < initiative_years / rated < 0.16
    scopes = collections.Counter(Achievement.objects.values_list("scope", flat=True))
    assert scopes["unit"] > scopes["provincial"] > 0
    assert Achievement.objects.filter(kind="research").exists()
    shared = Achievement.objects.annotate(n=Count("authors")).filter(n__gt=1)
    assert shared.exists() and not shared.filter(n__gt=3).exists()
    assert 0 < Discipline.objects.count() / rated < 0.03
    assert set(Discipline.objects.values_list("level", flat=True)) <= {"reprimand", "warning"}
    assert all(d.start.year == d.end.year for d in Discipline.objects.all())
    maternity = Leave.objects.filter(kind="maternity").select_related("person")
    assert maternity.exists() and {m.person.gender for m in maternity} == {"female"}
    assert all(150 <= (m.end - m.start).days <= 185 for m in maternity)
    reviews = Review.objects.filter(end__isnull=True)
    assert reviews.count() >= 2 and {r.start.year for r in reviews} <= {2025, 2026}


def test_collectives_are_rated_every_year_mostly_good_or_better(demo):
    ratings = collections.Counter(CollectiveRating.objects.values_list("rating", flat=True))
    assert (ratings["good"] + ratings["excellent"]) / sum(ratings.values()) > 0.85
    assert CollectiveRating.objects.filter(unit__code="BVDK-NOI", year=2019).exists()
    assert CollectiveRating.objects.filter(unit__code="BVDK", year=2025).exists()
    # a merged centre is rated up to 2024, its successor from 2025
    assert set(CollectiveRating.objects.filter(unit__code="TTYT-KV5").values_list("year", flat=True)) == set(
        YEARS[:-1]
    )
    assert CollectiveRating.objects.filter(unit__code="TTYT-KV7", year=2025).exists()
    titles = set(ConferredAward.objects.filter(unit__isnull=False).values_list("candidate", flat=True))
    assert titles == {"advanced_collective", "excellent_collective"}


def test_every_record_is_audited_by_nobody_with_the_reason(demo):
    entries = AuditEntry.objects.filter(reason=AUDIT_REASON)
    for model in (AnnualRating, CollectiveRating, Achievement, Discipline, Leave, Review, ConferredAward):
        history = model.objects.exclude(source="decision") if model is ConferredAward else model.objects
        assert entries.filter(object_type=model._meta.label_lower).count() == history.count(), model
    rating = AnnualRating.objects.select_related("person").first()
    entry = entries.get(object_type="records.annualrating", object_id=str(rating.pk))
    assert entry.actor is None and entry.object_repr == str(rating)
    assert entry.changes["rating"] == [None, rating.rating]
    assert entry.changes["rated_on"] == [None, rating.rated_on.isoformat()]
    achievement = Achievement.objects.first()
    entry = entries.get(object_type="records.achievement", object_id=str(achievement.pk))
    assert entry.changes["authors"][1] == sorted(achievement.authors.values_list("pk", flat=True))


def test_the_history_is_a_pure_function_of_the_seed(demo):
    places, units = demo_places(), demo_units()

    def history(seed):
        return list(history_batches(seed, people_specs(seed, 400, places), units))

    first = history(2026)
    assert first == history(2026)
    assert sum(len(b.ratings) for b in first) == AnnualRating.objects.count()
    # the demo's issued decision (tdkt.demo.decisions) adds awards of its own beside the history
    assert sum(len(b.awards) for b in first) == ConferredAward.objects.exclude(source="decision").count()
    assert (
        sum(len(b) for b in first)
        == AuditEntry.objects.filter(object_type__startswith="records.", reason=AUDIT_REASON).count()
    )
    other = [r.rating for b in history(7) for r in b.ratings]
    assert [r.rating for b in first for r in b.ratings][:100] != other[:100]


def test_records_can_be_added_after_the_demo(demo):
    """The demo inserts with its own ids: the sequences must have moved past them."""
    person = Person.objects.filter(employments__end__isnull=True).first()
    unit = Unit.objects.get(code="BVDK")
    rating = rating_set(actor=None, person=person, year=2026, rating="good", unit=unit)
    award = award_record(actor=None, person=person, year=2026, candidate="advanced_worker")
    achievement = achievement_create(
        actor=None,
        kind="initiative",
        title="Sáng kiến 2026",
        scope="unit",
        year=2026,
        unit=unit,
        authors=[person],
    )
    assert rating.pk > AnnualRating.objects.exclude(pk=rating.pk).order_by("-pk").first().pk
    assert award.pk and achievement.pk


def test_the_unit_lists_of_the_demo_are_computed_for_the_last_year_and_the_one_the_list_opens_on(demo):
    from tdkt.core.timeutil import today_vn
    from tdkt.demo.generator import eligibility_years
    from tdkt.eligibility.models import EligibilityResult
    from tdkt.eligibility.selectors import default_review_year

    years = eligibility_years(today_vn())
    assert {2025, default_review_year(today_vn())} == set(years)
    for year in years:
        stored = EligibilityResult.objects.filter(year=year)
        people = stored.filter(kind="person").values("person").distinct().count()
        employed = Person.objects.filter(employments__end__isnull=True).distinct().count()
        assert 0.9 * employed <= people <= 1.1 * employed  # give or take who came and left since
    verdicts = set(EligibilityResult.objects.filter(year=2025).values_list("verdict", flat=True))
    assert verdicts == {"eligible", "not_eligible", "unknown"}
    assert "Xét điều kiện danh hiệu năm 2025 cho toàn tỉnh" in demo
