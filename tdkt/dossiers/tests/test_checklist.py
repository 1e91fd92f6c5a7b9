"""The dossier checklist: what each title needs, what is missing, the council minutes through the hook."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from conftest import make_person
from tdkt.attachments.models import Attachment
from tdkt.dossiers.checklist import checklists, round_checklist
from tdkt.dossiers.hooks import MinutesRef, register_minutes_source, unregister_minutes_source
from tdkt.dossiers.services import letter_issue, letter_save
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.services_disclosure import disclosure_publish, objection_answer, objection_file
from tdkt.records import services as records
from tdkt.records.models import Achievement

from .conftest import TODAY, YEAR, nominate, open_round, take

pytestmark = pytest.mark.django_db


def status_of(round, nomination, today=TODAY):
    c = checklists(round, [nomination], today=today)[nomination.pk]
    return {i.code: i.status for i in c.items}, c


def test_a_draft_lacks_the_letter_and_the_report_and_waits_for_the_council(submitted):
    world, _round, _hoa, _an = submitted
    (draft,) = nominate(world, open_round(world, name="Đợt bổ sung"), "advanced_worker", world.hoa)
    statuses, c = status_of(draft.round, draft)
    assert statuses["letter"] == "missing" and statuses["report"] == "missing"
    assert statuses["minutes"] == "pending" and statuses["disclosure"] == "pending"
    assert not c.complete and "initiative" not in statuses  # LĐTT rests on no initiative


def test_cstdcs_needs_its_initiative_with_a_decision_and_its_certificate_file(submitted):
    _world, round, hoa, _an = submitted
    statuses, c = status_of(round, hoa)
    assert statuses["report"] == "ok"  # frozen on submission
    assert statuses["initiative"] == "ok"
    assert statuses["certificate"] == "missing"
    assert "Bảng kiểm an toàn" in c.item("certificate").note
    assert "Điều 84" in c.item("certificate").cite and "Mẫu số 13" in c.item("certificate").cite
    achievement = Achievement.objects.get()
    Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(Achievement),
        object_id=achievement.pk,
        kind="certificate",
        file="attachments/x.pdf",
        original_name="giay-chung-nhan.pdf",
        media_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )
    assert status_of(round, hoa)[0]["certificate"] == "ok"


def test_disclosure_objections_letter_and_minutes_complete_the_dossier(submitted):
    world, round, _hoa, an = submitted
    assert status_of(round, an)[0]["disclosure"] == "missing"
    disclosure = disclosure_publish(actor=world.unit_officer, round=round, is_public=False, today=TODAY)
    assert status_of(round, an)[0]["disclosure"] == "pending"  # still open
    objection = objection_file(
        actor=world.staff, disclosure=disclosure, nomination=an, text="Chưa đúng", anonymous=True, today=TODAY
    )
    after = disclosure.ends_on + dt.timedelta(days=1)
    statuses, c = status_of(round, an, today=after)
    assert statuses["disclosure"] == "ok"
    assert statuses["objections"] == "missing" and c.item("objections").note == "Đã trả lời 0/1 ý kiến"
    objection_answer(actor=world.unit_officer, objection=objection, answer="Đã xác minh", upheld=False)
    assert status_of(round, an, today=after)[0]["objections"] == "ok"
    letter_save(actor=world.unit_officer, round=round, to="Sở Y tế", place="Bình An", signer_title="Giám đốc")
    letter_issue(actor=world.unit_officer, round=round, today=TODAY)
    statuses, c = status_of(round, an, today=after)
    assert statuses["letter"] == "ok" and statuses["minutes"] == "pending"
    assert c.pending and not c.missing

    def minutes(nominations):
        return {n.pk: MinutesRef("Biên bản số 03/BB-HĐTĐKT", date="20/01/2026") for n in nominations}

    register_minutes_source(minutes)
    try:
        statuses, c = status_of(round, an, today=after)
        assert statuses["minutes"] == "ok" and c.complete
        summary = round_checklist(round, today=after)
        assert summary.complete == 1  # An; Hoa still lacks her certificate file
        assert [code for code, _ in summary.codes][:3] == ["letter", "report", "minutes"]
    finally:
        unregister_minutes_source(minutes)


def test_the_round_and_nomination_pages_show_the_checklist(submitted, client):
    world, round, hoa, _an = submitted
    client.force_login(world.unit_officer)
    page = client.get(f"/nominations/rounds/{round.pk}/").content.decode()
    assert 'id="dossier"' in page and "/dossiers/rounds/" in page
    page = client.get(f"/nominations/{hoa.pk}/").content.decode()
    assert 'data-check="certificate" data-status="missing"' in page
    page = client.get(f"/dossiers/rounds/{round.pk}/").content.decode()
    assert f'data-nomination="{hoa.pk}"' in page and 'data-check="minutes" data-status="pending"' in page


@pytest.mark.parametrize("extra", [0, 6])
def test_the_dossier_page_keeps_a_fixed_number_of_queries(
    submitted, client, django_assert_max_num_queries, extra
):
    world, round, _hoa, _an = submitted
    people = [
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Đỗ Văn Nam {i}", serial=40 + i)
        for i in range(extra)
    ]
    for person in people:
        records.rating_set(actor=None, person=person, year=YEAR, rating="good", unit=world.hosp_a)
    if people:
        eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
        for n in nominate(world, round, "advanced_worker", *people):
            take(world, n, "submit")
    client.force_login(world.unit_officer)
    with django_assert_max_num_queries(24):
        page = client.get(f"/dossiers/rounds/{round.pk}/")
    assert page.status_code == 200 and page.content.decode().count("data-complete=") == 2 + extra
