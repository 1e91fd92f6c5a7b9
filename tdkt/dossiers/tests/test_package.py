"""Forwarding to the higher level: the zip package (documents, evidence files, dossier.json) and its import
by the Sở's tdkt — all or nothing, named problems, never twice."""

import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.core.errors import ApplicationError
from tdkt.dossiers.models import ReceivedPackage
from tdkt.dossiers.package import build_package, package_import
from tdkt.dossiers.services import letter_issue, letter_save
from tdkt.nominations.models import EvidenceSnapshot, Nomination, Round
from tdkt.nominations.services import TRANSITIONS
from tdkt.records import services as records

from .conftest import TODAY, docx_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(submitted):
    world, round, _hoa, _an = submitted
    letter_save(
        actor=world.unit_officer,
        round=round,
        to="Sở Y tế Thử nghiệm",
        place="Bình An",
        signer_title="Giám đốc",
    )
    letter_issue(actor=world.unit_officer, round=round, today=TODAY)
    return world, round, build_package(round=round, today=TODAY, actor=world.unit_officer)


def rezip(content: bytes, change) -> bytes:
    """The package with its files passed through change(name, bytes) -> bytes | None (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = change(name, src.read(name))
            if data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def test_the_package_holds_the_documents_and_a_machine_readable_round(package):
    world, _round, content = package
    zf = zipfile.ZipFile(io.BytesIO(content))
    manifest = json.loads(zf.read("dossier.json"))
    assert manifest["format"] == "tdkt-dossier" and manifest["version"] == 1
    assert manifest["source"] == {"code": "BVA", "name": "Bệnh viện Đa khoa A", "abbreviation": "BVA"}
    assert manifest["round"]["year"] == 2025 and manifest["letter"]["reference"] == "01/TTr-BVA"
    by_name = {n["name"]: n for n in manifest["nominations"]}
    hoa = by_name["Nguyễn Thị Hoa"]
    assert hoa["candidate"] == "grassroots_emulation_fighter" and hoa["status"] == "submitted"
    assert hoa["person"]["cccd"] == world.hoa.cccd
    assert hoa["achievements"][0]["decision_number"] == "45/QĐ-BVA"
    assert hoa["snapshots"][0]["answer"]["verdict"] == "eligible"
    assert any(i["key"] == "rating:2025" for i in hoa["snapshots"][0]["record"])
    names = set(zf.namelist())
    assert set(manifest["letter"]["documents"]) <= names
    assert "van-ban/to-trinh-01-ttr-bva.pdf" in names
    report = hoa["documents"][0]
    assert "BÁO CÁO THÀNH TÍCH CÁ NHÂN" in docx_lines(zf.read(report))
    assert set(manifest["files"]) == names - {"dossier.json"}
    assert report.removesuffix(".docx") + ".pdf" in hoa["documents"] and set(hoa["documents"]) <= names


def test_the_so_imports_the_package_as_a_round_of_submitted_nominations(package):
    world, round, content = package
    received = package_import(
        actor=world.so_officer, unit=world.so, content=content, filename="p.zip", today=TODAY
    )
    new = received.round
    assert new.unit == world.so and new.year == 2025 and "Bệnh viện Đa khoa A" in new.name
    imported = {n.name: n for n in new.nominations.all()}
    assert set(imported) == {"Nguyễn Thị Hoa", "Trần Văn An"}
    hoa = imported["Nguyễn Thị Hoa"]
    assert (
        hoa.status == "submitted"
        and hoa.person == world.hoa
        and hoa.candidate == "grassroots_emulation_fighter"
    )
    source = Nomination.objects.get(round=round, person=world.hoa)
    assert hoa.received_from.source_uid == source.uid
    # the evidence arrives as the sender froze it, and stays frozen
    frozen = EvidenceSnapshot.objects.get(nomination=hoa)
    assert frozen.step == "submit" and frozen.record == source.snapshots.get().record
    event = hoa.events.get()
    assert event.step == "create" and event.reason == "Nhập từ gói hồ sơ của Bệnh viện Đa khoa A"
    # the Sở works the imported nominations with the normal workflow
    verified = TRANSITIONS["verify"](actor=world.so_officer, nomination=hoa, today=TODAY, reason="")
    assert verified.status == "verified"
    # the same package is refused a second time, and nothing is written
    with pytest.raises(ApplicationError, match="đã được nhập"):
        package_import(actor=world.so_officer, unit=world.so, content=content, filename="p.zip", today=TODAY)
    assert Round.objects.filter(unit=world.so).count() == 1
    # and so is a new package of the same round: its nominations were already received
    again = build_package(round=round, today=TODAY)
    with pytest.raises(ApplicationError) as refused:
        package_import(actor=world.so_officer, unit=world.so, content=again, filename="p2.zip", today=TODAY)
    assert any("Nguyễn Thị Hoa" in p and "đã được nhập" in p for p in refused.value.extra["problems"])


def test_an_import_is_all_or_nothing_and_names_each_problem(package):
    world, _round, content = package

    def forget_hoa(name, data):
        if name != "dossier.json":
            return data
        manifest = json.loads(data)
        manifest["nominations"][0]["person"]["cccd"] = "001099000999"
        manifest["nominations"][1]["candidate"] = "no_such_title"
        return json.dumps(manifest).encode()

    with pytest.raises(ApplicationError) as refused:
        package_import(
            actor=world.so_officer,
            unit=world.so,
            content=rezip(content, forget_hoa),
            filename="x.zip",
            today=TODAY,
        )
    problems = refused.value.extra["problems"]
    assert any("không tìm thấy người có số CCCD 001099000999" in p for p in problems)
    assert any("«no_such_title» không áp dụng" in p for p in problems)
    assert not any("SHA-256" in p for p in problems)  # the documents themselves are intact
    assert not ReceivedPackage.objects.exists() and not Round.objects.filter(unit=world.so).exists()


def test_a_damaged_or_foreign_file_is_refused_with_a_clear_message(package):
    world, _round, content = package
    tampered = rezip(content, lambda name, data: data + b"x" if name.endswith(".pdf") else data)
    with pytest.raises(ApplicationError) as refused:
        package_import(actor=world.so_officer, unit=world.so, content=tampered, filename="x.zip", today=TODAY)
    assert any("đã bị thay đổi sau khi lập gói" in p for p in refused.value.extra["problems"])
    missing = rezip(content, lambda name, data: None if name.startswith("van-ban/bao-cao") else data)
    with pytest.raises(ApplicationError) as refused:
        package_import(actor=world.so_officer, unit=world.so, content=missing, filename="x.zip", today=TODAY)
    assert any(
        p.startswith("Gói thiếu tệp van-ban/bao-cao-thanh-tich-") for p in refused.value.extra["problems"]
    )
    with pytest.raises(ApplicationError, match="không phải gói hồ sơ tdkt"):
        package_import(
            actor=world.so_officer, unit=world.so, content=b"%PDF-1.4", filename="x.pdf", today=TODAY
        )
    no_manifest = rezip(content, lambda name, data: None if name == "dossier.json" else data)
    with pytest.raises(ApplicationError, match=r"thiếu tệp mô tả dossier\.json"):
        package_import(
            actor=world.so_officer, unit=world.so, content=no_manifest, filename="x.zip", today=TODAY
        )
    with pytest.raises(ApplicationError, match="do chính Bệnh viện Đa khoa A lập"):
        package_import(
            actor=world.unit_officer, unit=world.hosp_a, content=content, filename="x.zip", today=TODAY
        )
    with pytest.raises(ApplicationError, match="không trực thuộc Trung tâm Y tế Khu vực C"):
        package_import(
            actor=world.so_officer, unit=world.centre, content=content, filename="x.zip", today=TODAY
        )
    with pytest.raises(ApplicationError, match="không có quyền"):
        package_import(actor=world.outsider, unit=world.so, content=content, filename="x.zip", today=TODAY)


def test_round_trip_through_the_pages(package, client):
    world, round, _content = package
    client.force_login(world.unit_officer)
    response = client.get(f"/dossiers/rounds/{round.pk}/package.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    content = response.content
    client.force_login(world.so_officer)
    page = client.post(
        "/dossiers/import/",
        {"unit": world.so.pk, "package": SimpleUploadedFile("ho-so.zip", content, "application/zip")},
    )
    assert page.status_code == 302
    new = ReceivedPackage.objects.get().round
    assert page["Location"] == f"/nominations/rounds/{new.pk}/"
    again = client.post(
        "/dossiers/import/",
        {"unit": world.so.pk, "package": SimpleUploadedFile("ho-so.zip", content, "application/zip")},
    )
    assert again.status_code == 400 and "đã được nhập" in again.content.decode()
    for extension, kind in (("docx", "officedocument"), ("pdf", "pdf")):
        r = client.get(f"/dossiers/rounds/{round.pk}/letter.{extension}")
        assert r.status_code == 200 and kind in r["Content-Type"]


def test_the_so_downloads_the_package_as_received(package, client):
    world, _round, content = package
    received = package_import(
        actor=world.so_officer, unit=world.so, content=content, filename="p.zip", today=TODAY
    )
    client.force_login(world.so_officer)
    page = client.get(f"/dossiers/rounds/{received.round_id}/").content.decode()
    assert "received-download" in page and "Bệnh viện Đa khoa A" in page
    download = client.get(f"/dossiers/rounds/{received.round_id}/received.zip")
    assert (
        download.status_code == 200
        and b"".join(download.streaming_content if download.streaming else [download.content]) == content
    )
    client.force_login(world.outsider)
    assert client.get(f"/dossiers/rounds/{received.round_id}/received.zip").status_code == 404


def test_evidence_files_travel_in_the_package_and_are_listed(submitted, settings, tmp_path):
    from django.core.files.base import ContentFile

    from tdkt.attachments.models import Attachment
    from tdkt.records.models import Achievement, ConferredAward

    settings.MEDIA_ROOT = tmp_path
    world, round, _hoa, _an = submitted
    award = records.award_record(
        actor=None,
        person=world.hoa,
        year=2024,
        candidate="grassroots_emulation_fighter",
        decision_number="7/QĐ-BVA",
    )
    content = b"%PDF-1.4 giay chung nhan"
    for obj, kind in (
        (Achievement.objects.get(), "certificate"),
        (ConferredAward.objects.get(pk=award.pk), "decision"),
    ):
        att = Attachment(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            kind=kind,
            original_name=f"{kind}.pdf",
            media_type="application/pdf",
            size=len(content),
            sha256=hashlib.sha256(content + kind.encode()).hexdigest(),
        )
        att.file.save(f"{kind}.pdf", ContentFile(content + kind.encode()), save=False)
        att.save()
    zf = zipfile.ZipFile(io.BytesIO(build_package(round=round, today=TODAY)))
    manifest = json.loads(zf.read("dossier.json"))
    evidence = {e["record"]: e for n in manifest["nominations"] for e in n["evidence"]}
    assert evidence["achievement"]["title"] == "Bảng kiểm an toàn người bệnh trước phẫu thuật"
    assert (
        evidence["award"]["title"] == "Chiến sĩ thi đua cơ sở 2024"
        and evidence["award"]["kind"] == "decision"
    )
    assert zf.read(evidence["award"]["path"]) == content + b"decision"
