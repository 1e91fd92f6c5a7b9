"""The dossier's generated documents, built as `tdkt.documents` OfficialDocuments (Nghị định 30/2020/NĐ-CP,
Phụ lục III, Mẫu 1.4) and rendered to .docx and PDF by tdkt.documents:

- the round's Tờ trình (submission letter) with, as its appendix, the list of nominees by title or form;
- one Báo cáo thành tích per nominee, in the layout of the award decree's annex forms (Nghị định
  152/2025/NĐ-CP, earlier 98/2023/NĐ-CP): for a person I. Sơ lược lý lịch, II. Thành tích đạt được,
  III. Các hình thức đã được khen thưởng (the two tables "Danh hiệu thi đua" and "Hình thức khen thưởng"
  with the deciding document); for a collective I. Đặc điểm, tình hình, II and III alike; three signature
  blocks (head of the unit, the reporting person or collective, certification of the proposing level).

A report is filled from the frozen evidence snapshot taken when the nomination was submitted (never the
record as it stands now), plus the nominee's initiatives with their recognising decisions. Documents are
Vietnamese administrative texts whatever the interface language, so their words are written here in
Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.text import slugify

from tdkt.core.text import fold
from tdkt.core.timeutil import format_date
from tdkt.documents.formatting import filing_line
from tdkt.documents.model import (
    ACHIEVEMENT_REPORT,
    SUBMISSION_LETTER,
    Appendix,
    Column,
    Heading,
    ItemList,
    OfficialDocument,
    Paragraph,
    Signer,
    Table,
    TableSection,
    bold,
)
from tdkt.documents.selectors import document_issuer
from tdkt.law.vocabulary import LABELS_VI, TITLES
from tdkt.nominations.evidence import record_items
from tdkt.nominations.models import INACTIVE_STATUSES, Nomination, NominationStatus, Round
from tdkt.people.models import Employment, Gender, Position, Profession
from tdkt.records.models import Category

from .hooks import minutes_for
from .models import SubmissionLetter

# Nominations a dossier carries: submitted onwards and still proposing someone.
DOSSIER_EXCLUDED = (NominationStatus.DRAFT, NominationStatus.RETURNED, *INACTIVE_STATUSES)
LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
DECREE = (
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng"
)
GENDER_VI = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
PROFESSION_VI = {
    Profession.DOCTOR: "Bác sĩ",
    Profession.PHYSICIAN_ASSISTANT: "Y sĩ",
    Profession.NURSE: "Điều dưỡng",
    Profession.MIDWIFE: "Hộ sinh",
    Profession.PHARMACIST: "Dược sĩ",
    Profession.TECHNICIAN: "Kỹ thuật viên",
    Profession.PUBLIC_HEALTH: "Y tế công cộng",
    Profession.ADMINISTRATIVE: "Hành chính",
    Profession.OTHER: "Khác",
}
POSITION_VI = {
    Position.DIRECTOR: "Giám đốc",
    Position.DEPUTY_DIRECTOR: "Phó Giám đốc",
    Position.HEAD: "Trưởng khoa, phòng",
    Position.DEPUTY_HEAD: "Phó Trưởng khoa, phòng",
    Position.HEAD_NURSE: "Điều dưỡng trưởng",
    Position.STATION_HEAD: "Trạm trưởng",
    Position.STAFF: "Viên chức",
}


def position_vi(e: Employment | None) -> str:
    """ "Trưởng khoa", "Phó Trưởng phòng", "Giám đốc", "Viên chức" — the post as the documents write it."""
    if e is None:
        return ""
    place = "phòng" if e.department_id and e.department.kind == "office" else "khoa"
    if e.position == Position.HEAD:
        return f"Trưởng {place}"
    if e.position == Position.DEPUTY_HEAD:
        return f"Phó Trưởng {place}"
    return POSITION_VI.get(e.position, "")


VERDICT_VI = {"eligible": "đủ điều kiện", "not_eligible": "chưa đủ điều kiện", "unknown": "chưa đủ dữ liệu"}


def dossier_nominations(round: Round) -> list[Nomination]:
    """The round's nominations a dossier carries, by title or form, collectives first, then by name."""
    return list(
        round.nominations.exclude(status__in=DOSSIER_EXCLUDED)
        .select_related("person", "unit", "unit__parent", "home", "round__unit__parent")
        .order_by("candidate", "-kind", "name", "id")
    )


