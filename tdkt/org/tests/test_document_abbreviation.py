import importlib

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.org.models import Unit, default_document_abbreviation

NAMES = {
    "Sở Y tế tỉnh Bình An": "SYT",
    "Bệnh viện Đa khoa tỉnh Bình An": "BVĐK",
    "Trung tâm Y tế khu vực Tân Phong": "TTYT",
    "Bệnh viện Sản – Nhi tỉnh Bình An": "BVSN",
    "Trạm Y tế xã Trà Bình": "TYT",
    "Trạm Y tế thị xã Long Mỹ": "TYT",
    "Ủy ban nhân dân thành phố Hồ Chí Minh": "UBND",
    "Bệnh viện 115": "BV115",
}


@pytest.mark.parametrize(("name", "expected"), NAMES.items())
def test_the_default_abbreviation_is_the_initials_before_the_place_name(name, expected):
    assert default_document_abbreviation(name) == expected


def test_a_name_without_letters_falls_back_to_the_unit_code():
    assert default_document_abbreviation("– –", "bv-01") == "BV-01"


def test_the_migration_derives_the_same_abbreviations_as_the_model():
    migration = importlib.import_module("tdkt.org.migrations.0002_unit_document_abbreviation")
    assert {n: migration._abbreviation(n, "X") for n in NAMES} == NAMES


def test_a_new_unit_without_an_abbreviation_gets_its_initials(world):
    assert world.so.document_abbreviation == "SYTTN"  # "Sở Y tế Thử nghiệm" has no place part
    assert world.centre.document_abbreviation == "TTYT"


def test_the_unit_form_upper_cases_the_abbreviation(login, world):
    response = login("so_officer").post(
        reverse("org:create"),
        {
            "parent": world.so.pk,
            "code": "BVM",
            "name": "Bệnh viện Mắt",
            "kind": "hospital",
            "document_abbreviation": "bvm",
            "valid_from": "01/01/2026",
        },
    )
    assert response.status_code == 302
    assert Unit.objects.get(code="BVM").document_abbreviation == "BVM"


def test_a_bad_abbreviation_is_refused_with_the_field_named_and_the_form_kept(login, world):
    response = login("so_officer").post(
        reverse("org:create"),
        {
            "parent": world.so.pk,
            "code": "BVM",
            "name": "Bệnh viện Mắt",
            "kind": "hospital",
            "document_abbreviation": "BV M/1",
            "valid_from": "01/01/2026",
        },
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert not Unit.objects.filter(code="BVM").exists()
    assert "Ký hiệu văn bản" in text and "chữ in hoa" in text and 'value="Bệnh viện Mắt"' in text


def test_the_so_officer_edits_the_abbreviation_and_the_change_is_audited(login, world):
    client = login("so_officer")
    page = client.get(reverse("org:edit", args=[world.hosp_a.pk]))
    assert page.status_code == 200 and 'value="BVĐKA"' in page.content.decode()
    response = client.post(
        reverse("org:edit", args=[world.hosp_a.pk]),
        {"short_name": "BVĐK A", "document_abbreviation": "bvđk", "address": "Số 1 đường Lê Lợi"},
    )
    assert response.status_code == 302
    world.hosp_a.refresh_from_db()
    assert (world.hosp_a.document_abbreviation, world.hosp_a.address) == ("BVĐK", "Số 1 đường Lê Lợi")
    entry = AuditEntry.objects.get(object_type="org.unit", object_id=str(world.hosp_a.pk), action="update")
    assert entry.actor == world.so_officer
    assert entry.changes["document_abbreviation"] == ["BVĐKA", "BVĐK"]
    detail = client.get(reverse("org:detail", args=[world.hosp_a.pk])).content.decode()
    assert "BVĐK" in detail and reverse("org:edit", args=[world.hosp_a.pk]) in detail


def test_an_empty_abbreviation_is_refused_on_edit(login, world):
    response = login("so_officer").post(
        reverse("org:edit", args=[world.hosp_a.pk]), {"document_abbreviation": " ", "short_name": "X"}
    )
    assert response.status_code == 400
    assert 'value="X"' in response.content.decode()
    world.hosp_a.refresh_from_db()
    assert world.hosp_a.document_abbreviation == "BVĐKA"


@pytest.mark.parametrize("persona", ["unit_officer", "unit_head", "staff", "outsider"])
def test_only_the_so_officer_may_edit_a_unit(login, world, persona):
    client = login(persona)
    assert client.get(reverse("org:edit", args=[world.hosp_a.pk])).status_code == 404
    detail = client.get(reverse("org:detail", args=[world.hosp_a.pk]))
    assert reverse("org:edit", args=[world.hosp_a.pk]) not in detail.content.decode()
