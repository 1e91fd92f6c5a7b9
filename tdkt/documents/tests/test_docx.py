"""The .docx read back with python-docx: texts, styles, sizes, page setup and sections as the decree sets."""

import dataclasses
import io

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tdkt.documents import samples
from tdkt.documents.docx_render import render_docx
from tdkt.documents.model import Appendix, Column, Paragraph, Table
from tdkt.documents.tests.conftest import docx_lines, docx_paragraph


@pytest.fixture(scope="module")
def decision() -> bytes:
    return render_docx(samples.sample_decision())


def _open(content: bytes):
    return docx.Document(io.BytesIO(content))


def _mm(*lengths) -> tuple:
    """Lengths in millimetres to 0.1 mm (the file stores twips: 210 mm is 11,906 twips)."""
    return tuple(round(length.mm, 1) for length in lengths)


def _sizes(paragraph) -> set:
    return {r.font.size for r in paragraph.runs}


def test_the_file_is_a4_with_the_decree_margins_and_times_new_roman(decision):
    document = _open(decision)
    section = document.sections[0]
    assert _mm(section.page_width, section.page_height) == (210, 297)
    margins = _mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert margins == (20, 20, 30, 15)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert normal.paragraph_format.first_line_indent == Mm(12.7)
    assert normal.paragraph_format.space_after == Pt(6)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert document.core_properties.title.startswith("Quyết định 15/QĐ-BVĐK: Về việc tặng Giấy khen")


def test_the_header_holds_the_bodies_the_national_name_the_motto_the_number_and_the_date(decision):
    header = _open(decision).tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "SỞ Y TẾ TỈNH BÌNH AN",
        "BỆNH VIỆN ĐA KHOA",
        "TỈNH BÌNH AN",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    governing, issuer = left.paragraphs[0], left.paragraphs[1]
    assert not governing.runs[0].bold and issuer.runs[0].bold and _sizes(issuer) == {Pt(12)}
    national, motto = right.paragraphs[0], right.paragraphs[1]
    assert national.runs[0].bold and _sizes(national) == {Pt(12)}
    assert motto.runs[0].bold and _sizes(motto) == {Pt(13)}
    number, date = (c.paragraphs[0] for c in header.rows[1].cells)
    assert number.text == "Số: 15/QĐ-BVĐK" and _sizes(number) == {Pt(13)} and not number.runs[0].italic
    assert (
        date.text == "Bình An, ngày 05 tháng 02 năm 2026" and date.runs[0].italic and _sizes(date) == {Pt(13)}
    )


def test_the_header_table_has_no_borders_and_short_rules_under_the_issuer_and_the_motto(decision):
    header = _open(decision).tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = header.rows[0].cells
    for cell, text_mm in ((left, 65), (right, 100)):
        rule = cell.paragraphs[-1]
        assert rule.text == ""
        assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
        indent = rule._p.pPr.find(qn("w:ind"))
        length = text_mm - 2 * int(indent.get(qn("w:left"))) * 25.4 / 1440
        assert 10 < length < text_mm * 0.6
    motto_rule = right.paragraphs[-1]._p.pPr.find(qn("w:ind"))
    assert 100 - 2 * int(motto_rule.get(qn("w:left"))) * 25.4 / 1440 == pytest.approx(56.1, abs=0.5)


def test_the_title_the_bases_and_the_articles_follow_the_decision_model(decision):
    lines = docx_lines(decision)
    start = lines.index("QUYẾT ĐỊNH")
    assert lines[start + 1 : start + 3] == [
        "Về việc tặng Giấy khen cho các tập thể và",
        "cá nhân đã có thành tích xuất sắc năm 2025",
    ]
    assert "GIÁM ĐỐC BỆNH VIỆN ĐA KHOA TỈNH BÌNH AN" in lines
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in lines
    assert "Theo đề nghị của Trưởng phòng Tổ chức – Hành chính." in lines
    assert lines.index("QUYẾT ĐỊNH:") > lines.index("Theo đề nghị của Trưởng phòng Tổ chức – Hành chính.")
    type_name = docx_paragraph(decision, "QUYẾT ĐỊNH")
    assert type_name.runs[0].bold and _sizes(type_name) == {Pt(14)}
    assert type_name.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    basis = docx_paragraph(decision, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    assert basis.runs[0].italic and basis.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    article = next(p for p in docx_lines(decision) if p.startswith("Điều 3."))
    assert article.endswith("thi hành Quyết định này./.")
    article_paragraph = docx_paragraph(decision, article)
    assert article_paragraph.runs[0].text == "Điều 3." and article_paragraph.runs[0].bold
    assert not article_paragraph.runs[-1].bold and _sizes(article_paragraph) == {Pt(14)}
    assert article_paragraph.paragraph_format.first_line_indent == Mm(12.7)


def test_the_signature_and_the_recipients_close_the_document(decision):
    closing = _open(decision).tables[1]
    recipients, signer = closing.rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Ban Giám đốc;",
        "- Lưu: VT, TCHC.",
    ]
    heading = recipients.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size == Pt(12)
    assert {r.font.size for p in recipients.paragraphs[1:] for r in p.runs} == {Pt(11)}
    assert [p.text for p in signer.paragraphs] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Huy"]
    assert all(p.runs[0].bold and _sizes(p) == {Pt(14)} for p in signer.paragraphs)
    assert signer.paragraphs[-1].paragraph_format.space_before >= Mm(20)