def candidate_phrase(candidate: str) -> str:
    """ "danh hiệu “Chiến sĩ thi đua cơ sở”" for a title, "“Giấy khen”" for a form of award."""
    label = LABELS_VI.get(candidate, candidate)
    return f"danh hiệu “{label}”" if candidate in TITLES else f"“{label}”"


def default_place(unit) -> str:
    """The place name of a unit's documents when none was entered: the province in its parents' names
    ("Sở Y tế tỉnh Bình An" → "Bình An"), else the unit's own name."""
    node = unit
    while node is not None:
        found = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", node.name, flags=re.IGNORECASE)
        if found:
            return found.group(1).strip()
        node = node.parent if node.parent_id else None
    return unit.name


# ----------------------------------------------------------------------------------------------------
# The data of one achievement report
# ----------------------------------------------------------------------------------------------------


@dataclass
class ReportData:
    nomination: Nomination
    items: list[dict]  # the record items (frozen snapshot, else as the record stands)
    answer: dict | None
    frozen_on: dt.datetime | None
    achievements: list = field(default_factory=list)
    employment: Employment | None = None


def report_data(nominations: list[Nomination], *, today: dt.date) -> dict[int, ReportData]:
    """Everything the achievement reports of `nominations` print, in a fixed number of queries."""
    from tdkt.eligibility.selectors import review_as_of
    from tdkt.nominations.models import EvidenceSnapshot

    ids = [n.pk for n in nominations]
    latest = {}
    for s in EvidenceSnapshot.objects.filter(nomination_id__in=ids).order_by("taken_at", "id"):
        latest[s.nomination_id] = s
    unfrozen = [n for n in nominations if n.pk not in latest]
    live = {}
    if unfrozen:
        year = unfrozen[0].round.year
        live = record_items(unfrozen, year=year, as_of=review_as_of(year, today))
    achievements: dict[int, list] = {}
    through = Nomination.achievements.through
    for link in through.objects.filter(nomination_id__in=ids).select_related("achievement"):
        achievements.setdefault(link.nomination_id, []).append(link.achievement)
    people = {n.person_id for n in nominations if n.person_id}
    posts: dict[int, Employment] = {}
    for e in (
        Employment.objects.filter(person_id__in=people)
        .select_related("unit", "department")
        .order_by("person_id", "start", "id")
    ):
        year_end = dt.date(nominations[0].round.year, 12, 31)
        if e.start <= year_end:
            posts[e.person_id] = e  # the last post started by the end of the year
    found = {}
    for n in nominations:
        snap = latest.get(n.pk)
        found[n.pk] = ReportData(
            nomination=n,
            items=snap.record if snap else live.get(n.pk, []),
            answer=snap.answer if snap else None,
            frozen_on=snap.taken_at if snap else None,
            achievements=sorted(achievements.get(n.pk, []), key=lambda a: (a.year, a.pk)),
            employment=posts.get(n.person_id) if n.person_id else None,
        )
    return found


def _split_decision(text: str) -> tuple[str, str]:
    """ "Chiến sĩ thi đua cơ sở — QĐ số 12/QĐ-BVA ngày 20/12/2024" → (title, "QĐ số … ngày …")."""
    title, _sep, decision = text.partition(" — ")
    return title.strip(), decision.strip()


def _award_table(items: list[dict], section: str, what: str) -> Table:
    rows = []
    for item in sorted((i for i in items if i["section"] == section), key=lambda i: (i["year"], i["key"])):
        title, decision = _split_decision(item["text"])
        rows.append((str(item["year"]), title, decision or "—"))
    if not rows:
        rows.append(("—", "Chưa có", "—"))
    decided = "công nhận danh hiệu thi đua" if section == "title" else "khen thưởng"
    return Table(
        columns=(
            Column("Năm", 0.8, "center"),
            Column(what, 2.6),
            Column(
                f"Số, ngày, tháng, năm của quyết định {decided}; cơ quan ban hành quyết định",
                4,
            ),
        ),
        rows=tuple(rows),
    )


