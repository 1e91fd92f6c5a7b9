"""An official document (Nghị định 30/2020/NĐ-CP) as plain, immutable dataclasses: no Django, no ORM.

Features build an `OfficialDocument` from their data and hand it to `render_docx` / `render_pdf`; the
renderers own every layout rule (sizes, case, punctuation of lists, "./."), so a caller writes content
only. Text is given in normal sentence case: what the decree prints in capitals (issuing bodies, type
name, level-I headings, signer positions) is upper-cased by the renderers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["justify", "center", "left", "right"]


# ----------------------------------------------------------------------------------------------------
# Layout constants (Nghị định 30/2020, Phụ lục I: sizes from the decree's example column)
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Page, font and sizes. Every value lies inside the decree's range; sizes are in points."""

    page_width_mm: float = 210  # A4 (Phụ lục I, I.1)
    page_height_mm: float = 297
    margin_top_mm: float = 20  # 20–25 (I.3)
    margin_bottom_mm: float = 20  # 20–25
    margin_left_mm: float = 30  # 30–35
    margin_right_mm: float = 15  # 15–20
    header_distance_mm: float = 10  # where the page number sits inside the top margin
    font: str = "Times New Roman"  # I.4
    national_name_size: float = 12  # Quốc hiệu 12–13
    motto_size: float = 13  # Tiêu ngữ 13–14
    body_name_size: float = 12  # parent and issuing body 12–13
    number_size: float = 13  # "Số: …" 13
    date_size: float = 13  # place and date 13–14
    type_size: float = 14  # "KẾ HOẠCH" 13–14
    title_size: float = 14  # trích yếu 13–14
    body_size: float = 14  # 13–14
    table_size: float = 13
    signer_size: float = 14  # 13–14
    recipients_heading_size: float = 12  # "Nơi nhận:" 12
    recipients_size: float = 11  # 11
    page_number_size: float = 14  # 13–14
    first_line_indent_mm: float = 12.7  # 1 cm or 1.27 cm (II.6.e)
    paragraph_spacing_pt: float = 6  # at least 6 pt
    line_spacing: float = 1.0  # single to 1.5 lines
    header_left_mm: float = 65  # the two header columns (the decree gives no widths)
    header_right_mm: float = 100
    signature_space_mm: float = 25  # room for the hand signature and the seal

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm


ND30 = Layout()

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CLOSING_MARK = "./."


# ----------------------------------------------------------------------------------------------------
# Kinds of document (Phụ lục III, I: the abbreviation table)
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentKind:
    """A named type of administrative document and how it is laid out.

    `dated_header`: a place-and-date line at the top (Biên bản, Mẫu 1.9, has none). `enacting_clause`: the
    centred line after the bases ("QUYẾT ĐỊNH:" in Mẫu 1.2). `numbered`: whether it takes a number in the
    issuer's register (a person's achievement report does not). `closing_mark`: whether the content ends
    with "./." as in the models of Nghị định 30, Phụ lục III.
    """

    code: str
    name: str  # "Kế hoạch"; printed in capitals as the type name
    abbreviation: str  # "KH"
    dated_header: bool = True
    enacting_clause: str = ""
    numbered: bool = True
    closing_mark: bool = True


DECISION = DocumentKind("decision", "Quyết định", "QĐ", enacting_clause="QUYẾT ĐỊNH:")
PLAN = DocumentKind("plan", "Kế hoạch", "KH")
REPORT = DocumentKind("report", "Báo cáo", "BC")
SUBMISSION_LETTER = DocumentKind("submission_letter", "Tờ trình", "TTr")
MINUTES = DocumentKind("minutes", "Biên bản", "BB", dated_header=False)
NOTICE = DocumentKind("notice", "Thông báo", "TB")
GUIDANCE = DocumentKind("guidance", "Hướng dẫn", "HD")
# A person's achievement report follows the award decree's form (ND 152/2025), which ends with signatures and
# no "./.".
ACHIEVEMENT_REPORT = DocumentKind(
    "achievement_report", "Báo cáo thành tích", "BC", numbered=False, closing_mark=False
)

