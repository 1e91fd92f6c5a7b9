"""The secret ballot through the services: quorum, conflicts, one vote each, sealed results, thresholds at
their boundary on both bases, written votes, the tally withheld below three voters, and the result hook."""

import pytest

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.councils import hooks, services
from tdkt.councils.models import AttendanceStatus, Ballot, BallotParticipation, BallotStatus, ConflictReason
from tdkt.law.council import PRESENT, council_rules
from tdkt.law.parameters import Value

pytestmark = pytest.mark.django_db


def ballot_of(item):
    return Ballot.objects.get(item=item)


def cast(member, item, choice):
    services.ballot_cast(actor=member.user, ballot=ballot_of(item), choice=choice)


def open_(cw, item):
    return services.ballot_open(actor=cw.secretary_user, ballot=ballot_of(item))


def close(cw, item):
    return services.ballot_close(actor=cw.secretary_user, ballot=ballot_of(item))


def test_a_ballot_does_not_open_without_a_quorum(council_world, attend):
    cw = council_world
    attend(*cw.everyone[:4])  # 4 of 7: two thirds is 5
    with pytest.raises(ApplicationError, match=r"có mặt 4/7, cần ít nhất 5"):
        open_(cw, cw.hoa_item)
    attend(cw.everyone[4])
    assert open_(cw, cw.hoa_item).status == BallotStatus.OPEN


def test_only_the_secretary_opens_and_closes(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    with pytest.raises(ApplicationError, match="thư ký"):
        services.ballot_open(actor=cw.chair.user, ballot=ballot_of(cw.hoa_item))
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="thư ký"):
        services.ballot_close(actor=cw.chair.user, ballot=ballot_of(cw.hoa_item))


def test_a_member_votes_once(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    cast(cw.chair, cw.hoa_item, "agree")
    with pytest.raises(ApplicationError, match="đã bỏ phiếu"):
        cast(cw.chair, cw.hoa_item, "disagree")
    assert BallotParticipation.objects.filter(member=cw.chair).count() == 1


def test_the_unique_constraint_refuses_a_second_vote_that_slipped_past_the_check(
    council_world, attend, monkeypatch
):
    """Two requests checked at once both see "not voted"; the database lets only one row in."""
    cw = council_world
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    cast(cw.chair, cw.hoa_item, "agree")
    real_filter = BallotParticipation.objects.filter

    class Stale:
        def exists(self):
            return False

    monkeypatch.setattr(BallotParticipation.objects, "filter", lambda *a, **k: Stale())
    with pytest.raises(ApplicationError, match="đã bỏ phiếu"):
        cast(cw.chair, cw.hoa_item, "agree")
    monkeypatch.setattr(BallotParticipation.objects, "filter", real_filter)
    result = close(cw, cw.hoa_item)
    assert result.voters == 1


def test_absent_members_and_those_outside_the_council_cannot_vote(council_world, attend, world):
    cw = council_world
    attend(*cw.everyone[:5])
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="có mặt"):
        cast(cw.everyone[5], cw.hoa_item, "agree")
    with pytest.raises(ApplicationError, match="không phải thành viên"):
        services.ballot_cast(actor=world.staff, ballot=ballot_of(cw.hoa_item), choice="agree")
    with pytest.raises(ApplicationError, match="Lựa chọn"):
        cast(cw.chair, cw.hoa_item, "maybe")


