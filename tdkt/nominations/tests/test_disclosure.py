"""Disclosure before the council: the list is published inside the unit (or also publicly for state-level
awards) for the round's number of days; staff object, named or anonymously; every objection is answered
before the nomination may go to the council."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry, Role
from tdkt.accounts.services import role_grant
from tdkt.core.errors import ApplicationError
from tdkt.nominations.models import Disclosure, Objection
from tdkt.nominations.services_disclosure import disclosure_publish, objection_answer, objection_file
from tdkt.nominations.services_rounds import nomination_create_foreign

from .conftest import AFTER_DISCLOSURE, TODAY, nominate, take

pytestmark = pytest.mark.django_db


@pytest.fixture
def disclosed(world, round_2025):
    """Hoa's CSTĐCS verified and An's LĐTT submitted, disclosed today for five days; a foreign nominee still
    a draft (not disclosed)."""
    (hoa,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    (an,) = nominate(world, round_2025, "advanced_worker", world.an)
    nomination_create_foreign(
        actor=world.unit_officer,
        round=round_2025,
        kind="person",
        name="Marie Dupont",
        nationality="Pháp",
        candidate="commendation_certificate",
        achievement_summary="Tình nguyện tại khoa Nội",
        today=TODAY,
    )
    hoa = take(world, take(world, hoa, "submit"), "verify")
    an = take(world, an, "submit")
    disclosure = disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=False, today=TODAY)
    return disclosure, hoa, an


def test_publishing_lists_the_submitted_nominations_for_the_rounds_days(disclosed):
    disclosure, hoa, an = disclosed
    assert (disclosure.starts_on, disclosure.ends_on) == (TODAY, TODAY + dt.timedelta(days=4))
    assert set(disclosure.nominations.all()) == {hoa, an}
    entry = AuditEntry.objects.get(object_type="nominations.disclosure")
    assert entry.changes["nominations"][1] == sorted([hoa.pk, an.pk])


def test_publishing_again_takes_only_what_was_not_disclosed(world, disclosed, round_2025):
    with pytest.raises(ApplicationError, match="Không có đề nghị đã trình nào chưa được công khai"):
        disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=False, today=TODAY)


def test_only_the_units_officers_publish(login, world, round_2025, disclosed):
    assert (
        login("unit_head").get(reverse("nominations:round_disclose", args=[round_2025.pk])).status_code == 404
    )
    assert (
        login("outsider").post(reverse("nominations:round_disclose", args=[round_2025.pk])).status_code == 404
    )


def test_a_staff_member_objects_with_their_name(login, world, disclosed):
    disclosure, hoa, _ = disclosed
    client = login("staff")
    page = client.get(reverse("nominations:disclosure", args=[disclosure.pk]))
    assert page.status_code == 200 and hoa.name in page.content.decode()
    response = client.post(
        reverse("nominations:disclosure", args=[disclosure.pk]),
        {"nomination": hoa.pk, "text": "Sáng kiến chưa được áp dụng thực tế"},
    )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.author, objection.is_anonymous, objection.filed_on) == (world.staff, False, TODAY)
    officer_view = login("unit_officer").get(reverse("nominations:disclosure", args=[disclosure.pk]))
    assert (
        "staff" in officer_view.content.decode()
        and "Sáng kiến chưa được áp dụng thực tế" in officer_view.content.decode()
    )


def test_an_anonymous_objection_keeps_no_trace_of_its_author(login, world, disclosed):
    disclosure, hoa, _ = disclosed
    response = login("staff").post(
        reverse("nominations:disclosure", args=[disclosure.pk]),
        {"nomination": hoa.pk, "text": "Không công bằng với khoa khác", "anonymous": "on"},
    )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.author_id, objection.author_name, objection.is_anonymous) == (None, "", True)
    entries = AuditEntry.objects.filter(object_type="nominations.objection")
    assert [(e.actor_id, e.actor_name) for e in entries] == [(None, "system")]
    assert "staff" not in str(entries[0].changes)
    assert not AuditEntry.objects.filter(actor=world.staff).exists()
    html = login("unit_officer").get(reverse("nominations:detail", args=[hoa.pk])).content.decode()
    assert "Không công bằng với khoa khác" in html and "ẩn danh" in html


def test_objections_are_taken_only_while_the_list_is_open_and_for_its_nominations(
    world, disclosed, round_2025
):
    disclosure, hoa, _ = disclosed
    draft = round_2025.nominations.get(name="Marie Dupont")
    with pytest.raises(ApplicationError, match="không có trong danh sách công khai"):
        objection_file(
            actor=world.staff, disclosure=disclosure, nomination=draft, text="x", anonymous=False, today=TODAY
        )
    with pytest.raises(ApplicationError, match="Thời gian nhận ý kiến"):
        objection_file(
            actor=world.staff,
            disclosure=disclosure,
            nomination=hoa,
            text="x",
            anonymous=False,
            today=AFTER_DISCLOSURE,
        )
    with pytest.raises(ApplicationError, match="không thuộc đơn vị"):
        objection_file(
            actor=world.outsider,
            disclosure=disclosure,
            nomination=hoa,
            text="x",
            anonymous=False,
            today=TODAY,
        )


def test_staff_of_a_department_see_their_hospitals_list_and_others_do_not(
    client, world, disclosed, django_user_model
):
    disclosure, _, _ = disclosed
    nurse = django_user_model.objects.create_user(username="ward_nurse", password="x")
    role_grant(actor=None, user=nurse, role=Role.STAFF, unit=world.ward_a)
    client.force_login(nurse)
    assert client.get(reverse("nominations:disclosure", args=[disclosure.pk])).status_code == 200
    assert [d.pk for d in client.get(reverse("nominations:disclosures")).context["disclosures"]] == [
        disclosure.pk
    ]
    client.force_login(world.outsider)
    assert client.get(reverse("nominations:disclosure", args=[disclosure.pk])).status_code == 404


def test_the_council_waits_for_the_end_of_the_disclosure_and_every_answer(login, world, disclosed):
    disclosure, hoa, _ = disclosed
    with pytest.raises(ApplicationError, match="Đang trong thời gian công khai"):
        take(world, hoa, "send_to_council", today=TODAY + dt.timedelta(days=4))
    objection = objection_file(
        actor=world.staff,
        disclosure=disclosure,
        nomination=hoa,
        text="Cần làm rõ",
        anonymous=True,
        today=TODAY,
    )
    with pytest.raises(ApplicationError, match="Còn 1 ý kiến về đề nghị này chưa được trả lời"):
        take(world, hoa, "send_to_council")
    client = login("unit_officer")
    url = reverse("nominations:objection_answer", args=[objection.pk])
    assert client.post(url, {"answer": "", "upheld": "0"}).status_code == 400
    assert (
        client.post(
            url, {"answer": "Đã xác minh: sáng kiến được áp dụng từ 3/2025", "upheld": "0"}
        ).status_code
        == 302
    )
    objection.refresh_from_db()
    assert (objection.answered_by, objection.upheld) == (world.unit_officer, False)
    assert take(world, hoa, "send_to_council").status == "to_council"


def test_only_the_units_officers_answer(login, world, disclosed):
    disclosure, hoa, _ = disclosed
    objection = objection_file(
        actor=world.staff,
        disclosure=disclosure,
        nomination=hoa,
        text="Cần làm rõ",
        anonymous=False,
        today=TODAY,
    )
    for persona in ("staff", "unit_head", "outsider"):
        assert (
            login(persona).get(reverse("nominations:objection_answer", args=[objection.pk])).status_code
            == 404
        )
    with pytest.raises(ApplicationError, match="không có quyền"):
        objection_answer(actor=world.unit_head, objection=objection, answer="x", upheld=False)


def test_the_public_portal_shows_only_name_unit_and_title_of_public_state_level_lists(
    client, world, round_2025
):
    (labor,) = nominate(
        world, round_2025, "labor_order_third", world.an, reasons={world.an.pk: "Nhiều năm cống hiến"}
    )
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    for n in (labor, fighter):
        take(world, n, "submit")
    disclosure = disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=True, today=TODAY)
    response = client.get(reverse("nominations:public"))  # anonymous visitor
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trần Văn An" in html and "Huân chương Lao động hạng Ba" in html and "Bệnh viện Đa khoa A" in html
    assert "Nguyễn Thị Hoa" not in html  # CSTĐCS is not a state-level award
    assert world.an.cccd not in html and "Nhiều năm cống hiến" not in html
    Disclosure.objects.filter(pk=disclosure.pk).update(is_public=False)
    assert "Trần Văn An" not in client.get(reverse("nominations:public")).content.decode()


def test_a_list_without_state_level_awards_stays_inside_the_unit(world, round_2025):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    take(world, n, "submit")
    with pytest.raises(ApplicationError, match="cấp Nhà nước") as refused:
        disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=True, today=TODAY)
    assert refused.value.extra == {"field": "is_public"}
    assert not Disclosure.objects.exists()
