"""The plan (Kế hoạch) and the review report (Báo cáo sơ kết / tổng kết) as official documents.

Both are built as `tdkt.documents.model.OfficialDocument`s (Nghị định 30/2020/NĐ-CP, Phụ lục III,
Mẫu 1.4) from what the officer entered, and rendered by `tdkt.documents` to .docx and PDF. The documents
are Vietnamese administrative texts whatever the interface language, so their fixed words are written
here in Vietnamese.
Sections ("I. MỤC ĐÍCH, YÊU CẦU" …) appear only when they have content and are numbered in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify

from tdkt.core.text import fold
from tdkt.core.timeutil import format_date
from tdkt.documents.formatting import roman, strip_end_punctuation, vn_date
from tdkt.documents.model import (
    PLAN,
    REPORT,
    Column,
    Heading,
    Issuer,
    ItemList,
    OfficialDocument,
    Paragraph,
    Signer,
    Table,
    bold,
    italic,
)
from tdkt.movements.models import (
    BasisVerb,
    Comparator,
    Frequency,
    Movement,
    Plan,
    Reporter,
    Target,
    TargetKind,
    format_decimal,
)
from tdkt.movements.titles import report_subject

BASIS_WORDS = {BasisVerb.PURSUANT: "Căn cứ", BasisVerb.IMPLEMENTING: "Thực hiện"}
FREQUENCY_WORDS = {
    Frequency.MONTHLY: "Hằng tháng",
    Frequency.QUARTERLY: "Hằng quý",
    Frequency.HALF_YEARLY: "6 tháng một lần",
    Frequency.YEARLY: "Hằng năm",
    Frequency.ONCE: "Khi kết thúc phong trào",
}
_LIST_MARKS = ("-", "+", "•", "–")


def lower_first(text: str) -> str:
    """ "Phát động phong trào …" → "phát động phong trào …" (an acronym such as "HĐND" stays as it is)."""
    text = text.strip()
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def text_blocks(text: str) -> list:
    """Free text as paragraphs; lines led by "-", "+" or "•" become a dash list (the plans' own style)."""
    blocks: list = []
    items: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(_LIST_MARKS):
            items.append(line.lstrip("-+•– ").strip())
            continue
        if items:
            blocks.append(ItemList(tuple(items)))
            items = []
        blocks.append(Paragraph(line))
    if items:
        blocks.append(ItemList(tuple(items)))
    return blocks


def issuer_of(*, name: str, governing_body: str, symbol: str) -> Issuer:
    """The header's bodies; the abbreviation is the symbol after its type ("KH-SYT" → "SYT")."""
    return Issuer(name=name, abbreviation=symbol.partition("-")[2], governing_body=governing_body)


def signer_of(*, authority: str, title: str, name: str) -> Signer:
    lines = tuple(line for line in (authority, title) if line.strip())
    return Signer(position_lines=lines, name=name)


def plan_citation(plan: Plan, movement: Movement) -> str:
    """ "Kế hoạch số 93/KH-SYT ngày 19 tháng 5 năm 2025 của Sở Y tế tỉnh Bình An về phát động …"."""
    return (
        f"Kế hoạch số {plan.reference} {vn_date(plan.issued_on)} của {movement.unit.name} "
        f"về {lower_first(movement.name)}"
    )


def _basis_lines(plan: Plan) -> list[str]:
    lines = []
    for item in plan.basis_items.all():
        word = BASIS_WORDS.get(item.verb, "Căn cứ")
        if item.movement_id:
            lines.append(f"{word} {plan_citation(item.movement.plan, item.movement)}")
        else:
            reference = item.reference.strip()
            starts_with_word = reference.lower().startswith(("căn cứ", "thực hiện"))
            lines.append(reference if starts_with_word else f"{word} {reference}")
    return lines


def threshold_text(target: Target) -> str:
    """The level aimed at as plans write it: "≥ 95 %", "> 90 %", and "100 %" for an exact figure."""
    text = target.threshold_display
    if not text:
        return "—"
    return text.removeprefix(f"{Comparator.EQ.label} ")


def quoted(text: str) -> str:
    """ "“Đoàn kết, sáng tạo”." — the theme in quotes, its own full stop moved after them."""
    return f"“{strip_end_punctuation(text)}”."


def _reporting_text(target: Target, movement: Movement) -> str:
    if target.kind == TargetKind.COMPUTED:
        return "Tổng hợp tự động từ dữ liệu của đơn vị"
    if target.reporter == Reporter.ISSUER:
        who = movement.unit.name
    elif target.reporter == Reporter.NAMED_UNIT and target.reporter_unit_id:
        who = target.reporter_unit.name
    else:
        who = "Các đơn vị trực thuộc"
    frequency = FREQUENCY_WORDS.get(target.frequency, "Khi kết thúc phong trào")
    return f"{who}; {lower_first(frequency)}"


class _Sections:
    """Level-1 headings numbered I, II, III … in the order they are added."""

    def __init__(self):
        self.blocks: list = []
        self.count = 0

    def add(self, title: str, blocks: Iterable) -> None:
        blocks = list(blocks)
        if not blocks:
            return
        self.count += 1
        self.blocks.append(Heading(title, 1, roman(self.count)))
        self.blocks.extend(blocks)


def _numbered(items: list[tuple[str, list]]) -> list:
    """Level-2 headings "1. …", "2. …", each followed by its blocks; empty items are left out."""
    blocks = []
    n = 0
    for title, body in items:
        if not title and not body:
            continue
        n += 1
        blocks.append(Heading(title, 2, str(n)))
        blocks.extend(body)
    return blocks


def plan_document(movement: Movement) -> OfficialDocument:
    """The movement's plan as a Kế hoạch: bases, purposes and requirements, theme and audience, contents,
    phases, targets table, who does what, signature and Nơi nhận (rows must be preloaded for speed:
    `selectors.movement_detail_get`)."""
    plan = movement.plan
    sections = _Sections()
    sections.add(
        "Mục đích, yêu cầu",
        _numbered(
            [
                ("Mục đích", text_blocks(plan.purposes)) if plan.purposes.strip() else ("", []),
                ("Yêu cầu", text_blocks(plan.requirements)) if plan.requirements.strip() else ("", []),
            ]
        ),
    )
    theme_audience = []
    if movement.theme.strip():
        theme_audience.append(("Chủ đề thi đua", [Paragraph(italic(quoted(movement.theme)))]))
    if plan.audience.strip():
        theme_audience.append(("Đối tượng thi đua", text_blocks(plan.audience)))
    sections.add("Chủ đề, đối tượng thi đua", _numbered(theme_audience))
    sections.add(
        "Nội dung thi đua",
        _numbered([(s.heading, text_blocks(s.body)) for s in plan.sections.all()]),
    )
    phases = []
    for phase in movement.phases.all():
        body = []
        if phase.theme.strip():
            body.append(Paragraph((bold("Chủ đề: "), italic(quoted(phase.theme)))))
        body += text_blocks(phase.description)
        title = f"{phase.name} (từ ngày {format_date(phase.start)} đến ngày {format_date(phase.end)})"
        phases.append((title, body))
    sections.add("Các đợt thi đua", _numbered(phases))
    targets = list(movement.targets.all())
    if targets:
        table = Table(
            columns=(
                Column("STT", 0.6, "center"),
                Column("Chỉ tiêu", 4.6),
                Column("Mức phấn đấu", 1.5, "center"),
                Column("Đơn vị báo cáo, kỳ báo cáo", 2.3),
            ),
            rows=tuple(
                (str(i), t.indicator, threshold_text(t), _reporting_text(t, movement))
                for i, t in enumerate(targets, start=1)
            ),
        )
        sections.add("Chỉ tiêu thi đua", [table])
    sections.add(
        "Tổ chức thực hiện",
        _numbered([(r.party, text_blocks(r.task)) for r in plan.responsibilities.all()]),
    )
    body = [*text_blocks(plan.preamble), *sections.blocks, *text_blocks(plan.closing)]
    return OfficialDocument(
        kind=PLAN,
        issuer=issuer_of(name=plan.issuer_name, governing_body=plan.issuer_parent, symbol=plan.symbol),
        number=plan.number,
        place=plan.place,
        date=plan.issued_on,
        title=movement.name,
        bases=tuple(_basis_lines(plan)),
        body=tuple(body),
        signers=(signer_of(authority=plan.signer_authority, title=plan.signer_title, name=plan.signer_name),),
        recipients=tuple(plan.distribution_lines),
        metadata_author=movement.unit.name,
    )


def plan_filename(movement: Movement, extension: str) -> str:
    """ "ke-hoach-93-kh-syt.docx" (ASCII, so every browser and mail client keeps it)."""
    reference = movement.plan.reference if movement.plan.number is not None else f"du-thao-{movement.pk}"
    return f"ke-hoach-{slugify(fold(reference).replace('/', '-'))}.{extension}"


# ---------------------------------------------------------------------------------------------------
# The review report (Báo cáo sơ kết / tổng kết)
# ---------------------------------------------------------------------------------------------------


def result_text(result) -> str:
    """ "93,5 % (bình quân 2/3 đơn vị có số liệu)", "1 hội nghị", "Chưa có số liệu"."""
    if result.value is None:
        return "Chưa có số liệu"
    unit = f" {result.unit_of_measure}" if result.unit_of_measure else ""
    text = f"{format_decimal(result.value)}{unit}"
    if result.is_average:
        text += f" (bình quân {result.units_reported}/{result.units_total} đơn vị có số liệu)"
    return text


def verdict_text(result) -> str:
    if result.met is None:
        return "Chưa đánh giá"
    return "Đạt" if result.met else "Chưa đạt"


def review_document(review) -> OfficialDocument:
    """The review as a Báo cáo: what was done, the results against each target, the assessment, next steps
    and the proposals (role models, commendations); a correction names the report it replaces. The review's
    results and proposals must be preloaded (`selectors_reviews.review_detail_get`)."""
    movement = review.movement
    plan = movement.plan
    if review.is_final:
        what = "tổng kết"
    else:
        what = f"sơ kết {lower_first(review.phase.name)}" if review.phase else "sơ kết"
    intro = []
    if review.previous_id:
        previous = review.previous
        intro.append(
            Paragraph(
                italic(
                    f"Báo cáo này thay thế Báo cáo số {previous.reference} {vn_date(previous.issued_on)} "
                    f"của {movement.unit.name}."
                )
            )
        )
    intro.append(
        Paragraph(
            f"{movement.unit.name} báo cáo kết quả {what} phong trào thi đua "
            f"(từ ngày {format_date(review.period_start)} đến ngày {format_date(review.period_end)}) như sau:"
        )
    )
    sections = _Sections()
    sections.add("Công tác chỉ đạo, triển khai thực hiện", text_blocks(review.overview))
    results = list(review.results.all())
    if results:
        measured = [r for r in results if r.met is not None]
        met = sum(1 for r in measured if r.met)
        table = Table(
            columns=(
                Column("STT", 0.8, "center"),
                Column("Chỉ tiêu", 3.4),
                Column("Mức phấn đấu", 1.3, "center"),
                Column("Kết quả", 1.7, "center"),
                Column("Đánh giá", 1.1, "center"),
                Column("Ghi chú", 1.7),
            ),
            rows=tuple(
                (str(i), r.indicator, r.threshold or "—", result_text(r), verdict_text(r), r.comment)
                for i, r in enumerate(results, start=1)
            ),
        )
        summary = f"Tính đến ngày {format_date(review.as_of)}, đạt {met}/{len(results)} chỉ tiêu thi đua"
        unmeasured = len(results) - len(measured)
        summary += f"; {unmeasured} chỉ tiêu chưa đủ số liệu để đánh giá." if unmeasured else "."
        sections.add("Kết quả thực hiện các chỉ tiêu thi đua", [Paragraph(summary), table])
    sections.add(
        "Đánh giá chung",
        _numbered(
            [
                ("Ưu điểm", text_blocks(review.highlights)) if review.highlights.strip() else ("", []),
                ("Tồn tại, hạn chế", text_blocks(review.shortcomings))
                if review.shortcomings.strip()
                else ("", []),
                ("Bài học kinh nghiệm", text_blocks(review.lessons)) if review.lessons.strip() else ("", []),
            ]
        ),
    )
    sections.add("Phương hướng, nhiệm vụ thời gian tới", text_blocks(review.next_steps))
    proposals = list(review.proposals.all())
    role_models = [p for p in proposals if p.kind == "role_model"]
    commendations = [p for p in proposals if p.kind == "commendation"]
    proposal_items = []
    if role_models:
        proposal_items.append(
            (
                "Điển hình tiên tiến",
                [ItemList(tuple((bold(f"{p.name}: "), p.summary) for p in role_models))],
            )
        )
    if commendations:
        proposal_items.append(
            (
                "Đề nghị khen thưởng",
                [
                    Table(
                        columns=(
                            Column("STT", 0.7, "center"),
                            Column("Cá nhân, tập thể", 2.6),
                            Column("Hình thức đề nghị", 2.2),
                            Column("Thành tích", 4.3),
                        ),
                        rows=tuple(
                            (str(i), p.name, p.candidate_label, p.summary)
                            for i, p in enumerate(commendations, start=1)
                        ),
                    )
                ],
            )
        )
    sections.add("Đề xuất, kiến nghị", _numbered(proposal_items))
    return OfficialDocument(
        kind=REPORT,
        issuer=issuer_of(name=review.issuer_name, governing_body=review.issuer_parent, symbol=review.symbol),
        number=review.number,
        place=review.place,
        date=review.issued_on,
        title=report_subject(review.title),
        bases=(f"Thực hiện {plan_citation(plan, movement)}",),
        body=(*intro, *sections.blocks),
        signers=(
            signer_of(authority=review.signer_authority, title=review.signer_title, name=review.signer_name),
        ),
        recipients=tuple(review.distribution_lines),
        metadata_author=movement.unit.name,
    )


def review_filename(review, extension: str) -> str:
    """ "bao-cao-05-bc-syt.docx", or "bao-cao-du-thao-7-v2.docx" for a draft."""
    reference = review.reference if review.number is not None else f"du-thao-{review.pk}-v{review.version}"
    return f"bao-cao-{slugify(fold(reference).replace('/', '-'))}.{extension}"