def test_a_closed_or_unopened_ballot_takes_no_vote(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    with pytest.raises(ApplicationError, match="không mở"):
        cast(cw.chair, cw.hoa_item, "agree")
    open_(cw, cw.hoa_item)
    close(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="không mở"):
        cast(cw.chair, cw.hoa_item, "agree")


def test_a_conflicted_member_is_excluded_from_that_item_only(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    member = cw.members[0]
    conflict = services.conflict_declare(
        actor=member.user, item=cw.hoa_item, member=member, reason=ConflictReason.RELATIVE, detail="chị gái"
    )
    open_(cw, cw.hoa_item)
    open_(cw, cw.ward_item)
    with pytest.raises(ApplicationError, match="xung đột lợi ích"):
        cast(member, cw.hoa_item, "agree")
    cast(member, cw.ward_item, "agree")  # the other item is theirs to vote on
    others = [m for m in cw.everyone if m != member]
    for m in others:
        cast(m, cw.hoa_item, "agree")
    result = close(cw, cw.hoa_item)
    # 7 members, 1 conflicted: base 6, 80 % of 6 = 4.8 → 5
    assert (result.base, result.required, result.agree, result.passed) == (6, 5, 6, True)
    entry = AuditEntry.objects.get(object_type="councils.conflictdeclaration", object_id=str(conflict.pk))
    assert entry.actor == member.user and entry.changes["reason"] == [None, "relative"]


def test_conflicts_are_declared_before_the_ballot_opens_and_by_the_member_or_the_secretary(
    council_world, attend
):
    cw = council_world
    attend(*cw.everyone)
    member = cw.members[1]
    with pytest.raises(ApplicationError, match="Chỉ thành viên đó"):
        services.conflict_declare(actor=cw.chair.user, item=cw.hoa_item, member=member, reason="relative")
    with pytest.raises(ApplicationError, match="ghi rõ"):
        services.conflict_declare(actor=member.user, item=cw.hoa_item, member=member, reason="other")
    declared = services.conflict_declare(
        actor=cw.secretary_user, item=cw.hoa_item, member=member, reason=ConflictReason.HEAD
    )
    with pytest.raises(ApplicationError, match="đã khai"):
        services.conflict_declare(actor=member.user, item=cw.hoa_item, member=member, reason="relative")
    services.conflict_withdraw(actor=member.user, conflict=declared)
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="đã mở"):
        services.conflict_declare(actor=member.user, item=cw.hoa_item, member=member, reason="relative")


def test_a_member_who_is_the_nominee_is_excluded_when_the_ballot_opens(council_world, attend, world):
    cw = council_world
    hoa = services.council_member_add(
        actor=world.unit_officer, council=cw.council, user=world.staff, role="member"
    )
    attend(*cw.everyone, hoa)
    open_(cw, cw.hoa_item)
    assert hoa.conflicts.get(item=cw.hoa_item).reason == ConflictReason.NOMINEE
    with pytest.raises(ApplicationError, match="xung đột lợi ích"):
        services.ballot_cast(actor=world.staff, ballot=ballot_of(cw.hoa_item), choice="agree")


def test_results_are_sealed_until_the_ballot_closes(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    boxes = {bytes(ballot_of(cw.hoa_item).sealed)}
    for m in cw.everyone[:3]:
        cast(m, cw.hoa_item, "agree")
        boxes.add(bytes(ballot_of(cw.hoa_item).sealed))
    assert len(boxes) == 4 and len({len(b) for b in boxes}) == 1  # every state differs, same size
    ballot = ballot_of(cw.hoa_item)
    assert (ballot.agree, ballot.voters, ballot.passed) == (None, None, None)
    with pytest.raises(ApplicationError, match="niêm phong"):
        services.ballot_result_of(ballot)
    result = close(cw, cw.hoa_item)
    assert (result.agree, result.disagree, result.abstain, result.voters) == (3, 0, 0, 3)
    assert ballot_of(cw.hoa_item).sealed is None


@pytest.mark.parametrize(("agree", "passed"), [(6, True), (5, False)])
def test_cstdcs_needs_eighty_percent_of_all_seven_members(council_world, attend, agree, passed):
    cw = council_world
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    for i, m in enumerate(cw.everyone):
        cast(m, cw.hoa_item, "agree" if i < agree else "disagree")
    result = close(cw, cw.hoa_item)
    assert (result.required, result.base, result.passed) == (6, 7, passed)
    assert result.pass_share == "4/5" and result.pass_base == "all_members"
    assert "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7" in result.cite and result.verified is False


def test_an_absent_member_counts_against_on_the_whole_membership(council_world, attend):
    cw = council_world
    attend(*cw.everyone[:6])  # one absent: 6 agree of 7 still passes; 5 do not
    open_(cw, cw.hoa_item)
    for m in cw.everyone[:5]:
        cast(m, cw.hoa_item, "agree")
    result = close(cw, cw.hoa_item)
    assert (result.agree, result.required, result.passed) == (5, 6, False)
    assert "5/7 phiếu đồng ý" in result.text


def present_base(item):
    value = Value(
        name="council.pass_base",
        value=PRESENT,
        since=item.meeting.date,
        cite="Quy chế BVA, Điều 8",
        verified=True,
    )
    return council_rules(item.candidate, item.meeting.date, overrides={"council.pass_base": value})


def test_on_the_members_present_base_the_absent_do_not_count(council_world, attend, monkeypatch):
    cw = council_world
    monkeypatch.setattr(services, "_rules", present_base)
    attend(*cw.everyone[:5])
    open_(cw, cw.hoa_item)
    for i, m in enumerate(cw.everyone[:5]):
        cast(m, cw.hoa_item, "agree" if i < 4 else "abstain")
    result = close(cw, cw.hoa_item)
    # 80 % of the 5 present = 4
    assert (result.base, result.required, result.agree, result.passed) == (5, 4, 4, True)
    assert result.cite.endswith("Quy chế BVA, Điều 8")


def test_the_secretary_records_written_votes_of_absent_members(council_world, attend):
    cw = council_world
    attend(*cw.everyone[:5])
    attend(*cw.everyone[5:6], status=AttendanceStatus.WRITTEN)
    open_(cw, cw.hoa_item)
    writer, absent = cw.everyone[5], cw.everyone[6]
    with pytest.raises(ApplicationError, match="thư ký"):
        services.ballot_record_written(
            actor=cw.chair.user, ballot=ballot_of(cw.hoa_item), member=writer, choice="agree"
        )
    with pytest.raises(ApplicationError, match="văn bản"):
        services.ballot_record_written(
            actor=cw.secretary_user, ballot=ballot_of(cw.hoa_item), member=absent, choice="agree"
        )
    with pytest.raises(ApplicationError, match="văn bản"):
        services.ballot_record_written(
            actor=cw.secretary_user, ballot=ballot_of(cw.hoa_item), member=cw.chair, choice="agree"
        )
    services.ballot_record_written(
        actor=cw.secretary_user, ballot=ballot_of(cw.hoa_item), member=writer, choice="agree"
    )
    with pytest.raises(ApplicationError, match="đã bỏ phiếu"):
        services.ballot_record_written(
            actor=cw.secretary_user, ballot=ballot_of(cw.hoa_item), member=writer, choice="agree"
        )
    for m in cw.everyone[:5]:
        cast(m, cw.hoa_item, "agree")
    result = close(cw, cw.hoa_item)
    assert (result.voters, result.written_voters, result.agree, result.passed) == (6, 1, 6, True)
    written = BallotParticipation.objects.get(member=writer)
    assert (written.method, written.recorded_by) == ("written", cw.secretary_user)


def test_written_votes_are_refused_when_only_those_present_count(council_world, attend, monkeypatch):
    cw = council_world
    monkeypatch.setattr(services, "_rules", present_base)
    attend(*cw.everyone[:5])
    attend(cw.everyone[5], status=AttendanceStatus.WRITTEN)
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="Quy chế BVA, Điều 8"):
        services.ballot_record_written(
            actor=cw.secretary_user, ballot=ballot_of(cw.hoa_item), member=cw.everyone[5], choice="agree"
        )


def test_below_three_voters_only_pass_or_not_is_kept(council_world, attend, monkeypatch):
    cw = council_world
    monkeypatch.setattr(services, "_rules", present_base)
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    cast(cw.chair, cw.hoa_item, "agree")
    cast(cw.vice, cw.hoa_item, "disagree")
    result = close(cw, cw.hoa_item)
    ballot = ballot_of(cw.hoa_item)
    assert (ballot.agree, ballot.disagree, ballot.abstain) == (None, None, None)
    assert (result.agree, result.voters, result.passed) == (None, 2, False)
    assert result.text.startswith("Cần từ 80%") and "1/" not in result.text
    entry = AuditEntry.objects.filter(object_type="councils.ballot").first()
    assert "agree" not in entry.changes and entry.changes["passed"] == [None, False]  # nor in the audit log


def test_attendance_does_not_change_while_a_ballot_is_open(council_world, attend):
    cw = council_world
    attend(*cw.everyone[:5])
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="phiếu mở"):
        attend(cw.everyone[5])
    with pytest.raises(ApplicationError, match="Còn phiếu"):
        services.meeting_close(actor=cw.secretary_user, meeting=cw.meeting)
    close(cw, cw.hoa_item)
    attend(cw.everyone[5])
    services.meeting_close(actor=cw.secretary_user, meeting=cw.meeting)
    with pytest.raises(ApplicationError, match="đã kết thúc"):
        open_(cw, cw.ward_item)


