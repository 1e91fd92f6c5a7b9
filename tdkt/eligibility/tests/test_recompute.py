"""The stored list is judged by the law engine's batch run: every stored row must say exactly what the
scalar engine says of that subject — verdict, rule, verified flag and the first failing (else unknown)
checkable condition with its text and citation."""

import datetime as dt

import pytest

from conftest import make_person
from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.selectors import first_reason
from tdkt.eligibility.services import RESULT_COLUMNS, eligibility_recompute
from tdkt.eligibility.tests.conftest import three_cstdcs_and_a_provincial_initiative
from tdkt.law import evaluate_many
from tdkt.records import services
from tdkt.records.facts import collective_cases, person_cases

pytestmark = pytest.mark.django_db
RATINGS = ("excellent", "good", "completed", "failed", None)


def _varied_records(world) -> list:
    """A dozen people whose records cover every path: chains broken and whole, each rating, discipline,
    review, thematic awards, initiatives, short tenure; and collectives with ratings and titles."""
    three_cstdcs_and_a_provincial_initiative(world)
    people = [world.hoa, world.an]
    for i in range(10):
        person = make_person(
            unit=world.hosp_a,
            full_name=f"Phạm Văn Số {i}",
            serial=300 + i,
            gender="female" if i % 2 else "male",
            start=dt.date(2025, 6, 1) if i == 9 else dt.date(2012, 1, 1),
        )
        people.append(person)
        for y in range(2019, 2026):
            rating = RATINGS[(i + y) % len(RATINGS)] if i % 3 else "excellent"
            if rating:
                services.rating_set(actor=None, person=person, year=y, rating=rating, unit=world.hosp_a)
            if rating in ("excellent", "good"):
                services.award_record(actor=None, person=person, year=y, candidate="advanced_worker")
            if rating == "excellent" and i % 2 == 0:
                services.award_record(
                    actor=None, person=person, year=y, candidate="grassroots_emulation_fighter"
                )
        if i == 4:
            services.discipline_create(actor=None, person=person, level="warning", start=dt.date(2025, 2, 1))
        if i == 5:
            services.review_open(actor=None, person=person, reason="Đơn thư", start=dt.date(2025, 10, 1))
        if i == 6:
            services.award_record(
                actor=None,
                person=person,
                year=2024,
                candidate="provincial_merit_certificate",
                category="thematic",
                decision_date=dt.date(2024, 9, 1),
            )
        if i in (0, 2):
            services.achievement_create(
                actor=None,
                kind="initiative",
                title=f"Sáng kiến {i}",
                scope="provincial" if i == 0 else "unit",
                year=2024,
                unit=world.hosp_a,
                authors=[person],
                decision_date=dt.date(2024, 11, 1),
            )
    for y in range(2021, 2026):
        services.collective_rating_set(actor=None, unit=world.ward_a, year=y, rating="excellent")
        services.award_record(actor=None, unit=world.ward_a, year=y, candidate="excellent_collective")
    services.collective_rating_set(actor=None, unit=world.hosp_a, year=2025, rating="good")
    return people


def _expected(answers: list[dict]) -> dict:
    expected = {}
    for answer in answers:
        for result in answer["results"]:
            reason = first_reason(result) if result["verdict"] != "eligible" else None
            expected[(answer["subject"], result["candidate"])] = (
                result["verdict"],
                result["rule"],
                result["verified"],
                reason["id"] if reason else "",
                reason["text"] if reason else "",
                (reason["cite"] if reason else "")[:255],
            )
    return expected


@pytest.mark.parametrize("as_of", [dt.date(2025, 12, 20), dt.date(2023, 12, 1)])
def test_every_stored_row_says_what_the_scalar_engine_says(world, as_of):
    people = _varied_records(world)
    year = as_of.year
    people = [p for p in people if p.employments.get().start.year <= year]  # the newcomer of 2025
    counts = eligibility_recompute(unit=world.hosp_a, year=year, as_of=as_of)
    stored = {
        (r.subject_code, r.candidate): (
            r.verdict,
            r.rule,
            r.verified,
            r.first_condition,
            r.first_reason,
            r.first_cite,
        )
        for r in EligibilityResult.objects.all()
    }
    units = [world.hosp_a, world.ward_a]
    answers = evaluate_many(
        person_cases(people, year=year, as_of=as_of) + collective_cases(units, year=year, as_of=as_of)
    )
    expected = _expected(answers)
    assert {k: v for k, v in stored.items() if k[0] in {a["subject"] for a in answers}} == expected
    assert counts["results"] == len(stored)
    verdicts = {v[0] for v in expected.values()}
    assert verdicts == {"eligible", "not_eligible", "unknown"}, "the records reach every verdict"


def _rows_by_subject() -> dict[str, tuple[set, set]]:
    """subject code → (its rows' verdicts and texts, their computation times)."""
    found: dict[str, tuple[set, set]] = {}
    for row in EligibilityResult.objects.all():
        rows, times = found.setdefault(row.subject_code, (set(), set()))
        rows.add((row.candidate, row.verdict, row.first_condition, row.first_reason, row.first_cite))
        times.add(row.computed_at)
    return found


