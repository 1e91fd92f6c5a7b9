import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_person

pytestmark = pytest.mark.django_db


def test_the_list_is_in_vietnamese_order_given_name_first(login, world):
    make_person(unit=world.hosp_a, full_name="Vũ Văn Bảo", serial=20, gender="male")
    make_person(unit=world.hosp_a, full_name="Đỗ Thị Ánh", serial=21)
    text = login("unit_officer").get(reverse("people:list")).content.decode()
    order = [text.index(n) for n in ("Trần Văn An", "Đỗ Thị Ánh", "Vũ Văn Bảo", "Nguyễn Thị Hoa")]
    assert order == sorted(order)


def test_search_finds_a_name_typed_without_accents_in_any_case(login, world):
    client = login("unit_officer")
    for query in ("nguyen thi hoa", "NGUYEN HOA", "Nguyễn Thị Hoa", "hoa"):
        text = client.get(reverse("people:list"), {"q": query}).content.decode()
        assert "Nguyễn Thị Hoa" in text, query
        assert "Trần Văn An" not in text, query


def test_search_by_cccd_prefix(login, world):
    text = login("unit_officer").get(reverse("people:list"), {"q": world.an.cccd[:8]}).content.decode()
    assert "Trần Văn An" in text


def test_an_htmx_search_returns_only_the_results_fragment(login, world):
    response = login("unit_officer").get(
        reverse("people:list"), {"q": "an"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="people-results"
    )
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="people-results"')
    assert "Trần Văn An" in text and "<html" not in text


def test_dates_show_as_dd_mm_yyyy(login, world):
    text = login("unit_officer").get(reverse("people:detail", args=[world.hoa.pk])).content.decode()
    assert "15/03/1985" in text and "01/01/2019" in text


def test_the_english_translation_is_one_switch_away(login, world):
    client = login("unit_officer")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = client.get(reverse("people:list")).content.decode()
    assert "Export to Excel" in text
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Xuất Excel" in client.get(reverse("people:list")).content.decode()


def test_staff_see_their_own_record_and_nobody_elses(login, world):
    client = login("staff")
    assert client.get(reverse("people:me")).url == reverse("people:detail", args=[world.hoa.pk])
    assert client.get(reverse("people:detail", args=[world.hoa.pk])).status_code == 200
    assert client.get(reverse("people:detail", args=[world.an.pk])).status_code == 404
    assert client.get(reverse("people:list")).status_code == 404


def test_former_staff_are_hidden_unless_asked_for(login, world):
    from tdkt.people.services import employment_end

    employment_end(actor=world.unit_officer, employment=world.an.employments.get(), end=dt.date(2025, 12, 31))
    client = login("unit_officer")
    assert "Trần Văn An" not in client.get(reverse("people:list")).content.decode()
    assert "Trần Văn An" in client.get(reverse("people:list"), {"former": "on"}).content.decode()


@pytest.mark.parametrize("extra", [0, 30])
def test_the_people_list_uses_a_fixed_number_of_queries(login, world, extra, django_assert_max_num_queries):
    for i in range(extra):
        make_person(
            unit=world.hosp_a,
            department=world.ward_a,
            full_name=f"Hồ Văn Thêm {i}",
            serial=100 + i,
            gender="male",
        )
    client = login("unit_officer")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("people:list")).status_code == 200


@pytest.mark.parametrize("moves", [0, 8])
def test_the_person_page_uses_a_fixed_number_of_queries(login, world, moves, django_assert_max_num_queries):
    from tdkt.people.services import employment_start

    for i in range(moves):
        unit = world.hosp_b if i % 2 else world.hosp_a
        employment_start(actor=None, person=world.hoa, unit=unit, start=dt.date(2020, 1, 1 + i))
    client = login("so_officer")
    # 12 for the person and their posts, 8 for the record by year (tdkt/records/tests/test_pages.py)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("people:detail", args=[world.hoa.pk])).status_code == 200


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(login, world):
    text = login("unit_officer").get(reverse("people:list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content
    assert "Xuất Excel" in text.decode()


def test_names_of_users_are_written_family_name_first(world):
    world.unit_officer.first_name, world.unit_officer.last_name = "Hoa", "Nguyễn Thị"
    assert world.unit_officer.get_full_name() == "Nguyễn Thị Hoa"