def _ratings_table(items: list[dict]) -> Table | None:
    ratings = sorted((i for i in items if i["section"] == "rating"), key=lambda i: i["year"])
    if not ratings:
        return None
    return Table(
        columns=(Column("Năm", 1, "center"), Column("Kết quả đánh giá, xếp loại", 5)),
        rows=tuple((str(i["year"]), i["text"]) for i in ratings),
    )


def _achievements_blocks(data: ReportData) -> list:
    if data.achievements:
        rows = []
        for i, a in enumerate(data.achievements, start=1):
            decision = f"QĐ số {a.decision_number}" if a.decision_number else "Chưa có quyết định công nhận"
            if a.decision_date:
                decision += f" ngày {format_date(a.decision_date)}"
            if a.issuer:
                decision += f" của {a.issuer}"
            rows.append((str(i), a.title, str(a.year), decision))
        return [
            Paragraph("Sáng kiến, đề tài nghiên cứu khoa học đã được công nhận:", indent=False),
            Table(
                columns=(
                    Column("STT", 0.6, "center"),
                    Column("Tên sáng kiến, đề tài", 3.6),
                    Column("Năm", 0.8, "center"),
                    Column("Quyết định công nhận, cơ quan ban hành", 3.4),
                ),
                rows=tuple(rows),
            ),
        ]
    texts = [i["text"] for i in data.items if i["section"] == "achievement"]
    if texts:
        return [
            Paragraph("Sáng kiến, đề tài nghiên cứu khoa học đã được công nhận:", indent=False),
            ItemList(tuple(texts)),
        ]
    return []


def _rule_text(rule: str) -> str:
    """ "grassroots_emulation_fighter@2024-01-01" → "quy định có hiệu lực từ 01/01/2024"."""
    _name, _sep, since = rule.partition("@")
    try:
        return f"quy định có hiệu lực từ {format_date(dt.date.fromisoformat(since))}"
    except ValueError:
        return "quy định hiện hành"


def _standards_blocks(data: ReportData) -> list:
    answer = data.answer
    if not answer:
        return []
    lines = []
    for c in answer.get("conditions", []):
        if c.get("judgement"):
            mark = "do Hội đồng đánh giá"
        else:
            mark = {True: "đạt", False: "chưa đạt"}.get(c.get("met"), "chưa đủ dữ liệu")
        lines.append(f"{c['text']}: {mark} ({c['cite']})")
    verdict = VERDICT_VI.get(answer.get("verdict"), answer.get("verdict", ""))
    frozen = f" khi trình ngày {format_date(data.frozen_on.date())}" if data.frozen_on else ""
    return [
        Paragraph(
            f"Đối chiếu tiêu chuẩn{frozen} ({_rule_text(answer.get('rule', ''))}): {verdict}.", indent=False
        ),
        *([ItemList(tuple(lines))] if lines else []),
    ]


def _summary_blocks(nomination: Nomination) -> list:
    return [Paragraph(line.strip()) for line in nomination.achievement_summary.splitlines() if line.strip()]


