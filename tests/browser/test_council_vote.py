"""A council meeting in a real Chromium: the secretary records attendance and opens the ballot on a desktop,
members vote from their phones, the secretary closes the ballot and reads the result with its citation."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tdkt.councils import services
from tdkt.councils.models import BallotParticipation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture
def hospital_council(world, django_user_model):
    secretary = django_user_model.objects.create_user(
        username="thuky", password=world.password, first_name="Lan", last_name="Phạm Thị"
    )
    members = [
        django_user_model.objects.create_user(
            username=f"uyvien{i}", password=world.password, first_name=f"Ủy viên {i}"
        )
        for i in range(1, 4)
    ]
    council = services.council_create(
        actor=None,
        unit=world.hosp_a,
        name="Hội đồng TĐKT Bệnh viện Đa khoa A",
        term_start=dt.date(2025, 1, 1),
    )
    services.council_member_add(actor=None, council=council, user=world.unit_head, role="chair")
    services.council_member_add(actor=None, council=council, user=world.council_member, role="member")
    for user in members:
        services.council_member_add(actor=None, council=council, user=user, role="member")
    services.council_member_add(actor=None, council=council, user=secretary, role="secretary")
    meeting = services.meeting_create(
        actor=secretary,
        council=council,
        title="Họp xét khen thưởng năm 2025",
        date=dt.date(2025, 12, 20),
        place="Hội trường",
    )
    services.meeting_add_items(
        meeting=meeting,
        actor=secretary,
        items=[
            services.AgendaItemSpec(
                candidate="grassroots_emulation_fighter",
                subject_label=world.hoa.full_name,
                subject_unit_label="Khoa Nội",
                target=world.hoa,
                subject_person=world.hoa,
            )
        ],
    )
    return meeting, [world.unit_head, world.council_member, *members, secretary]


def test_members_vote_from_their_phones_and_the_secretary_reads_the_result(
    browser, live_server, world, hospital_council, artifacts
):
    meeting, users = hospital_council
    desk = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    desk.on("dialog", lambda dialog: dialog.accept())
    _log_in(desk, live_server, "thuky", world.password)
    desk.goto(f"{live_server.url}/councils/meetings/{meeting.pk}/")
    for user in users[:5]:
        row = desk.locator(f"tr[data-member='{user.username}']")
        row.get_by_role("combobox").select_option("present")
        row.get_by_role("button", name="Ghi").click()
        expect(desk.locator(f"tr[data-member='{user.username}']")).to_have_attribute(
            "data-attendance", "present"
        )
    expect(desk.locator("#quorum")).to_contain_text("Phiên họp đủ số thành viên theo quy định")
    desk.get_by_role("button", name="Mở phiếu").click()
    expect(desk.locator("#agenda")).to_contain_text("Đã có 0/5 thành viên bỏ phiếu")
    desk.screenshot(path=artifacts / "council-meeting-open.png", full_page=True)

    phone = browser.new_page(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    phone.on("dialog", lambda dialog: dialog.accept())
    for i, user in enumerate(users[:4]):
        phone.context.clear_cookies()
        _log_in(phone, live_server, user.username, world.password)
        if i == 0:  # the first finds the way from the home page
            phone.locator(".tiles").get_by_role("link", name="Hội đồng").click()
            phone.get_by_role("link", name="Phiếu của tôi").click()
        else:
            phone.goto(f"{live_server.url}/councils/vote/")
        card = phone.locator("article.ballot").first
        expect(card).to_contain_text("Nguyễn Thị Hoa")
        if i == 0:
            phone.screenshot(path=artifacts / "council-vote-phone.png", full_page=True)
        card.get_by_role("button", name="Đồng ý", exact=True).click()
        expect(phone.locator("article.ballot").first).to_contain_text("Bạn đã bỏ phiếu")
        expect(phone.locator(".messages")).to_contain_text("Phiếu của bạn đã được ghi nhận")
        expect(phone.locator("article.ballot").first.get_by_role("button")).to_have_count(0)
    phone.screenshot(path=artifacts / "council-voted-phone.png", full_page=True)
    assert BallotParticipation.objects.count() == 4

    desk.reload()
    expect(desk.locator("#agenda")).to_contain_text("Đã có 4/5 thành viên bỏ phiếu")
    desk.get_by_role("button", name="Đóng phiếu và kiểm phiếu").click()
    result = desk.locator("#agenda .result")
    expect(result).to_contain_text("Không thông qua")  # 4 of 6 members: 80 % needs 5
    expect(result).to_contain_text(
        "4/6 phiếu đồng ý; cần từ 80% tổng số thành viên Hội đồng (6): ít nhất 5 phiếu"
    )
    expect(result).to_contain_text("Đồng ý 4 · không đồng ý 0 · không có ý kiến 0")
    expect(result).to_contain_text("Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7")
    desk.screenshot(path=artifacts / "council-meeting-result.png", full_page=True)
    phone.close()
    desk.close()
