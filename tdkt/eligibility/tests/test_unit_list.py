"""The unit eligibility list: stored results, recompute as a background job, filters, export, scope."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_person
from tdkt.core.models import Job, JobStatus
from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.services import eligibility_recompute
from tdkt.records import services

from .conftest import TODAY, three_cstdcs_and_a_provincial_initiative

pytestmark = pytest.mark.django_db
PROVINCIAL = "provincial_emulation_fighter"


@pytest.fixture
def computed(world):
    three_cstdcs_and_a_provincial_initiative(world)
    services.rating_set(actor=None, person=world.an, year=2025, rating="good", unit=world.hosp_a)
    return eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)


def _rows(client, **query):
    response = client.get(reverse("eligibility:list"), {"unit": query.pop("unit", None) or "", **query})
    assert response.status_code == 200
    return response, list(response.context["page"].object_list)


def test_recompute_stores_every_person_and_collective_of_the_unit_times_its_candidates(world, computed):
    subjects = set(EligibilityResult.objects.values_list("kind", "subject_code"))
    assert subjects == {
        ("collective", "BVA"),
        ("collective", "BVA-NOI"),
        ("person", world.hoa.cccd),
        ("person", world.an.cccd),
    }
    hoa = EligibilityResult.objects.get(person=world.hoa, candidate=PROVINCIAL)
    assert (hoa.verdict, hoa.first_reason, hoa.home) == ("eligible", "", world.ward_a)
    an = EligibilityResult.objects.get(person=world.an, candidate=PROVINCIAL)
    assert an.verdict == "not_eligible" and an.first_reason and an.first_cite
    assert computed["subjects"] == 4
    assert computed["results"] == EligibilityResult.objects.count()


def test_recomputing_replaces_the_rows_of_that_unit_and_year(world, computed):
    before = EligibilityResult.objects.count()
    services.rating_set(actor=None, person=world.an, year=2025, rating="failed", unit=world.hosp_a)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    assert EligibilityResult.objects.count() == before
    an = EligibilityResult.objects.get(person=world.an, candidate="advanced_worker")
    assert an.verdict == "not_eligible" and "Không hoàn thành nhiệm vụ" in an.first_reason


def test_the_first_reason_is_the_first_failing_condition_else_the_first_without_data(world, computed):
    cuong_rows = eligibility_recompute(unit=world.centre, year=2025, as_of=TODAY)
    assert cuong_rows["subjects"] == 3
    row = EligibilityResult.objects.get(person=world.cuong, candidate="advanced_worker")
    assert row.verdict == "unknown" and "chưa có kết quả xếp loại" in row.first_reason


def test_the_list_offers_to_compute_when_nothing_is_stored(login, world):
    response, rows = _rows(login("unit_officer"), year=2025)
    assert rows == [] and response.context["computed"]["computed_at"] is None
    assert reverse("eligibility:recompute") in response.content.decode()


def test_the_recompute_button_runs_a_job_and_lands_on_its_progress_page(login, world):
    three_cstdcs_and_a_provincial_initiative(world)
    client = login("unit_officer")
    response = client.post(reverse("eligibility:recompute"), {"unit": world.hosp_a.pk, "year": 2025})
    job = Job.objects.get(kind="eligibility_recompute")
    assert response.status_code == 302
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED and job.created_by == world.unit_officer
    assert (job.done, job.total) == (4, 4)
    assert job.result["next_url"] == reverse("eligibility:list") + f"?unit={world.hosp_a.pk}&year=2025"
    assert job.result["summary"] in client.get(response["Location"]).content.decode()
    _, rows = _rows(client, unit=world.hosp_a.pk, year=2025, candidate=PROVINCIAL, verdict="eligible")
    assert [r.person_id for r in rows] == [world.hoa.pk]


def test_the_list_shows_collectives_then_people_in_vietnamese_name_order(login, world, computed):
    _, rows = _rows(login("unit_officer"), unit=world.hosp_a.pk, year=2025, candidate="advanced_worker")
    assert [r.subject_code for r in rows if r.kind == "collective"] == []  # LĐTT is for people only
    _, rows = _rows(
        login("unit_officer"), unit=world.hosp_a.pk, year=2025, candidate="commendation_certificate"
    )
    # collectives first (tree order), then An before Hoa (given names)
    assert [r.subject_code for r in rows] == ["BVA", "BVA-NOI", world.an.cccd, world.hoa.cccd]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"verdict": "eligible", "candidate": PROVINCIAL}, {"hoa"}),
        ({"gender": "male", "candidate": PROVINCIAL}, {"an"}),
        ({"is_manager": "1", "candidate": PROVINCIAL}, {"an"}),
        ({"is_manager": "0", "candidate": PROVINCIAL}, {"hoa"}),
        ({"department": "ward", "candidate": PROVINCIAL}, {"hoa"}),
    ],
)
def test_the_list_filters(login, world, computed, query, expected):
    if query.get("department") == "ward":
        query["department"] = world.ward_a.pk
    _, rows = _rows(login("unit_officer"), unit=world.hosp_a.pk, year=2025, **query)
    names = {"hoa": world.hoa.pk, "an": world.an.pk}
    assert {r.person_id for r in rows} == {names[n] for n in expected}


def test_the_export_holds_the_filtered_rows(login, world, computed):
    response = login("unit_officer").get(
        reverse("eligibility:export"), {"unit": world.hosp_a.pk, "year": 2025, "candidate": PROVINCIAL}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:7] == [
        "STT",
        "Đối tượng",
        "Số CCCD / mã đơn vị",
        "Họ và tên / tên tập thể",
        "Khoa/phòng, đơn vị",
        "Danh hiệu, hình thức",
        "Kết quả",
    ]
    assert [(r[2], r[6]) for r in rows] == [
        (world.an.cccd, "Chưa đủ điều kiện"),
        (world.hoa.cccd, "Đủ điều kiện"),
    ]
    assert rows[0][7]  # the first failing reason


def test_the_list_is_paginated(login, world):
    for i in range(3):
        make_person(unit=world.hosp_a, full_name=f"Hồ Văn Thêm {i}", serial=100 + i, gender="male")
    counts = eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    assert counts["results"] > 50
    client = login("unit_officer")
    response, rows = _rows(client, unit=world.hosp_a.pk, year=2025)
    assert len(rows) == 50 and response.context["page"].paginator.count == counts["results"]
    _, rest = _rows(client, unit=world.hosp_a.pk, year=2025, page=2)
    assert len(rest) == counts["results"] - 50


def test_out_of_scope_units_answer_404(login, world, computed):
    client = login("outsider")
    assert client.get(reverse("eligibility:list"), {"unit": world.hosp_a.pk}).status_code == 404
    assert client.get(reverse("eligibility:export"), {"unit": world.hosp_a.pk}).status_code == 404
    response = client.post(reverse("eligibility:recompute"), {"unit": world.hosp_a.pk, "year": 2025})
    assert response.status_code == 404 and not Job.objects.exists()
    assert login("staff").get(reverse("eligibility:list")).status_code == 404
    assert login("council_member").get(reverse("eligibility:list")).status_code == 404


def test_an_officer_sees_only_their_subtree_by_default(login, world, computed):
    eligibility_recompute(unit=world.hosp_b, year=2025, as_of=TODAY)
    _, rows = _rows(login("unit_officer"), year=2025)
    assert world.binh.cccd not in {r.subject_code for r in rows}
    html = login("so_officer").get(reverse("eligibility:list"), {"unit": world.hosp_b.pk, "year": 2025})
    assert world.binh.full_name in html.content.decode()


def test_the_menu_has_eligibility_for_people_viewers_only(login, world):
    assert reverse("eligibility:list") in login("unit_head").get(reverse("home")).content.decode()
    assert reverse("eligibility:list") not in login("staff").get(reverse("home")).content.decode()


@pytest.mark.parametrize("extra", [0, 40])
def test_the_list_uses_a_fixed_number_of_queries(login, world, extra, django_assert_max_num_queries):
    for i in range(extra):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Hồ Văn Thêm {i}", serial=100 + i)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    client = login("unit_officer")
    with django_assert_max_num_queries(12):
        _rows(client, unit=world.hosp_a.pk, year=2025, verdict="unknown")
    with django_assert_max_num_queries(9):
        response = client.get(reverse("eligibility:export"), {"unit": world.hosp_a.pk, "year": 2025})
        assert response.status_code == 200
