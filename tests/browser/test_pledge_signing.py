"""Pledges in a real Chromium: an officer prepares and opens a round, a nurse signs hers on a phone, the
head signs her staff's at once, the Sở sees the share; the nurse registers for a title."""

import pytest
from playwright.sync_api import expect

from tdkt.pledges.tests.factories import hospital_org, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}


def _log_in(page, live_server, world, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(world.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def test_a_round_is_prepared_signed_on_a_phone_and_followed_by_the_so(
    browser, live_server, world, django_user_model, artifacts
):
    org = hospital_org(world, django_user_model)
    movement = launch(unit=world.so)

    # the hospital's officer prepares the round and opens it
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{live_server.url}/pledges/movement/{movement.pk}/")
    page.get_by_role("link", name="Chuẩn bị đợt ký cam kết").click()
    page.get_by_label("Số CCCD của Chủ tịch Công đoàn cơ sở").fill(org.chair.cccd)
    page.get_by_role("button", name="Chuẩn bị đợt ký").click()
    expect(page.get_by_text("Khoa Ngoại: chưa có trưởng khoa hoặc phó khoa phụ trách")).to_be_visible()
    page.get_by_role("button", name="Mở cho ký").click()
    expect(page.get_by_text("Đã mở đợt ký")).to_be_visible()
    page.screenshot(path=artifacts / "pledge-round.png", full_page=True)
    page.close()

    # the nurse signs hers on a phone, from the menu
    phone = browser.new_page(**PHONE)
    _log_in(phone, live_server, world, "staff")
    phone.get_by_text("☰").click()
    phone.get_by_role("navigation", name="Trình đơn chính").get_by_role(
        "link", name="Cam kết của tôi"
    ).click()
    expect(phone.get_by_text("1 bản cam kết chờ bạn ký")).to_be_visible()
    phone.get_by_role("link", name="Nguyễn Thị Hoa").click()
    expect(phone.get_by_text("Tôi xin cam kết với Trưởng khoa, phòng", exact=False)).to_be_visible()
    phone.get_by_role("link", name="Ký cam kết").click()
    expect(phone.get_by_role("button", name="Xác nhận ký")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=artifacts / "pledge-confirm-phone.png", full_page=True)
    phone.get_by_role("button", name="Xác nhận ký").click()
    expect(phone.get_by_text("Bạn đã ký cam kết. Xin cảm ơn!")).to_be_visible()
    expect(phone.get_by_text("Bạn đã ký bản cam kết này với tư cách Người cam kết")).to_be_visible()
    phone.screenshot(path=artifacts / "pledge-signed-phone.png", full_page=True)

    # …and registers for a title
    phone.goto(f"{live_server.url}/registrations/movement/{movement.pk}/register/")
    phone.get_by_label("Danh hiệu, hình thức phấn đấu").select_option(label="Chiến sĩ thi đua cơ sở")
    phone.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(phone.get_by_text("Đã ghi nhận đăng ký của bạn.")).to_be_visible()
    expect(phone.locator("tr[data-title=grassroots_emulation_fighter]")).to_be_visible()
    phone.screenshot(path=artifacts / "registration-phone.png", full_page=True)
    phone.close()

    # the head of Khoa Nội signs both pledges of her staff at once
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "ward_head")
    page.goto(f"{live_server.url}/pledges/mine/")
    page.get_by_role("link", name="Ký cả 2 bản").click()
    page.get_by_role("button", name="Xác nhận ký").click()
    expect(page.get_by_text("Bạn đã ký 2 bản cam kết.")).to_be_visible()
    page.close()

    # the Sở sees hospital A's share, and its departments
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "so_officer")
    page.goto(f"{live_server.url}/pledges/movement/{movement.pk}/")
    row = page.locator("tr[data-unit=BVA]")
    expect(row).to_contain_text("14,3 %")  # Hoa, of the seven people who pledge at hospital A
    page.screenshot(path=artifacts / "pledge-progress.png", full_page=True)
    row.get_by_role("link", name="Bệnh viện Đa khoa A").click()
    expect(page.locator("tr[data-unit=BVA-NOI]")).to_contain_text("33,3 %")
    page.close()
