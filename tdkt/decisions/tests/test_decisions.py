"""Issuing a decision: numbered from the register, awards recorded with their bonus, nominations decided;
immutable afterwards at the service and the database level; corrected or revoked only by a new decision."""

import datetime as dt

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.decisions import services
from tdkt.decisions.models import Decision, DecisionLine, ImmutableError
from tdkt.records.models import ConferredAward

from .conftest import ISSUE_DAY, make_draft

pytestmark = pytest.mark.django_db


def test_issuing_numbers_the_decision_records_the_awards_and_decides_the_nominations(world, approved, draft):
    hoa, an = approved
    with pytest.raises(ApplicationError, match="không có quyền ký ban hành"):
        services.decision_issue(actor=world.unit_officer, decision=draft, today=ISSUE_DAY)
    decision = services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)
    assert (decision.number, decision.symbol, decision.status) == (1, "01/QĐ-BVĐKA", "issued")
    hoa.refresh_from_db()
    an.refresh_from_db()
    assert (hoa.status, hoa.decision_number, hoa.decision_date) == ("decided", "01/QĐ-BVĐKA", ISSUE_DAY)
    assert an.status == "decided"
    lines = {line.person_id: line for line in decision.lines.select_related("award")}
    award = lines[world.hoa.pk].award
    assert award == hoa.award and (award.candidate, award.year, award.source) == (
        "grassroots_emulation_fighter",
        2025,
        "decision",
    )
    # 2,530,000 ₫ on 10/12/2026: CSTĐCS 1.0 → 2,530,000; LĐTT 0.3 → 759,000 → 760,000
    assert (lines[world.hoa.pk].amount, lines[world.an.pk].amount) == (2_530_000, 760_000)
    assert (
        AuditEntry.objects.filter(object_type="decisions.decision", object_id=str(decision.pk)).count() == 2
    )


def test_an_issued_decision_cannot_change_in_the_services(world, approved, draft):
    decision = services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)
    line = decision.lines.first()
    for attempt in (
        lambda: services.decision_add_line(
            actor=world.unit_officer, decision=decision, person=world.binh, candidate="advanced_worker"
        ),
        lambda: services.decision_remove_line(actor=world.unit_officer, line=line),
        lambda: services.decision_delete(actor=world.unit_officer, decision=decision),
        lambda: services.decision_issue(actor=world.unit_head, decision=decision, today=ISSUE_DAY),
    ):
        with pytest.raises(ApplicationError, match="đã ban hành không sửa được"):
            attempt()
    decision.title = "Sửa lén"
    with pytest.raises(ImmutableError):
        decision.save()
    line.amount = 1
    with pytest.raises(ImmutableError):
        line.save()
    with pytest.raises(ImmutableError):
        line.delete()


def _refused(sql, params):
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_database_refuses_to_change_an_issued_decision_or_its_lines(world, approved, draft):
    decision = services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)
    line = decision.lines.first()
    _refused("UPDATE decisions_decision SET title = %s WHERE id = %s", ["Sửa lén", decision.pk])
    _refused("DELETE FROM decisions_decision WHERE id = %s", [decision.pk])
    _refused("UPDATE decisions_decisionline SET amount = %s WHERE id = %s", [99, line.pk])
    _refused("DELETE FROM decisions_decisionline WHERE id = %s", [line.pk])
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        DecisionLine.objects.filter(pk=line.pk).update(amount=1)
    assert Decision.objects.get(pk=decision.pk).title == draft.title
    # a draft stays editable in the database
    other = make_draft(world)
    Decision.objects.filter(pk=other.pk).update(title="Về việc khác")
    other.delete()


def test_a_revocation_cites_article_93_links_the_original_and_revokes_the_award(world, approved, draft):
    original = services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)
    hoa_line = original.lines.get(person=world.hoa)
    with pytest.raises(ApplicationError, match="Điều 93"):
        services.amendment_create(
            actor=world.unit_officer,
            original=original,
            lines=[hoa_line],
            ground="",
            ground_detail="x",
            date=ISSUE_DAY,
            signer_name="Lê Văn Minh",
            signer_position="Giám đốc",
        )
    revocation = services.amendment_create(
        actor=world.unit_officer,
        original=original,
        lines=[hoa_line],
        ground="forged",
        ground_detail="Giấy xác nhận sáng kiến không do Hội đồng khoa học cấp",
        date=ISSUE_DAY,
        signer_name="Lê Văn Minh",
        signer_position="Giám đốc",
    )
    assert revocation.title == "Về việc hủy bỏ Quyết định số 01/QĐ-BVĐKA ngày 10/12/2026"
    revocation = services.decision_issue(actor=world.unit_head, decision=revocation, today=ISSUE_DAY)
    assert (revocation.symbol, revocation.amends) == ("02/QĐ-BVĐKA", original)
    award = ConferredAward.all_objects.get(pk=hoa_line.award_id)
    assert (award.revoked_on, award.revoked_by) == (ISSUE_DAY, "02/QĐ-BVĐKA ngày 10/12/2026")
    assert not ConferredAward.objects.filter(pk=award.pk).exists()  # no longer counts anywhere
    assert DecisionLine.objects.get(pk=hoa_line.pk).revoked_by.decision == revocation
    assert ConferredAward.objects.filter(person=world.an).count() == 1
    # the same award is not revoked twice
    with pytest.raises(ApplicationError, match="đã được đưa vào một quyết định hủy bỏ"):
        services.amendment_create(
            actor=world.unit_officer,
            original=original,
            lines=[hoa_line],
            ground="fraud",
            ground_detail="x",
            date=ISSUE_DAY,
            signer_name="Lê Văn Minh",
            signer_position="Giám đốc",
        )


def test_known_bonus_amounts_and_only_the_highest_title_is_paid(world, approved, draft):
    services.decision_add_line(
        actor=world.unit_officer, decision=draft, person=world.hoa, candidate="advanced_worker"
    )
    services.decision_add_line(
        actor=world.unit_officer, decision=draft, person=world.hoa, candidate="commendation_certificate"
    )
    services.decision_add_line(
        actor=world.unit_officer, decision=draft, unit=world.ward_a, candidate="commendation_certificate"
    )
    decision = services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)
    paid = [
        (line.name, line.candidate, line.amount, line.amount_note.split(" (")[0])
        for line in decision.lines.all()
    ]
    assert paid == [
        ("Nguyễn Thị Hoa", "grassroots_emulation_fighter", 2_530_000, ""),
        ("Trần Văn An", "advanced_worker", 760_000, ""),
        ("Nguyễn Thị Hoa", "advanced_worker", 0, "Chỉ hưởng tiền thưởng của danh hiệu cao nhất"),
        ("Nguyễn Thị Hoa", "commendation_certificate", 760_000, ""),  # a form beside a title: both
        ("Khoa Nội", "commendation_certificate", 1_520_000, ""),  # collective 0.6 → 1,518,000 → 1,520,000
    ]


def test_the_law_s_worked_example_710_000(world):
    draft = make_draft(world, date=dt.date(2024, 12, 20), award_year=2024)
    services.decision_add_line(
        actor=world.unit_officer, decision=draft, person=world.an, candidate="advanced_worker"
    )
    decision = services.decision_issue(actor=world.unit_head, decision=draft, today=dt.date(2024, 12, 20))
    assert decision.lines.get().amount == 710_000  # 0.3 × 2,340,000 = 702,000 → 710,000
