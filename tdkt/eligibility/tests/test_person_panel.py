"""The person page: the record by year and the eligibility panel from the law engine."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_person
from tdkt.records import services

from .conftest import three_cstdcs_and_a_provincial_initiative

pytestmark = pytest.mark.django_db


def _panel(client, person, year=2025):
    response = client.get(reverse("people:detail", args=[person.pk]), {"year": year})
    assert response.status_code == 200
    return response.context["panel"], response.content.decode()


def _result(panel, candidate):
    return next(r for r in panel["results"] if r["candidate"] == candidate)


def test_three_cstdcs_and_a_provincial_initiative_make_a_nurse_eligible_for_cstd_cap_tinh(login, world):
    three_cstdcs_and_a_provincial_initiative(world)
    panel, html = _panel(login("unit_officer"), world.hoa)
    result = _result(panel, "provincial_emulation_fighter")
    assert result["verdict"] == "eligible"
    assert result["rule"].startswith("provincial_emulation_fighter@")
    assert 'data-candidate="provincial_emulation_fighter" data-verdict="eligible"' in html
    assert "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in html
    for condition in result["checkable"]:
        assert condition["cite"] in html


def test_a_missing_year_in_the_chain_is_named(login, world):
    three_cstdcs_and_a_provincial_initiative(world)
    services.rating_set(actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a)
    world.hoa.awards.filter(year=2024, candidate="grassroots_emulation_fighter").delete()
    panel, html = _panel(login("unit_officer"), world.hoa)
    result = _result(panel, "provincial_emulation_fighter")
    assert result["verdict"] == "not_eligible"
    failed = [c for c in result["checkable"] if c["met"] is False]
    assert failed and "2024" in failed[0]["text"]
    assert result["first_reason"] == failed[0]
    assert failed[0]["text"] in html


def test_judgement_conditions_are_questions_for_the_council(login, world):
    three_cstdcs_and_a_provincial_initiative(world)
    panel, html = _panel(login("unit_officer"), world.hoa)
    result = _result(panel, "advanced_worker")
    assert result["questions"] and all(q["judgement"] for q in result["questions"])
    assert all(not c["judgement"] for c in result["checkable"])
    assert f'data-question="{result["questions"][0]["id"]}"' in html


def test_a_year_without_records_is_insufficient_data_and_unverified_rules_are_badged(login, world):
    panel, html = _panel(login("unit_officer"), world.hoa, year=2020)
    assert _result(panel, "advanced_worker")["verdict"] == "unknown"
    assert 'data-met="none"' in html
    unverified = [r for r in panel["results"] if not r["verified"]]
    assert unverified, "the 2017 regime uses values not yet checked against the official text"


def test_exclusion_gates_are_flagged_with_their_rule(login, world):
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    services.discipline_create(
        actor=None, person=world.hoa, level="reprimand", start=dt.date(2025, 3, 1), end=dt.date(2025, 9, 1)
    )
    services.review_open(actor=None, person=world.hoa, reason="Khiếu nại", start=dt.date(2025, 11, 1))
    services.leave_create(
        actor=None, person=world.hoa, kind="sick", start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 15)
    )
    panel, html = _panel(login("unit_officer"), world.hoa)
    gates = {g["id"]: g for g in panel["gates"]}
    assert set(gates) == {"no_discipline_in_year", "not_under_review", "long_absence"}
    assert all(g["cite"] for g in gates.values())
    assert 'id="eligibility-gates"' in html and gates["long_absence"]["cite"] in html


def test_maternity_leave_is_not_a_long_absence_and_a_newcomer_is_flagged(login, world):
    services.leave_create(
        actor=None, person=world.hoa, kind="maternity", start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 15)
    )
    newcomer = make_person(unit=world.hosp_a, full_name="Vũ Thị Mới", serial=50, start=dt.date(2025, 9, 1))
    services.rating_set(actor=None, person=newcomer, year=2025, rating="excellent", unit=world.hosp_a)
    client = login("unit_officer")
    assert _panel(client, world.hoa)[0]["gates"] == []
    assert [g["id"] for g in _panel(client, newcomer)[0]["gates"]] == ["minimum_months_worked"]


def test_next_milestones_come_from_the_engine(login, world):
    for y in (2024, 2025):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(actor=None, person=world.hoa, year=y, candidate="advanced_worker")
        services.award_record(actor=None, person=world.hoa, year=y, candidate="grassroots_emulation_fighter")
    panel, html = _panel(login("unit_officer"), world.hoa)
    milestone = next(m for m in panel["milestones"] if m["candidate"] == "provincial_emulation_fighter")
    assert milestone["year"] in (2026, 2027)
    assert milestone["text"] in html


def test_the_timeline_shows_each_year_with_decisions_and_scope(login, world):
    three_cstdcs_and_a_provincial_initiative(world)
    services.award_record(
        actor=None,
        person=world.hoa,
        year=2022,
        candidate="provincial_merit_certificate",
        category="thematic",
        decision_number="88/QĐ-UBND",
        decision_date=dt.date(2022, 6, 1),
    )
    response = login("unit_officer").get(reverse("people:detail", args=[world.hoa.pk]), {"year": 2025})
    years = [y.year for y in response.context["timeline"]]
    assert years == list(range(2026, 2018, -1))
    y2022 = next(y for y in response.context["timeline"] if y.year == 2022)
    assert [a.decision_number for a in y2022.awards] == ["88/QĐ-UBND"]
    html = response.content.decode()
    assert "88/QĐ-UBND" in html and "2024/QĐ-BVA" in html and "Quy trình chăm sóc người bệnh sau mổ" in html


def test_the_panel_is_an_htmx_fragment_of_the_person_page(login, world):
    client = login("unit_officer")
    page = client.get(reverse("people:detail", args=[world.hoa.pk])).content.decode()
    assert "?part=eligibility" in page and 'id="eligibility-panel"' not in page
    fragment = client.get(
        reverse("people:detail", args=[world.hoa.pk]), {"part": "eligibility"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="eligibility">')
    assert 'data-year="2026"' in fragment  # on 23/11/2026 the default review year is 2026


def test_staff_see_their_own_panel_but_not_a_colleagues(login, world):
    client = login("staff")
    assert client.get(reverse("people:detail", args=[world.hoa.pk]), {"year": 2025}).status_code == 200
    assert client.get(reverse("people:detail", args=[world.an.pk]), {"year": 2025}).status_code == 404


def test_an_outsider_cannot_open_the_panel(login, world):
    response = login("outsider").get(reverse("people:detail", args=[world.hoa.pk]), {"part": "eligibility"})
    assert response.status_code == 404


@pytest.mark.parametrize("years", [0, 7])
def test_the_panel_uses_a_fixed_number_of_queries(login, world, years, django_assert_max_num_queries):
    for y in range(2026 - years, 2026):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(actor=None, person=world.hoa, year=y, candidate="advanced_worker")
        services.discipline_create(actor=None, person=world.hoa, level="reprimand", start=dt.date(y, 2, 1))
        services.leave_create(
            actor=None, person=world.hoa, kind="sick", start=dt.date(y, 3, 1), end=dt.date(y, 3, 9)
        )
        services.achievement_create(
            actor=None,
            kind="research",
            title=f"Đề tài {y}",
            scope="unit",
            year=y,
            unit=world.hosp_a,
            authors=[world.hoa],
        )
    client = login("so_officer")
    # the whole page: the person, the record by year (with its files) and the panel
    with django_assert_max_num_queries(27):
        assert client.get(reverse("people:detail", args=[world.hoa.pk]), {"year": 2025}).status_code == 200
    with django_assert_max_num_queries(14):
        response = client.get(
            reverse("people:detail", args=[world.hoa.pk]), {"part": "eligibility"}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
