"""Keeping a person's record in a real Chromium: add a rating inline, attach its scanned decision, add an
initiative with a co-author found without accents, and see the eligibility panel follow; and the same
pages without JavaScript."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tdkt.attachments.tests.files import PDF
from tdkt.records import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, world, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(world.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def test_an_officer_keeps_a_record_inline_and_the_panel_follows(
    browser, live_server, world, artifacts, tmp_path
):
    year = dt.date.today().year - 1
    for y in (year - 2, year - 1):
        services.rating_set(actor=None, person=world.hoa, year=y, rating="excellent", unit=world.hosp_a)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{live_server.url}/people/{world.hoa.pk}/?year={year}")
    records = page.locator("#records")
    panel = page.locator("#eligibility-panel")
    advanced = panel.locator('details[data-candidate="advanced_worker"]')
    expect(advanced).to_have_attribute("data-verdict", "unknown")

    records.get_by_role("link", name="+ Xếp loại").click()
    editor = page.locator("#record-editor form")
    expect(editor.get_by_role("heading", name="Thêm xếp loại")).to_be_visible()
    editor.get_by_label("Năm").fill(str(year))
    editor.get_by_label("Xếp loại").select_option("excellent")
    editor.get_by_label("Người đánh giá").fill("Hội đồng TĐKT bệnh viện")
    editor.get_by_label("Ngày đánh giá").fill(f"15/12/{year}")
    editor.get_by_role("button", name="Lưu").click()
    row = records.locator(f'tr[data-year="{year}"]')
    expect(row.locator('[data-rating="excellent"]')).to_be_visible()
    expect(records.get_by_role("status")).to_have_text("Đã lưu.")
    # the panel reloaded itself: the year now has a rating
    expect(advanced).not_to_have_attribute("data-verdict", "unknown")

    scan = tmp_path / "Quyết định xếp loại.pdf"
    scan.write_bytes(PDF)
    row.get_by_role("link", name="Đính kèm tệp").first.click()
    upload = page.locator("#record-editor form")
    upload.get_by_label("Tệp").set_input_files(scan)
    upload.get_by_label("Loại giấy tờ").select_option("decision")
    upload.get_by_role("button", name="Đính kèm").click()
    file_link = records.get_by_role("link", name="Quyết định xếp loại.pdf", exact=True)
    expect(file_link).to_be_visible()
    expect(records.locator(f'tr[data-year="{year}"] .attachments')).to_contain_text("PDF")

    records.get_by_role("link", name="+ Sáng kiến, đề tài").click()
    form = page.locator("#record-editor form")
    form.get_by_label("Tên sáng kiến, đề tài").fill("Bảng kiểm an toàn phẫu thuật")
    form.get_by_label("Phạm vi ảnh hưởng được công nhận").select_option("provincial")
    form.get_by_label("Năm công nhận").fill(str(year))
    form.get_by_label("Tìm đồng tác giả").fill("tran van an")
    co_author = form.get_by_label("Trần Văn An", exact=False)
    expect(co_author).to_be_visible()
    co_author.check()
    page.screenshot(path=artifacts / "records-initiative-form.png", full_page=True)
    form.get_by_role("button", name="Lưu").click()
    expect(records.get_by_text("Bảng kiểm an toàn phẫu thuật", exact=True)).to_be_visible()
    expect(records.get_by_text("Tác giả: Trần Văn An, Nguyễn Thị Hoa")).to_be_visible()
    page.screenshot(path=artifacts / "records-timeline.png", full_page=True)
    records.screenshot(path=artifacts / "records-section.png")

    with page.expect_download() as download:
        file_link.click()
    assert download.value.suggested_filename == "Quyết định xếp loại.pdf"
    page.close()


def test_the_record_is_kept_without_javascript_and_on_a_phone(browser, live_server, world, artifacts):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        java_script_enabled=False,
    )
    page = context.new_page()
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{live_server.url}/people/{world.hoa.pk}/")
    page.get_by_role("link", name="+ Kỷ luật").click()
    expect(page.get_by_role("heading", name="Thêm kỷ luật")).to_be_visible()
    page.get_by_label("Hình thức kỷ luật").select_option("reprimand")
    page.get_by_label("Từ ngày").fill("01/03/2025")
    page.get_by_label("Đến ngày").fill("01/02/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Ngày kết thúc 01/02/2025 trước ngày bắt đầu 01/03/2025.")).to_be_visible()
    expect(page.get_by_label("Từ ngày")).to_have_value("01/03/2025")
    page.get_by_label("Đến ngày").fill("01/09/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu.")).to_be_visible()
    expect(page.locator('#records tr[data-year="2025"]')).to_contain_text("Khiển trách")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "records-phone-no-js.png", full_page=True)
    context.close()
