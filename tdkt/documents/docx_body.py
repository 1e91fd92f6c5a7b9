"""The body of a .docx as WordprocessingML text: header table, title, bases, blocks, signatures, appendices.

Written as strings and parsed once by `docx_render`: a 1,000-row award list stays fast. Every run carries
its size; paragraphs carry their alignment, indent and spacing (Nghị định 30/2020, Phụ lục I).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from tdkt.documents.layout import CELL_PADDING_MM, Prepared, PreparedAppendix, SignatureRow
from tdkt.documents.metrics import text_width_mm
from tdkt.documents.model import MOTTO, NATIONAL_NAME, Article, Layout, Run, Signer, Table, TableSection

_JC = {"justify": "both", "center": "center", "left": "left", "right": "right"}


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _row(cells: str) -> str:
    """A table row that never breaks across pages."""
    return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"


class BodyWriter:
    def __init__(self, layout: Layout, *, section_breaks: list[str]):
        self.layout = layout
        self.section_breaks = section_breaks
        self.out: list[str] = []
        self.indent = twips(layout.first_line_indent_mm)
        self.after = round(layout.paragraph_spacing_pt * 20)
        self.text_width = twips(layout.text_width_mm)

    # --- primitives ---------------------------------------------------------------------------------

    def run(self, run: Run, size: float, *, bold=False, italic=False) -> str:
        props = []
        if run.bold or bold:
            props.append("<w:b/><w:bCs/>")
        if run.italic or italic:
            props.append("<w:i/><w:iCs/>")
        if run.underline:
            props.append('<w:u w:val="single"/>')
        half = round(size * 2)
        props.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>"
        parts = run.text.split("\n")
        texts = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
        return f"<w:r>{rpr}{texts}</w:r>"

    def para(
        self,
        runs,
        *,
        size: float | None = None,
        align: str = "justify",
        first_line: int | None = None,
        left: int = 0,
        hanging: int = 0,
        before: int = 0,
        after: int | None = None,
        bold: bool = False,
        italic: bool = False,
        keep_next: bool = False,
        keep_lines: bool = False,
        page_break_before: bool = False,
        style: str = "",
        line: int | None = None,
    ) -> str:
        size = self.layout.body_size if size is None else size
        after = self.after if after is None else after
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if keep_next:
            ppr.append("<w:keepNext/>")
        if keep_lines:
            ppr.append("<w:keepLines/>")
        if page_break_before:
            ppr.append("<w:pageBreakBefore/>")
        spacing_line = f' w:line="{line}" w:lineRule="auto"' if line else ""
        ppr.append(f'<w:spacing w:before="{before}" w:after="{after}"{spacing_line}/>')
        if hanging:
            ppr.append(f'<w:ind w:left="{left}" w:hanging="{hanging}"/>')
        else:
            first = self.indent if first_line is None else first_line
            ppr.append(f'<w:ind w:left="{left}" w:firstLine="{first}"/>')
        ppr.append(f'<w:jc w:val="{_JC[align]}"/>')
        half = round(size * 2)
        ppr.append(f'<w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
        content = "".join(self.run(r, size, bold=bold, italic=italic) for r in runs)
        return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{content}</w:p>"

    def centred(self, text: str, size: float, *, bold=False, italic=False, before=0, after=0, keep_next=True):
        return self.para(
            (Run(text),),
            size=size,
            align="center",
            first_line=0,
            before=before,
            after=after,
            bold=bold,
            italic=italic,
            keep_next=keep_next,
        )

    def rule(self, width_mm: float, available_mm: float, *, after: int = 0) -> str:
        """A solid line `width_mm` long, centred: the bottom border of an empty 2 pt paragraph."""
        side = max(0, twips((available_mm - width_mm) / 2))
        return (
            "<w:p><w:pPr><w:keepNext/><w:pBdr>"
            '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            f'<w:spacing w:before="0" w:after="{after}" w:line="120" w:lineRule="exact"/>'
            f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/><w:jc w:val="center"/>'
            '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>'
        )

    def table_open(self, widths: list[int], *, borders: bool, indent: int = 0) -> str:
        total = sum(widths)
        border_xml = (
            "<w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
            if borders
            else "<w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
        pad = twips(CELL_PADDING_MM) if borders else 0
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        return (
            f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblInd w:w="{indent}" w:type="dxa"/>{border_xml}<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        )

    @staticmethod
    def cell(width: int, paragraphs: str, *, span: int = 1, valign: str = "top") -> str:
        span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}'
            f'<w:vAlign w:val="{valign}"/></w:tcPr>{paragraphs or "<w:p/>"}</w:tc>'
        )

    # --- the document ---------------------------------------------------------------------------------

    def document(self, d: Prepared) -> None:
        layout = self.layout
        self.header(d)
        self.out.append(self.centred(d.type_name, layout.type_size, bold=True, before=360))
        for line in d.title_lines:
            self.out.append(self.centred(line, layout.title_size, bold=True))
        self.out.append(self.rule(d.title_rule_mm, layout.text_width_mm, after=240))
        self.to(d)
        if d.authority:
            self.out.append(self.centred(d.authority, layout.body_size, bold=True, after=self.after))
        for line in d.bases:
            self.out.append(self.para((Run(line),), italic=True))
        if d.enacting_clause:
            self.out.append(self.centred(d.enacting_clause, layout.body_size, bold=True, after=self.after))
        self.blocks(d.body, layout.text_width_mm, keep_last=True)
        self.closing(d)
        for i, appendix in enumerate(d.appendices):
            self.out.append(f'<w:p><w:pPr><w:spacing w:after="0"/>{self.section_breaks[i]}</w:pPr></w:p>')
            self.appendix(appendix)

    def header(self, d: Prepared) -> None:
        layout, h = self.layout, d.header
        left_w, right_w = twips(layout.header_left_mm), twips(layout.header_right_mm)
        left_avail = layout.header_left_mm
        size = layout.body_name_size
        left = "".join(self.centred(line, size) for line in h.governing_lines)
        left += "".join(self.centred(line, size, bold=True) for line in h.issuer_lines)
        left += self.rule(h.issuer_rule_mm, left_avail)
        right = self.centred(NATIONAL_NAME, layout.national_name_size, bold=True)
        right += self.centred(MOTTO, layout.motto_size, bold=True)
        right += self.rule(h.motto_rule_mm, layout.header_right_mm)
        # the header table may stand a little left of the text block, as in the decree's models
        indent = twips(layout.text_width_mm - layout.header_left_mm - layout.header_right_mm)
        rows = [_row(self.cell(left_w, left) + self.cell(right_w, right))]
        if h.number_line or h.date_line:
            number = self.centred(h.number_line, layout.number_size, before=120) if h.number_line else ""
            date = self.centred(h.date_line, layout.date_size, italic=True, before=120) if h.date_line else ""
            rows.append(_row(self.cell(left_w, number) + self.cell(right_w, date)))
        self.out.append(self.table_open([left_w, right_w], borders=False, indent=indent))
        self.out.extend(rows)
        self.out.append("</w:tbl>")

    def to(self, d: Prepared) -> None:
        if not d.to:
            return
        size = self.layout.body_size
        if len(d.to) == 1:
            self.out.append(self.centred(d.to[0], size, after=self.after))
            return
        label = "Kính gửi: "
        label_w = twips(text_width_mm(label, size))
        widest = max(twips(text_width_mm(line, size)) for line in d.to) + label_w
        left = max(0, (self.text_width - widest) // 2) + label_w
        for i, line in enumerate(d.to):
            runs = (Run(label + line),) if i == 0 else (Run(line),)
            last = i == len(d.to) - 1
            if i == 0:
                self.out.append(
                    self.para(runs, align="left", left=left, hanging=label_w, after=0, keep_next=True)
                )
            else:
                self.out.append(
                    self.para(runs, align="left", left=left, first_line=0, after=self.after if last else 0)
                )

    def blocks(self, blocks, available_mm: float, *, keep_last: bool = False) -> None:
        layout = self.layout
        for i, block in enumerate(blocks):
            keep = keep_last and i == len(blocks) - 1
            kind = block.block
            if kind == "paragraph":
                self.out.append(
                    self.para(
                        block.content,
                        align=block.align,
                        first_line=None if block.indent else 0,
                        bold=block.bold,
                        italic=block.italic,
                        keep_next=block.keep_with_next or keep,
                    )
                )
            elif kind == "heading":
                self.out.append(
                    self.para(
                        (Run(block.label),),
                        bold=block.level < 3,
                        keep_next=True,
                        align="justify",
                    )
                )
            elif kind == "part":
                self.out.append(self.centred(f"Phần {block.number}", layout.body_size, bold=True, before=120))
                self.out.append(
                    self.centred(block.title.upper(), layout.body_size, bold=True, after=self.after)
                )
            elif kind == "list":
                for marker, item in zip(block.markers(), block.items, strict=True):
                    self.out.append(self.para((Run(f"{marker} "), *item), keep_next=keep))
            elif kind == "article":
                self.article(block, keep)
            elif kind == "table":
                self.table(block, available_mm)
            elif kind == "page_break":
                self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            else:  # pragma: no cover - a new block type must be taught to both renderers
                raise TypeError(f"unknown block {block!r}")

    def article(self, block: Article, keep: bool) -> None:
        if block.title:
            runs = (Run(f"{block.label} {block.title}", bold=True),)
        else:
            runs = (Run(block.label, bold=True), Run(" "), *block.content)
        self.out.append(self.para(runs, keep_next=keep))

    def table(self, block: Table, available_mm: float) -> None:
        size = block.size or self.layout.table_size
        total = twips(available_mm)
        widths = [round(total * s) for s in block.shares()]
        widths[-1] = total - sum(widths[:-1])
        out = self.out
        out.append(self.table_open(widths, borders=True))
        header_cells = "".join(
            self.cell(
                w,
                self.para(
                    (Run(c.title),), size=size, align="center", first_line=0, after=0, bold=True, before=40
                ),
                valign="center",
            )
            for w, c in zip(widths, block.columns, strict=True)
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_cells}</w:tr>")
        aligns = [c.align for c in block.columns]
        half = round(size * 2)
        # cells are written with a fixed paragraph form: the bulk of a long award list
        ppr = {
            a: f'<w:pPr><w:spacing w:before="20" w:after="20"/><w:ind w:left="0" w:firstLine="0"/>'
            f'<w:jc w:val="{_JC[a]}"/><w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:pPr>'
            for a in set(aligns) | {"left"}
        }
        cell_open = {w: f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths}
        for row in block.rows:
            if isinstance(row, TableSection):
                paragraph = f"<w:p>{ppr['left']}{self.run(Run(row.text), size, bold=True)}</w:p>"
                out.append(_row(self.cell(total, paragraph, span=len(widths))))
                continue
            cells = []
            for w, a, runs in zip(widths, aligns, row, strict=True):
                content = "".join(self.run(r, size) for r in runs)
                cells.append(f"{cell_open[w]}<w:p>{ppr[a]}{content}</w:p></w:tc>")
            out.append(_row("".join(cells)))
        out.append("</w:tbl>")
        # a table must be followed by a paragraph; this one also spaces what follows
        out.append(self.para((), after=0, first_line=0, size=6))

    def signer(self, signer: Signer | None) -> str:
        return self.signer_top(signer) + self.signer_name(signer)

    def signer_top(self, signer: Signer | None) -> str:
        """Authority and position lines (capitals, bold), and the note under them (italic)."""
        if signer is None:
            return ""
        size = self.layout.signer_size
        xml = "".join(self.centred(line, size, bold=True) for line in signer.position_lines)
        if signer.note:
            xml += self.centred(signer.note, size, italic=True)
        return xml

    def signer_name(self, signer: Signer | None) -> str:
        """The room to sign and seal, then the name (bold)."""
        if signer is None:
            return ""
        space = round(self.layout.signature_space_mm * 72 / 25.4 * 20)  # twentieths of a point
        return self.centred(signer.name, self.layout.signer_size, bold=True, before=space, keep_next=False)

    def recipients(self, d: Prepared) -> str:
        if not d.recipients:
            return ""
        layout = self.layout
        xml = self.para(
            (Run("Nơi nhận:", bold=True, italic=True),),
            size=layout.recipients_heading_size,
            align="left",
            first_line=0,
            after=0,
            keep_next=True,
        )
        xml += "".join(
            self.para((Run(line),), size=layout.recipients_size, align="left", first_line=0, after=0)
            for line in d.recipients
        )
        return xml

    def closing(self, d: Prepared) -> None:
        if not d.signature_rows and not d.recipients:
            return
        total = self.text_width
        rows = []
        for row in d.signature_rows:
            rows.append(self.signature_row(row, d, total))
        if d.recipients_below:
            half = total // 2
            spacer = self.para((), after=0, first_line=0, before=240, keep_next=True)
            rows.append(_row(self.cell(half, spacer + self.recipients(d)) + self.cell(total - half, "")))
        self.out.append(self.para((), after=0, first_line=0, keep_next=True))
        self.out.append(self.table_open([total // 2, total - total // 2], borders=False))
        self.out.extend(rows)
        self.out.append("</w:tbl>")

    def signature_row(self, row: SignatureRow, d: Prepared, total: int) -> str:
        """A pair of signers takes two rows, positions then names, so that both names line up."""
        half = total // 2
        if row.centre is not None:
            spacer = self.para((), after=0, first_line=0, before=240, keep_next=True)
            return _row(self.cell(total, spacer + self.signer(row.centre), span=2))
        if row.recipients_left:
            return _row(self.cell(half, self.recipients(d)) + self.cell(total - half, self.signer(row.right)))
        tops = self.cell(half, self.signer_top(row.left)) + self.cell(
            total - half, self.signer_top(row.right)
        )
        names = self.cell(half, self.signer_name(row.left)) + self.cell(
            total - half, self.signer_name(row.right)
        )
        return _row(tops) + _row(names)

    def appendix(self, a: PreparedAppendix) -> None:
        layout = self.layout
        width_mm = (layout.page_height_mm if a.landscape else layout.page_width_mm) - (
            layout.margin_left_mm + layout.margin_right_mm
        )
        self.out.append(self.centred(a.heading, 14, bold=True))
        for line in a.title_lines:
            self.out.append(self.centred(line, layout.title_size, bold=True))
        self.out.append(self.centred(a.reference, layout.body_size, italic=True))
        self.out.append(self.rule(a.rule_mm, width_mm, after=240))
        self.blocks(a.blocks, width_mm)
