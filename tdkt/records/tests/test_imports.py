"""Record imports: every row checked, then all rows written or none; a second run changes nothing."""

import datetime as dt
import io
import math

import pytest
from django.db import connection
from openpyxl import Workbook

from conftest import TODAY, make_person, xlsx_file
from tdkt.accounts.models import AuditEntry
from tdkt.core.jobs import job_create
from tdkt.org.models import Unit
from tdkt.org.services import unit_create
from tdkt.people.cccd import make_cccd
from tdkt.people.models import Employment, Person
from tdkt.records import imports_base, services
from tdkt.records.imports import KINDS, records_import
from tdkt.records.models import Achievement, AnnualRating, ConferredAward, Discipline, Leave

pytestmark = pytest.mark.django_db


def run(kind, actor, rows, *, headers=None, name="tep.xlsx", job=None):
    content = xlsx_file([headers or KINDS[kind].headers, *rows]).getvalue()
    return records_import(kind=kind, actor=actor, content=content, file_name=name, job=job, today=TODAY)


def counts():
    return (
        AnnualRating.objects.count(),
        Achievement.objects.count(),
        Discipline.objects.count(),
        Leave.objects.count(),
        ConferredAward.objects.count(),
        AuditEntry.objects.count(),
    )


def audited(name="tep.xlsx"):
    return AuditEntry.objects.filter(reason=f"Nhập từ Excel: {name}")


# ---- ratings ---------------------------------------------------------------------------------------


def test_ratings_are_written_with_the_unit_of_the_post_that_year_and_audited(world):
    rows = [
        [
            world.hoa.cccd,
            "Nguyễn Thị Hoa",
            2024,
            "Hoàn thành xuất sắc nhiệm vụ",
            "Hội đồng BVA",
            "20/12/2024",
        ],
        [world.hoa.cccd, "nguyen thi hoa", "2023", "httnv", "", dt.datetime(2023, 12, 18)],
        [world.an.cccd, "Trần Văn An", 2024, "hoan thanh nhiem vu", "", ""],
    ]
    result = run("ratings", world.unit_officer, rows)
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (3, 0, 0)
    hoa_2024 = AnnualRating.objects.get(person=world.hoa, year=2024)
    assert (hoa_2024.rating, hoa_2024.unit, hoa_2024.rated_by, hoa_2024.rated_on) == (
        "excellent",
        world.hosp_a,
        "Hội đồng BVA",
        dt.date(2024, 12, 20),
    )
    assert AnnualRating.objects.get(person=world.hoa, year=2023).rating == "good"
    assert AnnualRating.objects.get(person=world.an, year=2024).rating == "completed"
    assert audited().filter(object_type="records.annualrating", action="create").count() == 3
    assert result["summary"].startswith("Đã nhập 3 dòng: 3 bản ghi mới")


def test_importing_the_same_ratings_file_twice_changes_nothing_and_a_correction_updates(world):
    rows = [[world.hoa.cccd, "Nguyễn Thị Hoa", 2024, "HTXSNV", "", ""]]
    run("ratings", world.unit_officer, rows)
    before = counts()
    again = run("ratings", world.unit_officer, rows)
    assert (again["created"], again["updated"], again["unchanged"], again["errors"]) == (0, 0, 1, [])
    assert counts() == before
    fixed = run("ratings", world.unit_officer, [[world.hoa.cccd, "Nguyễn Thị Hoa", 2024, "HTTNV", "", ""]])
    assert (fixed["created"], fixed["updated"]) == (0, 1)
    assert AnnualRating.objects.get(person=world.hoa, year=2024).rating == "good"
    entry = AuditEntry.objects.filter(object_type="records.annualrating", action="update").get()
    assert entry.changes == {"rating": ["excellent", "good"]}


