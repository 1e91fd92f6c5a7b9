"""Worked examples of the document model: one of each kind tdkt issues, with the fictional Bình An province.

They show callers how to build documents (see docs/documents.md) and feed the tests and the benchmark.
Every name in them is invented.
"""

from __future__ import annotations

import datetime as dt

from tdkt.documents.formatting import filing_line
from tdkt.documents.model import (
    ACHIEVEMENT_REPORT,
    DECISION,
    MINUTES,
    PLAN,
    SUBMISSION_LETTER,
    Appendix,
    Article,
    Column,
    Heading,
    Issuer,
    ItemList,
    OfficialDocument,
    Paragraph,
    Signer,
    Table,
    TableSection,
    bold,
    italic,
)

PLACE = "Bình An"
SO = Issuer(name="Sở Y tế tỉnh Bình An", abbreviation="SYT", governing_body="Ủy ban nhân dân tỉnh Bình An")
HOSPITAL = Issuer(
    name="Bệnh viện Đa khoa tỉnh Bình An", abbreviation="BVĐK", governing_body="Sở Y tế tỉnh Bình An"
)
CENTRE = Issuer(
    name="Trung tâm Y tế khu vực Tân Phong", abbreviation="TTYT", governing_body="Sở Y tế tỉnh Bình An"
)
COUNCIL = Issuer(
    name="Hội đồng Thi đua - Khen thưởng",
    abbreviation="HĐTĐKT",
    governing_body="Bệnh viện Đa khoa tỉnh Bình An",
)

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh")
_MIDDLE = ("Thị", "Văn", "Thị Thu", "Minh", "Ngọc", "Quốc", "Thị Kim", "Hữu")
_GIVEN = ("Hoa", "An", "Bình", "Cường", "Dung", "Giang", "Hạnh", "Khánh", "Lan", "Mỹ", "Nga", "Phúc", "Quyên")
_POSTS = (
    "Điều dưỡng, Khoa Hồi sức tích cực – Chống độc",
    "Bác sĩ, Khoa Nội tổng hợp",
    "Kỹ thuật viên, Khoa Xét nghiệm",
    "Dược sĩ, Khoa Dược",
    "Hộ sinh, Khoa Phụ sản",
    "Chuyên viên, Phòng Tổ chức – Hành chính",
)


def sample_people(count: int) -> list[tuple[str, str]]:
    """(name, post and department) of `count` invented staff, deterministic."""
    return [
        (
            f"{_FAMILY[i % 10]} {_MIDDLE[(i * 3) % 8]} {_GIVEN[(i * 7) % 13]}",
            _POSTS[i % len(_POSTS)],
        )
        for i in range(count)
    ]


def sample_decision(
    *, awardees: int = 40, number: int | None = 15, day=dt.date(2026, 2, 5)
) -> OfficialDocument:
    """A Quyết định awarding Giấy khen to `awardees` individuals and three collectives (Mẫu 1.2)."""
    rows: list = [TableSection("I. TẬP THỂ (03)")]
    for i, name in enumerate(("Khoa Hồi sức tích cực – Chống độc", "Khoa Nhi", "Phòng Điều dưỡng"), start=1):
        rows.append((str(i), name, "Bệnh viện Đa khoa tỉnh Bình An"))
    rows.append(TableSection(f"II. CÁ NHÂN ({awardees:02d})"))
    for i, (name, post) in enumerate(sample_people(awardees), start=1):
        rows.append((str(i), name, post))
    table = Table(
        columns=(
            Column("STT", 0.7, "center"),
            Column("Họ và tên / Tên tập thể", 2.8),
            Column("Chức vụ, đơn vị công tác", 5.5),
        ),
        rows=tuple(rows),
    )
    return OfficialDocument(
        kind=DECISION,
        issuer=HOSPITAL,
        number=number,
        place=PLACE,
        date=day,
        year=None if day else 2026,
        title="Về việc tặng Giấy khen cho các tập thể và cá nhân đã có thành tích xuất sắc năm 2025",
        authority="Giám đốc Bệnh viện Đa khoa tỉnh Bình An",
        bases=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng",
            "Căn cứ Quyết định số 1268/QĐ-SYT ngày 20 tháng 6 năm 2025 của Sở Y tế tỉnh Bình An quy định "
            "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bệnh viện Đa khoa tỉnh Bình An",
            "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Bệnh viện ngày 20 tháng 01 năm 2026",
            "Theo đề nghị của Trưởng phòng Tổ chức – Hành chính",
        ),
        body=(
            Article(
                1,
                f"Tặng Giấy khen cho 03 tập thể và {awardees:02d} cá nhân (có danh sách kèm theo) đã có "
                "thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025.",
            ),
            Article(
                2,
                "Mỗi tập thể được thưởng 1.580.000 đồng, mỗi cá nhân được thưởng 710.000 đồng, từ Quỹ thi "
                "đua, khen thưởng của Bệnh viện.",
            ),
            Article(
                3,
                "Quyết định này có hiệu lực kể từ ngày ký. Trưởng phòng Tổ chức – Hành chính, Trưởng phòng "
                "Tài chính – Kế toán, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
                "Quyết định này.",
            ),
        ),
        signers=(Signer.deputy("Giám đốc", "Phó Giám đốc", "Trần Quốc Huy"),),
        recipients=("Như Điều 3", "Ban Giám đốc", filing_line("TCHC")),
        appendices=(
            Appendix(
                title="Danh sách tập thể và cá nhân được tặng Giấy khen",
                blocks=(table,),
            ),
        ),
    )


