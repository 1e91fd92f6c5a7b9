"""Council pages through their URLs: who sees what, the secretary's controls, a member voting from the ballot
page without ever seeing their choice again, results after close, and the query budget of the meeting page."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry, RoleAssignment
from tdkt.councils import services
from tdkt.councils.models import Ballot, BallotParticipation, ConflictDeclaration, Council, MeetingItem

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def meeting_url(cw):
    return reverse("councils:meeting", args=[cw.meeting.pk])


def test_councils_are_in_the_menu_of_officers_and_members_only(client, world, council_world):
    for persona in ("so_officer", "unit_officer", "unit_head", "council_member"):
        text = as_user(client, getattr(world, persona)).get(reverse("home")).content.decode()
        assert "Hội đồng" in text, persona
    text = as_user(client, world.staff).get(reverse("home")).content.decode()
    assert reverse("councils:list") not in text
    assert as_user(client, world.staff).get(reverse("councils:list")).status_code == 404


def test_the_list_shows_the_councils_in_scope(client, world, council_world):
    text = as_user(client, world.so_officer).get(reverse("councils:list")).content.decode()
    assert council_world.council.name in text
    assert (
        as_user(client, world.outsider)
        .get(reverse("councils:list"))
        .content.decode()
        .count(council_world.council.name)
        == 0
    )


def test_a_member_of_a_council_elsewhere_sees_that_council(client, world, council_world):
    services.council_member_add(actor=None, council=council_world.council, user=world.outsider, role="member")
    response = as_user(client, world.outsider).get(
        reverse("councils:detail", args=[council_world.council.pk])
    )
    assert response.status_code == 200
    # joining gave them the council role over hospital A
    assert RoleAssignment.objects.filter(
        user=world.outsider, role="council_member", unit=world.hosp_a
    ).exists()


def test_an_officer_sets_up_a_council_and_its_members(client, world):
    client = as_user(client, world.unit_officer)
    response = client.post(
        reverse("councils:create"),
        {
            "unit": world.hosp_a.pk,
            "name": "Hội đồng TĐKT",
            "term_start": "01/01/2026",
            "term_end": "31/12/2025",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Ngày kết thúc nhiệm kỳ trước ngày bắt đầu" in text and 'value="Hội đồng TĐKT"' in text
    response = client.post(
        reverse("councils:create"),
        {
            "unit": world.hosp_a.pk,
            "name": "Hội đồng TĐKT",
            "term_start": "01/01/2026",
            "basis": "QĐ 1/QĐ-BVA",
        },
    )
    council = Council.objects.get()
    assert response.url == reverse("councils:detail", args=[council.pk])
    response = client.post(
        reverse("councils:detail", args=[council.pk]),
        {"user": world.council_member.pk, "role": "chair", "title": "Phó Giám đốc", "votes": "on"},
    )
    assert response.status_code == 302
    member = council.members.get()
    assert (member.user, member.role, member.votes) == (world.council_member, "chair", True)
    page = client.get(reverse("councils:detail", args=[council.pk])).content.decode()
    assert "Chủ tịch" in page and "Phó Giám đốc" in page and "Lịch sử thay đổi" in page


def test_a_staff_member_or_outsider_cannot_manage(client, world, council_world):
    url = reverse("councils:edit", args=[council_world.council.pk])
    assert as_user(client, world.council_member).get(url).status_code == 404
    assert as_user(client, world.outsider).get(url).status_code == 404
    assert as_user(client, world.unit_head).get(url).status_code == 404  # sees, does not set up
    assert (
        as_user(client, world.unit_head)
        .get(reverse("councils:detail", args=[council_world.council.pk]))
        .status_code
        == 200
    )


def test_the_secretary_schedules_a_meeting_and_adds_a_nominee_by_citizen_id(client, world, council_world):
    client = as_user(client, council_world.secretary_user)
    response = client.post(
        reverse("councils:meeting_create", args=[council_world.council.pk]),
        {"title": "Họp bổ sung", "date": "15/01/2026", "start_time": "14:00", "place": "Phòng họp 2"},
    )
    meeting = council_world.council.meetings.get(title="Họp bổ sung")
    assert response.url == reverse("councils:meeting", args=[meeting.pk])
    assert meeting.attendance.count() == 7
    url = reverse("councils:items_add", args=[meeting.pk])
    response = client.post(
        url, {"candidate": "advanced_worker", "subject_kind": "person", "cccd": world.binh.cccd}
    )
    assert response.status_code == 400
    assert "không có ai có số CCCD" in response.content.decode()  # Bình works at hospital B
    client.post(url, {"candidate": "advanced_worker", "subject_kind": "person", "cccd": world.hoa.cccd})
    item = MeetingItem.objects.get(meeting=meeting)
    assert (item.subject_label, item.subject_unit_label, item.subject_person) == (
        "Nguyễn Thị Hoa",
        "Khoa Nội",
        world.hoa,
    )
    assert item.target == world.hoa
    client.post(
        url, {"candidate": "excellent_collective", "subject_kind": "collective", "unit": world.ward_a.pk}
    )
    collective = MeetingItem.objects.get(meeting=meeting, subject_kind="collective")
    assert (collective.subject_label, collective.subject_unit_label) == ("Khoa Nội", world.hosp_a.name)


def test_a_meeting_runs_from_attendance_to_results(client, world, council_world):
    cw = council_world
    secretary = as_user(client, cw.secretary_user)
    writer = cw.everyone[5]
    for m in [*cw.everyone[:5], cw.secretary]:
        secretary.post(
            reverse("councils:attendance", args=[cw.meeting.pk]), {"member": m.pk, "status": "present"}
        )
    secretary.post(
        reverse("councils:attendance", args=[cw.meeting.pk]),
        {"member": writer.pk, "status": "absent_written"},
    )
    page = secretary.get(meeting_url(cw)).content.decode()
    assert (
        "Phiên họp đủ số thành viên theo quy định" in page
        and "Có mặt 6/7 thành viên biểu quyết; cần ít nhất 5" in page
    )
    ballot = Ballot.objects.get(item=cw.hoa_item)
    secretary.post(reverse("councils:ballot_open", args=[ballot.pk]))
    secretary.post(
        reverse("councils:ballot_cast", args=[ballot.pk]), {"choice": "agree"}
    )  # the secretary votes too
    secretary.post(
        reverse("councils:ballot_written", args=[ballot.pk]), {"member": writer.pk, "choice": "agree"}
    )
    for m in cw.everyone[:5]:
        response = as_user(client, m.user).post(
            reverse("councils:ballot_cast", args=[ballot.pk]), {"choice": "agree"}
        )
        assert response.status_code == 302
    page = as_user(client, cw.chair.user).get(meeting_url(cw)).content.decode()
    assert "Bạn đã bỏ phiếu" in page and "niêm phong" in page
    secretary = as_user(client, cw.secretary_user)
    secretary.post(reverse("councils:ballot_close", args=[ballot.pk]))
    page = secretary.get(meeting_url(cw)).content.decode()
    assert (
        "Thông qua" in page
        and "Đồng ý 7 · không đồng ý 0 · không có ý kiến 0 (7 phiếu, 1 phiếu bằng văn bản)" in page
    )
    assert "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7" in page and "chưa đối chiếu văn bản gốc" in page


def test_the_ballot_page_shows_open_ballots_and_never_the_choice(client, world, council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    member = as_user(client, world.council_member)
    page = member.get(reverse("councils:vote")).content.decode()
    assert "Nguyễn Thị Hoa" in page and "Không đồng ý" in page and 'value="disagree"' in page
    response = member.post(
        reverse("councils:ballot_cast", args=[ballot.pk]),
        {"choice": "disagree", "next": reverse("councils:vote")},
    )
    assert response.url == reverse("councils:vote")
    page = member.get(reverse("councils:vote")).content.decode()
    assert "Bạn đã bỏ phiếu" in page and 'value="disagree"' not in page
    assert "Phiếu của bạn đã được ghi nhận" in page
    partial = member.get(reverse("councils:vote"), headers={"HX-Request": "true", "HX-Target": "my-ballots"})
    assert partial.content.decode().lstrip().startswith('<section id="my-ballots"')
    assert "disagree" not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


def test_a_member_declares_a_conflict_from_the_meeting_page(client, world, council_world):
    cw = council_world
    member = cw.members[0]
    response = as_user(client, world.council_member).post(
        reverse("councils:conflict_declare", args=[cw.hoa_item.pk]),
        {"member": member.pk, "reason": "relative", "detail": "em họ"},
    )
    assert response.status_code == 302
    page = client.get(meeting_url(cw)).content.decode()
    assert "là người thân của người được đề nghị (em họ)" in page and "không biểu quyết nội dung này" in page
    # a member cannot declare for someone else
    as_user(client, world.council_member).post(
        reverse("councils:conflict_declare", args=[cw.ward_item.pk]),
        {"member": cw.chair.pk, "reason": "relative"},
    )
    assert not ConflictDeclaration.objects.filter(member=cw.chair).exists()


def test_the_meeting_page_suggests_the_nominees_head(client, world, council_world):
    from conftest import make_person

    head = make_person(
        unit=world.hosp_a, department=world.ward_a, full_name="Đỗ Văn Trưởng", serial=7, position="head"
    )
    world.council_member.person = head
    world.council_member.save()
    page = as_user(client, council_world.secretary_user).get(meeting_url(council_world)).content.decode()
    hint = "Gợi ý: council_member là thủ trưởng đơn vị của người được đề nghị"
    assert page.count(hint) == 2  # Hoa works in Khoa Nội, and Khoa Nội is the collective of item 2


def test_the_meeting_page_uses_a_fixed_number_of_queries(
    client, world, council_world, attend, django_assert_max_num_queries
):
    cw = council_world
    attend(*cw.everyone)
    services.conflict_declare(actor=cw.secretary_user, item=cw.hoa_item, member=cw.vice, reason="relative")
    for ballot in Ballot.objects.filter(item__meeting=cw.meeting):
        services.ballot_open(actor=cw.secretary_user, ballot=ballot)
    for m in cw.everyone[2:]:
        services.ballot_cast(actor=m.user, ballot=Ballot.objects.get(item=cw.hoa_item), choice="agree")
    services.ballot_close(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    as_user(client, cw.secretary_user)
    with django_assert_max_num_queries(18):
        assert client.get(meeting_url(cw)).status_code == 200
    more = [
        services.AgendaItemSpec(candidate="advanced_worker", subject_label=f"Người {i}") for i in range(12)
    ]
    services.meeting_add_items(meeting=cw.meeting, items=more, actor=cw.secretary_user)
    for i in range(6):
        services.council_member_add(
            actor=None,
            council=cw.council,
            user=type(world.staff).objects.create_user(username=f"them{i}", password="x"),
            role="member",
        )
    with django_assert_max_num_queries(18):
        assert client.get(meeting_url(cw)).status_code == 200


def test_votes_posted_twice_are_refused_with_a_message(client, world, council_world, attend):
    cw = council_world
    attend(*cw.everyone)
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    member = as_user(client, world.council_member)
    member.post(reverse("councils:ballot_cast", args=[ballot.pk]), {"choice": "agree"})
    member.post(reverse("councils:ballot_cast", args=[ballot.pk]), {"choice": "agree"})
    page = member.get(meeting_url(cw)).content.decode()
    assert "đã bỏ phiếu cho nội dung này" in page
    assert BallotParticipation.objects.filter(ballot=ballot).count() == 1


def test_a_member_leaves_and_loses_their_seat_in_scheduled_meetings(client, world, council_world):
    cw = council_world
    response = as_user(client, world.unit_officer).post(
        reverse("councils:member_leave", args=[cw.members[2].pk]), {"left_on": "31/12/2025"}
    )
    assert response.status_code == 302
    cw.members[2].refresh_from_db()
    assert cw.members[2].left_on == dt.date(2025, 12, 31)
    assert not cw.meeting.attendance.filter(member=cw.members[2]).exists()


def test_the_ballot_page_uses_a_fixed_number_of_queries(
    client, world, council_world, attend, django_assert_max_num_queries
):
    cw = council_world
    attend(*cw.everyone)
    for ballot in Ballot.objects.filter(item__meeting=cw.meeting):
        services.ballot_open(actor=cw.secretary_user, ballot=ballot)
    member = as_user(client, world.council_member)
    with django_assert_max_num_queries(7):
        page = member.get(reverse("councils:vote")).content.decode()
    assert page.count('class="card ballot"') == 2


def test_a_withdrawn_declaration_stays_on_the_page_and_the_member_votes_again(
    client, world, council_world, attend
):
    cw = council_world
    member = cw.members[0]
    member_client = as_user(client, world.council_member)
    member_client.post(
        reverse("councils:conflict_declare", args=[cw.hoa_item.pk]),
        {"member": member.pk, "reason": "relative", "detail": "em họ"},
    )
    conflict = ConflictDeclaration.objects.get(member=member)
    member_client.post(reverse("councils:conflict_withdraw", args=[conflict.pk]))
    page = member_client.get(meeting_url(cw)).content.decode()
    assert 'data-withdrawn="council_member"' in page and "council_member rút lúc" in page
    entries = AuditEntry.objects.filter(
        object_type="councils.conflictdeclaration", object_id=str(conflict.pk)
    )
    assert [e.action for e in entries.order_by("id")] == ["create", "update"]
    attend(*cw.everyone)
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    services.ballot_cast(actor=world.council_member, ballot=ballot, choice="agree")
    assert BallotParticipation.objects.filter(ballot=ballot, member=member).exists()
