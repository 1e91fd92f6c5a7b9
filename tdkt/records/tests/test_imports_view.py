"""The records import page: the five templates, one upload form with a kind selector, the background job."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from conftest import xlsx_file
from tdkt.accounts.models import AuditEntry
from tdkt.core.models import Job, JobStatus
from tdkt.people.forms_import import NOT_XLSX
from tdkt.records import tasks
from tdkt.records.imports import KINDS
from tdkt.records.models import AnnualRating

pytestmark = pytest.mark.django_db


def ratings_upload(world, *, cccd=None, name="xep-loai.xlsx"):
    row = [
        cccd or world.hoa.cccd,
        "Nguyễn Thị Hoa",
        2024,
        "Hoàn thành tốt nhiệm vụ",
        "Hội đồng",
        "20/12/2024",
    ]
    return xlsx_file([KINDS["ratings"].headers, row], name=name)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_template_downloads_with_its_headers_dropdowns_and_guide(login, world, kind):
    response = login("unit_officer").get(reverse("records:import_template", args=[kind]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    spec = KINDS[kind]
    assert book.sheetnames == [spec.sheet, "Hướng dẫn"]
    assert [c.value for c in book[spec.sheet][1]] == spec.headers
    assert book[spec.sheet].max_row == 1
    guide = {c for row in book["Hướng dẫn"].iter_rows(values_only=True) for c in row if c}
    assert set(spec.headers) <= guide
    for labels in spec.dropdowns.values():
        assert set(labels) <= guide
    assert len(book[spec.sheet].data_validations.dataValidation) == len(spec.dropdowns)
    if spec.lists_units:
        assert {"BVA", "Bệnh viện Đa khoa A", "BVA-NOI", "Khoa Nội"} <= guide
        assert "BVB" not in guide


def test_the_past_decisions_template_offers_every_title_in_vietnamese(login, world):
    response = login("unit_officer").get(reverse("records:import_template", args=["past_decisions"]))
    guide = {
        c
        for row in load_workbook(io.BytesIO(response.content))["Hướng dẫn"].iter_rows(values_only=True)
        for c in row
    }
    assert {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Bằng khen của Thủ tướng Chính phủ"} <= guide


def test_the_page_lists_the_five_kinds_with_their_templates_and_preselects_a_kind(login, world):
    response = login("unit_officer").get(reverse("records:import"), {"kind": "leave"})
    assert response.status_code == 200
    text = response.content.decode()
    for kind in KINDS:
        assert reverse("records:import_template", args=[kind]) in text
    assert '<label for="id_kind"' in text and '<label for="id_file"' in text
    assert '<option value="leave" selected>' in text


def test_a_unit_officer_uploads_ratings_and_lands_on_the_finished_job(login, world):
    client = login("unit_officer")
    response = client.post(reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world)})
    job = Job.objects.get(kind="records_import_ratings")
    assert response.status_code == 302
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED
    assert job.title == "Nhập xếp loại chất lượng từ xep-loai.xlsx"
    assert (job.result["created"], job.result["errors"], job.result["kind"]) == (1, [], "ratings")
    assert job.result["next_url"] == reverse("eligibility:list")
    assert (job.done, job.total) == (1, 1)
    assert not default_storage.exists(job.input_file)
    assert AnnualRating.objects.get(person=world.hoa, year=2024).rating == "good"
    assert AuditEntry.objects.filter(reason="Nhập từ Excel: xep-loai.xlsx").count() == 1
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert escape(job.result["summary"]) in page.content.decode()


def test_a_file_with_errors_fails_the_job_lists_them_and_writes_nothing(login, world):
    client = login("unit_officer")
    response = client.post(
        reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world, cccd=world.binh.cccd)}
    )
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    message = f"Không tìm thấy người có Số CCCD «{world.binh.cccd}» trong phạm vi quản lý của bạn"
    assert job.result["errors"] == [{"row": 2, "column": "Số CCCD", "message": message}]
    assert not AnnualRating.objects.exists()
    assert escape(message) in client.get(response["Location"]).content.decode()


def test_an_unexpected_failure_fails_the_job_with_a_system_error(login, world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(tasks, "records_import", broken)
    login("unit_officer").post(reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world)})
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.message == "Lỗi hệ thống: ổ đĩa đầy"
    assert not default_storage.exists(job.input_file)


def test_a_text_file_is_refused_with_400_and_the_chosen_kind_is_kept(login, world):
    file = SimpleUploadedFile("xep-loai.xlsx", b"So CCCD;Ho va ten\n")
    response = login("unit_officer").post(reverse("records:import"), {"kind": "discipline", "file": file})
    assert response.status_code == 400
    text = response.content.decode()
    assert escape(str(NOT_XLSX)) in text
    assert '<option value="discipline" selected>' in text
    assert not Job.objects.exists()


def test_a_missing_kind_or_file_is_refused_with_400(login, world):
    client = login("unit_officer")
    assert client.post(reverse("records:import"), {"file": ratings_upload(world)}).status_code == 400
    assert (
        client.post(
            reverse("records:import"), {"kind": "nonsense", "file": ratings_upload(world)}
        ).status_code
        == 400
    )
    assert client.post(reverse("records:import"), {"kind": "ratings"}).status_code == 400
    assert not Job.objects.exists()


@pytest.mark.parametrize("persona", ["staff", "unit_head", "council_member"])
def test_people_without_the_manage_permission_get_404(login, world, persona):
    client = login(persona)
    assert client.get(reverse("records:import")).status_code == 404
    assert (
        client.post(reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world)}).status_code
        == 404
    )
    assert client.get(reverse("records:import_template", args=["ratings"])).status_code == 404
    assert not Job.objects.exists()


def test_an_unknown_kind_of_template_is_404(login, world):
    assert login("unit_officer").get(reverse("records:import_template", args=["salaries"])).status_code == 404


def test_an_outsider_cannot_see_anothers_job_nor_rate_people_outside_their_hospital(login, world):
    login("unit_officer").post(reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world)})
    job = Job.objects.get()
    client = login("outsider")
    assert client.get(reverse("job_detail", args=[job.pk])).status_code == 404
    client.post(reverse("records:import"), {"kind": "ratings", "file": ratings_upload(world)})
    theirs = Job.objects.get(created_by=world.outsider)
    assert theirs.status == JobStatus.FAILED
    assert theirs.result["errors"][0]["message"] == (
        f"Không tìm thấy người có Số CCCD «{world.hoa.cccd}» trong phạm vi quản lý của bạn"
    )
