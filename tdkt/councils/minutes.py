"""The minutes (biên bản) of a council meeting as an official document (Nghị định 30/2020, Mẫu 1.9), built
from `meeting_minutes_data`: attendance, quorum, each item's conflicts, tally and result with its rule.
Render it with tdkt.documents (render_docx / render_pdf)."""

from __future__ import annotations

from tdkt.documents.formatting import vn_date
from tdkt.documents.model import MINUTES, Column, Heading, Issuer, OfficialDocument, Paragraph, Signer, Table

from .models import BallotStatus
from .selectors import MinutesData, MinutesItem


def _count(n: int | None) -> str:
    return "" if n is None else f"{n:02d}"


def _tally(item: MinutesItem) -> tuple[str, str, str, str]:
    """(agree, disagree, abstain, result) as printed in the table."""
    if item.status != BallotStatus.CLOSED:
        return ("", "", "", "Chưa biểu quyết")
    result = "Đạt" if item.passed else "Không đạt"
    if item.tally_withheld:
        return ("–", "–", "–", f"{result} (không công bố số phiếu: dưới số người bỏ phiếu tối thiểu)")
    return (_count(item.agree), _count(item.disagree), _count(item.abstain), result)


def _members_line(data: MinutesData) -> str:
    return (
        f"Thành phần tham dự: {data.present_count:02d}/{data.members_count:02d} thành viên Hội đồng có mặt"
        + (
            f", {data.written_count:02d} thành viên vắng mặt có ý kiến bằng văn bản"
            if data.written_count
            else ""
        )
        + (f", {data.absent_count:02d} thành viên vắng mặt" if data.absent_count else "")
        + (
            f" (đủ số lượng theo quy định: ít nhất {data.quorum_required:02d}; {data.quorum_cite})"
            if data.quorum_met
            else f" (chưa đủ số lượng theo quy định: cần ít nhất {data.quorum_required:02d}; "
            f"{data.quorum_cite})"
        )
        + "."
    )


def minutes_document(data: MinutesData) -> OfficialDocument:
    """The minutes of the meeting as they stand (a meeting still in session prints what is decided so far)."""
    start = (
        f"{data.start_time.hour:02d} giờ {data.start_time.minute:02d} phút, {vn_date(data.date)}"
        if data.start_time
        else vn_date(data.date)
    )
    body: list = [
        Paragraph(f"Thời gian bắt đầu: {start}."),
        Paragraph(f"Địa điểm: {data.place}."),
        Paragraph(_members_line(data)),
        Paragraph(f"Chủ trì (chủ tọa): {data.chair or '…'}, Chủ tịch Hội đồng."),
        Paragraph(f"Thư ký (người ghi biên bản): {data.secretary or '…'}."),
        Heading("Danh sách thành viên Hội đồng", 2, "1"),
        Table(
            columns=(
                Column("STT", 0.6, "center"),
                Column("Họ và tên", 2.6),
                Column("Chức vụ trong Hội đồng", 2),
                Column("Tình hình dự họp", 2),
            ),
            rows=tuple(
                (
                    str(i),
                    m.name,
                    m.role_label + ("" if m.votes else " (không biểu quyết)"),
                    m.attendance_label,
                )
                for i, m in enumerate(data.members, start=1)
            ),
        ),
        Heading("Kết quả bỏ phiếu kín", 2, "2"),
    ]
    if data.items:
        body.append(
            Table(
                columns=(
                    Column("STT", 0.6, "center"),
                    Column("Cá nhân, tập thể được đề nghị", 2.6),
                    Column("Danh hiệu, hình thức", 2.2),
                    Column("Đồng ý", 0.9, "center"),
                    Column("Không đồng ý", 0.9, "center"),
                    Column("Không có ý kiến", 0.9, "center"),
                    Column("Kết quả", 1.5, "center"),
                ),
                rows=tuple(
                    (
                        str(item.position),
                        item.subject_label
                        + (f" ({item.subject_unit_label})" if item.subject_unit_label else ""),
                        item.candidate_label,
                        *_tally(item),
                    )
                    for item in data.items
                ),
            )
        )
    else:
        body.append(Paragraph("Phiên họp không có nội dung biểu quyết."))
    body.append(Heading("Xung đột lợi ích và căn cứ xác định kết quả", 2, "3"))
    declared = False
    for item in data.items:
        for c in item.conflicts:
            declared = True
            detail = f" ({c.detail})" if c.detail else ""
            body.append(
                Paragraph(
                    f"Nội dung {item.position} ({item.subject_label}): {c.member} {c.reason_label}{detail}, "
                    "không tham gia biểu quyết."
                )
            )
    if not declared:
        body.append(Paragraph("Không có thành viên nào khai báo xung đột lợi ích."))
    for item in data.items:
        if item.status == BallotStatus.CLOSED:
            written = (
                f", trong đó {item.written_voters:02d} phiếu bằng văn bản" if item.written_voters else ""
            )
            body.append(
                Paragraph(
                    f"Nội dung {item.position} ({item.subject_label} – {item.candidate_label}): "
                    f"{item.voters or 0:02d} thành viên bỏ phiếu{written}. {item.text} ({item.cite})."
                )
            )
    body.append(
        Paragraph(
            "Cuộc họp kết thúc vào … giờ … phút cùng ngày. Biên bản được lập thành 02 bản, thông qua trước "
            "các thành viên dự họp."
        )
    )
    return OfficialDocument(
        kind=MINUTES,
        issuer=Issuer(name=data.council, abbreviation="HĐTĐKT", governing_body=data.unit),
        place="",
        date=data.date,
        title=data.meeting_title,
        body=tuple(body),
        signers=(Signer.head("Thư ký", data.secretary), Signer.head("Chủ tọa", data.chair)),
        recipients=("Các thành viên Hội đồng", "Lưu: VT, Hồ sơ"),
    )