def _person_body(data: ReportData) -> list:
    n, p, e = data.nomination, data.nomination.person, data.employment
    where = n.home.name
    if e is not None:
        where = f"{e.department.name}, {e.unit.name}" if e.department_id else e.unit.name
    position = position_vi(e)
    profile = [
        f"Họ và tên: {p.full_name}",
        f"Giới tính: {GENDER_VI.get(p.gender, '')}",
        f"Ngày, tháng, năm sinh: {format_date(p.birth_date)}",
        f"Nghề nghiệp: {PROFESSION_VI.get(p.profession, '')}",
        f"Chức vụ: {position}" if position else "",
        f"Đơn vị công tác: {where}",
        f"Công tác trong ngành Y tế từ: {format_date(p.health_sector_since)}",
    ]
    duties = f"{position} tại {where}." if position else f"Viên chức tại {where}."
    return [
        Heading("Sơ lược lý lịch", 1, "I"),
        ItemList(tuple(line for line in profile if line)),
        Heading("Thành tích đạt được", 1, "II"),
        Heading("Quyền hạn, nhiệm vụ được giao", 2, "1"),
        Paragraph(duties),
        Heading(f"Thành tích đạt được năm {n.round.year}", 2, "2"),
        *_summary_blocks(n),
        *([t] if (t := _ratings_table(data.items)) else []),
        *_achievements_blocks(data),
        *_standards_blocks(data),
        Heading("Các hình thức đã được khen thưởng", 1, "III"),
        Heading("Danh hiệu thi đua", 2, "1"),
        _award_table(data.items, "title", "Danh hiệu thi đua"),
        Heading("Hình thức khen thưởng", 2, "2"),
        _award_table(data.items, "award", "Hình thức khen thưởng"),
    ]


def _collective_body(data: ReportData) -> list:
    n = data.nomination
    unit = n.unit
    members = [i["text"] for i in data.items if i["section"] == "members"]
    profile = [
        f"Tên tập thể: {unit.name}",
        f"Trực thuộc: {unit.parent.name}" if unit.parent_id else "",
        f"Địa chỉ: {unit.address}" if unit.address else "",
        *(f"Tổ chức, nhân sự năm {n.round.year}: {m}" for m in members),
    ]
    return [
        Heading("Đặc điểm, tình hình", 1, "I"),
        ItemList(tuple(line for line in profile if line)),
        Heading("Thành tích đạt được", 1, "II"),
        Heading(f"Kết quả thực hiện nhiệm vụ năm {n.round.year}", 2, "1"),
        *_summary_blocks(n),
        *([t] if (t := _ratings_table(data.items)) else []),
        *_standards_blocks(data),
        Heading("Các hình thức đã được khen thưởng", 1, "III"),
        Heading("Danh hiệu thi đua", 2, "1"),
        _award_table(data.items, "title", "Danh hiệu thi đua"),
        Heading("Hình thức khen thưởng", 2, "2"),
        _award_table(data.items, "award", "Hình thức khen thưởng"),
    ]


def _foreign_body(data: ReportData) -> list:
    n = data.nomination
    profile = [
        f"{'Họ và tên' if n.kind == 'person' else 'Tên tổ chức'}: {n.name}",
        f"Quốc tịch: {n.foreign_nationality}",
        f"Tổ chức: {n.foreign_organisation}" if n.foreign_organisation else "",
    ]
    return [
        Heading("Sơ lược lý lịch" if n.kind == "person" else "Đặc điểm, tình hình", 1, "I"),
        ItemList(tuple(line for line in profile if line)),
        Heading("Thành tích đạt được", 1, "II"),
        *(_summary_blocks(n) or [Paragraph("(Chưa ghi thành tích.)")]),
    ]


def report_title(nomination: Nomination) -> str:
    verb = "Đề nghị xét tặng" if nomination.candidate in TITLES else "Đề nghị tặng"
    text = f"{verb} {candidate_phrase(nomination.candidate)} năm {nomination.round.year}"
    if nomination.category != Category.MERIT:
        text += f" ({str(Category(nomination.category).label).lower()})"
    return text