def test_the_award_list_is_an_appendix_table_with_a_repeated_header_row(decision):
    document = _open(decision)
    table = document.tables[2]
    assert [c.text for c in table.rows[0].cells] == [
        "STT",
        "Họ và tên / Tên tập thể",
        "Chức vụ, đơn vị công tác",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1].cells[0].text == "I. TẬP THỂ (03)"
    assert [c.text for c in table.rows[2].cells] == [
        "1",
        "Khoa Hồi sức tích cực – Chống độc",
        "Bệnh viện Đa khoa tỉnh Bình An",
    ]
    assert len(table.rows) == 1 + 1 + 3 + 1 + 40
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid]
    assert sum(widths) == round(165 * 1440 / 25.4) and widths[0] < widths[1]
    assert {r.font.size for r in table.rows[3].cells[1].paragraphs[0].runs} == {Pt(13)}
    lines = docx_lines(render_docx(samples.sample_decision()))
    assert lines[lines.index("Phụ lục") + 1] == "DANH SÁCH TẬP THỂ VÀ CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
    reference = "(Kèm theo Quyết định số 15/QĐ-BVĐK ngày 05 tháng 02 năm 2026 của Giám đốc Bệnh viện Đa khoa"
    assert f"{reference} tỉnh Bình An)" in lines


def test_page_numbers_sit_in_the_header_centre_from_page_two_and_restart_in_the_appendix(decision):
    document = _open(decision)
    main, appendix = document.sections
    assert main.different_first_page_header_footer and appendix.different_first_page_header_footer
    assert main.first_page_header.paragraphs[0].text == ""
    number = main.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(t.text for t in number._p.iter(qn("w:instrText")))
    assert {r.font.size for r in number.runs} == {Pt(14)}
    assert main._sectPr.find(qn("w:pgNumType")) is None
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.header.is_linked_to_previous
    assert _mm(appendix.left_margin, appendix.page_width) == (30, 210)


def test_a_landscape_appendix_turns_its_pages_and_the_main_part_stays_upright():
    wide = Appendix(
        title="Bảng tổng hợp",
        number="II",
        blocks=(Table(columns=tuple(Column(str(i)) for i in range(12)), rows=(tuple("x" * 12),)),),
        landscape=True,
    )
    doc = samples.sample_decision()
    content = render_docx(dataclasses.replace(doc, appendices=(*doc.appendices, wide)))
    sections = _open(content).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert _mm(sections[2].page_width, sections[2].page_height) == (297, 210)
    assert "Phụ lục II" in docx_lines(content)


def test_minutes_are_signed_by_the_secretary_on_the_left_and_the_chair_on_the_right():
    content = render_docx(samples.sample_minutes())
    header = _open(content).tables[0]
    assert header.rows[1].cells[0].text == "Số: 03/BB-HĐTĐKT" and header.rows[1].cells[1].text == ""
    closing = _open(content).tables[-1]
    assert [c.text for c in closing.rows[0].cells] == ["THƯ KÝ", "CHỦ TỌA"]
    assert [c.text for c in closing.rows[1].cells] == ["Võ Thị Ngọc Anh", "Trần Quốc Huy"]
    assert [p.text for p in closing.rows[2].cells[0].paragraphs][:2] == ["", "Nơi nhận:"]
    assert "Cuộc họp kết thúc vào 16 giờ 30 phút cùng ngày./." in docx_lines(content)


def test_a_submission_letter_lists_its_addressees_after_kinh_gui():
    lines = docx_lines(render_docx(samples.sample_submission_letter()))
    first = lines.index("Kính gửi: - Sở Y tế tỉnh Bình An;")
    assert lines[first + 1] == "- Hội đồng Thi đua - Khen thưởng ngành Y tế."
    assert lines[lines.index("Nơi nhận:") + 1] == "- Như trên;"


def test_a_plan_prints_its_headings_lists_and_table():
    content = render_docx(samples.sample_plan())
    lines = docx_lines(content)
    for line in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Các khoa, phòng và trạm y tế xã",
        "Số: 870/KH-TTYT",
    ):
        assert line in lines
    assert "- Công tác khen thưởng phải kịp thời, chính xác, công khai, minh bạch;" in lines
    assert docx_paragraph(content, "I. MỤC ĐÍCH, YÊU CẦU").runs[0].bold
    assert not docx_paragraph(content, "a) Các khoa, phòng và trạm y tế xã").runs[0].bold
    theme = next(p for p in lines if p.startswith("Chủ đề thi đua:"))
    runs = docx_paragraph(content, theme).runs
    assert runs[0].bold and runs[1].italic and not runs[1].bold
    assert "Tân Phong, ngày 02 tháng 01 năm 2026" in lines


def test_text_is_escaped_and_line_breaks_are_kept():
    doc = dataclasses.replace(
        samples.sample_plan(), body=(Paragraph('Giá <thấp> & "tốt"\ndòng hai'),), title="A < B & C"
    )
    content = render_docx(doc)
    assert 'Giá <thấp> & "tốt"\ndòng hai./.' in docx_lines(content)
    assert "A < B & C" in docx_lines(content)


def test_a_draft_leaves_the_number_and_the_day_blank():
    content = render_docx(samples.sample_decision(number=None, day=None))
    header = _open(content).tables[0]
    assert header.rows[1].cells[0].text == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-BVĐK"
    assert header.rows[1].cells[1].text.endswith("năm 2026")
