"""`render_docx(doc)`: an `OfficialDocument` as an editable .docx laid out per Nghị định 30/2020.

python-docx provides the package (styles, page setup, headers); the body is written as WordprocessingML
text and parsed once, which keeps a 1,000-row award table fast. Everything is explicit in the file:
Times New Roman in the document defaults and the Normal style, A4 and the decree's margins on every
section, sizes on every run, the page number (from page 2) in the header centre.
"""

from __future__ import annotations

import copy
import datetime as dt
import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from lxml import etree

from tdkt.documents.docx_body import BodyWriter, twips
from tdkt.documents.layout import Prepared, prepare
from tdkt.documents.model import ND30, Layout, OfficialDocument

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render_docx(doc: OfficialDocument, layout: Layout = ND30) -> bytes:
    """The document as .docx bytes (A4, Times New Roman, Nghị định 30/2020 layout)."""
    prepared = prepare(doc, layout)
    document = docx.Document()
    _styles(document, layout)
    _properties(document, prepared)
    section = document.sections[0]
    _page_setup(section, layout, landscape=False)
    _page_number_header(section, layout)

    body = document.element.body
    final_sect = body.find(qn("w:sectPr"))
    sections = _section_properties(final_sect, prepared, layout)
    writer = BodyWriter(layout, section_breaks=sections[:-1])
    writer.document(prepared)
    # The body is written as text into the serialised document and parsed once: moving thousands of
    # parsed elements into python-docx's tree one by one costs seconds.
    body.remove(final_sect)
    xml = etree.tostring(document.element, encoding="unicode")
    xml = xml.replace("<w:body/>", f"<w:body>{''.join(writer.out)}{sections[-1]}</w:body>", 1)
    document.part._element = parse_xml(xml)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------------
# Package: styles, properties, page setup, header with the page number
# ----------------------------------------------------------------------------------------------------


def _fonts_xml(font: str) -> str:
    return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'


def _styles(document, layout: Layout) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    half_points = round(layout.body_size * 2)
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>{_fonts_xml(layout.font)}"
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
            '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "</w:pPrDefault></w:docDefaults>"
        ),
    )
    normal = document.styles["Normal"]
    normal.font.name = layout.font
    normal.font.size = Pt(layout.body_size)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), layout.font)
    fonts.set(qn("w:cs"), layout.font)
    fmt = normal.paragraph_format
    fmt.first_line_indent = Mm(layout.first_line_indent_mm)
    fmt.space_after = Pt(layout.paragraph_spacing_pt)
    fmt.line_spacing = layout.line_spacing
    fmt.alignment = 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Header", "Footer"):
        style = document.styles[name]
        style.font.name = layout.font
        style.paragraph_format.first_line_indent = Mm(0)


def _properties(document, prepared: Prepared) -> None:
    doc = prepared.doc
    props = document.core_properties
    props.title = prepared.metadata_title[:255]
    props.subject = doc.title[:255]
    props.author = doc.metadata_author or doc.issuer.name
    props.language = "vi-VN"
    props.last_modified_by = props.author
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)


def _page_setup(section, layout: Layout, *, landscape: bool) -> None:
    section.orientation = 1 if landscape else 0  # WD_ORIENT.LANDSCAPE / PORTRAIT
    width, height = Mm(layout.page_width_mm), Mm(layout.page_height_mm)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = Mm(layout.margin_top_mm)
    section.bottom_margin = Mm(layout.margin_bottom_mm)
    section.left_margin = Mm(layout.margin_left_mm)
    section.right_margin = Mm(layout.margin_right_mm)
    section.header_distance = Mm(layout.header_distance_mm)
    section.footer_distance = Mm(layout.header_distance_mm)
    section.different_first_page_header_footer = True  # no number on the first page (Phụ lục I, I.7)


def _page_number_header(section, layout: Layout) -> None:
    """Arabic page number, centred in the top margin, upright, from page 2 (Phụ lục I, I.7)."""
    section.first_page_header.is_linked_to_previous = False
    first = section.first_page_header.paragraphs[0]
    first.paragraph_format.first_line_indent = Mm(0)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    size = round(layout.page_number_size * 2)
    rpr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    paragraph.alignment = 1  # WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Mm(0)
    for xml in (
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}>{rpr}<w:t>2</w:t></w:r>",
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def _section_properties(final_sect, prepared: Prepared, layout: Layout) -> list[str]:
    """The sectPr of each section: the main part, then one per appendix.

    An appendix starts a section of its own: page numbers restart at 1 and its first page shows none
    (Phụ lục I, III.1.đ); a landscape appendix turns its pages. Only the first section names the header
    parts; the following ones inherit them.
    """
    out = []
    for i, landscape in enumerate([False, *(a.landscape for a in prepared.appendices)]):
        sect = copy.deepcopy(final_sect)
        if i > 0:
            for ref in sect.findall(qn("w:headerReference")) + sect.findall(qn("w:footerReference")):
                sect.remove(ref)
            _restart_numbering(sect)
        _orient(sect, layout, landscape=landscape)
        out.append(etree.tostring(sect, encoding="unicode"))
    return out


def _orient(sect, layout: Layout, *, landscape: bool) -> None:
    size = sect.find(qn("w:pgSz"))
    w, h = twips(layout.page_width_mm), twips(layout.page_height_mm)
    if landscape:
        size.set(qn("w:w"), str(h))
        size.set(qn("w:h"), str(w))
        size.set(qn("w:orient"), "landscape")
    else:
        size.set(qn("w:w"), str(w))
        size.set(qn("w:h"), str(h))
        size.attrib.pop(qn("w:orient"), None)


def _restart_numbering(sect) -> None:
    existing = sect.find(qn("w:pgNumType"))
    if existing is not None:
        sect.remove(existing)
    numbering = parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>')
    # schema order: … pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
    cols = sect.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        sect.append(numbering)