def test_a_ratings_file_with_every_kind_of_mistake_lists_each_and_writes_nothing(world):
    services.rating_set(actor=None, person=world.an, year=2020, rating="good", unit=world.hosp_a)
    before = counts()
    stranger = make_cccd(province="079", gender="female", birth_year=1990, serial=999)
    rows = [
        [world.hoa.cccd, "Nguyễn Thị Hòa Bình", 2024, "HTXSNV", "", ""],  # 2: name mismatch
        [stranger, "Ai Đó", 2024, "HTXSNV", "", ""],  # 3: unknown CCCD
        [world.binh.cccd, "Lê Thị Bình", 2024, "HTXSNV", "", ""],  # 4: out of scope
        [world.an.cccd, "Trần Văn An", 2024, "Xuất sắc", "", "31/02/2024"],  # 5: bad label, bad date
        [world.an.cccd, "Trần Văn An", 2015, "HTNV", "", ""],  # 6: no post that year
        [world.an.cccd, "Trần Văn An", 2023, "HTNV", "", ""],  # 7
        [world.an.cccd, "Trần Văn An", 2023, "HTTNV", "", ""],  # 8: duplicate of 7
        ["1234", "Trần Văn An", 2030, "", "", ""],  # 9: short CCCD, future year, no rating
    ]
    result = run("ratings", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 2,
            "column": "Họ và tên",
            "message": f"Họ và tên «Nguyễn Thị Hòa Bình» không khớp với hồ sơ của Số CCCD «{world.hoa.cccd}» "
            "(«Nguyễn Thị Hoa»)",
        },
        {
            "row": 3,
            "column": "Số CCCD",
            "message": f"Không tìm thấy người có Số CCCD «{stranger}» trong phạm vi quản lý của bạn",
        },
        {
            "row": 4,
            "column": "Số CCCD",
            "message": f"Không tìm thấy người có Số CCCD «{world.binh.cccd}» trong phạm vi quản lý của bạn",
        },
        {
            "row": 5,
            "column": "Xếp loại",
            "message": "Xếp loại «Xuất sắc» không hợp lệ; chọn một trong: Hoàn thành xuất sắc nhiệm vụ, "
            "Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Chưa xếp loại",
        },
        {
            "row": 5,
            "column": "Ngày đánh giá",
            "message": "Ngày đánh giá «31/02/2024» không phải ngày hợp lệ (dd/mm/yyyy)",
        },
        {
            "row": 6,
            "column": "Năm",
            "message": "Trần Văn An không công tác tại đơn vị nào thuộc phạm vi quản lý của bạn "
            "trong năm 2015",
        },
        {
            "row": 8,
            "column": "Năm",
            "message": "Xếp loại năm 2023 của Trần Văn An trùng ở dòng 7 và dòng 8",
        },
        {"row": 9, "column": "Số CCCD", "message": "Số CCCD «1234» không hợp lệ: phải gồm đúng 12 chữ số"},
        {"row": 9, "column": "Năm", "message": "Năm «2030» phải từ 2000 đến 2026"},
        {"row": 9, "column": "Xếp loại", "message": "Chưa điền «Xếp loại»"},
    ]
    assert result["error_count"] == 10
    assert result["summary"] == "Tệp có 10 lỗi; chưa ghi dữ liệu nào. Hãy sửa tệp rồi nhập lại."
    assert counts() == before


def test_a_cccd_typed_as_a_number_keeps_its_leading_zero(world):
    result = run(
        "ratings", world.unit_officer, [[int(world.hoa.cccd), "Nguyễn Thị Hoa", 2024, "HTNV", "", ""]]
    )
    assert result["errors"] == []
    assert AnnualRating.objects.get(person=world.hoa).rating == "completed"


