"""Records in, verdicts out, in a real Chromium: import ratings, compute, filter, read the reasons."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import xlsx_file
from tdkt.records import services
from tdkt.records.imports_ratings import HEADERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from tdkt.eligibility import views

    monkeypatch.setattr(views, "today_vn", lambda: TODAY)


def _log_in(page, live_server, world, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(world.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def test_an_officer_imports_ratings_and_reads_why_a_nurse_qualifies(
    browser, live_server, world, artifacts, tmp_path
):
    services.achievement_create(
        actor=None,
        kind="initiative",
        title="Bảng kiểm an toàn người bệnh trước phẫu thuật",
        scope="unit",
        year=2025,
        unit=world.hosp_a,
        authors=[world.hoa],
        decision_number="45/QĐ-BVA",
        decision_date=dt.date(2025, 10, 20),
    )
    ratings = tmp_path / "xep-loai-2025.xlsx"
    ratings.write_bytes(
        xlsx_file(
            [
                HEADERS,
                [world.hoa.cccd, "Nguyễn Thị Hoa", 2025, "Hoàn thành xuất sắc nhiệm vụ", "GĐ", "20/12/2025"],
                [world.an.cccd, "Trần Văn An", 2025, "Hoàn thành tốt nhiệm vụ", "GĐ", "20/12/2025"],
            ]
        ).getvalue()
    )

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{live_server.url}/records/import/?kind=ratings")
    page.get_by_label("Tệp Excel").set_input_files(str(ratings))
    page.get_by_role("button", name="Nhập").click()
    expect(page.locator("#progress")).to_contain_text("Hoàn tất")
    expect(page.locator("#progress")).to_contain_text("2 bản ghi mới")
    page.screenshot(path=artifacts / "records-import-done.png", full_page=True)

    page.get_by_role("link", name="Tiếp tục").click()
    # in November the review is of the current year; the file held last year's ratings
    page.get_by_label("Năm").select_option("2025")
    expect(page.locator("#eligibility-results h2")).to_contain_text("2025")
    page.get_by_role("button", name="Tính ngay").click()
    expect(page.locator("#progress")).to_contain_text("Hoàn tất")
    page.get_by_role("link", name="Tiếp tục").click()

    page.get_by_label("Kết luận").select_option("eligible")
    page.get_by_label("Danh hiệu, hình thức").select_option("grassroots_emulation_fighter")
    results = page.locator("#eligibility-results")
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results.get_by_role("link", name="Nguyễn Thị Hoa")).to_be_visible()
    assert "verdict=eligible" in page.url and "candidate=grassroots_emulation_fighter" in page.url
    page.screenshot(path=artifacts / "eligibility-list-cstdcs.png", full_page=True)

    results.get_by_role("link", name="Nguyễn Thị Hoa").click()
    page.get_by_role("heading", name="Nguyễn Thị Hoa").wait_for()
    panel = page.locator("#eligibility-panel")
    cstdcs = panel.locator("[data-candidate=grassroots_emulation_fighter]")
    expect(cstdcs).to_contain_text("Đủ điều kiện")
    expect(cstdcs).to_contain_text("có sáng kiến hoặc đề tài khoa học năm 2025")
    expect(cstdcs).to_contain_text("Luật Thi đua, khen thưởng 2022, Điều 23, khoản 2")
    expect(cstdcs.get_by_text("Câu hỏi cho Hội đồng")).to_be_visible()  # judgements go to the council
    page.screenshot(path=artifacts / "person-eligibility-reasons.png", full_page=True)
    page.close()