def achievement_report_document(
    data: ReportData, *, place: str, date: dt.date | None, year: int
) -> OfficialDocument:
    """One nominee's Báo cáo thành tích (no number; signed by the nominee, the head, the proposing level)."""
    n = data.nomination
    if n.is_foreign:
        body, reporter = (
            _foreign_body(data),
            Signer.head("Người báo cáo thành tích", "", "(Ký, ghi rõ họ và tên)"),
        )
        issuer = document_issuer(unit=n.round.unit)
    elif n.person_id:
        body = _person_body(data)
        reporter = Signer.head("Người báo cáo thành tích", n.name, "(Ký, ghi rõ họ và tên)")
        issuer = document_issuer(unit=n.round.unit)
    else:
        body = _collective_body(data)
        reporter = Signer.head("Thủ trưởng tập thể", "", "(Ký, ghi rõ họ và tên)")
        issuer = document_issuer(unit=n.unit)
    return OfficialDocument(
        kind=ACHIEVEMENT_REPORT,
        issuer=issuer,
        place=place,
        date=date,
        year=None if date else year,
        title=report_title(n),
        type_name=f"Báo cáo thành tích {'cá nhân' if n.kind == 'person' else 'tập thể'}",
        body=tuple(body),
        signers=(
            Signer.head("Thủ trưởng đơn vị xác nhận, đề nghị", "", "(Ký, đóng dấu)"),
            reporter,
            Signer.head("Xác nhận của cấp trình khen thưởng", "", "(Ký, đóng dấu)"),
        ),
        metadata_author=n.round.unit.name,
    )


# ----------------------------------------------------------------------------------------------------
# The submission letter
# ----------------------------------------------------------------------------------------------------


def letter_title(round: Round) -> str:
    text = f"Đề nghị xét tặng danh hiệu thi đua và hình thức khen thưởng năm {round.year}"
    if round.occasion:
        text += f" ({round.occasion})"
    return text


def _count(n: int) -> str:
    return f"{n:02d}"