KINDS: dict[str, DocumentKind] = {
    k.code: k
    for k in (DECISION, PLAN, REPORT, SUBMISSION_LETTER, MINUTES, NOTICE, GUIDANCE, ACHIEVEMENT_REPORT)
}


# ----------------------------------------------------------------------------------------------------
# Inline text
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


Content = str | Run | Iterable[str | Run]


def to_runs(content: Content) -> tuple[Run, ...]:
    """ "text", a Run, or a sequence of both → a tuple of Runs."""
    if isinstance(content, str):
        return (Run(content),)
    if isinstance(content, Run):
        return (content,)
    return tuple(Run(c) if isinstance(c, str) else c for c in content)


def bold(text: str) -> Run:
    return Run(text, bold=True)


def italic(text: str) -> Run:
    return Run(text, italic=True)


def plain_text(runs: Iterable[Run]) -> str:
    return "".join(r.text for r in runs)


def _set_runs(obj, name: str, content: Content) -> None:
    object.__setattr__(obj, name, to_runs(content))


# ----------------------------------------------------------------------------------------------------
# Body blocks
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """Body text: justified with a first-line indent unless told otherwise."""

    content: Content
    align: Align = "justify"
    indent: bool = True
    bold: bool = False
    italic: bool = False
    keep_with_next: bool = False
    block = "paragraph"

    def __post_init__(self):
        _set_runs(self, "content", self.content)


@dataclass(frozen=True)
class Heading:
    """A numbered heading of a Kế hoạch, Báo cáo or Tờ trình (Phụ lục I, V item 6.b).

    level 1 "I. MỤC ĐÍCH, YÊU CẦU" (capitals, bold) · level 2 "1. Mục đích" (bold) · level 3 "a) Đối với …"
    (upright). `number` is "I", "1", "a" or "" for no number; the renderer adds "." or ")".
    """

    text: str
    level: Literal[1, 2, 3] = 1
    number: str = ""
    block = "heading"

    def __post_init__(self):
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, not {self.level!r}")

    @property
    def label(self) -> str:
        """The heading as printed: "I. MỤC ĐÍCH", "1. Mục đích", "a) Đối với"."""
        text = self.text.upper() if self.level == 1 else self.text
        if not self.number:
            return text
        return f"{self.number}{')' if self.level == 3 else '.'} {text}"


@dataclass(frozen=True)
class PartHeading:
    """ "Phần I" on its own centred line, then the part's title in capitals (both bold)."""

    number: str
    title: str
    block = "part"


@dataclass(frozen=True)
class ItemList:
    """Items led by "-", "+", "•", "1.", "a)" (style dash / plus / bullet / number / letter)."""

    items: tuple
    style: Literal["dash", "plus", "bullet", "number", "letter"] = "dash"
    start: int = 1
    block = "list"

    def __post_init__(self):
        object.__setattr__(self, "items", tuple(to_runs(i) for i in self.items))

    def markers(self) -> list[str]:
        n = len(self.items)
        if self.style == "number":
            return [f"{i}." for i in range(self.start, self.start + n)]
        if self.style == "letter":
            return [f"{_letter(i)})" for i in range(self.start, self.start + n)]
        return [{"dash": "-", "plus": "+", "bullet": "•"}[self.style]] * n

    def marked_items(self) -> list[tuple[str, tuple[Run, ...]]]:
        return list(zip(self.markers(), self.items, strict=True))


# Points ("điểm") are lettered with the Vietnamese alphabet: a, b, c, d, đ, e, g … (no f, j, w, z).
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _letter(i: int) -> str:
    """1 → a, 5 → đ, 23 → y, 24 → aa."""
    out = ""
    while i > 0:
        i, r = divmod(i - 1, len(_POINT_LETTERS))
        out = _POINT_LETTERS[r] + out
    return out