def test_a_person_who_left_the_unit_keeps_ratings_only_for_the_years_served_there(world):
    moved = make_person(unit=world.hosp_a, full_name="Đỗ Thị Lan", serial=50, start=dt.date(2019, 1, 1))
    Employment.objects.filter(person=moved).update(end=dt.date(2021, 6, 30))
    Employment.objects.create(person=moved, unit=world.hosp_b, start=dt.date(2021, 7, 1))
    rows = [
        [moved.cccd, "Đỗ Thị Lan", 2021, "HTTNV", "", ""],
        [moved.cccd, "Đỗ Thị Lan", 2022, "HTTNV", "", ""],
    ]
    result = run("ratings", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 3,
            "column": "Năm",
            "message": "Đỗ Thị Lan không công tác tại đơn vị nào thuộc phạm vi quản lý của bạn "
            "trong năm 2022",
        }
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"So CCCD;Ho va ten\n", "Tệp không phải bảng tính Excel .xlsx"),
        (b"PK\x03\x04 not really a zip", "Tệp không phải bảng tính Excel .xlsx"),
        (xlsx_file([]).getvalue(), "Tệp không có dòng dữ liệu nào"),
        (xlsx_file([KINDS["ratings"].headers]).getvalue(), "Tệp không có dòng dữ liệu nào"),
    ],
    ids=["text", "broken-zip", "empty", "headers-only"],
)
def test_a_file_that_is_not_a_filled_workbook_is_refused_whole(world, content, message):
    before = counts()
    result = records_import(
        kind="ratings", actor=world.unit_officer, content=content, file_name="x.xlsx", today=TODAY
    )
    assert result["errors"] == [{"row": None, "column": "", "message": message}]
    assert counts() == before


def test_wrong_headers_are_named_one_by_one(world):
    headers = ["Số CCCD", "Họ tên", "Năm", "Xếp loại", "Người đánh giá", "Ngày đánh giá", "Ghi chú"]
    result = run("ratings", world.unit_officer, [[world.hoa.cccd, "Nguyễn Thị Hoa", 2024]], headers=headers)
    messages = {e["message"] for e in result["errors"]}
    assert messages == {
        "Thiếu cột «Họ và tên»",
        "Cột «Họ tên» không có trong mẫu",
        "Cột «Ghi chú» không có trong mẫu",
    }
    assert all(e["row"] == 1 for e in result["errors"])
    assert not AnnualRating.objects.exists()


def test_a_5000_row_ratings_file_imports_with_a_query_budget_set_by_chunks(
    world, django_assert_max_num_queries
):
    n = 5_000
    people = []
    for i in range(n):
        p = Person(
            cccd=make_cccd(province="079", gender="female", birth_year=1980 + i % 20, serial=10_000 + i),
            full_name=f"Người Thử {i}",
            gender="female",
            birth_date=dt.date(1980 + i % 20, 1, 1),
            profession="nurse",
            health_sector_since=dt.date(2005, 1, 1),
        )
        p.derive_fields()
        people.append(p)
    Person.objects.bulk_create(people, batch_size=500)
    Employment.objects.bulk_create(
        [Employment(person=p, unit=world.hosp_a, start=dt.date(2010, 1, 1)) for p in people], batch_size=500
    )
    book = Workbook(write_only=True)
    sheet = book.create_sheet(KINDS["ratings"].sheet)
    sheet.append(KINDS["ratings"].headers)
    for i, p in enumerate(people):
        sheet.append([p.cccd, p.full_name, 2024, "HTTNV" if i % 5 else "HTXSNV", "Hội đồng", "20/12/2024"])
    buffer = io.BytesIO()
    book.save(buffer)
    job = job_create(actor=world.unit_officer, kind="records_import_ratings", title="Nhập lớn")

    def batches(model, count: int) -> int:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        size = min(
            imports_base.CHUNK, connection.ops.bulk_batch_size(fields, [None] * count) or imports_base.CHUNK
        )
        return math.ceil(count / size)

    # Fixed reads (scope, the job) + people, posts and ratings per 2,000 + progress per 500 rows
    # + the backend's own INSERT batches (SQLite caps a query at 999 parameters). Nothing per row.
    budget = (
        20
        + 3 * math.ceil(n / imports_base.CHUNK)
        + math.ceil(n / imports_base.PROGRESS_EVERY)
        + batches(AnnualRating, n)
        + batches(AuditEntry, n)
    )
    assert budget < n / 20
    with django_assert_max_num_queries(budget):
        result = records_import(
            kind="ratings",
            actor=world.unit_officer,
            content=buffer.getvalue(),
            file_name="lon.xlsx",
            job=job,
            today=TODAY,
        )
    assert result["errors"] == []
    assert result["created"] == n
    assert AnnualRating.objects.filter(year=2024, unit=world.hosp_a).count() == n
    assert audited("lon.xlsx").count() == n
    with django_assert_max_num_queries(budget):
        again = records_import(
            kind="ratings",
            actor=world.unit_officer,
            content=buffer.getvalue(),
            file_name="lon.xlsx",
            today=TODAY,
        )
    assert (again["created"], again["unchanged"]) == (0, n)