def _tally(nominations: list[Nomination]) -> list[str]:
    """One line per title or form: "Danh hiệu “Lao động tiên tiến”: 01 tập thể, 05 cá nhân"."""
    by: dict[str, list[int]] = {}
    for n in nominations:
        counts = by.setdefault(n.candidate, [0, 0])
        counts[0 if n.kind == "collective" else 1] += 1
    lines = []
    for candidate, (collectives, people) in by.items():
        parts = [f"{_count(collectives)} tập thể"] if collectives else []
        if people:
            parts.append(f"{_count(people)} cá nhân")
        phrase = candidate_phrase(candidate)
        lines.append(f"{phrase[0].upper()}{phrase[1:]}: {', '.join(parts)}")
    return [f"{line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def _post_of(n: Nomination, posts: dict[int, Employment]) -> str:
    if n.is_foreign:
        return ", ".join(x for x in (n.foreign_organisation, n.foreign_nationality) if x)
    if n.unit_id:
        return n.unit.parent.name if n.unit.parent_id else ""
    e = posts.get(n.person_id)
    if e is None:
        return n.home.name
    where = f"{e.department.name}, {e.unit.name}" if e.department_id else e.unit.name
    return f"{position_vi(e)}, {where}".strip(", ")


def _summary_of(n: Nomination, items: list[dict]) -> str:
    """The first line of the officer's summary, else the year's rating (and initiatives) from the evidence."""
    if n.achievement_summary.strip():
        return n.achievement_summary.strip().splitlines()[0]
    year = n.round.year
    parts = [f"Năm {year}: {i['text']}" for i in items if i["section"] == "rating" and i["year"] == year]
    initiatives = sum(1 for i in items if i["section"] == "achievement" and i["year"] == year)
    if initiatives:
        parts.append(f"{initiatives:02d} sáng kiến, đề tài được công nhận")
    return "; ".join(parts)


def nominee_list_table(
    nominations: list[Nomination], posts: dict[int, Employment], items: dict[int, list[dict]] | None = None
) -> Table:
    rows: list = []
    by: dict[str, list[Nomination]] = {}
    for n in nominations:
        by.setdefault(n.candidate, []).append(n)
    for number, (candidate, group) in enumerate(by.items(), start=1):
        label = LABELS_VI.get(candidate, candidate)
        rows.append(TableSection(f"{_roman(number)}. {label.upper()} ({_count(len(group))})"))
        for i, n in enumerate(group, start=1):
            summary = _summary_of(n, (items or {}).get(n.pk, []))
            rows.append((str(i), n.name, _post_of(n, posts), summary))
    return Table(
        columns=(
            Column("STT", 0.6, "center"),
            Column("Họ và tên / Tên tập thể", 2.6),
            Column("Chức vụ, đơn vị công tác", 3.2),
            Column("Tóm tắt thành tích", 3.2),
        ),
        rows=tuple(rows),
    )


def _roman(n: int) -> str:
    from tdkt.documents.formatting import roman

    return roman(n)


def submission_letter_document(
    letter: SubmissionLetter,
    nominations: list[Nomination],
    *,
    today: dt.date,
    posts: dict[int, Employment] | None = None,
    items: dict[int, list[dict]] | None = None,
) -> OfficialDocument:
    """The round's Tờ trình: the request with the tally by title or form, and the list as its appendix
    (`posts` and `items`, each nominee's post and evidence items, are read when not given)."""
    round = letter.round
    unit = round.unit
    if posts is None:
        posts = {}
        year_end = dt.date(round.year, 12, 31)
        for e in (
            Employment.objects.filter(person_id__in=[n.person_id for n in nominations if n.person_id])
            .select_related("unit", "department")
            .order_by("person_id", "start", "id")
        ):
            if e.start <= year_end:
                posts[e.person_id] = e
    to = letter.to_lines or [unit.parent.name if unit.parent_id else ""]
    addressee = to[0]
    collectives = sum(1 for n in nominations if n.kind == "collective")
    people = len(nominations) - collectives
    whom = (
        ", ".join(
            part
            for part in (
                f"{_count(collectives)} tập thể" if collectives else "",
                f"{_count(people)} cá nhân" if people else "",
            )
            if part
        )
        or "00 cá nhân"
    )
    minutes = minutes_for(nominations)
    bases = [LAW, DECREE]
    dates = sorted({m.date for m in minutes.values() if m.date})
    if dates:
        bases.append(f"Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng {unit.name} ngày {dates[-1]}")
    body = [Paragraph(f"{line};") for line in bases] + [
        Paragraph(
            f"{unit.name} kính đề nghị {addressee} xem xét, quyết định tặng danh hiệu thi đua và hình thức "
            f"khen thưởng cho {whom} đã có thành tích xuất sắc năm {round.year}, cụ thể:"
        ),
        ItemList(tuple(_tally(nominations)) or ("Chưa có đề nghị",)),
        Paragraph("(Có danh sách và báo cáo thành tích kèm theo.)", italic=True),
        Paragraph(f"Kính đề nghị {addressee} xem xét, quyết định."),
    ]
    signer_lines = tuple(x for x in (letter.signer_authority, letter.signer_title) if x.strip())
    return OfficialDocument(
        kind=SUBMISSION_LETTER,
        issuer=document_issuer(unit=unit),
        number=letter.number,
        place=letter.place,
        date=letter.issued_on,
        year=None if letter.issued_on else today.year,
        title=letter_title(round),
        to=tuple(to),
        body=tuple(body),
        signers=(Signer(position_lines=signer_lines, name=letter.signer_name),),
        recipients=("Như trên", filing_line("TCHC")),
        appendices=(
            Appendix(
                title="Danh sách đề nghị khen thưởng",
                blocks=(
                    Paragraph(bold(f"{round.name}"), align="center", indent=False),
                    nominee_list_table(
                        nominations,
                        posts,
                        items
                        if items is not None
                        else {pk: d.items for pk, d in report_data(nominations, today=today).items()},
                    ),
                ),
                reference=(
                    f"(Kèm theo Tờ trình số {letter.reference} ngày {format_date(letter.issued_on)} "
                    f"của {unit.name})"
                    if letter.is_issued
                    else f"(Kèm theo Tờ trình số {letter.reference} của {unit.name})"
                ),
            ),
        ),
        metadata_author=unit.name,
    )


def ascii_name(text: str) -> str:
    return slugify(fold(text).replace("/", "-"))


def letter_filename(letter: SubmissionLetter, extension: str) -> str:
    reference = letter.reference if letter.is_issued else f"du-thao-{letter.round_id}"
    return f"to-trinh-{ascii_name(reference)}.{extension}"


def report_filename(nomination: Nomination, extension: str) -> str:
    return f"bao-cao-thanh-tich-{nomination.pk}-{ascii_name(nomination.name)}.{extension}"
