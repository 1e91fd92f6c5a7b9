"""Discipline and long leave from spreadsheets: one row per period, keyed by person, kind and start."""

from tdkt.core.xlsx_import import Cells, lookup
from tdkt.records.imports_base import CCCD, NAME, Context, Kind, Row, chunks, dedupe
from tdkt.records.models import Discipline, DisciplineLevel, Leave, LeaveKind

LEVEL = "Hình thức"
DECISION_NUMBER = "Số quyết định"
DECISION_DATE = "Ngày quyết định"
START = "Từ ngày"
END = "Đến ngày"
REASON = "Lý do"
LEAVE_KIND = "Loại nghỉ"
DISCIPLINE_HEADERS = [CCCD, NAME, LEVEL, DECISION_NUMBER, DECISION_DATE, START, END, REASON]
LEAVE_HEADERS = [CCCD, NAME, LEAVE_KIND, START, END]

LEVEL_LABELS = {
    DisciplineLevel.REPRIMAND: "Khiển trách",
    DisciplineLevel.WARNING: "Cảnh cáo",
    DisciplineLevel.SALARY_DOWNGRADE: "Hạ bậc lương",
    DisciplineLevel.DEMOTION: "Giáng chức",
    DisciplineLevel.REMOVAL_FROM_OFFICE: "Cách chức",
    DisciplineLevel.DISMISSAL: "Buộc thôi việc",
}
LEAVE_LABELS = {
    LeaveKind.MATERNITY: "Thai sản",
    LeaveKind.STUDY: "Đi học",
    LeaveKind.SICK: "Ốm dài ngày",
    LeaveKind.OTHER: "Khác",
}
LEVELS = lookup(LEVEL_LABELS)
LEAVE_KINDS = lookup(
    LEAVE_LABELS,
    {
        "Nghỉ thai sản": LeaveKind.MATERNITY,
        "Nghỉ đi học": LeaveKind.STUDY,
        "Nghỉ ốm dài ngày": LeaveKind.SICK,
        "Ốm": LeaveKind.SICK,
        "Nghỉ khác": LeaveKind.OTHER,
    },
)


def _period(cells: Cells, *, end_required: bool):
    start = cells.date(START, required=True)
    end = cells.date(END, required=end_required)
    if start and end and end < start:
        cells.err(END, f"{END} «{end:%d/%m/%Y}» trước {START} «{start:%d/%m/%Y}»")
    return start, end


def _check_discipline(data: list[tuple[int, dict]], ctx: Context, errors: list[dict]) -> list[Row]:
    ctx.load_people(v.get(CCCD) for _, v in data)
    rows, seen = [], {}
    for number, values in ctx.rows(data):
        cells = Cells(number, values, errors)
        person = ctx.person(cells, CCCD, NAME)
        level = cells.choice(LEVEL, LEVELS, LEVEL_LABELS.values())
        decision_number = cells.text(DECISION_NUMBER, max_length=60)
        decision_date = cells.date(DECISION_DATE, today=ctx.today)
        start, end = _period(cells, end_required=False)
        reason = cells.text(REASON, max_length=500)
        if person and level and start:
            what = f"Kỷ luật «{LEVEL_LABELS[level]}» từ {start:%d/%m/%Y} của {person.full_name}"
            dedupe(cells, seen, (person.pk, level, start), START, what)
        if cells.ok:
            fields = {
                "person": person,
                "level": level,
                "decision_number": decision_number,
                "decision_date": decision_date,
                "start": start,
                "end": end,
                "reason": reason,
            }
            rows.append(Row(number, (person.pk, level, start), fields))
    return rows


def _check_leave(data: list[tuple[int, dict]], ctx: Context, errors: list[dict]) -> list[Row]:
    ctx.load_people(v.get(CCCD) for _, v in data)
    rows, seen = [], {}
    for number, values in ctx.rows(data):
        cells = Cells(number, values, errors)
        person = ctx.person(cells, CCCD, NAME)
        kind = cells.choice(LEAVE_KIND, LEAVE_KINDS, LEAVE_LABELS.values())
        start, end = _period(cells, end_required=True)
        if person and kind and start:
            what = f"Thời gian nghỉ «{LEAVE_LABELS[kind]}» từ {start:%d/%m/%Y} của {person.full_name}"
            dedupe(cells, seen, (person.pk, kind, start), START, what)
        if cells.ok:
            fields = {"person": person, "kind": kind, "start": start, "end": end}
            rows.append(Row(number, (person.pk, kind, start), fields))
    return rows


