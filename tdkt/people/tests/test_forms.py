import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.people.cccd import make_cccd
from tdkt.people.models import Employment, Person

pytestmark = pytest.mark.django_db


def _new_person(world, **over):
    data = {
        "cccd": make_cccd(province="001", gender="female", birth_year=1990, serial=777),
        "full_name": "  hoàng   thị mai ",
        "gender": "female",
        "birth_date": "20/04/1990",
        "profession": "pharmacist",
        "employment_status": "public_employee",
        "health_sector_since": "01/08/2013",
        "post-unit": world.hosp_a.pk,
        "post-department": world.ward_a.pk,
        "post-position": "staff",
        "post-start": "01/01/2024",
    }
    return {**data, **over}


def test_an_officer_adds_a_person_with_their_post(login, world):
    response = login("unit_officer").post(reverse("people:create"), _new_person(world))
    person = Person.objects.get(full_name="hoàng thị mai")
    assert response.status_code == 302
    assert person.birth_date == dt.date(1990, 4, 20)
    post = person.employments.get()
    assert (post.unit, post.department, post.start) == (world.hosp_a, world.ward_a, dt.date(2024, 1, 1))
    assert AuditEntry.objects.filter(
        object_type="people.person", object_id=str(person.pk), action="create", actor=world.unit_officer
    ).exists()


def test_a_rejected_form_keeps_what_was_typed_and_says_why(login, world):
    data = _new_person(world, cccd="079185000999", birth_date="31/02/1990")
    response = login("unit_officer").post(reverse("people:create"), data)
    text = response.content.decode()
    assert response.status_code == 400
    assert 'value="079185000999"' in text and "hoàng   thị mai" in text
    assert "Nhập một ngày hợp lệ" in text  # Django's Vietnamese message for 31/02
    assert Person.objects.count() == 4


def test_a_cccd_that_contradicts_the_birth_year_is_refused(login, world):
    data = _new_person(world, cccd=make_cccd(province="001", gender="female", birth_year=1991, serial=1))
    response = login("unit_officer").post(reverse("people:create"), data)
    assert response.status_code == 400
    assert "không khớp năm sinh 1990" in response.content.decode()


def test_a_duplicate_cccd_is_refused(login, world):
    response = login("unit_officer").post(
        reverse("people:create"),
        _new_person(world, cccd=world.an.cccd, gender="male", birth_date="15/03/1985"),
    )
    assert response.status_code == 400
    assert "Đã có người mang số CCCD này" in response.content.decode()


def test_a_department_of_another_unit_is_refused(login, world):
    response = login("so_officer").post(
        reverse("people:create"), _new_person(world, **{"post-unit": world.hosp_b.pk})
    )
    assert response.status_code == 400
    assert "không thuộc đơn vị" in response.content.decode()
    assert not Person.objects.filter(full_name__contains="mai").exists()


def test_an_officer_cannot_add_people_to_another_unit(login, world):
    response = login("unit_officer").post(
        reverse("people:create"), _new_person(world, **{"post-unit": world.hosp_b.pk, "post-department": ""})
    )
    assert response.status_code == 400
    assert not Person.objects.filter(full_name__contains="mai").exists()


def test_editing_a_person_is_audited_with_the_reason(login, world):
    client = login("unit_officer")
    page = client.get(reverse("people:edit", args=[world.hoa.pk])).content.decode()
    assert 'value="15/03/1985"' in page
    data = {
        "cccd": world.hoa.cccd,
        "full_name": "Nguyễn Thị Hòa",
        "gender": "female",
        "birth_date": "15/03/1985",
        "profession": "nurse",
        "employment_status": "public_employee",
        "health_sector_since": "01/09/2010",
        "reason": "Theo CCCD",
    }
    assert client.post(reverse("people:edit", args=[world.hoa.pk]), data).status_code == 302
    entry = AuditEntry.objects.get(object_type="people.person", object_id=str(world.hoa.pk), action="update")
    assert (
        entry.changes == {"full_name": ["Nguyễn Thị Hoa", "Nguyễn Thị Hòa"]} and entry.reason == "Theo CCCD"
    )


def test_a_transfer_keeps_one_record_and_closes_the_old_post(login, world):
    client = login("so_officer")
    response = client.post(
        reverse("people:move", args=[world.hoa.pk]),
        {"unit": world.hosp_b.pk, "department": "", "position": "staff", "start": "01/03/2026"},
    )
    assert response.status_code == 302
    posts = list(Employment.objects.filter(person=world.hoa).order_by("start"))
    assert [(p.unit.code, p.end) for p in posts] == [("BVA", dt.date(2026, 2, 28)), ("BVB", None)]
    assert Person.objects.filter(cccd=world.hoa.cccd).count() == 1


def test_a_transfer_dated_before_the_current_post_is_refused(login, world):
    response = login("so_officer").post(
        reverse("people:move", args=[world.hoa.pk]),
        {"unit": world.hosp_b.pk, "position": "staff", "start": "01/01/2018"},
    )
    assert response.status_code == 400
    assert "phải sau ngày đó" in response.content.decode()


@pytest.mark.parametrize("persona", ["unit_head", "council_member", "staff"])
def test_only_officers_edit_people(login, world, persona):
    client = login(persona)
    assert client.get(reverse("people:edit", args=[world.hoa.pk])).status_code == 404
    assert client.get(reverse("people:create")).status_code == 404
    assert client.get(reverse("people:move", args=[world.hoa.pk])).status_code == 404