def sample_plan() -> OfficialDocument:
    """A Kế hoạch launching the 2026 movement (Mẫu 1.4), with headings, lists and a targets table."""
    return OfficialDocument(
        kind=PLAN,
        issuer=CENTRE,
        number=870,
        place="Tân Phong",
        date=dt.date(2026, 1, 2),
        title="Phát động phong trào thi đua năm 2026",
        body=(
            Paragraph(
                "Thực hiện Kế hoạch số 2192/KH-SYT ngày 26 tháng 12 năm 2025 của Sở Y tế tỉnh Bình An về "
                "phát động phong trào thi đua năm 2026, Trung tâm Y tế khu vực Tân Phong xây dựng Kế hoạch "
                "phát động phong trào thi đua năm 2026 như sau:"
            ),
            Heading("Mục đích, yêu cầu", 1, "I"),
            Heading("Mục đích", 2, "1"),
            Paragraph(
                "Khơi dậy tinh thần thi đua yêu nước, động viên viên chức, người lao động ra sức phấn đấu "
                "hoàn thành xuất sắc nhiệm vụ chuyên môn, nâng cao chất lượng khám bệnh, chữa bệnh và sự hài "
                "lòng của người bệnh."
            ),
            Heading("Yêu cầu", 2, "2"),
            ItemList(
                (
                    "Phong trào thi đua phải thiết thực, hiệu quả, bám sát nhiệm vụ chính trị của đơn vị;",
                    "Công tác khen thưởng phải kịp thời, chính xác, công khai, minh bạch;",
                    "Phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến.",
                )
            ),
            Heading("Nội dung thi đua", 1, "II"),
            Paragraph(
                (
                    bold("Chủ đề thi đua: "),
                    italic("“Đoàn kết, kỷ cương, sáng tạo, nâng cao chất lượng chăm sóc sức khỏe Nhân dân”."),
                )
            ),
            Heading("Chỉ tiêu thi đua", 2, "1"),
            Table(
                columns=(
                    Column("STT", 0.6, "center"),
                    Column("Chỉ tiêu", 5),
                    Column("Mức phấn đấu", 1.6, "center"),
                ),
                rows=(
                    ("1", "Viên chức ký cam kết thi đua", "100 %"),
                    ("2", "Người cao tuổi trên 40 tuổi được khám sàng lọc", "≥ 70 %"),
                    ("3", "Người bệnh hài lòng với dịch vụ y tế", "> 90 %"),
                ),
            ),
            Heading("Tổ chức thực hiện", 1, "III"),
            Heading("Các khoa, phòng và trạm y tế xã", 3, "a"),
            Paragraph(
                "Tổ chức quán triệt kế hoạch đến toàn thể viên chức, người lao động; đăng ký thi đua trước "
                "ngày 15 tháng 01 năm 2026 và báo cáo kết quả về Phòng Tổ chức – Hành chính."
            ),
        ),
        signers=(Signer.head("Giám đốc", "Lê Thị Thu Hà"),),
        recipients=(
            "Sở Y tế tỉnh Bình An (để báo cáo)",
            "Ban Giám đốc",
            "Các khoa, phòng, trạm y tế xã",
            filing_line("TCHC"),
        ),
    )


