"""A person's journey in a real Chromium: log in, search without accents, open the record."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, world, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(world.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def test_an_officer_finds_a_person_typed_without_accents(browser, live_server, world, artifacts):
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    _log_in(page, live_server, world, "unit_officer")
    page.get_by_role("link", name="Nhân sự").first.click()
    page.get_by_label("Tìm theo họ tên hoặc số CCCD").fill("nguyen thi hoa")
    results = page.locator("#people-results")
    expect(results.get_by_text("Trần Văn An")).to_have_count(0)  # live search narrowed the list
    expect(results.get_by_role("link", name="Nguyễn Thị Hoa")).to_be_visible()
    assert "q=nguyen%20thi%20hoa" in page.url  # the search is in the address, so it can be shared
    page.screenshot(path=artifacts / "people-search.png", full_page=True)

    results.get_by_role("link", name="Nguyễn Thị Hoa").click()
    page.get_by_role("heading", name="Nguyễn Thị Hoa").wait_for()
    assert page.get_by_text("Quá trình công tác").is_visible()
    assert page.get_by_text("15/03/1985").is_visible()
    page.screenshot(path=artifacts / "person-page.png", full_page=True)
    page.close()


def test_the_people_list_works_on_a_phone(browser, live_server, world, artifacts):
    page = browser.new_page(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{live_server.url}/people/?q=tran+van+an")
    row = page.locator("#people-results tbody tr").first
    row.wait_for()
    # on a phone each row becomes a card: no horizontal scrolling of the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert row.get_by_role("link", name="Trần Văn An").is_visible()
    page.get_by_text("☰").click()
    assert page.get_by_role("link", name="Tổ chức").is_visible()
    page.screenshot(path=artifacts / "people-list-phone.png", full_page=True)
    page.close()
