"""The attachment pages: upload (with or without htmx), download within scope only, removal."""

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.attachments.models import Attachment
from tdkt.attachments.services import attachment_add
from tdkt.records import services

from .files import EXE, PDF, PNG, upload
from .test_services import stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def rating(world):
    return services.rating_set(actor=None, person=world.hoa, year=2024, rating="excellent", unit=world.hosp_a)


@pytest.fixture
def attached(world, rating):
    return attachment_add(
        actor=world.unit_officer,
        target=rating,
        upload=upload(PDF, name="Quyết định xếp loại.pdf"),
        kind="decision",
    )


def _upload_url(rating):
    return reverse("attachments:upload", args=["rating", rating.pk])


def test_an_officer_attaches_a_pdf_and_returns_to_the_person_page(login, world, rating):
    response = login("unit_officer").post(
        _upload_url(rating), {"file": upload(), "kind": "decision", "description": "QĐ 12/QĐ-BVA"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[world.hoa.pk]) + "#records"
    attachment = Attachment.objects.get()
    assert (attachment.target, attachment.description) == (rating, "QĐ 12/QĐ-BVA")
    page = login("unit_officer").get(response["Location"]).content.decode()
    assert reverse("attachments:download", args=[attachment.pk]) in page
    assert "quyết định.pdf" in page and "PDF" in page


def test_a_renamed_program_is_refused_with_the_reason_and_the_typed_values_kept(login, world, rating):
    response = login("unit_officer").post(
        _upload_url(rating),
        {"file": upload(EXE, name="bien-ban.pdf"), "kind": "minutes", "description": "Biên bản họp"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "PDF, JPEG" in html and 'value="Biên bản họp"' in html
    assert 'value="minutes" selected' in html
    assert not Attachment.objects.exists() and stored_files() == []


def test_an_oversize_upload_is_cut_off_while_it_arrives_and_refused(login, world, rating, settings):
    settings.TDKT_MAX_UPLOAD_MB = 1
    big = PDF[:-6] + b"\0" * (1024 * 1024 + 10) + b"%%EOF\n"
    response = login("unit_officer").post(_upload_url(rating), {"kind": "decision", "file": upload(big)})
    assert response.status_code == 400
    assert "1 MB" in response.content.decode()
    assert not Attachment.objects.exists() and stored_files() == []


def test_the_upload_still_checks_the_csrf_token(world, rating):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.unit_officer)
    response = client.post(_upload_url(rating), {"file": upload(), "kind": "decision"})
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_with_htmx_the_upload_redraws_the_records_and_reloads_the_panel(login, world, rating):
    response = login("unit_officer").post(
        _upload_url(rating), {"file": upload(PNG, name="anh.png"), "kind": "other"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#records", "outerHTML")
    assert response["HX-Trigger"] == "recordsChanged"
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="records"') and "anh.png" in html


def test_with_htmx_a_refused_file_redraws_the_form_only(login, world, rating):
    response = login("unit_officer").post(
        _upload_url(rating), {"file": upload(EXE), "kind": "other"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "HX-Retarget" not in response
    assert response.content.decode().lstrip().startswith("<form")


@pytest.mark.parametrize("persona", ["so_officer", "unit_officer", "unit_head", "staff"])
def test_whoever_may_see_the_record_downloads_the_file_with_its_name(login, attached, persona):
    response = login(persona).get(reverse("attachments:download", args=[attached.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Quyet dinh xep loai.pdf"; '
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20x%E1%BA%BFp%20lo%E1%BA%A1i.pdf"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("persona", ["outsider", "council_member"])
def test_anyone_else_gets_not_found(login, attached, persona):
    assert login(persona).get(reverse("attachments:download", args=[attached.pk])).status_code == 404


def test_a_staff_member_downloads_their_own_files_only(login, world, attached):
    rating_an = services.rating_set(actor=None, person=world.an, year=2024, rating="good", unit=world.hosp_a)
    other = attachment_add(actor=None, target=rating_an, upload=upload(PNG), kind="decision")
    client = login("staff")
    assert client.get(reverse("attachments:download", args=[attached.pk])).status_code == 200
    assert client.get(reverse("attachments:download", args=[other.pk])).status_code == 404


def test_a_file_missing_from_the_storage_is_not_found(login, attached):
    attached.file.storage.delete(attached.file.name)
    assert login("unit_officer").get(reverse("attachments:download", args=[attached.pk])).status_code == 404


def test_only_record_keepers_may_attach_or_remove(login, world, rating, attached):
    for persona in ("unit_head", "staff", "outsider"):
        client = login(persona)
        assert client.get(_upload_url(rating)).status_code == 404
        assert client.post(_upload_url(rating), {"file": upload(PNG), "kind": "other"}).status_code == 404
        assert client.post(reverse("attachments:delete", args=[attached.pk])).status_code == 404
    assert Attachment.objects.count() == 1


def test_an_unknown_kind_of_record_is_not_found(login, rating):
    assert (
        login("unit_officer").get(reverse("attachments:upload", args=["payslip", rating.pk])).status_code
        == 404
    )


def test_removing_asks_first_then_removes_and_audits(
    login, world, attached, django_capture_on_commit_callbacks
):
    client = login("unit_officer")
    url = reverse("attachments:delete", args=[attached.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Quyết định xếp loại.pdf" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"note": "Nhầm tệp"})
    assert response.status_code == 302
    assert not Attachment.objects.exists() and stored_files() == []
    assert AuditEntry.objects.get(object_type="attachments.attachment", action="delete").reason == "Nhầm tệp"


def test_the_upload_handler_drops_a_file_past_the_limit_and_keeps_a_small_one(rf):
    from tdkt.attachments.uploads import SizeLimitUploadHandler, upload_too_large

    big = rf.post("/", {"kind": "decision", "file": upload(PDF * 100)})
    big.upload_handlers.insert(0, SizeLimitUploadHandler(big, len(PDF) * 10))
    assert "file" not in big.FILES and upload_too_large(big)

    small = rf.post("/", {"kind": "decision", "file": upload(PDF)})
    small.upload_handlers.insert(0, SizeLimitUploadHandler(small, len(PDF) * 10))
    assert small.FILES["file"].read() == PDF and not upload_too_large(small)