def test_a_recompute_rewrites_only_the_subjects_whose_rows_moved_and_ends_as_a_fresh_compute(world):
    from tdkt.eligibility.selectors import eligibility_computed

    _varied_records(world)
    as_of = dt.date(2025, 12, 20)
    first = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    assert (first["written"], first["removed"]) == (first["results"], 0)
    computed = eligibility_computed(unit=world.ward_a, year=2025)
    again = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    assert (again["written"], again["removed"]) == (0, 0)
    assert eligibility_computed(unit=world.ward_a, year=2025)["computed_at"] > computed["computed_at"]
    before = _rows_by_subject()
    next_day = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=dt.date(2025, 12, 21))
    after = _rows_by_subject()
    moved = {code for code, rows in after.items() if rows[0] != before[code][0]}
    rewritten = {code for code, rows in after.items() if rows[1] != before[code][1]}
    assert moved and len(moved) < len(after) // 2, "only texts that name the date change"
    assert rewritten == moved, "a subject is rewritten, all its rows, when one of its rows moved"
    assert next_day["written"] == sum(len(after[code][0]) for code in moved)
    assert eligibility_computed(unit=world.ward_a, year=2025)["as_of"] == dt.date(2025, 12, 21)

    services.rating_set(actor=None, person=world.an, year=2025, rating="failed", unit=world.hosp_a)
    before = _rows_by_subject()
    refreshed = set(EligibilityResult.objects.filter(digest="").values_list("subject_code", flat=True))
    changed = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    after = _rows_by_subject()
    moved = {code for code, rows in after.items() if rows[0] != before[code][0]}
    rewritten = {code for code, rows in after.items() if rows[1] != before[code][1]}
    assert world.an.cccd in refreshed, "the change by hand refreshed An's stored rows"
    assert not EligibilityResult.objects.filter(digest="").exists()
    assert world.an.cccd in moved | refreshed and len(moved | refreshed) < len(after) // 2
    assert rewritten == moved | refreshed, "rows a refresh wrote carry no digest: they are rewritten"
    assert changed["written"] == changed["removed"] == sum(len(after[c][0]) for c in moved | refreshed)
    kept = set(EligibilityResult.objects.values_list("subject_code", "candidate", "verdict", "first_reason"))
    EligibilityResult.objects.all().delete()
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    fresh = set(EligibilityResult.objects.values_list("subject_code", "candidate", "verdict", "first_reason"))
    assert kept == fresh


@pytest.mark.parametrize("extra", [0, 30])
def test_a_recompute_takes_a_fixed_number_of_queries(world, extra, django_assert_max_num_queries):
    _varied_records(world)
    for i in range(extra):
        person = make_person(
            unit=world.hosp_a, department=world.ward_a, full_name=f"Hồ Thị Thêm {i}", serial=500 + i
        )
        services.rating_set(actor=None, person=person, year=2025, rating="good", unit=world.hosp_a)
    with django_assert_max_num_queries(30):
        first = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=dt.date(2025, 12, 20))
    services.rating_set(actor=None, person=world.an, year=2025, rating="failed", unit=world.hosp_a)
    with django_assert_max_num_queries(30):
        again = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=dt.date(2025, 12, 20))
    assert first["written"] == first["results"] and 0 < again["written"] < again["results"]


def _stored_rows() -> set[tuple]:
    """Every stored row, every column but the two dates."""
    columns = [c for c in RESULT_COLUMNS if c not in ("as_of", "computed_at")]
    return set(EligibilityResult.objects.values_list(*columns))


@pytest.mark.django_db(transaction=True)  # forked processes read what this test has committed
def test_a_large_recompute_shares_its_people_between_processes_and_stores_the_same_rows(world, monkeypatch):
    from django.db import connection

    from tdkt.eligibility import workers

    _varied_records(world)
    as_of = dt.date(2025, 12, 20)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)  # the dozen people here count as a province
    monkeypatch.setattr(workers, "PROCESSES", 2)
    started, start = [], workers.Workers.start
    monkeypatch.setattr(workers.Workers, "start", lambda self: started.append(len(self.parts)) or start(self))
    shared = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    rows = _stored_rows()
    # PostgreSQL: two processes judged the people; SQLite (one process's memory in tests): none forked.
    assert started == ([2] if connection.vendor == "postgresql" else [])

    monkeypatch.setattr(workers, "PROCESSES", 1)
    again = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    assert (again["written"], again["removed"]) == (0, 0), "one process digests the rows as two did"
    EligibilityResult.objects.all().delete()
    alone = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    assert _stored_rows() == rows and len(rows) == shared["results"] == alone["results"]
    assert {k: v for k, v in shared.items() if k != "written"} == {
        k: v for k, v in alone.items() if k != "written"
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("failing_kind", ["person", "collective"])  # in a forked process, in the parent
def test_an_error_fails_the_recompute_writes_nothing_and_leaves_no_process(world, monkeypatch, failing_kind):
    import multiprocessing

    from django.db import connection

    from tdkt.eligibility import services as recompute_services
    from tdkt.eligibility import workers

    _varied_records(world)
    as_of = dt.date(2025, 12, 20)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="failed", unit=world.hosp_a)
    before = _stored_rows()
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "PROCESSES", 2)
    evaluate = recompute_services._evaluate

    def failing(subjects, *, kind, **kwargs):
        if kind == failing_kind:
            raise ValueError("hỏng dữ liệu thử")
        return evaluate(subjects, kind=kind, **kwargs)

    monkeypatch.setattr(recompute_services, "_evaluate", failing)
    # PostgreSQL: a forked process's error is named; otherwise the error itself, from this process.
    forked = connection.vendor == "postgresql" and failing_kind == "person"
    with pytest.raises(workers.WorkerError if forked else ValueError, match="hỏng dữ liệu thử"):
        eligibility_recompute(unit=world.hosp_a, year=2025, as_of=as_of)
    assert _stored_rows() == before, "the rows the refresh wrote are left as they were"
    assert multiprocessing.active_children() == [], "no process is left judging"


def test_people_are_cut_into_consecutive_parts_of_nearly_equal_size():
    from tdkt.eligibility.workers import parts_of

    assert parts_of(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert parts_of([1, 2], 4) == [[1], [2]]
    assert parts_of([], 2) == [[]]
