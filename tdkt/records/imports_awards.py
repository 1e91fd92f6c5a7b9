"""Titles and awards already conferred by past (paper) decisions, so a province can load its history.

An award is known by its subject, achievement year, title or form and category: a second one is an
error, in the file or against what is recorded; the same decision imported again changes nothing."""

from tdkt.core.text import fold
from tdkt.core.xlsx_import import Cells, error, label_key, lookup, shown
from tdkt.law.vocabulary import COLLECTIVE_FORMS, COLLECTIVE_TITLES, LABELS_VI, PERSON_FORMS, PERSON_TITLES
from tdkt.records.imports_base import FIRST_YEAR, Context, Kind, Row, chunks, dedupe
from tdkt.records.models import AwardSource, Category, ConferredAward

SUBJECT = "Đối tượng"
IDENTIFIER = "Số CCCD hoặc mã đơn vị"
NAME = "Tên"
YEAR = "Năm thành tích"
CANDIDATE = "Danh hiệu, hình thức"
CATEGORY = "Loại khen thưởng"
DECISION_NUMBER = "Số quyết định"
DECISION_DATE = "Ngày quyết định"
ISSUER = "Cấp ban hành"
HEADERS = [SUBJECT, IDENTIFIER, NAME, YEAR, CANDIDATE, CATEGORY, DECISION_NUMBER, DECISION_DATE, ISSUER]

PERSON, COLLECTIVE = "person", "collective"
SUBJECT_LABELS = {PERSON: "Cá nhân", COLLECTIVE: "Tập thể"}
PERSON_CANDIDATES = tuple(dict.fromkeys(PERSON_TITLES + PERSON_FORMS))
COLLECTIVE_CANDIDATES = tuple(dict.fromkeys(COLLECTIVE_TITLES + COLLECTIVE_FORMS))
CANDIDATE_LABELS = {c: LABELS_VI[c] for c in dict.fromkeys(PERSON_CANDIDATES + COLLECTIVE_CANDIDATES)}
CATEGORY_LABELS = {
    Category.MERIT: "Theo công trạng",
    Category.THEMATIC: "Theo đợt, chuyên đề",
    Category.EXTRAORDINARY: "Đột xuất",
    Category.LONG_SERVICE: "Quá trình cống hiến",
    Category.SENIORITY: "Theo niên hạn",
    Category.FOREIGN: "Đối ngoại",
}
SUBJECTS = lookup(SUBJECT_LABELS, {"Cá nhân": PERSON, "Tập thể": COLLECTIVE, "Đơn vị": COLLECTIVE})
CANDIDATES = lookup(
    CANDIDATE_LABELS,
    {
        "LĐTT": "advanced_worker",
        "CSTĐCS": "grassroots_emulation_fighter",
        "Chiến sĩ thi đua cấp tỉnh": "provincial_emulation_fighter",
        "Chiến sĩ thi đua cấp bộ": "provincial_emulation_fighter",
        "Tập thể LĐTT": "advanced_collective",
        "Tập thể LĐXS": "excellent_collective",
        "Cờ thi đua cấp tỉnh": "provincial_emulation_flag",
        "Cờ thi đua cấp bộ": "provincial_emulation_flag",
        "Bằng khen cấp tỉnh": "provincial_merit_certificate",
        "Bằng khen cấp bộ": "provincial_merit_certificate",
        "Bằng khen của Chủ tịch UBND tỉnh": "provincial_merit_certificate",
        "Bằng khen của Bộ trưởng Bộ Y tế": "provincial_merit_certificate",
        "Bằng khen Thủ tướng Chính phủ": "prime_minister_merit_certificate",
        "Huân chương Lao động hạng 3": "labor_order_third",
        "Huân chương Lao động hạng 2": "labor_order_second",
        "Huân chương Lao động hạng 1": "labor_order_first",
        "Kỷ niệm chương Vì sức khỏe nhân dân": "health_commemorative_medal",
    },
)
CATEGORIES = lookup(
    CATEGORY_LABELS,
    {
        "Công trạng": Category.MERIT,
        "Theo công trạng và thành tích": Category.MERIT,
        "Theo đợt": Category.THEMATIC,
        "Theo chuyên đề": Category.THEMATIC,
        "Chuyên đề": Category.THEMATIC,
        "Cống hiến": Category.LONG_SERVICE,
        "Niên hạn": Category.SENIORITY,
    },
)


