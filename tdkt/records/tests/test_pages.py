"""The person and unit pages read the records in a fixed number of queries, whatever their number."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.attachments.services import attachment_add
from tdkt.attachments.tests.files import PDF, upload
from tdkt.records import services

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _fill(world, years: int) -> None:
    """`years` years of every kind of record for Hoa, each rating, award and initiative with a file."""
    for y in range(2025 - years + 1, 2026):
        rating = services.rating_set(
            actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a
        )
        award = services.award_record(
            actor=None,
            person=world.hoa,
            year=y,
            candidate="advanced_worker",
            decision_number=f"{y}/QĐ",
            today=TODAY,
        )
        initiative = services.achievement_create(
            actor=None,
            kind="initiative",
            title=f"Sáng kiến {y}",
            scope="unit",
            year=y,
            unit=world.hosp_a,
            authors=[world.hoa, world.an],
            today=TODAY,
        )
        for record in (rating, award, initiative):
            attachment_add(actor=None, target=record, upload=upload(PDF + str(y).encode()), kind="decision")
        services.discipline_create(
            actor=None,
            person=world.hoa,
            level="reprimand",
            start=dt.date(y, 2, 1),
            end=dt.date(y, 4, 1),
            today=TODAY,
        )
        services.leave_create(
            actor=None,
            person=world.hoa,
            kind="sick",
            start=dt.date(y, 5, 1),
            end=dt.date(y, 5, 9),
            today=TODAY,
        )
        services.review_open(
            actor=None,
            person=world.hoa,
            reason=f"Xem xét {y}",
            start=dt.date(y, 6, 1),
            end=dt.date(y, 7, 1),
            today=TODAY,
        )
        services.collective_rating_set(actor=None, unit=world.ward_a, year=y, rating="good")
        attachment_add(
            actor=None,
            target=world.ward_a.ratings.get(year=y),
            upload=upload(PDF + f"c{y}".encode()),
            kind="minutes",
        )


@pytest.mark.parametrize("years", [1, 7])
@pytest.mark.parametrize("persona", ["so_officer", "unit_officer", "staff"])
def test_the_person_page_reads_every_record_in_a_fixed_number_of_queries(
    login, world, years, persona, django_assert_max_num_queries
):
    _fill(world, years)
    client = login(persona)
    with django_assert_max_num_queries(21):
        response = client.get(reverse("people:detail", args=[world.hoa.pk]))
    html = response.content.decode()
    assert html.count('class="plain attachments"') == 3 * years
    assert html.count('data-record="achievement-') == years


@pytest.mark.parametrize("years", [1, 7])
def test_the_unit_page_reads_its_ratings_and_files_in_a_fixed_number_of_queries(
    login, world, years, django_assert_max_num_queries
):
    _fill(world, years)
    client = login("unit_officer")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("org:detail", args=[world.ward_a.pk]))
    assert response.content.decode().count('data-record="collective_rating-') == years


def test_the_timeline_runs_from_2019_or_from_an_older_record_to_this_year(login, world, monkeypatch):
    monkeypatch.setattr("tdkt.people.views.today_vn", lambda: TODAY)
    client = login("unit_officer")
    response = client.get(reverse("people:detail", args=[world.hoa.pk]))
    assert [y.year for y in response.context["timeline"]] == list(range(2026, 2018, -1))
    services.rating_set(actor=None, person=world.hoa, year=2017, rating="good", unit=world.hosp_a)
    response = client.get(reverse("people:detail", args=[world.hoa.pk]))
    assert [y.year for y in response.context["timeline"]] == list(range(2026, 2016, -1))
    assert 'data-year="2017"' in response.content.decode()