# ---- achievements ----------------------------------------------------------------------------------


def achievement_row(world, **values):
    row = {
        "kind": "Sáng kiến",
        "title": "Quy trình chăm sóc người bệnh sau mổ",
        "scope": "Tỉnh",
        "year": 2024,
        "number": "45/QĐ-SYT",
        "date": "15/11/2024",
        "issuer": "Sở Y tế",
        "unit": "BVA",
        "authors": f"{world.hoa.cccd}; {world.an.cccd}",
    }
    row.update(values)
    return list(row.values())


def test_an_initiative_with_two_authors_is_written_and_audited_with_them(world):
    result = run("achievements", world.unit_officer, [achievement_row(world)])
    assert result["errors"] == []
    work = Achievement.objects.get()
    assert (work.kind, work.scope, work.year, work.unit, work.decision_date) == (
        "initiative",
        "provincial",
        2024,
        world.hosp_a,
        dt.date(2024, 11, 15),
    )
    assert set(work.authors.all()) == {world.hoa, world.an}
    entry = audited().get(object_type="records.achievement")
    assert entry.changes["authors"] == [None, sorted([world.hoa.pk, world.an.pk])]


def test_reimporting_achievements_changes_nothing_and_new_authors_update_the_work(world):
    run("achievements", world.unit_officer, [achievement_row(world)])
    before = counts()
    again = run(
        "achievements",
        world.unit_officer,
        [achievement_row(world, title="QUY TRÌNH chăm sóc người bệnh sau mổ")],
    )
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 1, 0)  # the title's case
    same = run(
        "achievements",
        world.unit_officer,
        [achievement_row(world, title="QUY TRÌNH chăm sóc người bệnh sau mổ")],
    )
    assert (same["created"], same["updated"], same["unchanged"]) == (0, 0, 1)
    assert counts()[:5] == before[:5]
    fewer = run("achievements", world.unit_officer, [achievement_row(world, authors=world.hoa.cccd)])
    assert fewer["updated"] == 1
    assert list(Achievement.objects.get().authors.all()) == [world.hoa]


def test_achievement_mistakes_name_the_row_and_column(world):
    before = counts()
    rows = [
        achievement_row(world, kind="Bài báo", scope="Huyện"),
        achievement_row(world, unit="BVB", authors=f"{world.hoa.cccd}, {world.binh.cccd}"),
        achievement_row(world, unit="XYZ", date="31/02/2024", authors="12345"),
        achievement_row(world, title="Một", authors=f"{world.hoa.cccd};{world.hoa.cccd}"),
        achievement_row(world, title="Một", authors=""),
    ]
    result = run("achievements", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 2,
            "column": "Loại",
            "message": "Loại «Bài báo» không hợp lệ; chọn một trong: Sáng kiến, Đề tài",
        },
        {
            "row": 2,
            "column": "Phạm vi",
            "message": "Phạm vi «Huyện» không hợp lệ; chọn một trong: Cơ sở, Tỉnh, Toàn quốc",
        },
        {"row": 3, "column": "Mã đơn vị", "message": "Đơn vị «BVB» không thuộc phạm vi quản lý của bạn"},
        {
            "row": 3,
            "column": "CCCD tác giả",
            "message": f"Không tìm thấy người có Số CCCD «{world.binh.cccd}» trong phạm vi quản lý của bạn",
        },
        {
            "row": 4,
            "column": "Ngày quyết định",
            "message": "Ngày quyết định «31/02/2024» không phải ngày hợp lệ (dd/mm/yyyy)",
        },
        {"row": 4, "column": "Mã đơn vị", "message": "Mã đơn vị «XYZ» không tồn tại"},
        {
            "row": 4,
            "column": "CCCD tác giả",
            "message": "CCCD tác giả: «12345» không phải số CCCD (12 chữ số)",
        },
        {
            "row": 5,
            "column": "CCCD tác giả",
            "message": f"CCCD tác giả: «{world.hoa.cccd}» (Nguyễn Thị Hoa) được ghi hai lần",
        },
        {"row": 6, "column": "Tên", "message": "Sáng kiến «Một» năm 2024 của BVA trùng ở dòng 5 và dòng 6"},
        {"row": 6, "column": "CCCD tác giả", "message": "Chưa điền «CCCD tác giả»"},
    ]
    assert counts() == before


