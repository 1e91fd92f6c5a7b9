import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_the_tree_shows_the_scope_with_staff_counts(login, world):
    text = login("unit_officer").get(reverse("org:tree")).content.decode()
    assert "Bệnh viện Đa khoa A" in text and "Khoa Nội" in text
    assert "Bệnh viện Phụ sản B" not in text


def test_the_so_officer_sees_every_unit_of_the_province(login, world):
    text = login("so_officer").get(reverse("org:tree")).content.decode()
    for name in ("Sở Y tế Thử nghiệm", "Bệnh viện Phụ sản B", "Trạm Y tế xã C1"):
        assert name in text


def test_the_tree_exports_to_excel(login, world):
    response = login("so_officer").get(reverse("org:export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Mã", "Tên đơn vị")
    assert [r[1] for r in rows[1:]] == ["SYT", "BVA", "BVA-NOI", "BVB", "TTYT", "TYT-C1"]
    assert rows[2][5] == 2  # two people work at hospital A


def test_a_council_member_sees_units_but_not_their_people(login, world):
    text = login("council_member").get(reverse("org:detail", args=[world.hosp_a.pk])).content.decode()
    assert "Bệnh viện Đa khoa A" in text
    assert reverse("people:list") not in text


def test_the_so_officer_adds_a_unit_under_a_hospital(login, world):
    from tdkt.accounts.models import AuditEntry
    from tdkt.org.models import Unit

    response = login("so_officer").post(
        reverse("org:create"),
        {
            "parent": world.hosp_b.pk,
            "code": "BVB-SAN",
            "name": "Khoa Sản",
            "kind": "ward",
            "valid_from": "01/01/2026",
        },
    )
    unit = Unit.objects.get(code="BVB-SAN")
    assert response.status_code == 302
    assert unit.parent == world.hosp_b and unit.path.startswith(world.hosp_b.path)
    assert AuditEntry.objects.filter(
        object_type="org.unit", object_id=str(unit.pk), actor=world.so_officer
    ).exists()


def test_a_duplicate_unit_code_is_refused_and_the_form_kept(login, world):
    response = login("so_officer").post(
        reverse("org:create"),
        {
            "parent": world.so.pk,
            "code": "BVA",
            "name": "Bệnh viện trùng mã",
            "kind": "hospital",
            "valid_from": "01/01/2026",
        },
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "BVA" in text and "đã được dùng" in text and 'value="Bệnh viện trùng mã"' in text


def test_the_so_officer_records_a_merger_and_people_follow(login, world):
    import datetime as dt

    from tdkt.people.models import Employment

    response = login("so_officer").post(
        reverse("org:reorganise"),
        {
            "kind": "merger",
            "predecessors": [world.hosp_a.pk],
            "successor": world.hosp_b.pk,
            "effective_on": "01/07/2026",
            "basis": "Quyết định số 99/QĐ-UBND",
        },
    )
    assert response.status_code == 302
    posts = list(Employment.objects.filter(person=world.hoa).order_by("start"))
    assert [(p.unit.code, p.end) for p in posts] == [("BVA", dt.date(2026, 6, 30)), ("BVB", None)]


def test_a_unit_cannot_take_over_itself(login, world):
    response = login("so_officer").post(
        reverse("org:reorganise"),
        {
            "kind": "merger",
            "predecessors": [world.hosp_a.pk],
            "successor": world.hosp_a.pk,
            "effective_on": "01/07/2026",
        },
    )
    assert response.status_code == 400
    assert "không thể là một trong các đơn vị" in response.content.decode()


@pytest.mark.parametrize("persona", ["unit_officer", "unit_head", "council_member", "staff", "outsider"])
def test_only_the_so_officer_changes_the_organisation(login, world, persona):
    client = login(persona)
    assert client.get(reverse("org:create")).status_code == 404
    assert client.get(reverse("org:reorganise")).status_code == 404
