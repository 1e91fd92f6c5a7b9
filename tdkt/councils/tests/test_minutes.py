"""meeting_minutes_data: everything the minutes need, read back from a meeting that was held."""

import pytest

from tdkt.councils import services
from tdkt.councils.models import AttendanceStatus, Ballot
from tdkt.councils.selectors import meeting_minutes_data

pytestmark = pytest.mark.django_db


def test_the_minutes_hold_attendance_conflicts_tallies_and_results_with_their_citation(
    council_world, attend, django_assert_max_num_queries
):
    cw = council_world
    attend(*cw.everyone[:5], cw.secretary)
    attend(cw.everyone[5], status=AttendanceStatus.WRITTEN)
    services.conflict_declare(
        actor=cw.vice.user, item=cw.hoa_item, member=cw.vice, reason="relative", detail="em gái"
    )
    hoa = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    for m in (cw.chair, *cw.members[:3], cw.secretary):
        services.ballot_cast(actor=m.user, ballot=hoa, choice="agree")
    services.ballot_record_written(
        actor=cw.secretary_user, ballot=hoa, member=cw.everyone[5], choice="disagree"
    )
    services.ballot_close(actor=cw.secretary_user, ballot=hoa)
    services.meeting_close(actor=cw.secretary_user, meeting=cw.meeting)

    with django_assert_max_num_queries(5):
        data = meeting_minutes_data(cw.meeting)

    assert (data.council, data.unit) == (cw.council.name, "Bệnh viện Đa khoa A")
    assert (data.meeting_title, data.place, data.status) == (
        "Họp xét khen thưởng năm 2025",
        "Hội trường A",
        "closed",
    )
    assert (data.chair, data.secretary) == ("unit_head", "Thuky")
    assert (data.members_count, data.present_count, data.written_count, data.absent_count) == (7, 6, 1, 0)
    assert data.quorum_met and data.quorum_required == 5
    assert [(m.name, m.role_label, m.attendance_label) for m in data.members][:2] == [
        ("unit_head", "Chủ tịch", "Có mặt"),
        ("Uyvien1", "Phó Chủ tịch", "Có mặt"),
    ]
    voted, never = data.items
    assert [(c.member, c.reason_label, c.detail) for c in voted.conflicts] == [
        ("Uyvien1", "là người thân của người được đề nghị", "em gái")
    ]
    assert (voted.agree, voted.disagree, voted.abstain, voted.voters, voted.written_voters) == (5, 1, 0, 6, 1)
    # 7 members, 1 conflicted: base 6, 80 % → 5 agree needed
    assert (voted.base, voted.required, voted.passed, voted.tally_withheld) == (6, 5, True, False)
    assert voted.base_label == "tổng số thành viên Hội đồng" and voted.pass_share == "4/5"
    assert "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7" in voted.cite and voted.verified is False
    assert voted.text == "5/6 phiếu đồng ý; cần từ 80% tổng số thành viên Hội đồng (6): ít nhất 5 phiếu"
    assert (never.subject_label, never.candidate_label, never.status) == (
        "Khoa Nội",
        "Tập thể lao động tiên tiến",
        "pending",
    )
    assert (never.agree, never.passed, never.text) == (None, None, "")


def test_the_minutes_give_only_pass_or_not_below_three_voters(council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    ward = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.ward_item))
    services.ballot_cast(actor=cw.chair.user, ballot=ward, choice="agree")
    services.ballot_cast(actor=cw.vice.user, ballot=ward, choice="agree")
    services.ballot_close(actor=cw.secretary_user, ballot=ward)
    (_, item) = meeting_minutes_data(cw.meeting).items
    assert (item.tally_withheld, item.agree, item.disagree, item.voters, item.passed) == (
        True,
        None,
        None,
        2,
        False,
    )
    # TTLĐTT has no legal share: more than half of the 7 members
    assert item.text == "Cần quá 50% tổng số thành viên Hội đồng (7): ít nhất 4 phiếu"


def test_the_minutes_of_a_scheduled_meeting_show_no_result(council_world):
    data = meeting_minutes_data(council_world.meeting)
    assert data.status == "scheduled" and not data.quorum_met and data.present_count == 0
    assert all(i.status == "pending" and i.passed is None for i in data.items)