def _existing_by(model, kind_field: str):
    def existing(rows: list[Row]) -> dict:
        found = {}
        for part in chunks(sorted({r.key[0] for r in rows})):
            qs = model.objects.select_for_update(of=("self",)).select_related("person")
            for obj in qs.filter(person_id__in=part):
                found[(obj.person_id, getattr(obj, kind_field), obj.start)] = obj
        return found

    return existing


DATE_HELP = "dd/mm/yyyy hoặc ô kiểu ngày"
CCCD_HELP = "12 chữ số của người đã có trong danh sách nhân sự. Định dạng cột là Văn bản (Text)."
NAME_HELP = "Đúng họ tên trong hồ sơ (không phân biệt dấu, hoa thường): để tránh nhầm người."

DISCIPLINE = Kind(
    key="discipline",
    title="kỷ luật",
    sheet="Kỷ luật",
    headers=DISCIPLINE_HEADERS,
    guide=[
        (CCCD, "Bắt buộc", CCCD_HELP),
        (NAME, "Bắt buộc", NAME_HELP),
        (LEVEL, "Bắt buộc", ", ".join(LEVEL_LABELS.values()) + "."),
        (DECISION_NUMBER, "Không", "Số quyết định kỷ luật, ví dụ 12/QĐ-BVA."),
        (DECISION_DATE, "Không", DATE_HELP + "; không ở tương lai."),
        (START, "Bắt buộc", DATE_HELP + ": ngày quyết định có hiệu lực."),
        (END, "Không", DATE_HELP + ": ngày hết thời hạn kỷ luật; không trước «Từ ngày»."),
        (REASON, "Không", "Tóm tắt lý do (tối đa 500 ký tự)."),
    ],
    notes=[
        "Mỗi dòng là một quyết định kỷ luật của một người.",
        "Cùng người, cùng hình thức, cùng «Từ ngày» là một quyết định: đã có thì được sửa theo tệp, "
        "không tạo trùng; nhập lại cùng tệp không thay đổi gì.",
    ],
    model=Discipline,
    check=_check_discipline,
    existing=_existing_by(Discipline, "level"),
    widths=[15, 26, 16, 16, 14, 14, 14, 40],
    dropdowns={LEVEL: list(LEVEL_LABELS.values())},
    date_columns=frozenset({DECISION_DATE, START, END}),
    text_columns=frozenset({CCCD, DECISION_NUMBER}),
)

LEAVE = Kind(
    key="leave",
    title="thời gian nghỉ dài ngày",
    sheet="Nghỉ dài ngày",
    headers=LEAVE_HEADERS,
    guide=[
        (CCCD, "Bắt buộc", CCCD_HELP),
        (NAME, "Bắt buộc", NAME_HELP),
        (LEAVE_KIND, "Bắt buộc", ", ".join(LEAVE_LABELS.values()) + "."),
        (START, "Bắt buộc", DATE_HELP + "."),
        (END, "Bắt buộc", DATE_HELP + "; không trước «Từ ngày»."),
    ],
    notes=[
        "Mỗi dòng là một thời gian nghỉ (thai sản, đi học, ốm dài ngày…) của một người.",
        "Cùng người, cùng loại nghỉ, cùng «Từ ngày» là một lần nghỉ: đã có thì «Đến ngày» được sửa theo tệp, "
        "không tạo trùng; nhập lại cùng tệp không thay đổi gì.",
    ],
    model=Leave,
    check=_check_leave,
    existing=_existing_by(Leave, "kind"),
    widths=[15, 26, 16, 14, 14],
    dropdowns={LEAVE_KIND: list(LEAVE_LABELS.values())},
    date_columns=frozenset({START, END}),
    text_columns=frozenset({CCCD}),
)
