"""The award cycle's second half in a real Chromium: the secretary puts a nomination before the council and
closes its ballot, the head drafts and issues the decision, downloads the certificate and every certificate
as a zip, and an anonymous visitor verifies the award from the certificate's link."""

import datetime as dt
import subprocess
import zipfile

import pypdf
import pytest
from playwright.sync_api import expect

from tdkt.councils import services
from tdkt.decisions.models import DecisionLine
from tdkt.decisions.tests.conftest import forget_issued_decisions
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.tests.conftest import TODAY, nominate, open_round, records_2025, walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, username, password):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture
def before_council(world, django_user_model):
    yield _before_council(world, django_user_model)
    forget_issued_decisions()


def _before_council(world, django_user_model):
    records_2025(world)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    (hoa,) = nominate(world, open_round(world), "grassroots_emulation_fighter", world.hoa)
    walk(world, hoa, "to_council")
    secretary = django_user_model.objects.create_user(
        username="thuky", password=world.password, first_name="Lan", last_name="Phạm Thị"
    )
    council = services.council_create(
        actor=None,
        unit=world.hosp_a,
        name="Hội đồng TĐKT Bệnh viện Đa khoa A",
        term_start=dt.date(2025, 1, 1),
    )
    services.council_member_add(actor=None, council=council, user=world.unit_head, role="chair")
    services.council_member_add(actor=None, council=council, user=world.council_member, role="member")
    services.council_member_add(actor=None, council=council, user=secretary, role="secretary")
    meeting = services.meeting_create(
        actor=secretary,
        council=council,
        title="Họp xét khen thưởng năm 2025",
        date=dt.date(2025, 12, 20),
        place="Hội trường",
    )
    for seat in meeting.attendance.all():
        services.attendance_set(actor=secretary, meeting=meeting, member=seat.member, status="present")
    return meeting, secretary


def test_council_to_decision_to_certificate_to_public_verification(
    browser, live_server, world, before_council, artifacts
):
    meeting, _ = before_council
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    page.on("dialog", lambda dialog: dialog.accept())

    # the secretary puts the nomination on the agenda and opens its ballot
    _log_in(page, live_server, "thuky", world.password)
    page.goto(f"{live_server.url}/councils/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Thêm đề nghị khen thưởng").click()
    expect(page.locator("body")).to_contain_text("Nguyễn Thị Hoa")
    page.get_by_role("button", name="Đưa vào chương trình họp").click()
    expect(page.locator("#agenda")).to_contain_text("Nguyễn Thị Hoa")
    page.get_by_role("button", name="Mở phiếu").click()
    expect(page.locator("#agenda")).to_contain_text("Đã có 0/3 thành viên bỏ phiếu")
    for username in ("unit_head", "council_member", "thuky"):  # each member votes (see test_council_vote)
        _log_in(page, live_server, username, world.password)
        page.goto(f"{live_server.url}/councils/vote/")
        page.locator("article.ballot").first.get_by_role("button", name="Đồng ý", exact=True).click()
        expect(page.locator("article.ballot").first).to_contain_text("Bạn đã bỏ phiếu")
    page.goto(f"{live_server.url}/councils/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Đóng phiếu và kiểm phiếu").click()
    expect(page.locator("#agenda .result")).to_contain_text("3/3 phiếu đồng ý")
    page.screenshot(path=artifacts / "decision-cycle-1-council.png", full_page=True)
    with page.expect_download() as minutes:
        page.get_by_role("link", name="Biên bản (PDF)").click()
    assert "Nguyễn Thị Hoa" in " ".join(p.extract_text() for p in pypdf.PdfReader(minutes.value.path()).pages)

    # the head drafts the decision from the approved nomination and issues it
    _log_in(page, live_server, "unit_head", world.password)
    page.get_by_role("navigation").get_by_role("link", name="Quyết định").click()
    page.get_by_role("link", name="Soạn quyết định").click()
    page.get_by_label("Trích yếu").fill("Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2025")
    page.get_by_label("Địa danh").fill("Bình An")
    page.get_by_label("Năm thành tích").fill("2025")
    page.get_by_label("Thành tích", exact=True).fill(
        "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
    )
    page.get_by_label("Thẩm quyền quyết định").fill("Giám đốc Bệnh viện Đa khoa A")
    page.get_by_label("Người ký", exact=True).fill("Lê Văn Minh")
    page.get_by_role("button", name="Tạo dự thảo").click()
    expect(page.locator("#approved")).to_contain_text("Nguyễn Thị Hoa")
    page.get_by_role("button", name="Thêm vào quyết định").click()
    expect(page.locator("#lines")).to_contain_text("2.530.000 ₫")
    page.get_by_role("button", name="Ký ban hành").click()
    expect(page.locator("#decision-status")).to_have_text("Đã ban hành")
    expect(page.locator("h1")).to_contain_text("01/QĐ-BVĐKA")
    page.screenshot(path=artifacts / "decision-cycle-2-decision.png", full_page=True)

    with page.expect_download() as certificate:
        page.locator(".certificate-link").first.click()
    pdf_path = artifacts / "decision-cycle-certificate.pdf"
    certificate.value.save_as(pdf_path)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-singlefile",
            str(pdf_path),
            str(artifacts / "decision-cycle-3-certificate"),
        ],
        check=True,
    )
    page.get_by_role("button", name="Tất cả giấy chứng nhận (zip)").click()
    expect(page.locator("#progress")).to_contain_text("1 / 1")
    with page.expect_download() as batch:
        page.get_by_role("link", name="Tiếp tục").click()
    assert len(zipfile.ZipFile(batch.value.path()).namelist()) == 1

    # anyone who scans the QR code sees the award in force — name, unit and award only
    line = DecisionLine.objects.get()
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/verify/{line.code}/")
    expect(page.locator("#verdict")).to_contain_text("Còn hiệu lực")
    expect(page.locator("#verification")).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(page.locator("#verification")).not_to_contain_text(world.hoa.cccd)
    page.screenshot(path=artifacts / "decision-cycle-4-verify.png", full_page=True)
    page.close()
