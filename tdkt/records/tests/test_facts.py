import datetime as dt

import pytest

from tdkt.law import evaluate
from tdkt.records import services
from tdkt.records.facts import collective_cases, collective_members, person_cases

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2025, 12, 20)


def _verdicts(case):
    return {r["candidate"]: r for r in evaluate(case)["results"]}


def test_a_nurse_with_three_cstdcs_and_a_provincial_initiative_qualifies_for_cstd_cap_tinh(world):
    for y in (2023, 2024, 2025):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(actor=None, person=world.hoa, year=y, candidate="advanced_worker")
        services.award_record(actor=None, person=world.hoa, year=y, candidate="grassroots_emulation_fighter")
    services.achievement_create(
        actor=None,
        kind="initiative",
        title="Quy trình chăm sóc",
        scope="provincial",
        year=2024,
        unit=world.hosp_a,
        authors=[world.hoa, world.an],
    )
    (case,) = person_cases([world.hoa], year=2025, as_of=AS_OF, candidates=["provincial_emulation_fighter"])
    result = _verdicts(case)["provincial_emulation_fighter"]
    assert result["verdict"] == "eligible", result


def test_a_missing_year_in_the_chain_is_named(world):
    for y in (2023, 2025):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(actor=None, person=world.hoa, year=y, candidate="grassroots_emulation_fighter")
    services.rating_set(actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a)
    (case,) = person_cases([world.hoa], year=2025, as_of=AS_OF, candidates=["provincial_emulation_fighter"])
    result = _verdicts(case)["provincial_emulation_fighter"]
    assert result["verdict"] == "not_eligible"
    assert any("2024" in c["text"] and c["met"] is False for c in result["conditions"])


def test_discipline_and_review_reach_the_engine(world):
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="good", unit=world.hosp_a)
    services.discipline_create(
        actor=None, person=world.hoa, level="reprimand", start=dt.date(2025, 3, 1), end=dt.date(2025, 9, 1)
    )
    services.review_open(actor=None, person=world.an, reason="Khiếu nại", start=dt.date(2025, 11, 1))
    services.rating_set(actor=None, person=world.an, year=2025, rating="good", unit=world.hosp_a)
    hoa, an = person_cases([world.hoa, world.an], year=2025, as_of=AS_OF, candidates=["advanced_worker"])
    assert _verdicts(hoa)["advanced_worker"]["verdict"] == "not_eligible"
    assert _verdicts(an)["advanced_worker"]["verdict"] == "not_eligible"
    assert {c["id"]: c["met"] for c in _verdicts(an)["advanced_worker"]["conditions"]}[
        "not_under_review"
    ] is False


def test_collective_figures_are_computed_from_members_records(world):
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    services.rating_set(actor=None, person=world.an, year=2025, rating="failed", unit=world.hosp_a)
    services.award_record(actor=None, person=world.hoa, year=2025, candidate="advanced_worker")
    services.award_record(actor=None, person=world.hoa, year=2025, candidate="grassroots_emulation_fighter")
    services.discipline_create(actor=None, person=world.an, level="warning", start=dt.date(2025, 2, 1))
    figures = collective_members([world.hosp_a, world.ward_a], year=2025)
    assert figures[world.hosp_a.pk] == {
        "total": 2,
        "completed_tasks": 1,
        "advanced_workers": 1,
        "grassroots_emulation_fighters": 1,
        "disciplined_warning_or_above": 1,
    }
    assert figures[world.ward_a.pk]["total"] == 1


def test_a_collective_case_carries_its_rating_and_members(world):
    services.collective_rating_set(actor=None, unit=world.ward_a, year=2025, rating="excellent")
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    services.award_record(actor=None, person=world.hoa, year=2025, candidate="advanced_worker")
    services.award_record(actor=None, person=world.hoa, year=2025, candidate="grassroots_emulation_fighter")
    (case,) = collective_cases([world.ward_a], year=2025, as_of=AS_OF, candidates=["excellent_collective"])
    assert _verdicts(case)["excellent_collective"]["verdict"] == "eligible"


def test_building_cases_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    from conftest import make_person

    people = [
        make_person(unit=world.hosp_a, full_name=f"Lê Văn Số {i}", serial=200 + i, gender="male")
        for i in range(20)
    ]
    for p in people:
        services.rating_set(actor=None, person=p, year=2025, rating="good", unit=world.hosp_a)
        services.award_record(actor=None, person=p, year=2025, candidate="advanced_worker")
    with django_assert_max_num_queries(7):
        cases = person_cases(people, year=2025, as_of=AS_OF)
    assert len(cases) == 20


def test_every_record_change_is_audited(world):
    from tdkt.accounts.models import AuditEntry

    services.rating_set(
        actor=world.unit_officer, person=world.hoa, year=2025, rating="good", unit=world.hosp_a
    )
    services.rating_set(
        actor=world.unit_officer, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a
    )
    entry = AuditEntry.objects.filter(object_type="records.annualrating", action="update").get()
    assert entry.changes["rating"] == ["good", "excellent"]


def test_the_batch_subjects_are_exactly_the_parsed_cases(world):
    """person_subjects skips the JSON round trip; it must give what parse_case makes of person_cases."""
    from tdkt.law.facts import parse_case
    from tdkt.records.facts import person_subjects

    for y in (2022, 2023, 2024, 2025):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(actor=None, person=world.hoa, year=y, candidate="grassroots_emulation_fighter")
    services.rating_set(actor=None, person=world.an, year=2024, rating="failed", unit=world.hosp_a)
    services.award_record(
        actor=None,
        person=world.hoa,
        year=2023,
        candidate="commendation_certificate",
        category="thematic",
        decision_date=dt.date(2024, 2, 1),
    )
    services.award_record(actor=None, person=world.an, year=2022, candidate="provincial_merit_certificate")
    for kind, scope in (("initiative", "provincial"), ("research", "unit")):
        services.achievement_create(
            actor=None,
            kind=kind,
            title=f"Công trình {kind}",
            scope=scope,
            year=2024,
            unit=world.hosp_a,
            authors=[world.hoa, world.an],
            decision_date=dt.date(2024, 10, 1) if kind == "initiative" else None,
        )
    services.discipline_create(
        actor=None, person=world.an, level="warning", start=dt.date(2023, 3, 1), end=dt.date(2024, 3, 1)
    )
    services.discipline_create(actor=None, person=world.hoa, level="reprimand", start=dt.date(2025, 6, 1))
    services.review_open(actor=None, person=world.an, reason="Khiếu nại", start=dt.date(2025, 11, 1))
    people = [world.hoa, world.an, world.binh]
    expected = [parse_case(c).subject for c in person_cases(people, year=2025, as_of=AS_OF)]
    subjects = person_subjects(people, year=2025, as_of=AS_OF)
    assert subjects == expected
    assert subjects[0].history[2024].initiatives and subjects[1].history[2024].discipline
