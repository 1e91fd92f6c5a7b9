"""Yearly ratings (xếp loại chất lượng) from a spreadsheet: one row per person and year, upserted."""

from tdkt.core.xlsx_import import Cells, lookup
from tdkt.law.vocabulary import LABELS_VI
from tdkt.records.imports_base import CCCD, FIRST_YEAR, NAME, Context, Kind, Row, chunks, dedupe
from tdkt.records.models import AnnualRating, Rating

YEAR = "Năm"
RATING = "Xếp loại"
RATED_BY = "Người đánh giá"
RATED_ON = "Ngày đánh giá"
HEADERS = [CCCD, NAME, YEAR, RATING, RATED_BY, RATED_ON]

RATING_LABELS = {r.value: LABELS_VI[r.value] for r in Rating}
RATINGS = lookup(
    RATING_LABELS,
    {"HTXSNV": Rating.EXCELLENT, "HTTNV": Rating.GOOD, "HTNV": Rating.COMPLETED, "KHTNV": Rating.FAILED},
)


def _check(data: list[tuple[int, dict]], ctx: Context, errors: list[dict]) -> list[Row]:
    ctx.load_people(v.get(CCCD) for _, v in data)
    ctx.load_posts()
    rows, seen = [], {}
    for number, values in ctx.rows(data):
        cells = Cells(number, values, errors)
        person = ctx.person(cells, CCCD, NAME)
        year = cells.year(YEAR, first=FIRST_YEAR, last=ctx.today.year)
        rating = cells.choice(RATING, RATINGS, RATING_LABELS.values())
        rated_by = cells.text(RATED_BY, max_length=120)
        rated_on = cells.date(RATED_ON, today=ctx.today)
        if rated_on and year and rated_on.year < year:
            cells.err(RATED_ON, f"{RATED_ON} «{rated_on:%d/%m/%Y}» trước năm được đánh giá ({year})")
        unit_id = None
        if person and year:
            unit_id = ctx.post_unit_id(person, year)
            if unit_id is None:
                cells.err(
                    YEAR,
                    f"{person.full_name} không công tác tại đơn vị nào thuộc phạm vi quản lý của bạn "
                    f"trong năm {year}",
                )
            dedupe(cells, seen, (person.pk, year), YEAR, f"Xếp loại năm {year} của {person.full_name}")
        if cells.ok:
            fields = {
                "person": person,
                "year": year,
                "rating": rating,
                "unit_id": unit_id,
                "rated_by": rated_by,
                "rated_on": rated_on,
            }
            rows.append(Row(number, (person.pk, year), fields))
    return rows


def _existing(rows: list[Row]) -> dict:
    found = {}
    ids = sorted({r.key[0] for r in rows})
    years = sorted({r.key[1] for r in rows})
    for part in chunks(ids):
        qs = AnnualRating.objects.select_for_update(of=("self",)).select_related("person")
        for obj in qs.filter(person_id__in=part, year__in=years):
            found[(obj.person_id, obj.year)] = obj
    return found


KIND = Kind(
    key="ratings",
    title="xếp loại chất lượng",
    sheet="Xếp loại",
    headers=HEADERS,
    guide=[
        (
            CCCD,
            "Bắt buộc",
            "12 chữ số của người đã có trong danh sách nhân sự. Định dạng cột là Văn bản (Text).",
        ),
        (NAME, "Bắt buộc", "Đúng họ tên trong hồ sơ (không phân biệt dấu, hoa thường): để tránh nhầm người."),
        (
            YEAR,
            "Bắt buộc",
            f"Năm được đánh giá, từ {FIRST_YEAR}; người đó phải công tác tại đơn vị của bạn năm ấy.",
        ),
        (
            RATING,
            "Bắt buộc",
            ", ".join(RATING_LABELS.values()) + "; hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV.",
        ),
        (RATED_BY, "Không", "Người hoặc hội đồng đánh giá."),
        (RATED_ON, "Không", "dd/mm/yyyy hoặc ô kiểu ngày; không trước năm được đánh giá."),
    ],
    notes=[
        "Mỗi dòng là xếp loại của một người trong một năm.",
        "Đã có xếp loại của người đó năm đó thì được sửa theo tệp, không tạo trùng; "
        "nhập lại cùng tệp không thay đổi gì.",
    ],
    model=AnnualRating,
    check=_check,
    existing=_existing,
    widths=[15, 26, 8, 30, 24, 14],
    dropdowns={RATING: list(RATING_LABELS.values())},
    date_columns=frozenset({RATED_ON}),
    text_columns=frozenset({CCCD}),
)