def test_the_object_voted_on_is_told_the_result(council_world, attend, world):
    cw = council_world
    told = []

    def handler(*, obj, result, actor):
        told.append((obj, result.passed, result.candidate, actor))

    hooks.on_ballot_closed("people.person")(handler)
    try:
        attend(*cw.everyone)
        open_(cw, cw.hoa_item)
        for m in cw.everyone:
            cast(m, cw.hoa_item, "agree")
        result = close(cw, cw.hoa_item)
    finally:
        hooks.unregister("people.person")
    assert told == [(world.hoa, True, "grassroots_emulation_fighter", cw.secretary_user)]
    assert (result.object_label, result.object_id) == ("people.person", str(world.hoa.pk))


def test_a_handler_that_refuses_keeps_the_ballot_open(council_world, attend):
    cw = council_world

    @hooks.on_ballot_closed("org.unit")
    def refuse(*, obj, result, actor):
        raise ApplicationError("Đề nghị đã bị rút.")

    try:
        attend(*cw.everyone)
        open_(cw, cw.ward_item)
        cast(cw.chair, cw.ward_item, "agree")
        with pytest.raises(ApplicationError, match="bị rút"):
            close(cw, cw.ward_item)
    finally:
        hooks.unregister("org.unit")
    ballot = ballot_of(cw.ward_item)
    assert ballot.status == BallotStatus.OPEN and ballot.sealed is not None
    assert close(cw, cw.ward_item).voters == 1  # without the handler it closes


