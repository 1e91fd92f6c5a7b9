"""Keeping records by hand from the person and unit pages: forms in Vietnamese that keep what was typed
on a refusal, htmx fragments that redraw the record and reload the eligibility panel, co-authors found
without accents, and scope: only record keepers change records, only within their units."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.people.services import employment_start
from tdkt.records import services
from tdkt.records.models import Achievement, AnnualRating, CollectiveRating, ConferredAward, Discipline

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from tdkt.records import views

    monkeypatch.setattr(views, "today_vn", lambda: TODAY)


def _person_page(client, person) -> str:
    response = client.get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_officer_adds_a_rating_and_finds_it_on_the_person_page(login, world):
    client = login("unit_officer")
    url = reverse("records:rating_create", args=[world.hoa.pk])
    assert url in _person_page(client, world.hoa)
    response = client.post(
        url, {"year": 2025, "rating": "excellent", "rated_by": "Hội đồng TĐKT", "rated_on": "15/12/2025"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[world.hoa.pk]) + "#records"
    rating = AnnualRating.objects.get(person=world.hoa)
    assert (rating.year, rating.rating, rating.unit, rating.rated_on) == (
        2025,
        "excellent",
        world.hosp_a,
        dt.date(2025, 12, 15),
    )
    assert AuditEntry.objects.filter(object_type="records.annualrating", actor=world.unit_officer).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Đã lưu." in page and 'data-rating="excellent"' in page and "15/12/2025" in page


def test_a_refused_rating_keeps_what_was_typed_and_names_the_field_in_vietnamese(login, world):
    response = login("unit_officer").post(
        reverse("records:rating_create", args=[world.hoa.pk]),
        {"year": "2030", "rating": "good", "rated_by": "Hội đồng khoa Nội", "rated_on": "31/02/2025"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Năm không được sau 2026." in html
    assert "Nhập ngày theo dạng dd/mm/yyyy." in html
    assert 'value="Hội đồng khoa Nội"' in html and 'value="2030"' in html and 'value="31/02/2025"' in html
    assert 'value="good" selected' in html
    assert not AnnualRating.objects.exists()


def test_a_services_refusal_lands_on_its_field(login, world):
    services.rating_create(
        actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a, today=TODAY
    )
    response = login("unit_officer").post(
        reverse("records:rating_create", args=[world.hoa.pk]), {"year": "2024", "rating": "excellent"}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["year"] == ["Nguyễn Thị Hoa đã có xếp loại năm 2024: hãy sửa xếp loại đó."]


def test_a_rating_needs_a_post_in_the_officers_units_that_year(login, world):
    newcomer = make_person(unit=world.hosp_a, full_name="Vũ Thị Mới", serial=60, start=dt.date(2025, 3, 1))
    response = login("unit_officer").post(
        reverse("records:rating_create", args=[newcomer.pk]), {"year": "2024", "rating": "good"}
    )
    assert response.status_code == 400
    assert (
        "Năm 2024, Vũ Thị Mới không công tác tại đơn vị nào do bạn quản lý hồ sơ."
        in response.content.decode()
    )


def test_with_htmx_the_form_opens_in_the_page_and_saving_redraws_the_record(login, world):
    client = login("unit_officer")
    url = reverse("records:rating_create", args=[world.hoa.pk])
    form = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="record-editor").content.decode()
    assert form.lstrip().startswith("<form") and "<html" not in form
    refused = client.post(url, {"year": "", "rating": "good"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200 and refused.content.decode().lstrip().startswith("<form")
    saved = client.post(url, {"year": "2025", "rating": "good"}, HTTP_HX_REQUEST="true")
    assert saved["HX-Retarget"] == "#records" and saved["HX-Reswap"] == "outerHTML"
    assert saved["HX-Trigger"] == "recordsChanged"
    html = saved.content.decode()
    assert html.lstrip().startswith('<section class="card" id="records"') and "Đã lưu." in html
    assert 'data-rating="good"' in html


def test_the_eligibility_panel_reloads_when_the_records_change(login, world):
    page = _person_page(login("unit_officer"), world.hoa)
    assert 'hx-trigger="load, recordsChanged from:body"' in page
    panel = login("unit_officer").get(
        reverse("people:detail", args=[world.hoa.pk]), {"part": "eligibility"}, HTTP_HX_REQUEST="true"
    )
    assert 'hx-trigger="recordsChanged from:body"' in panel.content.decode()


def test_co_authors_are_found_without_accents_among_people_in_scope_only(login, world):
    client = login("unit_officer")
    url = reverse("records:achievement_create", args=[world.hoa.pk]) + f"?person={world.hoa.pk}"
    found = client.get(
        url,
        {"q": "TRAN VAN", "authors": [world.hoa.pk]},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="author-choices",
    ).content.decode()
    assert found.lstrip().startswith('<div id="author-choices"')
    assert "Trần Văn An" in found and "Nguyễn Thị Hoa" in found
    assert f'value="{world.hoa.pk}" checked' in found.replace('id="id_authors_0" ', "")
    stranger = client.get(url, {"q": "le thi binh"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="author-choices")
    assert "Lê Thị Bình" not in stranger.content.decode()
    assert "Không tìm thấy ai" in stranger.content.decode()


def test_without_javascript_the_find_button_redraws_the_form_with_what_was_typed(login, world):
    response = login("unit_officer").post(
        reverse("records:achievement_create", args=[world.hoa.pk]),
        {
            "title": "Cải tiến quy trình cấp phát thuốc",
            "kind": "initiative",
            "authors": [world.hoa.pk],
            "q": "an",
            "find": "1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cải tiến quy trình cấp phát thuốc" in html and "Trần Văn An" in html
    assert "field-error" not in html
    assert not Achievement.objects.exists()


def test_an_initiative_with_two_authors_shows_on_both_pages(login, world):
    client = login("unit_officer")
    response = client.post(
        reverse("records:achievement_create", args=[world.hoa.pk]) + f"?person={world.hoa.pk}",
        {
            "kind": "initiative",
            "title": "Bảng kiểm an toàn người bệnh",
            "scope": "provincial",
            "year": "2025",
            "unit": world.hosp_a.pk,
            "decision_number": "45/QĐ-SYT",
            "decision_date": "02/11/2025",
            "issuer": "Sở Y tế",
            "authors": [world.hoa.pk, world.an.pk],
        },
    )
    assert response["Location"] == reverse("people:detail", args=[world.hoa.pk]) + "#records"
    achievement = Achievement.objects.get()
    assert set(achievement.authors.all()) == {world.hoa, world.an}
    for person in (world.hoa, world.an):
        assert "Bảng kiểm an toàn người bệnh" in _person_page(client, person)


def test_an_initiative_without_an_author_is_refused(login, world):
    response = login("unit_officer").post(
        reverse("records:achievement_create", args=[world.hoa.pk]),
        {
            "kind": "initiative",
            "title": "Không tác giả",
            "scope": "unit",
            "year": "2025",
            "unit": world.hosp_a.pk,
        },
    )
    assert response.status_code == 400
    assert "Chọn ít nhất một tác giả" in response.content.decode()
    assert "Không tác giả</textarea>" in response.content.decode()


def test_correcting_an_initiative_keeps_co_authors_outside_the_officers_units(login, world):
    shared = services.achievement_create(
        actor=None,
        kind="research",
        title="Đề tài liên viện",
        scope="provincial",
        year=2025,
        unit=world.hosp_a,
        authors=[world.hoa, world.binh],
        today=TODAY,
    )
    client = login("unit_officer")
    url = reverse("records:achievement_edit", args=[shared.pk]) + f"?person={world.hoa.pk}"
    form = client.get(url).content.decode()
    assert "Lê Thị Bình" in form and f'value="{world.binh.pk}"' not in form
    client.post(
        url,
        {
            "kind": "research",
            "title": "Đề tài liên viện (sửa tên)",
            "scope": "provincial",
            "year": "2025",
            "unit": world.hosp_a.pk,
            "authors": [world.hoa.pk, world.an.pk],
            "note": "Bổ sung tác giả",
        },
    )
    shared.refresh_from_db()
    assert shared.title == "Đề tài liên viện (sửa tên)"
    assert set(shared.authors.all()) == {world.hoa, world.an, world.binh}
    entry = AuditEntry.objects.get(object_type="records.achievement", action="update")
    assert entry.reason == "Bổ sung tác giả"


def test_a_posted_author_outside_the_scope_is_refused(login, world):
    response = login("unit_officer").post(
        reverse("records:achievement_create", args=[world.hoa.pk]),
        {
            "kind": "initiative",
            "title": "Sáng kiến",
            "scope": "unit",
            "year": "2025",
            "unit": world.hosp_a.pk,
            "authors": [world.hoa.pk, world.binh.pk],
        },
    )
    assert response.status_code == 400 and not Achievement.objects.exists()


def test_an_award_is_added_corrected_and_deleted_from_the_person_page(login, world):
    client = login("unit_officer")
    client.post(
        reverse("records:award_create", args=[world.hoa.pk]),
        {
            "year": "2024",
            "candidate": "provincial_merit_certificate",
            "category": "thematic",
            "decision_number": "88/QĐ-UBND",
            "decision_date": "01/06/2025",
            "issuer": "Chủ tịch UBND tỉnh",
        },
    )
    award = ConferredAward.objects.get()
    assert (award.person, award.category, award.created_by) == (world.hoa, "thematic", world.unit_officer)
    page = _person_page(client, world.hoa)
    assert "Bằng khen cấp bộ, ban, ngành, tỉnh" in page and "88/QĐ-UBND" in page
    edit = client.post(
        reverse("records:award_edit", args=[award.pk]),
        {
            "year": "2024",
            "candidate": "provincial_merit_certificate",
            "category": "merit",
            "decision_number": "88/QĐ-UBND",
            "decision_date": "01/06/2025",
            "note": "Sai loại khen thưởng",
        },
    )
    assert edit.status_code == 302
    award.refresh_from_db()
    assert award.category == "merit"
    confirm = client.get(reverse("records:award_delete", args=[award.pk])).content.decode()
    assert "Xoá Bằng khen cấp bộ, ban, ngành, tỉnh (2024)?" in confirm
    client.post(reverse("records:award_delete", args=[award.pk]), {"note": "Trùng"})
    assert not ConferredAward.objects.exists()


def test_an_award_from_a_tdkt_decision_offers_no_change(login, world):
    award = services.award_record(
        actor=None,
        person=world.hoa,
        year=2025,
        candidate="advanced_worker",
        decision_number="5/QĐ-BVA",
        source="decision",
        today=TODAY,
    )
    client = login("unit_officer")
    assert reverse("records:award_edit", args=[award.pk]) not in _person_page(client, world.hoa)
    response = client.post(reverse("records:award_delete", args=[award.pk]), {"note": "x"})
    assert (
        response.status_code == 400
        and "chỉ có thể hủy bỏ bằng một quyết định khác" in response.content.decode()
    )
    assert ConferredAward.objects.filter(pk=award.pk).exists()


def test_discipline_leave_and_review_are_kept_from_the_person_page(login, world):
    client = login("unit_officer")
    client.post(
        reverse("records:discipline_create", args=[world.hoa.pk]),
        {"level": "reprimand", "start": "01/03/2025", "end": "01/09/2025", "decision_number": "7/QĐ-BVA"},
    )
    client.post(
        reverse("records:leave_create", args=[world.hoa.pk]),
        {"kind": "maternity", "start": "01/01/2025", "end": "30/06/2025"},
    )
    client.post(
        reverse("records:review_create", args=[world.hoa.pk]),
        {"reason": "Đơn khiếu nại", "start": "01/10/2025"},
    )
    page = _person_page(client, world.hoa)
    assert "Khiển trách" in page and "7/QĐ-BVA" in page
    assert "Nghỉ thai sản" in page and "Đơn khiếu nại" in page
    refused = client.post(
        reverse("records:leave_create", args=[world.hoa.pk]),
        {"kind": "sick", "start": "01/06/2025", "end": "30/07/2025"},
    )
    assert refused.status_code == 400
    assert "trùng với lần nghỉ thai sản từ 01/01/2025 đến 30/06/2025" in refused.content.decode()
    discipline = Discipline.objects.get()
    response = client.post(
        reverse("records:discipline_edit", args=[discipline.pk]),
        {"level": "reprimand", "start": "01/03/2025", "end": "01/02/2025"},
    )
    assert response.status_code == 400
    assert "Ngày kết thúc 01/02/2025 trước ngày bắt đầu 01/03/2025." in response.content.decode()


def test_a_deletion_is_confirmed_and_keeps_its_reason_in_the_history(login, world):
    discipline = services.discipline_create(
        actor=None, person=world.hoa, level="warning", start=dt.date(2025, 2, 1), today=TODAY
    )
    client = login("unit_officer")
    url = reverse("records:discipline_delete", args=[discipline.pk])
    htmx_confirm = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert htmx_confirm.lstrip().startswith("<form")
    assert "Xoá Kỷ luật (cảnh cáo) từ 01/02/2025?" in htmx_confirm
    response = client.post(url, {"note": "Quyết định đã bị hủy"}, HTTP_HX_REQUEST="true")
    assert response["HX-Trigger"] == "recordsChanged" and "Đã xoá." in response.content.decode()
    assert not Discipline.objects.exists()
    entry = AuditEntry.objects.get(object_type="records.discipline", action="delete")
    assert entry.reason == "Quyết định đã bị hủy" and entry.changes["level"] == ["warning", None]
    history = _person_page(client, world.hoa)
    assert "Lịch sử thay đổi" in history


def test_changes_show_in_the_person_pages_history(login, world):
    client = login("unit_officer")
    client.post(reverse("records:rating_create", args=[world.hoa.pk]), {"year": "2025", "rating": "good"})
    rating = AnnualRating.objects.get()
    client.post(
        reverse("records:rating_edit", args=[rating.pk]),
        {"year": "2025", "rating": "excellent", "note": "Họp lại"},
    )
    page = _person_page(client, world.hoa)
    assert "Họp lại" in page and "good → excellent" in page


@pytest.mark.parametrize("persona", ["unit_head", "council_member", "staff"])
def test_who_does_not_keep_records_sees_them_without_controls_and_cannot_post(login, world, persona):
    rating = services.rating_set(actor=None, person=world.hoa, year=2025, rating="good", unit=world.hosp_a)
    client = login(persona)
    if persona != "council_member":
        page = _person_page(client, world.hoa)
        assert 'data-rating="good"' in page
        assert reverse("records:rating_edit", args=[rating.pk]) not in page
        assert reverse("records:rating_create", args=[world.hoa.pk]) not in page
    assert (
        client.post(
            reverse("records:rating_create", args=[world.hoa.pk]), {"year": "2024", "rating": "good"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("records:rating_edit", args=[rating.pk]), {"year": "2025", "rating": "failed"}
        ).status_code
        == 404
    )
    assert client.post(reverse("records:rating_delete", args=[rating.pk])).status_code == 404
    rating.refresh_from_db()
    assert rating.rating == "good"


def test_a_rating_given_by_another_unit_is_seen_but_not_changed_after_a_move(login, world):
    rating = services.rating_set(actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a)
    employment_start(actor=None, person=world.hoa, unit=world.hosp_b, start=dt.date(2026, 1, 1))
    client = login("outsider")  # the officer of hospital B, where Hoa works now
    page = _person_page(client, world.hoa)
    assert 'data-rating="good"' in page and reverse("records:rating_edit", args=[rating.pk]) not in page
    assert client.get(reverse("records:rating_edit", args=[rating.pk])).status_code == 404
    response = client.post(
        reverse("records:rating_create", args=[world.hoa.pk]), {"year": "2026", "rating": "excellent"}
    )
    assert response.status_code == 302
    assert AnnualRating.objects.get(year=2026).unit == world.hosp_b


def test_a_collective_rating_is_kept_from_the_unit_page(login, world):
    client = login("unit_officer")
    page = client.get(reverse("org:detail", args=[world.ward_a.pk])).content.decode()
    url = reverse("records:collective_rating_create", args=[world.ward_a.pk])
    assert url in page and "Chưa có xếp loại nào." in page
    response = client.post(
        url, {"year": "2025", "rating": "excellent", "rated_by": "Hội đồng TĐKT bệnh viện"}
    )
    assert response["Location"] == reverse("org:detail", args=[world.ward_a.pk]) + "#collective-ratings"
    rating = CollectiveRating.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert (
        "Hội đồng TĐKT bệnh viện" in page
        and reverse("records:collective_rating_edit", args=[rating.pk]) in page
    )
    htmx = client.post(
        reverse("records:collective_rating_edit", args=[rating.pk]),
        {"year": "2025", "rating": "good"},
        HTTP_HX_REQUEST="true",
    )
    assert htmx["HX-Retarget"] == "#collective-ratings"
    assert htmx.content.decode().lstrip().startswith('<section class="card" id="collective-ratings"')
    council = login("council_member").get(reverse("org:detail", args=[world.ward_a.pk])).content.decode()
    assert (
        "Hoàn thành tốt nhiệm vụ" in council
        and reverse("records:collective_rating_edit", args=[rating.pk]) not in council
    )
