"""The registration pages: one's own registration, the unit's list with counts and share, bulk, export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.pledges.models import Registration
from tdkt.pledges.services_registrations import collectives_register, registration_create

from .factories import DAY

pytestmark = pytest.mark.django_db


def test_a_staff_member_registers_themself_on_the_page(login, world, so_movement):
    client = login("staff")
    url = reverse("registrations:register", args=[so_movement.pk])
    page = client.get(url).content.decode()
    assert "Đăng ký danh hiệu thi đua" in page and "Khoa Nội" in page
    response = client.post(url, {"title": "advanced_worker", "note": "Sáng kiến về chăm sóc"}, follow=True)
    assert "Đã ghi nhận đăng ký của bạn." in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.person, registration.title, registration.note) == (
        world.hoa,
        "advanced_worker",
        "Sáng kiến về chăm sóc",
    )


def test_a_refused_registration_keeps_what_was_typed_and_names_the_field(login, world, so_movement):
    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    client = login("staff")
    url = reverse("registrations:register", args=[so_movement.pk])
    response = client.post(url, {"title": "advanced_worker", "note": "Lần hai"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "đã đăng ký Lao động tiên tiến" in page
    assert 'value="Lần hai"' in page
    assert Registration.objects.count() == 1


def test_a_staff_member_opening_the_list_lands_on_their_own_registration(login, world, so_movement):
    response = login("staff").get(reverse("registrations:list", args=[so_movement.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:register", args=[so_movement.pk])


def test_the_unit_sees_who_registered_what_with_counts_and_the_share_of_staff(login, world, org, so_movement):
    for person, title in [
        (world.hoa, "advanced_worker"),
        (world.hoa, "grassroots_emulation_fighter"),
        (org.dung, "advanced_worker"),
    ]:
        registration_create(
            actor=world.unit_officer, movement=so_movement, person=person, title=title, day=DAY
        )
    collectives_register(
        actor=world.unit_officer,
        movement=so_movement,
        units=[world.ward_a],
        title="excellent_collective",
        day=DAY,
    )
    client = login("unit_head")
    page = client.get(reverse("registrations:list", args=[so_movement.pk])).content.decode()
    # hospital A has 8 people working on DAY (Hoa, An and the six of the org fixture): 2 registered
    assert "25,0 %" in page
    assert "2 trong số 8 người" in page
    assert "Tập thể lao động xuất sắc" in page and "1 tập thể" in page
    assert page.count('data-title="advanced_worker"') == 3  # the count tile and the two rows
    # filtered to a title, through htmx
    response = client.get(
        reverse("registrations:list", args=[so_movement.pk]),
        {"title": "grassroots_emulation_fighter"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="registration-results",
    )
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert "Nguyễn Thị Hoa" in fragment and "Bùi Văn Dũng" not in fragment
    # a department's share
    page = client.get(
        reverse("registrations:list", args=[so_movement.pk]), {"department": world.ward_a.pk}
    ).content.decode()
    assert "66,7 %" in page  # Hoa and Dũng of the three in Khoa Nội


def test_the_list_shows_what_was_registered_under_plans_derived_from_the_movement(
    login, world, so_movement, hosp_movement
):
    registration_create(
        actor=world.staff, movement=hosp_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    page = (
        login("so_officer")
        .get(reverse("registrations:list", args=[so_movement.pk]), {"unit": world.hosp_a.pk})
        .content.decode()
    )
    assert "Nguyễn Thị Hoa" in page
    assert "thuộc «Phong trào thi đua năm 2025 của Bệnh viện A»" in page


def test_the_export_holds_the_filtered_registrations(login, world, org, so_movement):
    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    registration_create(
        actor=world.unit_officer,
        movement=so_movement,
        person=org.dung,
        title="grassroots_emulation_fighter",
        day=DAY,
    )
    response = login("unit_officer").get(
        reverse("registrations:export", args=[so_movement.pk]), {"title": "advanced_worker"}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "STT",
        "Đối tượng",
        "Họ và tên / tên tập thể",
        "Số CCCD / mã đơn vị",
        "Khoa/phòng, đơn vị",
        "Danh hiệu, hình thức đăng ký",
    )
    assert [r[2] for r in rows[1:]] == ["Nguyễn Thị Hoa"]
    assert rows[1][5] == "Lao động tiên tiến"


def test_an_officer_registers_a_department_s_staff_in_one_go(login, world, org, so_movement):
    client = login("unit_officer")
    url = reverse("registrations:bulk", args=[so_movement.pk])
    fragment = client.get(
        url, {"unit": world.ward_a.pk}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="bulk-people"
    ).content.decode()
    assert "<html" not in fragment
    assert all(name in fragment for name in ("Nguyễn Thị Hoa", "Bùi Văn Dũng", "Võ Thị Hương"))
    assert "Hà Văn Mổ" not in fragment  # Khoa Ngoại
    response = client.post(
        url,
        {"unit": world.ward_a.pk, "title": "advanced_worker", "people": [world.hoa.pk, org.dung.pk]},
        follow=True,
    )
    assert "Đã ghi nhận 2 đăng ký." in response.content.decode()
    assert set(Registration.objects.values_list("person__full_name", flat=True)) == {
        "Nguyễn Thị Hoa",
        "Bùi Văn Dũng",
    }
    assert (
        AuditEntry.objects.filter(object_type="pledges.registration", actor=world.unit_officer).count() == 2
    )


def test_bulk_registration_without_anyone_ticked_is_refused_with_the_choices_kept(
    login, world, org, so_movement
):
    response = login("unit_officer").post(
        reverse("registrations:bulk", args=[so_movement.pk]),
        {"unit": world.ward_a.pk, "title": "grassroots_emulation_fighter", "note": "Đợt 1"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Hãy chọn ít nhất một người." in page
    assert 'value="Đợt 1"' in page
    assert '<option value="grassroots_emulation_fighter" selected>' in page


@pytest.mark.parametrize("persona", ["staff", "unit_head", "council_member"])
def test_only_officers_register_others(login, world, so_movement, persona):
    client = login(persona)
    assert client.get(reverse("registrations:bulk", args=[so_movement.pk])).status_code == 404
    assert client.get(reverse("registrations:collectives", args=[so_movement.pk])).status_code == 404


def test_an_officer_registers_collectives(login, world, org, so_movement):
    response = login("unit_officer").post(
        reverse("registrations:collectives", args=[so_movement.pk]),
        {"title": "advanced_collective", "units": [world.ward_a.pk, org.office.pk]},
    )
    assert response.status_code == 302
    assert set(Registration.objects.values_list("unit__name", flat=True)) == {"Khoa Nội", "Phòng Tổ chức"}


def test_a_person_withdraws_their_registration_on_the_page(login, world, org, so_movement):
    mine = registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    theirs = registration_create(
        actor=world.unit_officer, movement=so_movement, person=org.dung, title="advanced_worker", day=DAY
    )
    client = login("staff")
    assert client.get(reverse("registrations:withdraw", args=[mine.pk])).status_code == 302  # nothing on GET
    assert Registration.objects.filter(pk=mine.pk).exists()
    assert client.post(reverse("registrations:withdraw", args=[theirs.pk])).status_code == 404
    client.post(reverse("registrations:withdraw", args=[mine.pk]))
    assert list(Registration.objects.all()) == [theirs]


@pytest.mark.parametrize("extra", [0, 30])
def test_the_list_uses_a_fixed_number_of_queries(
    login, world, so_movement, extra, django_assert_max_num_queries
):
    people = [
        make_person(
            unit=world.hosp_a, department=world.ward_a, full_name=f"Người Đăng Ký {i}", serial=400 + i
        )
        for i in range(extra)
    ]
    for person in people:
        registration_create(actor=None, movement=so_movement, person=person, title="advanced_worker", day=DAY)
    client = login("unit_officer")
    with django_assert_max_num_queries(19):
        response = client.get(reverse("registrations:list", args=[so_movement.pk]))
    assert response.status_code == 200
