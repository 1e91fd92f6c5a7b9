"""What both renderers print, decided once: header lines, rules, punctuation, "./.", signature rows.

`prepare(doc)` turns an `OfficialDocument` into a `Prepared` document whose strings are final (capitals,
punctuation, line breaks of centred names), so the .docx and the PDF cannot disagree on any text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tdkt.documents.formatting import (
    date_line,
    number_line,
    number_symbol,
    punctuate_lines,
    recipient_lines,
    sentence_case,
    strip_end_punctuation,
    vn_date,
)
from tdkt.documents.metrics import text_width_mm
from tdkt.documents.model import (
    CLOSING_MARK,
    MOTTO,
    ND30,
    Appendix,
    Article,
    Block,
    ItemList,
    Layout,
    OfficialDocument,
    Paragraph,
    Run,
    Signer,
)

RULE_SHARE = 0.4  # a rule under a name or title is 1/3 to 1/2 of the text line (Phụ lục I, II.2.b, II.5.b)
CELL_PADDING_MM = 1.0


@dataclass(frozen=True)
class Header:
    governing_lines: tuple[str, ...]  # capitals, upright
    issuer_lines: tuple[str, ...]  # capitals, bold
    issuer_rule_mm: float
    motto_rule_mm: float
    number_line: str  # "" when the document shows none
    date_line: str  # "" for minutes


@dataclass(frozen=True)
class SignatureRow:
    """One row of the closing table: "Nơi nhận" and/or signers on the left, a signer on the right,
    or one signer centred under a pair."""

    left: Signer | None = None
    right: Signer | None = None
    centre: Signer | None = None
    recipients_left: bool = False


@dataclass(frozen=True)
class PreparedAppendix:
    heading: str  # "Phụ lục" / "Phụ lục II"
    title_lines: tuple[str, ...]
    reference: str
    rule_mm: float
    blocks: tuple[Block, ...]
    landscape: bool


@dataclass(frozen=True)
class Prepared:
    doc: OfficialDocument
    layout: Layout
    metadata_title: str  # "Quyết định 15/QĐ-BVĐK: Về việc tặng Giấy khen …" (file properties)
    header: Header
    type_name: str
    title_lines: tuple[str, ...]
    title_rule_mm: float
    to: tuple[str, ...]  # "Kính gửi" lines: one "Kính gửi: X", or "- A;" "- B." after a "Kính gửi:" label
    authority: str
    bases: tuple[str, ...]
    enacting_clause: str
    body: tuple[Block, ...]
    signature_rows: tuple[SignatureRow, ...]
    recipients: tuple[str, ...]
    recipients_below: bool  # "Nơi nhận" after the signatures rather than beside the single signer
    appendices: tuple[PreparedAppendix, ...]


def balanced_lines(text: str, max_mm: float, size_pt: float, *, bold: bool = False) -> tuple[str, ...]:
    """Split a centred name into as few lines as fit `max_mm`, as even as possible.

    "BỆNH VIỆN ĐA KHOA TỈNH BÌNH AN" in a 65 mm column gives "BỆNH VIỆN ĐA KHOA" / "TỈNH BÌNH AN" rather
    than leaving "AN" alone on the second line. A "\\n" in `text` forces a break.
    """
    out: list[str] = []
    for part in text.split("\n"):
        words = part.split()
        if not words:
            continue
        out.extend(_balance(words, max_mm, size_pt, bold))
    return tuple(out)


# A name that must wrap breaks before its place or sector part, or after a dash or comma, when it can:
# "BỆNH VIỆN ĐA KHOA" / "TỈNH BÌNH AN" keeps the two syllables of "đa khoa" together, as set by hand in
# real documents. A break costs as much as this many millimetres of extra width: none before a place,
# a little after a dash or comma, more anywhere else.
_BREAK_BEFORE = (
    "tỉnh",
    "thành phố",
    "khu vực",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "ngành",
)
_BREAK_AFTER = ("-", "–", ",")


def _break_cost(words: list[str], i: int) -> float:
    if " ".join(words[i:]).lower().startswith(_BREAK_BEFORE):
        return 0.0
    return 8.0 if words[i - 1].endswith(_BREAK_AFTER) else 16.0


def _balance(words: list[str], max_mm: float, size_pt: float, bold: bool) -> list[str]:
    def width(ws) -> float:
        return text_width_mm(" ".join(ws), size_pt, bold=bold)

    if width(words) <= max_mm or len(words) == 1:
        return [" ".join(words)]
    n = len(words)
    two_lines = [
        (widest + _break_cost(words, i), i)
        for i in range(1, n)
        if (widest := max(width(words[:i]), width(words[i:]))) <= max_mm
    ]
    if two_lines:
        i = min(two_lines)[1]
        return [" ".join(words[:i]), " ".join(words[i:])]
    for count in range(3, n + 1):
        best = _best_split(words, count, width)
        if best is not None and max(width(line) for line in best) <= max_mm:
            return [" ".join(line) for line in best]
    return words


def _best_split(words: list[str], count: int, width) -> list[list[str]] | None:
    """The split of `words` into `count` lines with the narrowest widest line (n ≤ ~30 words)."""
    n = len(words)
    if count > n:
        return None
    best: list[list[str]] | None = None
    best_width = float("inf")

    def walk(start: int, left: int, acc: list[list[str]]):
        nonlocal best, best_width
        if left == 1:
            lines = [*acc, words[start:]]
            widest = max(width(line) for line in lines)
            if widest < best_width:
                best, best_width = lines, widest
            return
        for end in range(start + 1, n - left + 2):
            line = words[start:end]
            if width(line) >= best_width:
                break
            walk(end, left - 1, [*acc, line])

    walk(0, count, [])
    return best


def _header(doc: OfficialDocument, layout: Layout) -> Header:
    column = layout.header_left_mm - 2 * CELL_PADDING_MM
    size = layout.body_name_size
    governing = balanced_lines(doc.issuer.governing_body.upper(), column, size)
    issuer = balanced_lines(doc.issuer.name.upper(), column, size, bold=True)
    widest = max((text_width_mm(line, size, bold=True) for line in issuer), default=0.0)
    number = ""
    if doc.has_number_line:
        number = number_line(doc.number, kind=doc.kind.abbreviation, issuer=doc.issuer.abbreviation)
    dated = doc.kind.dated_header
    return Header(
        governing_lines=governing,
        issuer_lines=issuer,
        issuer_rule_mm=round(RULE_SHARE * min(widest, column), 1),
        motto_rule_mm=round(text_width_mm(MOTTO, layout.motto_size, bold=True), 1),
        number_line=number,
        date_line=date_line(doc.place, doc.date, year=doc.issue_year) if dated else "",
    )


def _with_closing_mark(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """End the content with "./." (the models of Phụ lục III): on the last sentence, or on its own line."""
    if not blocks:
        return (Paragraph(CLOSING_MARK, align="right", indent=False),)
    last = blocks[-1]
    if isinstance(last, Paragraph):
        return (*blocks[:-1], replace(last, content=_close_runs(last.content)))
    if isinstance(last, Article) and last.content:
        return (*blocks[:-1], replace(last, content=_close_runs(last.content)))
    if isinstance(last, ItemList) and last.items:
        items = (*last.items[:-1], _close_runs(last.items[-1]))
        return (*blocks[:-1], replace(last, items=items))
    return (*blocks, Paragraph(CLOSING_MARK, align="right", indent=False))


def _close_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    last = runs[-1]
    text = last.text.rstrip()
    if text.endswith(CLOSING_MARK):
        return runs
    text = text[:-1] if text.endswith(".") else strip_end_punctuation(text)
    return (*runs[:-1], replace(last, text=text + CLOSING_MARK))


def _signature_rows(
    signers: tuple[Signer, ...], has_recipients: bool
) -> tuple[tuple[SignatureRow, ...], bool]:
    """A single signer sits on the right with "Nơi nhận" on the left; two or more sign in pairs (left,
    right: "THƯ KÝ" and "CHỦ TỌA" of minutes), an odd last one centred, and "Nơi nhận" follows."""
    if len(signers) <= 1:
        row = SignatureRow(right=signers[0] if signers else None, recipients_left=has_recipients)
        return ((row,) if (signers or has_recipients) else ()), False
    rows = [SignatureRow(left=signers[i], right=signers[i + 1]) for i in range(0, len(signers) - 1, 2)]
    if len(signers) % 2:
        rows.append(SignatureRow(centre=signers[-1]))
    return tuple(rows), has_recipients


def appendix_reference(doc: OfficialDocument) -> str:
    """ "(Kèm theo Quyết định số 15/QĐ-SYT ngày 05 tháng 02 năm 2026 của Giám đốc Sở Y tế tỉnh Bình An)"."""
    symbol = number_symbol(doc.number, kind=doc.kind.abbreviation, issuer=doc.issuer.abbreviation)
    of = sentence_case(doc.authority) if doc.authority else doc.issuer.name
    kind = doc.type_name or doc.kind.name
    return f"(Kèm theo {sentence_case(kind)} số {symbol} {vn_date(doc.date, year=doc.issue_year)} của {of})"


def _appendix(doc: OfficialDocument, appendix: Appendix, layout: Layout) -> PreparedAppendix:
    width = (layout.page_height_mm if appendix.landscape else layout.page_width_mm) - (
        layout.margin_left_mm + layout.margin_right_mm
    )
    title_lines = balanced_lines(appendix.title.upper(), width, layout.title_size, bold=True)
    widest = max((text_width_mm(line, layout.title_size, bold=True) for line in title_lines), default=0.0)
    return PreparedAppendix(
        heading=f"Phụ lục {appendix.number}".strip(),
        title_lines=title_lines,
        reference=appendix.reference if appendix.reference is not None else appendix_reference(doc),
        rule_mm=round(RULE_SHARE * min(widest, width), 1),
        blocks=appendix.blocks,
        landscape=appendix.landscape,
    )


def prepare(doc: OfficialDocument, layout: Layout = ND30) -> Prepared:
    width = layout.text_width_mm - 2 * CELL_PADDING_MM
    title_lines = balanced_lines(doc.title, width, layout.title_size, bold=True)
    widest = max((text_width_mm(line, layout.title_size, bold=True) for line in title_lines), default=0.0)
    if len(doc.to) == 1:
        to = (f"Kính gửi: {strip_end_punctuation(doc.to[0])}",)
    else:
        to = tuple(recipient_lines(doc.to))
    rows, recipients_below = _signature_rows(doc.signers, bool(doc.recipients))
    kind = sentence_case(doc.type_name or doc.kind.name)
    if doc.has_number_line and doc.number is not None:
        kind += " " + number_symbol(doc.number, kind=doc.kind.abbreviation, issuer=doc.issuer.abbreviation)
    return Prepared(
        doc=doc,
        layout=layout,
        metadata_title=f"{kind}: {doc.title}",
        header=_header(doc, layout),
        type_name=doc.printed_type_name,
        title_lines=title_lines,
        title_rule_mm=round(RULE_SHARE * min(widest, width), 1),
        to=to,
        authority=doc.authority.upper(),
        bases=tuple(punctuate_lines(doc.bases)),
        enacting_clause=doc.kind.enacting_clause,
        body=_with_closing_mark(doc.body) if doc.has_closing_mark else doc.body,
        signature_rows=rows,
        recipients=tuple(recipient_lines(doc.recipients)),
        recipients_below=recipients_below,
        appendices=tuple(_appendix(doc, a, layout) for a in doc.appendices),
    )
