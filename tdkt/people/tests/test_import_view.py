"""The import pages: template download, upload, the background job and who may use them."""

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
from tdkt.people import tasks
from tdkt.people.cccd import make_cccd
from tdkt.people.forms_import import NOT_XLSX
from tdkt.people.imports import HEADERS
from tdkt.people.models import Employment, Person

pytestmark = pytest.mark.django_db

CCCD = make_cccd(province="079", gender="female", birth_year=1990, serial=777)


def upload(*, cccd=CCCD, unit="BVA", name="nhan-su.xlsx"):
    row = [cccd, "Võ Thị Mai", "Nữ", "12/05/1990", "Điều dưỡng", "Viên chức", "Không"]
    row += ["01/09/2012", unit, "", "Nhân viên", "01/09/2012"]
    return xlsx_file([HEADERS, row], name=name)


def test_the_template_downloads_with_the_exact_headers(login, world):
    response = login("unit_officer").get(reverse("people:import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Nhân sự", "Hướng dẫn"]
    sheet = book["Nhân sự"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.max_row == 1  # headers only, no example row
    ranges = {str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert {"C2:C50001", "E2:E50001", "F2:F50001", "G2:G50001", "I2:I50001", "K2:K50001"} <= ranges
    guide = [c for row in book["Hướng dẫn"].iter_rows(values_only=True) for c in row if c]
    assert {"BVA", "Bệnh viện Đa khoa A", "BVA-NOI", "Khoa Nội", *HEADERS} <= set(guide)
    assert "BVB" not in guide and "SYT" not in guide
    assert any("Văn bản" in str(c) for c in guide)


def test_a_unit_officer_uploads_a_file_and_lands_on_the_finished_job(login, world):
    client = login("unit_officer")
    response = client.post(reverse("people:import"), {"file": upload()})
    job = Job.objects.get(kind="people_import")
    assert response.status_code == 302
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED
    assert job.title == "Nhập nhân sự từ nhan-su.xlsx"
    assert job.created_by == world.unit_officer
    assert (job.result["created"], job.result["updated"], job.result["errors"]) == (1, 0, [])
    assert job.result["next_url"] == reverse("people:list")
    assert (job.done, job.total) == (1, 1)
    assert not default_storage.exists(job.input_file)
    person = Person.objects.get(cccd=CCCD)
    assert person.employments.get().unit == world.hosp_a
    assert AuditEntry.objects.filter(reason="Nhập từ Excel: nhan-su.xlsx").count() == 2

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert job.result["summary"] in page.content.decode()


def test_a_file_with_errors_fails_the_job_and_lists_them(login, world):
    before = (Person.objects.count(), Employment.objects.count(), AuditEntry.objects.count())
    client = login("unit_officer")
    response = client.post(reverse("people:import"), {"file": upload(unit="BVB")})
    job = Job.objects.get(kind="people_import")
    assert job.status == JobStatus.FAILED
    assert job.result["errors"] == [
        {"row": 2, "column": "Mã đơn vị", "message": "Đơn vị «BVB» không thuộc phạm vi quản lý của bạn"}
    ]
    assert (Person.objects.count(), Employment.objects.count(), AuditEntry.objects.count()) == before
    assert not default_storage.exists(job.input_file)
    page = client.get(response["Location"]).content.decode()
    assert escape("Đơn vị «BVB» không thuộc phạm vi quản lý của bạn") in page


def test_an_unexpected_failure_fails_the_job_with_a_system_error(login, world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(tasks, "people_import", broken)
    login("unit_officer").post(reverse("people:import"), {"file": upload()})
    job = Job.objects.get(kind="people_import")
    assert job.status == JobStatus.FAILED
    assert job.message == "Lỗi hệ thống: ổ đĩa đầy"
    assert not default_storage.exists(job.input_file)


def test_the_upload_page_has_a_labelled_field_and_a_link_to_the_template(login, world):
    response = login("unit_officer").get(reverse("people:import"))
    assert response.status_code == 200
    text = response.content.decode()
    assert '<label for="id_file"' in text
    assert reverse("people:import_template") in text


@pytest.mark.parametrize("persona", ["staff", "unit_head", "council_member"])
def test_people_without_the_manage_permission_get_404(login, world, persona):
    client = login(persona)
    assert client.get(reverse("people:import")).status_code == 404
    assert client.post(reverse("people:import"), {"file": upload()}).status_code == 404
    assert client.get(reverse("people:import_template")).status_code == 404
    assert not Job.objects.exists()


def test_an_outsider_cannot_see_anothers_import_job_nor_import_into_their_unit(login, world):
    login("unit_officer").post(reverse("people:import"), {"file": upload()})
    job = Job.objects.get()
    client = login("outsider")
    assert client.get(reverse("job_detail", args=[job.pk])).status_code == 404
    client.post(
        reverse("people:import"),
        {"file": upload(cccd=make_cccd(province="079", gender="female", birth_year=1990, serial=778))},
    )
    theirs = Job.objects.get(created_by=world.outsider)
    assert theirs.status == JobStatus.FAILED
    assert theirs.result["errors"][0]["message"] == "Đơn vị «BVA» không thuộc phạm vi quản lý của bạn"


def test_a_txt_upload_is_refused_with_400(login, world):
    file = SimpleUploadedFile("danh-sach.txt", b"So CCCD;Ho va ten\n", content_type="text/plain")
    response = login("unit_officer").post(reverse("people:import"), {"file": file})
    assert response.status_code == 400
    assert escape(str(NOT_XLSX)) in response.content.decode()
    assert not Job.objects.exists()


def test_a_text_file_renamed_to_xlsx_is_refused_with_400(login, world):
    file = SimpleUploadedFile("danh-sach.xlsx", b"So CCCD;Ho va ten\n")
    response = login("unit_officer").post(reverse("people:import"), {"file": file})
    assert response.status_code == 400
    assert escape(str(NOT_XLSX)) in response.content.decode()


def test_a_missing_or_too_large_file_is_refused_with_400(login, world, settings):
    client = login("unit_officer")
    assert client.post(reverse("people:import"), {}).status_code == 400
    settings.TDKT_IMPORT_MAX_BYTES = 100
    response = client.post(reverse("people:import"), {"file": upload()})
    assert response.status_code == 400
    assert "100" in response.content.decode()
    assert not Job.objects.exists()