def test_an_achievement_of_a_closed_unit_must_fall_in_its_lifetime(world):
    old = make_person(unit=world.hosp_a, full_name="Đinh Văn Khoa", serial=60)
    closed = unit_create(
        actor=None,
        code="BVA-CU",
        name="Khoa Cũ",
        kind="ward",
        parent=world.hosp_a,
        valid_from=dt.date(2015, 1, 1),
    )
    Unit.objects.filter(pk=closed.pk).update(valid_to=dt.date(2021, 12, 31))
    ok = achievement_row(world, unit="BVA-CU", year=2020, date="01/12/2020", authors=old.cccd)
    late = achievement_row(world, unit="BVA-CU", year=2023, date="01/12/2023", authors=old.cccd, title="Khác")
    result = run("achievements", world.unit_officer, [ok, late])
    assert result["errors"] == [
        {
            "row": 3,
            "column": "Mã đơn vị",
            "message": "Đơn vị «BVA-CU» không hoạt động trong năm 2023 "
            "(hiệu lực từ 01/01/2015 đến 31/12/2021)",
        }
    ]
    assert run("achievements", world.unit_officer, [ok])["created"] == 1


# ---- discipline and leave --------------------------------------------------------------------------


def test_discipline_is_written_once_and_a_reimport_changes_nothing(world):
    row = [
        world.an.cccd,
        "Trần Văn An",
        "Khiển trách",
        "12/QĐ-BVA",
        "01/03/2025",
        "01/03/2025",
        "",
        "Đi muộn",
    ]
    result = run("discipline", world.unit_officer, [row])
    assert result["errors"] == []
    record = Discipline.objects.get()
    assert (record.person, record.level, record.start, record.end, record.reason) == (
        world.an,
        "reprimand",
        dt.date(2025, 3, 1),
        None,
        "Đi muộn",
    )
    assert audited().filter(object_type="records.discipline").count() == 1
    before = counts()
    assert run("discipline", world.unit_officer, [row])["unchanged"] == 1
    assert counts() == before
    row[6] = "01/03/2026"
    assert run("discipline", world.unit_officer, [row])["updated"] == 1
    assert Discipline.objects.get().end == dt.date(2026, 3, 1)


def test_discipline_mistakes_name_the_row_and_column(world):
    rows = [
        [world.an.cccd, "Trần Văn An", "Phê bình", "", "", "01/03/2025", "", ""],
        [world.an.cccd, "Trần Văn An", "Cảnh cáo", "", "01/01/2027", "01/03/2025", "01/02/2025", ""],
        [world.binh.cccd, "Lê Thị Bình", "Cảnh cáo", "", "", "", "", ""],
        [world.hoa.cccd, "Nguyễn Thị Hoa", "canh cao", "", "", "05/05/2024", "", ""],
        [world.hoa.cccd, "Nguyễn Thị Hoa", "Cảnh cáo", "", "", "05/05/2024", "", ""],
    ]
    result = run("discipline", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 2,
            "column": "Hình thức",
            "message": "Hình thức «Phê bình» không hợp lệ; chọn một trong: Khiển trách, Cảnh cáo, "
            "Hạ bậc lương, "
            "Giáng chức, Cách chức, Buộc thôi việc",
        },
        {"row": 3, "column": "Ngày quyết định", "message": "Ngày quyết định «01/01/2027» ở tương lai"},
        {"row": 3, "column": "Đến ngày", "message": "Đến ngày «01/02/2025» trước Từ ngày «01/03/2025»"},
        {
            "row": 4,
            "column": "Số CCCD",
            "message": f"Không tìm thấy người có Số CCCD «{world.binh.cccd}» trong phạm vi quản lý của bạn",
        },
        {"row": 4, "column": "Từ ngày", "message": "Chưa điền «Từ ngày»"},
        {
            "row": 6,
            "column": "Từ ngày",
            "message": "Kỷ luật «Cảnh cáo» từ 05/05/2024 của Nguyễn Thị Hoa trùng ở dòng 5 và dòng 6",
        },
    ]
    assert not Discipline.objects.exists()


