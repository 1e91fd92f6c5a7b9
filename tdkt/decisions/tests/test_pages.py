"""The decision pages: draft from the council's approved nominations, issue, documents read back, the
payment list, certificates (one, and the batch as a zip through a background job) and public verification."""

import io
import zipfile

import docx
import pypdf
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.models import Job
from tdkt.decisions import services, views
from tdkt.decisions.models import Decision

from .conftest import ISSUE_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(views, "today_vn", lambda: ISSUE_DAY)


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_the_head_drafts_from_approved_nominations_and_issues(client, world, approved):
    hoa, an = approved
    client.force_login(world.unit_head)
    response = client.post(
        reverse("decisions:create"),
        {
            "issuer": world.hosp_a.pk,
            "title": "Về việc công nhận danh hiệu thi đua năm 2025",
            "date": "10/12/2026",
            "place": "Bình An",
            "award_year": 2025,
            "achievement": "đã có thành tích xuất sắc năm 2025",
            "authority": "Giám đốc Bệnh viện Đa khoa A",
            "bases": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "signer_position": "Giám đốc",
            "signer_name": "Lê Văn Minh",
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "decisions:detail", args=[decision.pk]
    )
    page = client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert hoa.name in page and "Chiến sĩ thi đua cơ sở" in page
    client.post(reverse("decisions:add_nominations", args=[decision.pk]), {"nomination": [hoa.pk, an.pk]})
    assert decision.lines.count() == 2
    client.post(reverse("decisions:issue", args=[decision.pk]))
    decision.refresh_from_db()
    assert decision.symbol == "01/QĐ-BVĐKA"
    page = client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    assert "01/QĐ-BVĐKA" in page and "2.530.000 ₫" in page


def test_an_officer_drafts_but_only_the_head_issues(client, world, draft):
    client.force_login(world.unit_officer)
    assert "Ký ban hành" not in client.get(reverse("decisions:detail", args=[draft.pk])).content.decode()
    assert client.post(reverse("decisions:issue", args=[draft.pk])).status_code == 404
    client.force_login(world.outsider)
    assert client.get(reverse("decisions:detail", args=[draft.pk])).status_code == 404


@pytest.fixture
def issued(world, draft):
    return services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)


def test_the_decision_reads_back_as_docx_and_pdf(client, world, issued):
    client.force_login(world.unit_officer)
    response = client.get(reverse("decisions:document", args=[issued.pk, "docx"]))
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "QUYẾT ĐỊNH" in text and "01/QĐ-BVĐKA" in text + cells
    assert "Công nhận danh hiệu «Chiến sĩ thi đua cơ sở» cho 01 cá nhân" in text
    assert "tổng cộng 3.290.000 đồng" in text
    assert "Nguyễn Thị Hoa" in cells and "2.530.000" in cells and "760.000" in cells
    pdf = _pdf_text(client.get(reverse("decisions:document", args=[issued.pk, "pdf"])).content)
    assert "QUYẾT ĐỊNH" in pdf and "Trần Văn An" in pdf


