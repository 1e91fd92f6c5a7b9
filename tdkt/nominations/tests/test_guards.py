"""Guards at proposal time, each with the rule it cites: collective shares, quotas on the whole round, the
same nominee or initiative twice in the year, reviews and discipline, awards that do not count toward merit,
lateness, and the engine's own verdict. Blocking guards refuse submission; advisory ones need a reason."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.eligibility.selectors import review_as_of
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.guards import assess, round_quotas
from tdkt.nominations.services import nomination_submit
from tdkt.nominations.services_rounds import guard_acknowledge, nomination_mark_exception, quota_create
from tdkt.records import services as records

from .conftest import TODAY, YEAR, nominate, open_round

pytestmark = pytest.mark.django_db
LAW_ART_5_2 = "Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2"


def _assessment(nomination, today=TODAY):
    nomination.refresh_from_db()
    round = nomination.round
    return assess([nomination], round=round, as_of=review_as_of(round.year, today), today=today)[
        nomination.pk
    ]


def guards_of(nomination, today=TODAY):
    return {g.code: g for g in _assessment(nomination, today).guards}


def refused_codes(world, nomination, today=TODAY):
    with pytest.raises(ApplicationError) as refused:
        nomination_submit(actor=world.unit_officer, nomination=nomination, today=today)
    return {g["code"] for g in refused.value.extra["guards"]}, refused.value.message


def ward_members(world, count, *, start_serial=20):
    return [
        make_person(
            unit=world.hosp_a, department=world.ward_a, full_name=f"Đỗ Thị Mai {i}", serial=start_serial + i
        )
        for i in range(count)
    ]


# -- collective shares ---------------------------------------------------------------------------------------


def test_an_excellent_collective_below_70_percent_advanced_workers_is_blocked_with_its_article(year_2025):
    world = year_2025
    others = ward_members(world, 2)
    records.collective_rating_set(actor=None, unit=world.ward_a, year=YEAR, rating="excellent")
    records.award_record(actor=None, person=world.hoa, year=YEAR, candidate="advanced_worker")
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    round = open_round(world)
    (n,) = nominate(
        world, round, "excellent_collective", world.ward_a, reasons={world.ward_a.pk: "Khoa dẫn đầu khối"}
    )
    codes, message = refused_codes(world, n)
    assert "collective_share" in codes
    share = guards_of(n)["collective_share"]
    assert share.blocking
    assert share.text.startswith("1/3 thành viên (33,3 %)") and "cần ít nhất 70 %" in share.text
    assert share.cite == "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm c"
    assert share.cite in message
    # the exception does not lift a share the law sets: the members' records do
    for person in others:
        records.award_record(actor=None, person=person, year=YEAR, candidate="advanced_worker")
    assert "collective_share" not in guards_of(n)
    assert nomination_submit(actor=world.unit_officer, nomination=n, today=TODAY).status == "submitted"


def test_an_advanced_collective_at_exactly_half_is_blocked_under_the_old_more_than_50_percent(world):
    other = ward_members(world, 1)[0]
    records.collective_rating_set(actor=None, unit=world.ward_a, year=2022, rating="good")
    records.award_record(actor=None, person=world.hoa, year=2022, candidate="advanced_worker")
    eligibility_recompute(unit=world.hosp_a, year=2022, as_of=dt.date(2022, 12, 20))
    round = open_round(world, year=2022, name="Bình xét năm 2022")
    (n,) = nominate(world, round, "advanced_collective", world.ward_a, reasons={world.ward_a.pk: "Bổ sung"})
    share = guards_of(n)["collective_share"]
    assert "1/2 thành viên (50 %)" in share.text and "cần trên 50 %" in share.text
    assert share.cite == "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 28, điểm c"
    assert share.verified is False
    records.award_record(actor=None, person=other, year=2022, candidate="advanced_worker")
    assert "collective_share" not in guards_of(n)


def test_the_share_is_computed_from_the_members_records_never_typed(year_2025):
    world = year_2025
    ward_members(world, 3)
    records.collective_rating_set(actor=None, unit=world.ward_a, year=YEAR, rating="good")
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    round = open_round(world)
    (n,) = nominate(world, round, "advanced_collective", world.ward_a, reasons={world.ward_a.pk: "Khoa mới"})
    assert guards_of(n)["collective_share"].text.startswith("0/4 thành viên (0 %)")


# -- quotas on the whole round -------------------------------------------------------------------------------


@pytest.fixture
def provincial_quota(world):
    return quota_create(
        actor=world.so_officer,
        unit=world.so,
        candidate="grassroots_emulation_fighter",
        share=Decimal("0.15"),
        base="advanced_worker",
        cite="Quyết định 14/2024/QĐ-UBND tỉnh, Điều 8",
        valid_from=dt.date(2024, 1, 1),
    )


def test_cstdcs_over_15_percent_of_the_rounds_advanced_workers_is_blocked(
    world, round_2025, provincial_quota
):
    nominate(world, round_2025, "advanced_worker", world.hoa, world.an)
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    quota = guards_of(fighter)["quota"]
    assert quota.blocking and quota.cite == "Quyết định 14/2024/QĐ-UBND tỉnh, Điều 8"
    assert "Đợt có 1 đề nghị «Chiến sĩ thi đua cơ sở», vượt hạn mức 0" in quota.text
    assert "15 % của 2 người đạt Lao động tiên tiến năm 2025" in quota.text
    # five more people already hold LĐTT for 2025: 15 % of 7 allows one
    for i in range(5):
        person = make_person(unit=world.hosp_a, full_name=f"Vũ Văn Tâm {i}", serial=40 + i, gender="male")
        records.award_record(actor=None, person=person, year=YEAR, candidate="advanced_worker")
    assert "quota" not in guards_of(fighter)
    (check,) = [
        q for q in round_quotas(round_2025, as_of=TODAY) if q.candidate == "grassroots_emulation_fighter"
    ]
    assert (check.count, check.cap, check.base) == (1, 1, 7)


def test_a_quota_of_another_unit_does_not_apply(world, round_2025):
    quota_create(
        actor=world.so_officer,
        unit=world.hosp_b,
        candidate="grassroots_emulation_fighter",
        share=Decimal("0.1"),
        base="staff",
        cite="Quy chế thi đua Bệnh viện B",
        valid_from=dt.date(2024, 1, 1),
    )
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    assert "quota" not in guards_of(fighter)


def test_a_unit_head_sets_a_quota_for_the_unit_on_its_staff(world, round_2025):
    quota_create(
        actor=world.unit_head,
        unit=world.hosp_a,
        candidate="commendation_certificate",
        share=Decimal("0.2"),
        base="staff",
        cite="Quy chế thi đua Bệnh viện A, Điều 6",
        valid_from=dt.date(2025, 1, 1),
    )
    nominate(world, round_2025, "commendation_certificate", world.hoa, world.an, reasons={})
    (check,) = round_quotas(round_2025, as_of=TODAY)
    assert (check.count, check.base, check.cap, check.exceeded) == (2, 2, 0, True)
    with pytest.raises(ApplicationError, match="không có quyền đặt hạn mức"):
        quota_create(
            actor=world.unit_head,
            unit=world.hosp_b,
            candidate="commendation_certificate",
            share=Decimal("0.2"),
            base="staff",
            cite="x",
            valid_from=dt.date(2025, 1, 1),
        )


def test_the_old_national_cap_applies_to_a_2023_round_with_its_decree(world):
    round = open_round(world, year=2023, name="Bình xét năm 2023")
    (law,) = round_quotas(round, as_of=dt.date(2023, 12, 20))
    assert (law.candidate, law.share) == ("grassroots_emulation_fighter", Decimal("0.15"))
    assert law.cite == "Nghị định 91/2017/NĐ-CP, Điều 9, khoản 3"
    assert round_quotas(open_round(world), as_of=TODAY) == []  # no national cap since 2024


# -- the same nominee or initiative twice in the year --------------------------------------------------------


def test_the_same_title_proposed_by_another_unit_in_the_year_is_blocked(year_2025):
    world = year_2025
    eligibility_recompute(unit=world.so, year=YEAR, as_of=TODAY)
    so_round = open_round(world, unit=world.so, actor=world.so_officer, name="Khen thưởng của Sở năm 2025")
    nominate(world, so_round, "advanced_worker", world.hoa, actor=world.so_officer)
    (n,) = nominate(world, open_round(world), "advanced_worker", world.hoa)
    duplicate = guards_of(n)["duplicate_candidate"]
    assert duplicate.blocking and duplicate.cite == LAW_ART_5_2
    assert "Khen thưởng của Sở năm 2025" in duplicate.text and "Sở Y tế Thử nghiệm" in duplicate.text


def test_a_title_already_conferred_for_the_year_is_blocked(round_2025, world):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    records.award_record(actor=None, person=world.hoa, year=YEAR, candidate="advanced_worker")
    assert "Đã được tặng «Lao động tiên tiến» năm 2025" in guards_of(n)["duplicate_candidate"].text


def test_the_same_person_for_another_title_needs_an_acknowledged_reason(login, round_2025, world):
    (worker,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    guard = guards_of(worker)["duplicate_person"]
    assert not guard.blocking and guard.cite == LAW_ART_5_2
    assert "Chiến sĩ thi đua cơ sở" in guard.text
    codes, message = refused_codes(world, worker)
    assert codes == {"duplicate_person"} and "Cần xác nhận cảnh báo" in message
    client = login("unit_officer")
    response = client.post(
        reverse("nominations:acknowledge", args=[worker.pk]),
        {"code": "duplicate_person", "reason": "LĐTT là điều kiện để xét CSTĐCS"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_type="nominations.guardacknowledgement")
    assert (entry.actor, entry.reason) == (world.unit_officer, "LĐTT là điều kiện để xét CSTĐCS")
    submitted = nomination_submit(actor=world.unit_officer, nomination=worker, today=TODAY)
    (frozen,) = [g for g in submitted.snapshots.get().guards if g["code"] == "duplicate_person"]
    assert frozen["acknowledged"]["reason"] == "LĐTT là điều kiện để xét CSTĐCS"
    assert fighter.status == "draft"


def test_an_acknowledgement_lapses_when_the_warning_changes(round_2025, world):
    (worker,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    guard_acknowledge(
        actor=world.unit_officer,
        nomination=worker,
        code="duplicate_person",
        reason="Đúng quy định",
        today=TODAY,
    )
    assert "duplicate_person" not in {g.code for g in _unacknowledged(worker)}
    nominate(world, round_2025, "commendation_certificate", world.hoa)
    assert "duplicate_person" in {g.code for g in _unacknowledged(worker)}


def _unacknowledged(nomination):
    return _assessment(nomination).unacknowledged


def test_a_blocking_guard_cannot_be_acknowledged_away(round_2025, world):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    records.award_record(actor=None, person=world.hoa, year=YEAR, candidate="advanced_worker")
    with pytest.raises(ApplicationError, match="không thể bỏ qua"):
        guard_acknowledge(
            actor=world.unit_officer, nomination=n, code="duplicate_candidate", reason="x", today=TODAY
        )


def test_the_same_initiative_for_two_awards_of_the_year_is_flagged(round_2025, world):
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    (certificate,) = nominate(
        world,
        round_2025,
        "provincial_merit_certificate",
        world.hoa,
        reasons={world.hoa.pk: "Sáng kiến được áp dụng toàn tỉnh"},
    )
    assert [a.title for a in fighter.achievements.all()] == ["Bảng kiểm an toàn người bệnh trước phẫu thuật"]
    guard = guards_of(fighter)["duplicate_initiative"]
    assert not guard.blocking and guard.verified is False
    assert guard.cite.startswith("Công văn 5007/BNV-TĐKT")
    assert (
        "«Bảng kiểm an toàn người bệnh trước phẫu thuật» cũng là căn cứ của đề nghị «Bằng khen" in guard.text
    )
    assert "duplicate_initiative" in guards_of(certificate)


# -- reviews and discipline ----------------------------------------------------------------------------------


def test_a_nominee_under_review_is_blocked(round_2025, world):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    review = records.review_open(
        actor=None, person=world.hoa, reason="Đơn khiếu nại đang xác minh", start=dt.date(2026, 10, 1)
    )
    guard = guards_of(n)["under_review"]
    assert guard.blocking and "Đơn khiếu nại đang xác minh" in guard.text
    assert guard.cite == "Luật Thi đua, khen thưởng 2022, Điều 5; Nghị định 152/2025/NĐ-CP, Điều 4"
    records.review_close(actor=None, review=review, end=dt.date(2026, 11, 1))
    assert "under_review" not in guards_of(n)


def test_a_collective_under_review_is_blocked(year_2025):
    world = year_2025
    records.collective_rating_set(actor=None, unit=world.ward_a, year=YEAR, rating="good")
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    (n,) = nominate(
        world, open_round(world), "advanced_collective", world.ward_a, reasons={world.ward_a.pk: "x"}
    )
    records.review_open(actor=None, unit=world.ward_a, reason="Thanh tra có dấu hiệu vi phạm", start=TODAY)
    assert guards_of(n)["under_review"].blocking


def test_a_running_discipline_blocks_and_one_in_the_year_blocks_merit(round_2025, world):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    records.discipline_create(
        actor=None, person=world.hoa, level="reprimand", start=dt.date(2025, 3, 1), end=dt.date(2025, 9, 1)
    )
    guard = guards_of(n)["discipline"]
    assert "thành tích năm 2025 chỉ được tính từ khi hết thời hạn kỷ luật" in guard.text
    assert guard.cite == "Nghị định 152/2025/NĐ-CP, Điều 4"
    records.discipline_create(actor=None, person=world.hoa, level="warning", start=dt.date(2026, 6, 1))
    texts = [g.text for g in _all(n) if g.code == "discipline"]
    assert any("Đang trong thời gian thi hành kỷ luật «Cảnh cáo»" in t for t in texts)


def _all(nomination):
    return _assessment(nomination).guards


# -- awards that do not count, lateness, the engine's verdict ---------------------------------------------


def test_an_extraordinary_award_is_not_counted_toward_a_merit_award(round_2025, world):
    records.award_record(
        actor=None,
        person=world.hoa,
        year=2024,
        candidate="provincial_merit_certificate",
        category="extraordinary",
        decision_number="77/QĐ-UBND",
    )
    (n,) = nominate(
        world, round_2025, "prime_minister_merit_certificate", world.hoa, reasons={world.hoa.pk: "Đề nghị"}
    )
    guard = guards_of(n)["not_counted_toward_merit"]
    assert not guard.blocking
    assert "Bằng khen cấp bộ, ban, ngành, tỉnh (đột xuất) năm 2024" in guard.text
    assert guard.cite == "Luật Thi đua, khen thưởng 2022, Điều 5; Nghị định 152/2025/NĐ-CP, Điều 4"


def test_a_thematic_round_needs_no_engine_verdict(round_2025, world):
    round = open_round(
        world, category="thematic", occasion="Phong trào «Vì sức khỏe cộng đồng»", name="Chuyên đề"
    )
    (n,) = nominate(world, round, "commendation_certificate", world.an, category="thematic")
    assert (n.is_exception, n.verdict_at_creation) == (False, "")
    assert "eligibility" not in guards_of(n)


def test_a_draft_submitted_after_the_deadline_needs_a_reason(world, year_2025):
    round = open_round(world, deadline=dt.date(2026, 11, 1))
    (n,) = nominate(world, round, "advanced_worker", world.hoa)
    late = guards_of(n)["late"]
    assert not late.blocking and "01/11/2026" in late.text


def test_a_nominee_the_engine_no_longer_finds_eligible_is_blocked_until_made_an_exception(round_2025, world):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    assert n.is_exception is False
    records.rating_set(actor=None, person=world.hoa, year=YEAR, rating="failed", unit=world.hosp_a)
    guard = guards_of(n)["eligibility"]
    assert (
        guard.blocking and "«Chưa đủ điều kiện»" in guard.text and "Không hoàn thành nhiệm vụ" in guard.text
    )
    assert guard.cite.startswith("Luật Thi đua, khen thưởng 2022, Điều 24")
    nomination_mark_exception(
        actor=world.unit_officer, nomination=n, reason="Được Hội đồng xem xét lại xếp loại"
    )
    assert "eligibility" not in guards_of(n)
    assert nomination_submit(actor=world.unit_officer, nomination=n, today=TODAY).is_exception