def test_a_second_handler_for_the_same_model_is_refused():
    def first(**kwargs):
        pass

    hooks.on_ballot_closed("people.person")(first)
    try:
        with pytest.raises(ValueError, match="already"):
            hooks.on_ballot_closed("people.person")(lambda **kwargs: None)
    finally:
        hooks.unregister("people.person")


def test_the_same_object_and_candidate_is_not_put_twice_on_the_agenda(council_world, world):
    cw = council_world
    spec = services.AgendaItemSpec(
        candidate="grassroots_emulation_fighter", subject_label="Nguyễn Thị Hoa", target=world.hoa
    )
    with pytest.raises(ApplicationError, match="đã có trong chương trình"):
        services.meeting_add_items(meeting=cw.meeting, items=[spec], actor=cw.secretary_user)
    with pytest.raises(ApplicationError, match="Nội dung thứ 2"):
        services.meeting_add_items(
            meeting=cw.meeting,
            actor=cw.secretary_user,
            items=[
                services.AgendaItemSpec(candidate="advanced_worker", subject_label="Trần Văn An"),
                services.AgendaItemSpec(candidate="hero", subject_label="Lê Thị Bình"),
            ],
        )
    assert cw.meeting.items.count() == 2  # nothing half-written


def test_removing_an_item_is_possible_only_before_its_ballot_opens(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    open_(cw, cw.hoa_item)
    with pytest.raises(ApplicationError, match="đã mở phiếu"):
        services.meeting_item_remove(actor=cw.secretary_user, item=cw.hoa_item)
    services.meeting_item_remove(actor=cw.secretary_user, item=cw.ward_item)
    assert list(cw.meeting.items.all()) == [cw.hoa_item]


def test_a_collective_title_is_not_put_to_the_vote_for_a_person(council_world):
    cw = council_world
    spec = services.AgendaItemSpec(candidate="excellent_collective", subject_label="Nguyễn Văn Bình")
    with pytest.raises(ApplicationError, match="Tập thể lao động xuất sắc không xét cho cá nhân"):
        services.meeting_add_items(meeting=cw.meeting, items=[spec], actor=cw.secretary_user)
    spec = services.AgendaItemSpec(
        candidate="advanced_worker", subject_label="Khoa Ngoại", subject_kind="collective"
    )
    with pytest.raises(ApplicationError, match="không xét cho tập thể"):
        services.meeting_add_items(meeting=cw.meeting, items=[spec], actor=cw.secretary_user)
