"""The dossier's documents read back: achievement reports (person and collective) from the frozen evidence,
and the round's submission letter numbered from the register when issued."""

import pytest

from tdkt.core.errors import ApplicationError
from tdkt.documents.docx_render import render_docx
from tdkt.documents.models import RegisterEntry
from tdkt.documents.pdf_render import render_pdf
from tdkt.dossiers.documents import (
    achievement_report_document,
    dossier_nominations,
    report_data,
    submission_letter_document,
)
from tdkt.dossiers.services import letter_for, letter_issue, letter_save
from tdkt.eligibility.services import eligibility_recompute
from tdkt.records import services as records

from .conftest import TODAY, YEAR, docx_lines, nominate, open_round, pdftotext

pytestmark = pytest.mark.django_db


def report_lines(nomination, **kw):
    data = report_data([nomination], today=TODAY)[nomination.pk]
    doc = achievement_report_document(data, place="Bình An", date=None, year=2026, **kw)
    return [line for line in docx_lines(render_docx(doc)) if line], doc


def test_a_persons_report_follows_the_annex_form_and_is_filled_from_the_frozen_record(submitted, tmp_path):
    world, _round, hoa, _an = submitted
    lines, doc = report_lines(hoa)
    text = "\n".join(lines)
    assert "BÁO CÁO THÀNH TÍCH CÁ NHÂN" in lines
    assert "Đề nghị xét tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025" in lines
    for heading in (
        "I. SƠ LƯỢC LÝ LỊCH",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    ):
        assert heading in lines
    assert "Họ và tên: Nguyễn Thị Hoa;" in lines or "Họ và tên: Nguyễn Thị Hoa" in text
    # ratings by year, the initiative with its decision, the two award tables of the form
    assert "Kết quả đánh giá, xếp loại" in lines
    assert "Bảng kiểm an toàn người bệnh trước phẫu thuật" in lines
    assert any("QĐ số 45/QĐ-BVA ngày 20/10/2025" in line for line in lines)
    assert "Danh hiệu thi đua" in lines and "Hình thức khen thưởng" in lines
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in lines and "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in lines
    assert "BỆNH VIỆN ĐA KHOA A" in lines and "KHOA NỘI" not in lines  # the institution reports
    assert (
        "Đối chiếu tiêu chuẩn khi trình ngày" in text
        and "(quy định có hiệu lực từ 01/01/2024): đủ điều kiện." in text
    )
    assert "Chức vụ: Trưởng khoa" not in text  # Hoa is a nurse of Khoa Nội
    # the report is the evidence as submitted: a later change of the record does not reach it
    records.rating_set(actor=None, person=world.hoa, year=YEAR, rating="completed", unit=world.hosp_a)
    hoa.refresh_from_db()
    later, _doc = report_lines(hoa)
    assert later == lines
    # and the PDF says the same
    pdf = pdftotext(render_pdf(doc), tmp_path)
    assert "BÁO CÁO THÀNH TÍCH CÁ NHÂN" in pdf and "Nguyễn Thị Hoa" in pdf
    assert "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" in pdf and "45/QĐ-BVA" in pdf


def test_a_draft_report_reads_the_record_as_it_stands(dossier_world):
    world = dossier_world
    round = open_round(world)
    (an,) = nominate(world, round, "advanced_worker", world.an)
    lines, _doc = report_lines(an)
    assert "Đề nghị xét tặng danh hiệu “Lao động tiên tiến” năm 2025" in lines
    assert "Hoàn thành tốt nhiệm vụ" in lines


def test_a_collectives_report_describes_the_collective_and_its_members(dossier_world):
    world = dossier_world
    records.collective_rating_set(actor=None, unit=world.ward_a, year=YEAR, rating="good")
    records.award_record(actor=None, person=world.hoa, year=YEAR, candidate="advanced_worker")
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    round = open_round(world)
    (n,) = nominate(world, round, "advanced_collective", world.ward_a, reasons={world.ward_a.pk: "Khoa mới"})
    lines, _doc = report_lines(n)
    text = "\n".join(lines)
    assert "BÁO CÁO THÀNH TÍCH TẬP THỂ" in lines
    assert "I. ĐẶC ĐIỂM, TÌNH HÌNH" in lines
    assert "Tên tập thể: Khoa Nội;" in lines or "Tên tập thể: Khoa Nội" in text
    assert "Trực thuộc: Bệnh viện Đa khoa A" in text
    assert "thành viên" in text  # the members' figures of the year
    assert "THỦ TRƯỞNG TẬP THỂ" in lines


