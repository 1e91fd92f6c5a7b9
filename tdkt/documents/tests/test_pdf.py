"""The PDF read back: its text with Vietnamese diacritics, page setup, fonts, page numbers, and a picture."""

import dataclasses
import io
import subprocess

import pypdf
import pytest

from tdkt.documents import samples
from tdkt.documents.model import Appendix, Column, Paragraph, Table
from tdkt.documents.pdf_render import render_html, render_pdf
from tdkt.documents.tests.conftest import pdf_text

A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def decision_pdf() -> bytes:
    return render_pdf(samples.sample_decision(awardees=60))


def _page_lines(content: bytes, page: int, tmp_path) -> list[str]:
    """Lines of one page in reading layout (poppler's pdftotext), margins included."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_the_first_page_reads_as_an_official_decision_with_its_diacritics(decision_pdf):
    text = pdf_text(decision_pdf)[0]
    for expected in (
        "SỞ Y TẾ TỈNH BÌNH AN",
        "BỆNH VIỆN ĐA KHOA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/QĐ-BVĐK",
        "Bình An, ngày 05 tháng 02 năm 2026",
        "QUYẾT ĐỊNH",
        "GIÁM ĐỐC BỆNH VIỆN ĐA KHOA TỈNH BÌNH AN",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Quốc Huy",
    ):
        assert expected in text, expected
    assert "thi hành\nQuyết định này./." in text or "thi hành Quyết định này./." in text


def test_the_pages_are_a4_with_the_liberation_serif_fonts_embedded(decision_pdf):
    reader = pypdf.PdfReader(io.BytesIO(decision_pdf))
    assert all(
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) == A4_POINTS
        for p in reader.pages
    )
    fonts = {str(f["/BaseFont"]).split("+")[-1] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts == {
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-Bold-Italic",
    }
    assert reader.metadata.title.startswith("Quyết định 15/QĐ-BVĐK: Về việc tặng Giấy khen")


def test_the_text_starts_inside_the_decree_margins(decision_pdf):
    reader = pypdf.PdfReader(io.BytesIO(decision_pdf))
    xs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    left_mm = min(xs) * 25.4 / 72
    assert 29.5 <= left_mm <= 31  # 30 mm left margin, the header table starts at it


def test_page_numbers_start_on_page_two_and_restart_in_the_appendix(decision_pdf, tmp_path):
    pages = len(pypdf.PdfReader(io.BytesIO(decision_pdf)).pages)
    assert pages >= 3
    assert _page_lines(decision_pdf, 1, tmp_path)[0].startswith("SỞ Y TẾ TỈNH BÌNH AN")
    assert _page_lines(decision_pdf, 2, tmp_path)[0] == "Phụ lục"  # the appendix's first page: no number
    assert _page_lines(decision_pdf, 3, tmp_path)[0] == "2"
    long_plan = dataclasses.replace(
        samples.sample_plan(),
        body=tuple(Paragraph("Nội dung kế hoạch được triển khai. " * 12) for _ in range(14)),
    )
    plan = render_pdf(long_plan)
    assert _page_lines(plan, 2, tmp_path)[0] == "2"


def test_the_award_list_repeats_its_header_on_every_page(decision_pdf):
    pages = pdf_text(decision_pdf)
    assert "Phụ lục" in pages[1] and "DANH SÁCH TẬP THỂ VÀ CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN" in pages[1]
    assert "(Kèm theo Quyết định số 15/QĐ-BVĐK ngày 05 tháng 02 năm 2026" in pages[1]
    for page in pages[1:]:
        assert "STT Họ và tên / Tên tập thể Chức vụ, đơn vị công tác" in page
    assert "I. TẬP THỂ (03)" in pages[1] and "II. CÁ NHÂN (60)" in pages[1]


def test_a_landscape_appendix_is_printed_on_turned_pages():
    wide = Appendix(
        title="Bảng tổng hợp",
        number="II",
        blocks=(Table(columns=tuple(Column(f"Cột {i}") for i in range(12)), rows=(tuple("x" * 12),)),),
        landscape=True,
    )
    doc = samples.sample_decision(awardees=5)
    reader = pypdf.PdfReader(
        io.BytesIO(render_pdf(dataclasses.replace(doc, appendices=(*doc.appendices, wide))))
    )
    last = reader.pages[-1]
    assert (round(float(last.mediabox.width), 2), round(float(last.mediabox.height), 2)) == A4_POINTS[::-1]
    assert "Phụ lục II" in last.extract_text()


def test_minutes_and_achievement_reports_keep_their_own_layout():
    minutes = pdf_text(render_pdf(samples.sample_minutes()))[0]
    assert "Số: 03/BB-HĐTĐKT" in minutes and "ngày 20 tháng 01 năm 2026\n" not in minutes.split("BIÊN BẢN")[0]
    assert "THƯ KÝ" in minutes and "CHỦ TỌA" in minutes
    report = "\n".join(pdf_text(render_pdf(samples.sample_achievement_report())))
    assert "BÁO CÁO THÀNH TÍCH" in report and "Số:" not in report
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in report and "./." not in report


def test_document_text_is_escaped_not_interpreted():
    doc = dataclasses.replace(
        samples.sample_plan(),
        body=(Paragraph('<img src="http://example.com/x.png"> <b>đậm</b> & "trích"'),),
    )
    html = render_html(doc)
    assert "&lt;img src=" in html and "<img" not in html
    text = pdf_text(render_pdf(doc))[0]
    assert '<img src="http://example.com/x.png"> <b>đậm</b> & "trích"./.' in text.replace("\n", " ")


def test_a_page_renders_to_a_picture_with_the_header_in_ink(decision_pdf, tmp_path, artifacts):
    from PIL import Image

    path = tmp_path / "decision.pdf"
    path.write_bytes(decision_pdf)
    stem = artifacts / "documents-decision-page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(stem)],
        check=True,
    )
    image = Image.open(f"{stem}.png").convert("L")
    assert image.size in {(496, 702), (497, 702)}  # A4 at 60 dpi
    width, height = image.size
    header = image.crop((int(width * 0.14), int(height * 0.06), int(width * 0.93), int(height * 0.16)))
    left_margin = image.crop((0, int(height * 0.1), int(width * 0.13), int(height * 0.9)))
    assert header.getextrema()[0] < 80  # dark text in the header band
    assert left_margin.getextrema()[0] > 200  # nothing printed in the 30 mm left margin


def test_each_element_is_printed_at_the_decree_size_and_style(decision_pdf):
    drawn: dict[str, tuple[float, str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            drawn.setdefault(
                text.strip(), (round(size * tm[0] * cm[0], 1), str(font["/BaseFont"]).split("+")[-1])
            )

    pypdf.PdfReader(io.BytesIO(decision_pdf)).pages[0].extract_text(visitor_text=visit)
    assert drawn["SỞ Y TẾ TỈNH BÌNH AN"] == (12, "Liberation-Serif")
    assert drawn["BỆNH VIỆN ĐA KHOA"] == (12, "Liberation-Serif-Bold")
    assert drawn["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] == (12, "Liberation-Serif-Bold")
    assert drawn["Độc lập - Tự do - Hạnh phúc"] == (13, "Liberation-Serif-Bold")
    assert drawn["Số: 15/QĐ-BVĐK"] == (13, "Liberation-Serif")
    assert drawn["Bình An, ngày 05 tháng 02 năm 2026"] == (13, "Liberation-Serif-Italic")
    assert drawn["QUYẾT ĐỊNH"] == (14, "Liberation-Serif-Bold")
    assert drawn["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"] == (
        14,
        "Liberation-Serif-Italic",
    )
    assert drawn["Điều 1."] == (14, "Liberation-Serif-Bold")
    assert drawn["Nơi nhận:"] == (12, "Liberation-Serif-Bold-Italic")
    assert drawn["- Như Điều 3;"] == (11, "Liberation-Serif")
    assert drawn["KT. GIÁM ĐỐC"] == (14, "Liberation-Serif-Bold")