@dataclass(frozen=True)
class Column:
    """A table column: header text, relative width, alignment of its cells."""

    title: str
    width: float = 1.0
    align: Align = "left"


@dataclass(frozen=True)
class TableSection:
    """A row spanning every column, in bold: "I. TẬP THỂ (05)" above the collectives of an award list."""

    text: str


@dataclass(frozen=True)
class Table:
    """A bordered table with a header row repeated on every page.

    `rows` holds tuples of cells (str, Run or sequences of them), one per column, or `TableSection`s.
    Widths are relative and fill the text width.
    """

    columns: tuple[Column, ...]
    rows: tuple
    size: float | None = None  # points; default Layout.table_size
    block = "table"

    def __post_init__(self):
        if not self.columns:
            raise ValueError("a table needs at least one column")
        rows = []
        for row in self.rows:
            if isinstance(row, TableSection):
                rows.append(row)
                continue
            cells = tuple(to_runs(c) for c in row)
            if len(cells) != len(self.columns):
                raise ValueError(f"a row has {len(cells)} cells for {len(self.columns)} columns")
            rows.append(cells)
        object.__setattr__(self, "rows", tuple(rows))
        object.__setattr__(self, "columns", tuple(self.columns))

    def shares(self) -> list[float]:
        """Each column's share of the table width (they add up to 1)."""
        total = sum(c.width for c in self.columns)
        return [c.width / total for c in self.columns]

    def percent_widths(self) -> list[str]:
        """Shares as CSS percentages ("12.5000"), written with a dot whatever the language."""
        return [f"{share * 100:.4f}" for share in self.shares()]


@dataclass(frozen=True)
class Article:
    """ "Điều 1. …" of a decision: bold "Điều n." then the text on the same line, or a bold title.

    Further paragraphs of the article follow as ordinary blocks.
    """

    number: int
    content: Content = ""
    title: str = ""
    block = "article"

    def __post_init__(self):
        _set_runs(self, "content", self.content)

    @property
    def label(self) -> str:
        return f"Điều {self.number}."


@dataclass(frozen=True)
class PageBreak:
    block = "page_break"


Block = Paragraph | Heading | PartHeading | ItemList | Table | Article | PageBreak


# ----------------------------------------------------------------------------------------------------
# Who issues, who signs, who receives
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issuer:
    """The issuing body (ô 2): its name, its abbreviation in symbols, and its direct governing body.

    A council issuing in its own name is an issuer too: name "Hội đồng Thi đua - Khen thưởng ngành Y tế",
    abbreviation "HĐTĐKT", governing body "Sở Y tế tỉnh Bình An" — with its own number series.
    Names are in normal case; a "\\n" forces a line break in the header.
    """

    name: str
    abbreviation: str
    governing_body: str = ""


@dataclass(frozen=True)
class Signer:
    """A signature block: authority and position lines (capitals, bold), room to sign, the name (bold).

    `note` is an italic line under the position such as "(Ký, đóng dấu)" on forms that ask for it.
    Use the constructors for the authority prefixes of Nghị định 30, Điều 13.
    """

    position_lines: tuple[str, ...]
    name: str = ""
    note: str = ""

    def __post_init__(self):
        lines = (self.position_lines,) if isinstance(self.position_lines, str) else self.position_lines
        object.__setattr__(self, "position_lines", tuple(line.upper() for line in lines))

    @classmethod
    def head(cls, position: str, name: str = "", note: str = "") -> Signer:
        """The head signs himself: "GIÁM ĐỐC"."""
        return cls((position,), name, note)

    @classmethod
    def deputy(cls, head: str, position: str, name: str = "", note: str = "") -> Signer:
        """A deputy signs for the head: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"."""
        return cls((f"KT. {head}", position), name, note)

    @classmethod
    def acting(cls, position: str, name: str = "", note: str = "") -> Signer:
        """An acting head: "Q. GIÁM ĐỐC"."""
        return cls((f"Q. {position}",), name, note)

    @classmethod
    def on_behalf_of(cls, body: str, position: str, name: str = "", note: str = "") -> Signer:
        """For a collective body: "TM. HỘI ĐỒNG" / "CHỦ TỊCH"."""
        return cls((f"TM. {body}", position), name, note)

    @classmethod
    def by_order(cls, head: str, position: str, name: str = "", note: str = "") -> Signer:
        """By order of the head: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG"."""
        return cls((f"TL. {head}", position), name, note)

    @classmethod
    def by_authorisation(cls, head: str, position: str, name: str = "", note: str = "") -> Signer:
        """By written authorisation: "TUQ. GIÁM ĐỐC" / "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ"."""
        return cls((f"TUQ. {head}", position), name, note)


