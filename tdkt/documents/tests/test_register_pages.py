"""The register page and its Excel export: the user's scope only, filters, query budget."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.documents.services import register_allocate


@pytest.fixture
def entries(world):
    def allocate(issuer, kind, subject, year=2026):
        return register_allocate(
            issuer=issuer, year=year, kind=kind, actor=world.unit_officer, subject=subject
        )

    return [
        allocate(world.hosp_a, "decision", "Về việc tặng Giấy khen năm 2025"),
        allocate(world.hosp_a, "plan", "Phát động phong trào thi đua năm 2026"),
        allocate(world.hosp_a, "decision", "Về việc công nhận danh hiệu năm 2024", year=2024),
        allocate(world.hosp_b, "decision", "Quyết định của bệnh viện B"),
    ]


def test_the_unit_officer_reads_the_register_of_their_unit(login, world, entries):
    response = login("unit_officer").get(
        reverse("documents:register"), {"unit": world.hosp_a.pk, "year": 2026}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "01/QĐ-BVĐKA" in text and "Về việc tặng Giấy khen năm 2025" in text
    assert "01/KH-BVĐKA" in text and "Phát động phong trào thi đua năm 2026" in text
    assert "Về việc công nhận danh hiệu năm 2024" not in text  # another year
    assert "Quyết định của bệnh viện B" not in text  # another unit
    assert "Sổ đăng ký văn bản đi" in text


def test_the_register_filters_by_year_and_kind(login, world, entries):
    client = login("unit_officer")
    old = client.get(reverse("documents:register"), {"unit": world.hosp_a.pk, "year": 2024}).content.decode()
    assert "Về việc công nhận danh hiệu năm 2024" in old and "Phát động phong trào" not in old
    plans = client.get(reverse("documents:register"), {"unit": world.hosp_a.pk, "year": 2026, "kind": "plan"})
    assert "01/KH-BVĐKA" in plans.content.decode() and "01/QĐ-BVĐKA" not in plans.content.decode()


def test_without_a_unit_the_register_opens_on_the_users_own_unit(login, world, entries):
    text = login("unit_officer").get(reverse("documents:register"), {"year": 2026}).content.decode()
    assert "Bệnh viện Đa khoa A · 2026" in text and "01/QĐ-BVĐKA" in text


@pytest.mark.parametrize("persona", ["outsider", "staff", "council_member"])
def test_a_register_out_of_scope_is_not_found(login, world, entries, persona):
    client = login(persona)
    for name in ("documents:register", "documents:register_export"):
        assert client.get(reverse(name), {"unit": world.hosp_a.pk, "year": 2026}).status_code == 404


def test_the_register_is_in_the_menu_of_those_who_may_read_it(login, world):
    assert reverse("documents:register") in login("unit_head").get(reverse("home")).content.decode()
    assert reverse("documents:register") not in login("staff").get(reverse("home")).content.decode()


def test_the_register_exports_to_excel(login, world, entries):
    response = login("so_officer").get(
        reverse("documents:register_export"), {"unit": world.hosp_a.pk, "year": 2026}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("STT", "Số, ký hiệu", "Loại văn bản", "Trích yếu", "Ngày lấy số", "Người lấy số")
    assert [r[1] for r in rows[1:]] == ["01/QĐ-BVĐKA", "01/KH-BVĐKA"]
    assert rows[1][2] == "Quyết định" and rows[1][5] == "unit_officer"


def test_the_register_page_holds_its_query_budget(login, world, django_assert_max_num_queries):
    for i in range(60):
        register_allocate(
            issuer=world.hosp_a,
            year=2026,
            kind="decision",
            actor=world.unit_officer,
            subject=f"Quyết định {i}",
        )
    client = login("unit_officer")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("documents:register"), {"unit": world.hosp_a.pk, "year": 2026})
    assert response.content.decode().count("/QĐ-BVĐKA") == 60


def test_a_units_document_header_names_its_parent_above_it(world):
    from tdkt.documents.selectors import document_issuer

    issuer = document_issuer(unit=world.hosp_a)
    assert (issuer.name, issuer.abbreviation, issuer.governing_body) == (
        "Bệnh viện Đa khoa A",
        "BVĐKA",
        "Sở Y tế Thử nghiệm",
    )
    top = document_issuer(unit=world.so, governing_body="Ủy ban nhân dân tỉnh Thử nghiệm")
    assert top.governing_body == "Ủy ban nhân dân tỉnh Thử nghiệm"
    assert document_issuer(unit=world.so).governing_body == ""