def _subject(cells: Cells, ctx: Context, subject: str | None, year: int | None):
    """(person, unit) named by the row; the name written must be the recorded one."""
    if subject == PERSON:
        return ctx.person(cells, IDENTIFIER, NAME), None
    code = cells.text(IDENTIFIER, required=True)
    name = cells.text(NAME, required=True, max_length=255)
    if subject is None or not code:
        return None, None
    unit = ctx.unit(cells, IDENTIFIER, code=code, year=year)
    if unit and name and fold(name) not in {fold(unit.name), fold(unit.short_name)}:
        cells.err(NAME, f"{NAME} «{name}» không khớp với tên của đơn vị «{unit.code}» («{unit.name}»)")
        return None, None
    return None, unit


def _check(data: list[tuple[int, dict]], ctx: Context, errors: list[dict]) -> list[Row]:
    persons = [v for _, v in data if SUBJECTS.get(label_key(shown(v.get(SUBJECT)))) == PERSON]
    ctx.load_people(v.get(IDENTIFIER) for v in persons)
    ctx.load_units(v.get(IDENTIFIER) for _, v in data)
    rows, seen = [], {}
    for number, values in ctx.rows(data):
        cells = Cells(number, values, errors)
        subject = cells.choice(SUBJECT, SUBJECTS, SUBJECT_LABELS.values())
        year = cells.year(YEAR, first=FIRST_YEAR, last=ctx.today.year)
        person, unit = _subject(cells, ctx, subject, year)
        candidate = cells.choice(CANDIDATE, CANDIDATES, None)  # the list is long: the guide sheet has it
        if candidate and subject:
            allowed = PERSON_CANDIDATES if subject == PERSON else COLLECTIVE_CANDIDATES
            if candidate not in allowed:
                cells.err(
                    CANDIDATE,
                    f"«{CANDIDATE_LABELS[candidate]}» không dùng cho "
                    f"{'cá nhân' if subject == PERSON else 'tập thể'}",
                )
        category = cells.choice(CATEGORY, CATEGORIES, CATEGORY_LABELS.values(), default=Category.MERIT)
        decision_number = cells.text(DECISION_NUMBER, required=True, max_length=60)
        decision_date = cells.date(DECISION_DATE, required=True, today=ctx.today)
        if decision_date and year and decision_date.year < year:
            cells.err(DECISION_DATE, f"{DECISION_DATE} «{decision_date:%d/%m/%Y}» trước {YEAR} ({year})")
        issuer = cells.text(ISSUER, max_length=255)
        subject_obj = person or unit
        key = (person.pk if person else None, unit.pk if unit else None, year, candidate, category)
        if subject_obj and year and candidate:
            what = f"«{CANDIDATE_LABELS[candidate]}» năm {year} của {subject_obj}"
            dedupe(cells, seen, key, CANDIDATE, what)
        if cells.ok:
            fields = {
                "person": person,
                "unit": unit,
                "year": year,
                "candidate": candidate,
                "category": category,
                "decision_number": decision_number,
                "decision_date": decision_date,
                "issuer": issuer,
                "source": AwardSource.IMPORTED,
                "created_by": ctx.actor if ctx.actor and ctx.actor.is_authenticated else None,
            }
            rows.append(Row(number, key, fields))
    return rows