@dataclass(frozen=True)
class Appendix:
    """A "Phụ lục" after the document, starting on a new page with its own page numbers.

    `number` is "I", "II" … when there are several (empty for a single one). `reference` replaces the
    line "(Kèm theo Quyết định số …)" that is otherwise built from the document.
    """

    title: str
    blocks: tuple[Block, ...]
    number: str = ""
    reference: str | None = None
    landscape: bool = False

    def __post_init__(self):
        object.__setattr__(self, "blocks", tuple(self.blocks))


# ----------------------------------------------------------------------------------------------------
# The document
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficialDocument:
    """One administrative document, from the header to "Nơi nhận" and its appendices.

    number: its number in the issuer's register (None: a draft, printed "Số:      /KH-TTYT").
    date: the signing date (None: a draft, printed "ngày … tháng … năm <year>").
    title: the trích yếu under the type name ("Phát động phong trào thi đua năm 2026").
    type_name: replaces the kind's name as printed ("Báo cáo thành tích").
    to: the "Kính gửi" recipients of a Tờ trình or Báo cáo sent upwards.
    authority: the line naming who decides, above the bases of a decision ("Giám đốc Sở Y tế").
    bases: the "Căn cứ …" lines and the closing "Theo đề nghị của …"; their ";" and "." are added.
    recipients: the "Nơi nhận" lines ("Như Điều 3", "Lưu: VT, TĐKT"); their "-", ";" and "." are added.
    show_number, closing_mark: override the kind's number line and "./." (None: as the kind has it).
    """

    kind: DocumentKind
    issuer: Issuer
    title: str
    place: str
    date: dt.date | None = None
    year: int | None = None
    number: int | None = None
    type_name: str = ""
    to: tuple[str, ...] = ()
    authority: str = ""
    bases: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()
    signers: tuple[Signer, ...] = ()
    recipients: tuple[str, ...] = ()
    appendices: tuple[Appendix, ...] = ()
    show_number: bool | None = None
    closing_mark: bool | None = None
    metadata_author: str = field(default="", compare=False)

    def __post_init__(self):
        for name in ("to", "bases", "body", "signers", "recipients", "appendices"):
            value = getattr(self, name)
            object.__setattr__(self, name, (value,) if isinstance(value, str) else tuple(value))
        if not self.title.strip():
            raise ValueError("an official document needs a title (trích yếu)")
        if self.number is not None and self.number < 1:
            raise ValueError(f"a document number starts at 1, not {self.number}")
        if self.date is None and self.year is None:
            raise ValueError("a draft without a date needs the year it will be issued in")
        if self.date is not None and self.year is not None and self.year != self.date.year:
            raise ValueError(f"year {self.year} does not match the date {self.date:%d/%m/%Y}")

    @property
    def issue_year(self) -> int:
        return self.date.year if self.date is not None else self.year

    @property
    def printed_type_name(self) -> str:
        return (self.type_name or self.kind.name).upper()

    @property
    def has_closing_mark(self) -> bool:
        return self.kind.closing_mark if self.closing_mark is None else self.closing_mark

    @property
    def has_number_line(self) -> bool:
        return self.kind.numbered if self.show_number is None else self.show_number
