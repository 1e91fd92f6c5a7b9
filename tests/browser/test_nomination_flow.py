"""A year-end round in a real Chromium: the officer nominates from the eligibility list, the 70 % guard
blocks a collective, the list is disclosed, an anonymous objection is answered, the Sở officer verifies,
and the dossier's checklist shows what is there. Screenshots go to test-artifacts/."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import make_person
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.models import Disclosure, Nomination
from tdkt.nominations.services_rounds import round_create
from tdkt.records import services as records

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from tdkt.dossiers import views as dossier_views
    from tdkt.dossiers.templatetags import dossiers as tags
    from tdkt.nominations import views, views_disclosure

    for module in (views, views_disclosure, dossier_views, tags):
        monkeypatch.setattr(module, "today_vn", lambda: TODAY)


def _log_in(page, live_server, world, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(world.password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def _records(world):
    """Hoa (excellent, LĐTT recorded) and An (good); Khoa Nội excellent with 1 of its 3 members LĐTT."""
    records.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    records.rating_set(actor=None, person=world.an, year=2025, rating="good", unit=world.hosp_a)
    records.award_record(actor=None, person=world.hoa, year=2025, candidate="advanced_worker")
    for i in range(2):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Đỗ Thị Mai {i}", serial=20 + i)
    records.collective_rating_set(actor=None, unit=world.ward_a, year=2025, rating="excellent")
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    return round_create(
        actor=world.unit_officer,
        unit=world.hosp_a,
        year=2025,
        category="merit",
        name="Bình xét thi đua, khen thưởng năm 2025",
        deadline=dt.date(2026, 12, 15),
        disclosure_days=5,
        today=TODAY,
    )


def test_an_officer_runs_a_round_from_the_list_to_the_sos_verification(
    browser, live_server, world, artifacts
):
    round = _records(world)
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "unit_officer")

    # 1. from the eligibility list: An for Lao động tiên tiến
    page.goto(f"{base}/nominations/rounds/{round.pk}/add/?candidate=advanced_worker&verdict=eligible")
    row = page.locator(f"tr[data-subject='person:{world.an.pk}']")
    row.get_by_role("checkbox").check()
    page.screenshot(path=artifacts / "nominations-from-list.png", full_page=True)
    page.get_by_role("button", name="Lập đề nghị").click()
    page.wait_for_url(f"{base}/nominations/rounds/{round.pk}/")

    # 2. Khoa Nội for Tập thể lao động xuất sắc: 1 of 3 members is LĐTT, the law asks 70 %
    page.goto(f"{base}/nominations/rounds/{round.pk}/add/?candidate=excellent_collective&verdict=")
    row = page.locator(f"tr[data-subject='collective:{world.ward_a.pk}']")
    row.get_by_role("checkbox").check()
    reason = row.locator("textarea")
    if reason.count():
        reason.fill("Khoa dẫn đầu khối điều trị")
    page.get_by_role("button", name="Lập đề nghị").click()
    page.wait_for_url(f"{base}/nominations/rounds/{round.pk}/")
    collective = Nomination.objects.get(round=round, unit=world.ward_a)
    guard_row = page.locator(f"tr[data-nomination='{collective.pk}']")
    expect(guard_row).to_contain_text("cần ít nhất 70 %")
    page.screenshot(path=artifacts / "nominations-guard-blocks-collective.png", full_page=True)
    page.goto(f"{base}/nominations/{collective.pk}/")
    expect(page.locator("#guards")).to_contain_text("Điều 27")
    expect(page.locator("button[data-step='submit']")).to_have_count(0)
    page.screenshot(path=artifacts / "nomination-collective-blocked.png", full_page=True)

    # 3. submit what is ready (An), then disclose the list
    page.goto(f"{base}/nominations/rounds/{round.pk}/")
    page.locator("form[action$='/submit-ready/'] button").click()
    expect(page.locator("body")).to_contain_text("Đã trình 1 đề nghị")
    page.goto(f"{base}/nominations/rounds/{round.pk}/disclose/")
    page.get_by_role("button", name="Công khai").click()
    disclosure = Disclosure.objects.get(round=round)
    an = Nomination.objects.get(round=round, person=world.an)

    # 4. a staff member objects anonymously
    _log_in(page, live_server, world, "staff")
    page.goto(f"{base}/nominations/disclosures/{disclosure.pk}/")
    page.locator("#id_nomination").select_option(str(an.pk))
    page.locator("#id_text").fill("Đồng chí An nghỉ ốm nhiều trong năm 2025.")
    page.locator("#id_anonymous").check()
    page.locator("#objection-form button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("Đồng chí An nghỉ ốm nhiều trong năm 2025.")

    # 5. the officer answers it
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{base}/nominations/disclosures/{disclosure.pk}/")
    page.get_by_role("link", name="Trả lời").first.click()
    page.locator("#id_answer").fill("Đã kiểm tra: nghỉ ốm 2 tuần, vẫn đủ thời gian công tác.")
    page.get_by_label("Ý kiến không có cơ sở").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("body")).to_contain_text("Đã kiểm tra: nghỉ ốm 2 tuần")
    page.screenshot(path=artifacts / "disclosure-objection-answered.png", full_page=True)

    # 6. the Sở officer verifies An's nomination
    _log_in(page, live_server, world, "so_officer")
    page.goto(f"{base}/nominations/{an.pk}/")
    page.locator("button[data-step='verify']").click()
    expect(page.locator("body")).to_contain_text("Sở đã thẩm định")
    an.refresh_from_db()
    assert an.status == "verified"
    page.screenshot(path=artifacts / "nomination-verified-by-so.png", full_page=True)

    # 7. the round's dossier: report frozen, objections answered, the council's minutes still to come
    _log_in(page, live_server, world, "unit_officer")
    page.goto(f"{base}/dossiers/rounds/{round.pk}/")
    dossier_row = page.locator(f"tr[data-nomination='{an.pk}']")
    expect(dossier_row.locator("[data-check=report]")).to_have_attribute("data-status", "ok")
    expect(dossier_row.locator("[data-check=objections]")).to_have_attribute("data-status", "ok")
    expect(dossier_row.locator("[data-check=minutes]")).to_have_attribute("data-status", "pending")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Báo cáo thành tích|.docx")).first.click()
    assert download.value.suggested_filename.endswith(".docx")
    page.screenshot(path=artifacts / "dossier-checklist.png", full_page=True)
    page.close()


def test_the_so_imports_a_hospitals_package_once(browser, live_server, world, artifacts, tmp_path):
    from tdkt.dossiers.package import build_package
    from tdkt.nominations.services import TRANSITIONS
    from tdkt.nominations.services_rounds import Pick, nominations_create_from_list

    round = _records(world)
    (an,) = nominations_create_from_list(
        actor=world.unit_officer,
        round=round,
        candidate="advanced_worker",
        category="merit",
        picks=[Pick(kind="person", id=world.an.pk)],
        today=TODAY,
    )
    TRANSITIONS["submit"](actor=world.unit_officer, nomination=an, today=TODAY)
    package = tmp_path / "ho-so-bva-2025.zip"
    package.write_bytes(build_package(round=round, today=TODAY))

    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, live_server, world, "so_officer")
    page.goto(f"{base}/nominations/")
    page.get_by_role("link", name="Nhập gói hồ sơ").click()
    page.get_by_label("Gói hồ sơ (.zip)").set_input_files(str(package))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.locator("body")).to_contain_text("Đã nhập 1 đề nghị từ gói hồ sơ của Bệnh viện Đa khoa A")
    expect(page.locator("body")).to_contain_text("Trần Văn An")
    page.screenshot(path=artifacts / "dossier-imported-round.png", full_page=True)

    page.goto(f"{base}/dossiers/import/")
    page.get_by_label("Gói hồ sơ (.zip)").set_input_files(str(package))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.locator("body")).to_contain_text("Gói hồ sơ này đã được nhập")
    expect(page.locator("#received")).to_contain_text("Bệnh viện Đa khoa A")
    page.screenshot(path=artifacts / "dossier-import-refused.png", full_page=True)
    page.close()