def _existing(rows: list[Row]) -> dict:
    found = {}
    years = sorted({r.key[2] for r in rows})
    for field, index in (("person", 0), ("unit", 1)):
        ids = sorted({r.key[index] for r in rows if r.key[index] is not None})
        for part in chunks(ids):
            qs = ConferredAward.objects.select_for_update(of=("self",)).select_related("person", "unit")
            for obj in qs.filter(**{f"{field}_id__in": part, "year__in": years}):
                found[(obj.person_id, obj.unit_id, obj.year, obj.candidate, obj.category)] = obj
    return found


def _conflict(row: Row, obj: ConferredAward) -> dict | None:
    """Recorded already: the same decision is no change; another decision is a duplicate award."""
    fields = row.fields
    if (obj.decision_number, obj.decision_date) == (fields["decision_number"], fields["decision_date"]):
        row.fields = {k: v for k, v in fields.items() if k != "created_by"}  # keep who recorded it first
        return None
    recorded = f"quyết định số {obj.decision_number or '(không số)'}"
    if obj.decision_date:
        recorded += f" ngày {obj.decision_date:%d/%m/%Y}"
    return error(
        row.number,
        CANDIDATE,
        f"«{CANDIDATE_LABELS[obj.candidate]}» năm {obj.year} ({CATEGORY_LABELS[obj.category].lower()}) "
        f"của {obj.person or obj.unit} đã được ghi nhận theo {recorded}",
    )


AWARDS = Kind(
    key="past_decisions",
    title="quyết định khen thưởng đã ban hành",
    sheet="Quyết định đã ban hành",
    headers=HEADERS,
    guide=[
        (SUBJECT, "Bắt buộc", "Cá nhân hoặc Tập thể."),
        (
            IDENTIFIER,
            "Bắt buộc",
            "Cá nhân: số CCCD (12 chữ số). Tập thể: mã đơn vị, khoa, phòng (bảng dưới đây).",
        ),
        (NAME, "Bắt buộc", "Họ tên người hoặc tên đơn vị, đúng như trong hệ thống (không phân biệt dấu)."),
        (YEAR, "Bắt buộc", f"Năm của thành tích được khen, từ {FIRST_YEAR}."),
        (CANDIDATE, "Bắt buộc", "Đúng tên trong danh mục ở cuối trang này."),
        (CATEGORY, "Không", ", ".join(CATEGORY_LABELS.values()) + ". Để trống: Theo công trạng."),
        (DECISION_NUMBER, "Bắt buộc", "Số quyết định khen thưởng, ví dụ 1234/QĐ-UBND."),
        (DECISION_DATE, "Bắt buộc", "dd/mm/yyyy hoặc ô kiểu ngày; không trước năm thành tích."),
        (ISSUER, "Không", "Cấp ra quyết định, ví dụ Giám đốc Sở Y tế, Chủ tịch UBND tỉnh."),
    ],
    notes=[
        "Mỗi dòng là một danh hiệu hoặc hình thức khen thưởng đã được tặng cho một cá nhân hoặc tập thể.",
        "Danh hiệu cá nhân chỉ dùng cho cá nhân, danh hiệu tập thể chỉ dùng cho tập thể.",
        "Cùng đối tượng, cùng năm, cùng danh hiệu, cùng loại khen thưởng chỉ được ghi một lần: "
        "dòng trùng là lỗi; "
        "nhập lại đúng quyết định đã ghi thì không thay đổi gì.",
    ],
    model=ConferredAward,
    check=_check,
    existing=_existing,
    widths=[12, 24, 28, 14, 40, 22, 18, 14, 30],
    dropdowns={
        SUBJECT: list(SUBJECT_LABELS.values()),
        CANDIDATE: list(CANDIDATE_LABELS.values()),
        CATEGORY: list(CATEGORY_LABELS.values()),
    },
    date_columns=frozenset({DECISION_DATE}),
    text_columns=frozenset({IDENTIFIER, DECISION_NUMBER}),
    lists_units=True,
    conflict=_conflict,
)