def test_leave_is_written_and_checked(world):
    good = [world.hoa.cccd, "Nguyễn Thị Hoa", "Thai sản", "01/02/2024", "31/07/2024"]
    result = run(
        "leave",
        world.unit_officer,
        [good, [world.an.cccd, "Trần Văn An", "nghi om dai ngay", "01/09/2023", "30/11/2023"]],
    )
    assert result["errors"] == []
    assert set(Leave.objects.values_list("person__full_name", "kind")) == {
        ("Nguyễn Thị Hoa", "maternity"),
        ("Trần Văn An", "sick"),
    }
    assert audited().filter(object_type="records.leave").count() == 2
    before = counts()
    assert run("leave", world.unit_officer, [good])["unchanged"] == 1
    assert counts() == before
    bad = run(
        "leave",
        world.unit_officer,
        [
            [world.hoa.cccd, "Nguyễn Thị Hoa", "Nghỉ phép", "01/02/2024", ""],
            [world.hoa.cccd, "Nguyễn Thị Hoa", "Đi học", "30/02/2024", "01/01/2024"],
        ],
    )
    assert bad["errors"] == [
        {
            "row": 2,
            "column": "Loại nghỉ",
            "message": "Loại nghỉ «Nghỉ phép» không hợp lệ; chọn một trong: Thai sản, Đi học, "
            "Ốm dài ngày, Khác",
        },
        {"row": 2, "column": "Đến ngày", "message": "Chưa điền «Đến ngày»"},
        {
            "row": 3,
            "column": "Từ ngày",
            "message": "Từ ngày «30/02/2024» không phải ngày hợp lệ (dd/mm/yyyy)",
        },
    ]
    assert counts() == before


# ---- past decisions --------------------------------------------------------------------------------


def award_row(
    subject="Cá nhân", who="", name="Nguyễn Thị Hoa", year=2022, title="Lao động tiên tiến", **values
):
    row = [subject, who, name, year, title, values.get("category", ""), values.get("number", "88/QĐ-SYT")]
    return [*row, values.get("date", "20/01/2023"), values.get("issuer", "Giám đốc Sở Y tế")]


def test_past_decisions_for_people_and_collectives_are_recorded(world):
    rows = [
        award_row(who=world.hoa.cccd),
        award_row(who=world.hoa.cccd, title="chien si thi dua co so"),
        award_row(
            who=world.an.cccd,
            name="Trần Văn An",
            title="Bằng khen của Thủ tướng Chính phủ",
            category="Đột xuất",
        ),
        award_row(subject="Tập thể", who="bva-noi", name="Khoa Nội", title="Tập thể lao động xuất sắc"),
        award_row(who=world.hoa.cccd, title="Kỷ niệm chương Vì sức khỏe nhân dân", category="Theo niên hạn"),
    ]
    result = run("past_decisions", world.unit_officer, rows)
    assert result["errors"] == []
    assert set(
        ConferredAward.objects.values_list("person_id", "unit_id", "year", "candidate", "category")
    ) == {
        (world.hoa.pk, None, 2022, "advanced_worker", "merit"),
        (world.hoa.pk, None, 2022, "grassroots_emulation_fighter", "merit"),
        (world.an.pk, None, 2022, "prime_minister_merit_certificate", "extraordinary"),
        (None, world.ward_a.pk, 2022, "excellent_collective", "merit"),
        (world.hoa.pk, None, 2022, "health_commemorative_medal", "seniority"),
    }
    award = ConferredAward.objects.get(candidate="advanced_worker")
    assert (award.decision_number, award.decision_date, award.issuer, award.source, award.created_by) == (
        "88/QĐ-SYT",
        dt.date(2023, 1, 20),
        "Giám đốc Sở Y tế",
        "imported",
        world.unit_officer,
    )
    assert audited().filter(object_type="records.conferredaward").count() == 5
    before = counts()
    again = run("past_decisions", world.so_officer, rows)
    assert (again["created"], again["updated"], again["unchanged"], again["errors"]) == (0, 0, 5, [])
    assert counts() == before


