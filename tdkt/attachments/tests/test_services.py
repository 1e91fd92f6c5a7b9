"""Adding and removing evidence files: checked by content and size before anything is stored, audited,
and removed from the storage only when the removal is committed."""

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from tdkt.accounts.models import AuditEntry
from tdkt.attachments.models import Attachment
from tdkt.attachments.services import MAX_PER_RECORD, attachment_add, attachment_delete
from tdkt.core.errors import ApplicationError
from tdkt.records import services

from .files import EXE, JPEG, PDF, PNG, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def rating(world):
    return services.rating_set(actor=None, person=world.hoa, year=2024, rating="excellent", unit=world.hosp_a)


def stored_files() -> list[str]:
    found = []

    def walk(path):
        dirs, files = default_storage.listdir(path)
        found.extend(f"{path}/{f}" for f in files)
        for d in dirs:
            walk(f"{path}/{d}")

    if default_storage.exists("attachments"):
        walk("attachments")
    return found


def test_a_pdf_is_stored_under_a_generated_name_and_audited(world, rating):
    attachment = attachment_add(
        actor=world.unit_officer,
        target=rating,
        upload=upload(PDF, name="C:\\scan\\biên bản họp.pdf"),
        kind="minutes",
        description="  Biên bản   họp hội đồng ",
    )
    assert attachment.original_name == "biên bản họp.pdf"
    assert attachment.description == "Biên bản họp hội đồng"
    assert (attachment.media_type, attachment.size) == ("application/pdf", len(PDF))
    assert attachment.file.name.startswith("attachments/") and attachment.file.name.endswith(".pdf")
    assert "biên" not in attachment.file.name and "scan" not in attachment.file.name
    assert default_storage.open(attachment.file.name).read() == PDF
    entry = AuditEntry.objects.get(object_type="attachments.attachment", object_id=str(attachment.pk))
    assert entry.action == "create" and entry.actor == world.unit_officer
    assert entry.changes["original_name"] == [None, "biên bản họp.pdf"]
    assert entry.changes["target"] == [None, f"records.annualrating#{rating.pk}"]


@pytest.mark.parametrize(("content", "extension"), [(JPEG, ".jpg"), (PNG, ".png")])
def test_images_are_accepted_and_named_by_their_real_type(world, rating, content, extension):
    attachment = attachment_add(
        actor=None, target=rating, upload=upload(content, name="anh-chup.pdf"), kind="decision"
    )
    assert attachment.file.name.endswith(extension)
    assert attachment.download_name == f"anh-chup.pdf{extension}"


def test_a_program_renamed_as_pdf_is_refused_and_nothing_is_stored(world, rating):
    with pytest.raises(ApplicationError) as refused:
        attachment_add(actor=None, target=rating, upload=upload(EXE, name="quyet-dinh.pdf"), kind="decision")
    assert refused.value.extra == {"field": "file"}
    assert "PDF, JPEG" in refused.value.message
    assert not Attachment.objects.exists() and stored_files() == []


def test_an_oversize_file_is_refused_and_nothing_is_stored(world, rating, settings):
    settings.TDKT_MAX_UPLOAD_MB = 1
    big = PDF[:-6] + b"\0" * (1024 * 1024) + b"%%EOF\n"
    with pytest.raises(ApplicationError) as refused:
        attachment_add(actor=None, target=rating, upload=upload(big), kind="decision")
    assert "1 MB" in refused.value.message
    assert not Attachment.objects.exists() and stored_files() == []


def test_an_empty_or_cut_off_file_is_refused(world, rating):
    for content in (b"", PDF[: len(PDF) // 2]):
        with pytest.raises(ApplicationError):
            attachment_add(actor=None, target=rating, upload=upload(content), kind="decision")
    assert stored_files() == []


def test_a_document_kind_the_record_does_not_take_is_refused(world, rating):
    with pytest.raises(ApplicationError) as refused:
        attachment_add(actor=None, target=rating, upload=upload(), kind="certificate")
    assert refused.value.extra == {"field": "kind"}


def test_the_same_file_twice_on_one_record_is_refused(world, rating):
    attachment_add(actor=None, target=rating, upload=upload(name="a.pdf"), kind="decision")
    with pytest.raises(ApplicationError, match=r"«a\.pdf»"):
        attachment_add(actor=None, target=rating, upload=upload(name="b.pdf"), kind="decision")
    assert len(stored_files()) == 1


def test_a_record_holds_a_limited_number_of_files(world, rating):
    for i in range(MAX_PER_RECORD):
        attachment_add(actor=None, target=rating, upload=upload(PDF + str(i).encode()), kind="other")
    with pytest.raises(ApplicationError):
        attachment_add(actor=None, target=rating, upload=upload(PDF + b"last"), kind="other")
    assert len(stored_files()) == MAX_PER_RECORD


def test_a_failed_save_removes_the_file_it_had_written(world, rating, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("tdkt.attachments.services.audit_log", broken)
    with pytest.raises(RuntimeError):
        attachment_add(actor=None, target=rating, upload=upload(), kind="decision")
    assert stored_files() == []


def test_removing_a_file_is_audited_and_the_file_leaves_the_storage_on_commit(
    world, rating, django_capture_on_commit_callbacks
):
    attachment = attachment_add(actor=None, target=rating, upload=upload(), kind="decision")
    name = attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(actor=world.unit_officer, attachment=attachment, reason="Tải nhầm tệp")
    assert not default_storage.exists(name)
    entry = AuditEntry.objects.get(object_type="attachments.attachment", action="delete")
    assert entry.reason == "Tải nhầm tệp" and entry.changes["file"] == [name, None]


def test_a_rolled_back_removal_keeps_the_file(world, rating, django_capture_on_commit_callbacks):
    attachment = attachment_add(actor=None, target=rating, upload=upload(), kind="decision")
    pk, name = attachment.pk, attachment.file.name
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        attachment_delete(actor=None, attachment=attachment)
        raise RuntimeError("something later failed")
    assert default_storage.exists(name)
    assert Attachment.objects.filter(pk=pk).exists()


def test_deleting_a_record_deletes_its_files(world, rating, django_capture_on_commit_callbacks):
    attachment = attachment_add(actor=None, target=rating, upload=upload(), kind="decision")
    with django_capture_on_commit_callbacks(execute=True):
        services.rating_delete(actor=world.unit_officer, annual_rating=rating, reason="Nhập trùng")
    assert not Attachment.objects.exists()
    assert not default_storage.exists(attachment.file.name)
    assert AuditEntry.objects.filter(object_type="attachments.attachment", action="delete").count() == 1