def sample_minutes() -> OfficialDocument:
    """The minutes of a council meeting (Mẫu 1.9): no date line at the top, secretary and chair sign."""
    return OfficialDocument(
        kind=MINUTES,
        issuer=COUNCIL,
        number=3,
        place=PLACE,
        date=dt.date(2026, 1, 20),
        title="Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2025",
        body=(
            Paragraph("Thời gian bắt đầu: 14 giờ 00 phút, ngày 20 tháng 01 năm 2026."),
            Paragraph("Địa điểm: Hội trường Bệnh viện Đa khoa tỉnh Bình An."),
            Paragraph("Thành phần tham dự: 9/9 thành viên Hội đồng."),
            Paragraph("Chủ trì (chủ tọa): ông Trần Quốc Huy, Phó Giám đốc, Chủ tịch Hội đồng."),
            Paragraph("Thư ký: bà Võ Thị Ngọc Anh, Trưởng phòng Tổ chức – Hành chính."),
            Heading("Kết quả bỏ phiếu kín", 2, "1"),
            Table(
                columns=(
                    Column("STT", 0.6, "center"),
                    Column("Họ và tên", 3),
                    Column("Hình thức đề nghị", 3),
                    Column("Số phiếu đồng ý", 1.4, "center"),
                    Column("Tỷ lệ", 1, "center"),
                ),
                rows=(
                    ("1", "Nguyễn Thị Hoa", "Chiến sĩ thi đua cơ sở", "9/9", "100 %"),
                    ("2", "Phạm Văn Cường", "Giấy khen", "8/9", "88,9 %"),
                ),
            ),
            Paragraph("Cuộc họp kết thúc vào 16 giờ 30 phút cùng ngày."),
        ),
        signers=(Signer.head("Thư ký", "Võ Thị Ngọc Anh"), Signer.head("Chủ tọa", "Trần Quốc Huy")),
        recipients=("Ban Giám đốc", "Lưu: VT, Hồ sơ"),
    )


def sample_submission_letter() -> OfficialDocument:
    """A Tờ trình asking the Sở for Bằng khen, with its "Kính gửi" block."""
    return OfficialDocument(
        kind=SUBMISSION_LETTER,
        issuer=HOSPITAL,
        number=45,
        place=PLACE,
        date=dt.date(2026, 2, 10),
        title="Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025",
        to=("Sở Y tế tỉnh Bình An", "Hội đồng Thi đua - Khen thưởng ngành Y tế"),
        body=(
            Paragraph(
                "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Bệnh viện ngày 20 tháng 01 năm 2026, "
                "Bệnh viện Đa khoa tỉnh Bình An kính đề nghị Sở Y tế xem xét, trình Chủ tịch Ủy ban nhân dân "
                "tỉnh tặng Bằng khen cho 01 tập thể và 02 cá nhân đã có thành tích xuất sắc năm 2025 (có "
                "danh sách và báo cáo thành tích kèm theo)."
            ),
            Paragraph("Kính đề nghị Sở Y tế xem xét, quyết định."),
        ),
        signers=(Signer.head("Giám đốc", "Lê Văn Minh"),),
        recipients=("Như trên", filing_line("TCHC")),
    )


def sample_achievement_report(*, paragraphs: int = 12) -> OfficialDocument:
    """A person's achievement report (báo cáo thành tích): no number, three signature blocks."""
    achievements = tuple(
        Paragraph(
            f"Năm {2021 + i % 5}, chủ trì triển khai quy trình chăm sóc người bệnh nặng tại khoa, tham gia "
            "cấp cứu thành công nhiều ca bệnh nguy kịch, hướng dẫn điều dưỡng mới và sinh viên thực tập; "
            "sáng kiến “Bảng kiểm chăm sóc người bệnh thở máy” được Hội đồng khoa học Bệnh viện công nhận "
            "và áp dụng hiệu quả, giảm tỷ lệ viêm phổi liên quan thở máy."
        )
        for i in range(paragraphs)
    )
    return OfficialDocument(
        kind=ACHIEVEMENT_REPORT,
        issuer=Issuer(
            name="Bệnh viện Đa khoa tỉnh Bình An", abbreviation="BVĐK", governing_body="Sở Y tế tỉnh Bình An"
        ),
        place=PLACE,
        date=dt.date(2026, 1, 10),
        title="Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh",
        type_name="Báo cáo thành tích",
        body=(
            Heading("Sơ lược lý lịch", 1, "I"),
            Paragraph("Họ tên: Nguyễn Thị Hoa. Giới tính: Nữ. Ngày sinh: 15/3/1985.", indent=False),
            Paragraph("Đơn vị công tác: Khoa Hồi sức tích cực – Chống độc.", indent=False),
            Heading("Thành tích đạt được", 1, "II"),
            *achievements,
            Heading("Các hình thức đã được khen thưởng", 1, "III"),
            Table(
                columns=(
                    Column("Năm", 0.8, "center"),
                    Column("Danh hiệu thi đua", 2.4),
                    Column(
                        "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành "
                        "quyết định",
                        4,
                    ),
                ),
                rows=tuple(
                    (str(y), "Chiến sĩ thi đua cơ sở", f"QĐ số {100 + y - 2020:03d}/QĐ-BVĐK ngày 20/12/{y}")
                    for y in range(2021, 2026)
                ),
            ),
        ),
        signers=(
            Signer.head("Thủ trưởng đơn vị xác nhận, đề nghị", "Lê Văn Minh", "(Ký, đóng dấu)"),
            Signer.head("Người báo cáo thành tích", "Nguyễn Thị Hoa", "(Ký, ghi rõ họ và tên)"),
            Signer.head("Xác nhận của cấp trình khen thưởng", "", "(Ký, đóng dấu)"),
        ),
    )