def test_the_letter_lists_the_nominees_by_title_and_takes_a_number_when_issued(submitted, tmp_path):
    world, round, _hoa, _an = submitted
    draft = submission_letter_document(letter_for(round), dossier_nominations(round), today=TODAY)
    lines = [line for line in docx_lines(render_docx(draft)) if line]
    assert "TỜ TRÌNH" in lines
    assert any(line.startswith("Số:") and line.endswith("/TTr-BVA") for line in lines)
    letter_save(
        actor=world.unit_officer,
        round=round,
        to="Sở Y tế Thử nghiệm\nHội đồng Thi đua - Khen thưởng ngành Y tế",
        place="Bình An",
        signer_authority="",
        signer_title="Giám đốc",
        signer_name="Trần Văn An",
    )
    letter = letter_issue(actor=world.unit_officer, round=round, today=TODAY)
    assert letter.reference == "01/TTr-BVA"
    assert RegisterEntry.objects.get(issuer=world.hosp_a, kind="submission_letter").symbol == "01/TTr-BVA"
    doc = submission_letter_document(letter, list(letter.nominations.all()), today=TODAY)
    lines = [line for line in docx_lines(render_docx(doc)) if line]
    text = "\n".join(lines)
    assert "Số: 01/TTr-BVA" in lines
    assert "Bình An, ngày 23 tháng 11 năm 2026" in lines
    assert "Kính gửi:" in text and "Sở Y tế Thử nghiệm" in text
    assert "- Danh hiệu “Chiến sĩ thi đua cơ sở”: 01 cá nhân;" in lines
    assert "- Danh hiệu “Lao động tiên tiến”: 01 cá nhân." in lines
    assert "Năm 2025: Hoàn thành xuất sắc nhiệm vụ; 01 sáng kiến, đề tài được công nhận" in lines
    # the list appendix, by title
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in lines
    assert "I. CHIẾN SĨ THI ĐUA CƠ SỞ (01)" in lines and "II. LAO ĐỘNG TIÊN TIẾN (01)" in lines
    assert "Nguyễn Thị Hoa" in lines and "Trần Văn An" in lines
    assert "Trưởng khoa, Bệnh viện Đa khoa A" in lines  # An heads a department (no department given)
    assert "(Kèm theo Tờ trình số 01/TTr-BVA ngày 23/11/2026 của Bệnh viện Đa khoa A)" in lines
    pdf = pdftotext(render_pdf(doc), tmp_path)
    assert "Số: 01/TTr-BVA" in pdf and "TỜ TRÌNH" in pdf and "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in pdf
    # issued: fixed for good
    with pytest.raises(ApplicationError, match="đã ban hành"):
        letter_issue(actor=world.unit_officer, round=round, today=TODAY)
    with pytest.raises(ApplicationError, match="không sửa được"):
        letter_save(actor=world.unit_officer, round=round, place="Khác")


def test_a_letter_is_not_issued_without_a_submitted_nomination_nor_by_another_unit(dossier_world):
    world = dossier_world
    round = open_round(world)
    nominate(world, round, "advanced_worker", world.an)  # a draft only
    letter_save(actor=world.unit_officer, round=round, to="Sở Y tế", place="Bình An", signer_title="Giám đốc")
    with pytest.raises(ApplicationError, match="chưa có đề nghị nào đã trình"):
        letter_issue(actor=world.unit_officer, round=round, today=TODAY)
    assert not RegisterEntry.objects.exists()
    with pytest.raises(ApplicationError, match="không có quyền"):
        letter_save(actor=world.outsider, round=round, place="X")


def test_a_letter_never_edited_is_issued_with_the_usual_addressees(submitted, client):
    world, round, _hoa, _an = submitted
    client.force_login(world.unit_officer)
    assert "letter-issue" in client.get(f"/dossiers/rounds/{round.pk}/").content.decode()
    client.post(f"/dossiers/rounds/{round.pk}/letter/issue/")
    letter = letter_for(round)
    assert letter.reference == "01/TTr-BVA" and letter.to_lines[0] == "Sở Y tế Thử nghiệm"
    assert letter.place == "Bệnh viện Đa khoa A"  # no province in the names: the unit's own name