def test_the_payment_list_exports_to_excel_with_the_total(client, world, issued):
    client.force_login(world.unit_officer)
    response = client.get(reverse("decisions:payments", args=[issued.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:6] == (
        "STT",
        "Họ và tên / Tên tập thể",
        "Chức vụ, đơn vị",
        "Danh hiệu, hình thức",
        "Năm thành tích",
        "Số tiền (đồng)",
    )
    assert [(r[1], r[5]) for r in rows[1:]] == [
        ("Nguyễn Thị Hoa", 2_530_000),
        ("Trần Văn An", 760_000),
        ("Tổng cộng", 3_290_000),
    ]


def test_certificates_one_by_one_and_as_a_zip_and_the_public_verification(client, world, issued):
    client.force_login(world.unit_officer)
    hoa_line = issued.lines.get(person=world.hoa)
    text = _pdf_text(client.get(reverse("decisions:certificate", args=[hoa_line.pk])).content)
    assert "CHIẾN SĨ THI ĐUA CƠ SỞ" in text and "Nguyễn Thị Hoa" in text
    assert "Quyết định số 01/QĐ-BVĐKA ngày 10/12/2026" in text

    response = client.post(reverse("decisions:certificates", args=[issued.pk]))
    job = Job.objects.get(kind="decision_certificates")
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert (job.status, job.done, job.total) == ("succeeded", 2, 2)
    zipped = client.get(job.result["next_url"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))
    assert len(archive.namelist()) == 2
    assert "Trần Văn An" in " ".join(_pdf_text(archive.read(n)) for n in archive.namelist())

    client.logout()
    url = reverse("verify:certificate", args=[hoa_line.code])
    page = client.get(url).content.decode()
    assert "Nguyễn Thị Hoa" in page and "Còn hiệu lực" in page and "Chiến sĩ thi đua cơ sở" in page
    assert world.hoa.cccd not in page

    revocation = services.amendment_create(
        actor=world.unit_officer,
        original=issued,
        lines=[hoa_line],
        ground="not_met",
        ground_detail="Kết quả thanh tra: chưa hoàn thành nhiệm vụ năm 2025",
        date=ISSUE_DAY,
        signer_name="Lê Văn Minh",
        signer_position="Giám đốc",
    )
    services.decision_issue(actor=world.unit_head, decision=revocation, today=ISSUE_DAY)
    page = client.get(url).content.decode()
    assert "Đã bị hủy bỏ" in page and "Quyết định số 02/QĐ-BVĐKA ngày 10/12/2026" in page
    assert client.get(reverse("verify:certificate", args=["not-a-code"])).status_code == 200
    # the person's record keeps the award, struck through, with the decision that revoked it
    client.force_login(world.unit_officer)
    page = client.get(reverse("people:detail", args=[world.hoa.pk])).content.decode()
    assert "<s>Chiến sĩ thi đua cơ sở</s>" in page
    assert "Đã bị hủy bỏ theo Quyết định số 02/QĐ-BVĐKA ngày 10/12/2026" in page


def test_the_list_takes_a_bounded_number_of_queries(client, world, issued, django_assert_max_num_queries):
    client.force_login(world.unit_head)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("decisions:list"))
    assert "01/QĐ-BVĐKA" in response.content.decode()


def test_a_correction_revokes_the_wrong_award_and_confers_the_right_one(client, world, issued):
    an_line = issued.lines.get(person=world.an)
    client.force_login(world.unit_officer)
    response = client.post(
        reverse("decisions:amend", args=[issued.pk]),
        {
            "lines": [an_line.pk],
            "ground": "unlawful",
            "ground_detail": "Đề nghị sai hình thức: đúng là Giấy khen",
            "correction": "on",
            "date": "10/12/2026",
            "signer_position": "Giám đốc",
            "signer_name": "Lê Văn Minh",
        },
    )
    correction = Decision.objects.get(amends=issued)
    assert response["Location"] == reverse("decisions:detail", args=[correction.pk])
    assert (correction.kind, correction.title) == (
        "correction",
        "Về việc đính chính Quyết định số 01/QĐ-BVĐKA ngày 10/12/2026",
    )
    response = client.post(
        reverse("decisions:add_line", args=[correction.pk]),
        {
            "subject_kind": "person",
            "cccd": world.an.cccd,
            "candidate": "commendation_certificate",
            "category": "merit",
        },
    )
    assert response.status_code == 302
    client.force_login(world.unit_head)
    client.post(reverse("decisions:issue", args=[correction.pk]))
    correction.refresh_from_db()
    assert correction.symbol == "02/QĐ-BVĐKA"
    kept = {(a.candidate, a.revoked_by) for a in world.an.awards.model.all_objects.filter(person=world.an)}
    assert kept == {
        ("advanced_worker", "02/QĐ-BVĐKA ngày 10/12/2026"),
        ("commendation_certificate", ""),
    }
    document = docx.Document(
        io.BytesIO(client.get(reverse("decisions:document", args=[correction.pk, "docx"])).content)
    )
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Hủy bỏ khen thưởng tại Quyết định số 01/QĐ-BVĐKA ngày 10/12/2026 đối với: Trần Văn An" in text
    assert "Luật Thi đua, khen thưởng năm 2022, Điều 93, khoản 2" in text
    assert "Tặng Giấy khen cho 01 cá nhân" in text
    page = client.get(reverse("decisions:detail", args=[issued.pk])).content.decode()
    assert "Đã bị hủy bỏ" in page and "02/QĐ-BVĐKA" in page


def test_the_decision_page_takes_a_bounded_number_of_queries(
    client, world, issued, django_assert_max_num_queries
):
    client.force_login(world.unit_head)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("decisions:detail", args=[issued.pk]))
    assert response.status_code == 200