def test_a_second_award_of_the_same_title_is_an_error_in_the_file_and_against_the_record(world):
    services.award_record(
        actor=None, person=world.an, year=2021, candidate="advanced_worker", decision_number="5/QĐ-BVA"
    )
    before = counts()
    rows = [
        award_row(who=world.hoa.cccd),
        award_row(who=world.hoa.cccd, number="99/QĐ-SYT"),
        award_row(who=world.an.cccd, name="Trần Văn An", year=2021),
    ]
    result = run("past_decisions", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 3,
            "column": "Danh hiệu, hình thức",
            "message": "«Lao động tiên tiến» năm 2022 của Nguyễn Thị Hoa trùng ở dòng 2 và dòng 3",
        }
    ]
    result = run("past_decisions", world.unit_officer, rows[2:])
    assert result["errors"] == [
        {
            "row": 2,
            "column": "Danh hiệu, hình thức",
            "message": "«Lao động tiên tiến» năm 2021 (theo công trạng) của Trần Văn An "
            "đã được ghi nhận theo "
            "quyết định số 5/QĐ-BVA",
        }
    ]
    assert counts() == before


def test_past_decision_mistakes_name_the_row_and_column(world):
    rows = [
        award_row(who=world.hoa.cccd, title="Tập thể lao động tiên tiến"),
        award_row(subject="Tập thể", who="BVA", name="Bệnh viện Đa khoa A", title="Chiến sĩ thi đua cơ sở"),
        award_row(subject="Tập thể", who="BVA", name="Bệnh viện B", title="Giấy khen"),
        award_row(subject="Nhóm", who=world.hoa.cccd, title="Danh hiệu lạ", category="Thường"),
        award_row(who=world.binh.cccd, name="Lê Thị Bình", date="31/02/2023", number=""),
        award_row(who=world.hoa.cccd, year=2023, date="20/01/2022"),
    ]
    result = run("past_decisions", world.unit_officer, rows)
    assert result["errors"] == [
        {
            "row": 2,
            "column": "Danh hiệu, hình thức",
            "message": "«Tập thể lao động tiên tiến» không dùng cho cá nhân",
        },
        {
            "row": 3,
            "column": "Danh hiệu, hình thức",
            "message": "«Chiến sĩ thi đua cơ sở» không dùng cho tập thể",
        },
        {
            "row": 4,
            "column": "Tên",
            "message": "Tên «Bệnh viện B» không khớp với tên của đơn vị «BVA» («Bệnh viện Đa khoa A»)",
        },
        {
            "row": 5,
            "column": "Đối tượng",
            "message": "Đối tượng «Nhóm» không hợp lệ; chọn một trong: Cá nhân, Tập thể",
        },
        {
            "row": 5,
            "column": "Danh hiệu, hình thức",
            "message": "Danh hiệu, hình thức «Danh hiệu lạ» không hợp lệ; xem danh mục ở trang «Hướng dẫn»",
        },
        {
            "row": 5,
            "column": "Loại khen thưởng",
            "message": "Loại khen thưởng «Thường» không hợp lệ; chọn một trong: Theo công trạng, "
            "Theo đợt, chuyên đề, Đột xuất, Quá trình cống hiến, Theo niên hạn, Đối ngoại",
        },
        {
            "row": 6,
            "column": "Số CCCD hoặc mã đơn vị",
            "message": f"Không tìm thấy người có Số CCCD «{world.binh.cccd}» trong phạm vi quản lý của bạn",
        },
        {"row": 6, "column": "Số quyết định", "message": "Chưa điền «Số quyết định»"},
        {
            "row": 6,
            "column": "Ngày quyết định",
            "message": "Ngày quyết định «31/02/2023» không phải ngày hợp lệ (dd/mm/yyyy)",
        },
        {
            "row": 7,
            "column": "Ngày quyết định",
            "message": "Ngày quyết định «20/01/2022» trước Năm thành tích (2023)",
        },
    ]
    assert not ConferredAward.objects.exists()
