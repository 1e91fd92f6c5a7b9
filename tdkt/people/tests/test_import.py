"""The people import service: every row checked, then all rows written or none."""

import datetime as dt
import io
import math
import zipfile

import pytest
from django.db import connection
from openpyxl import Workbook

from conftest import xlsx_file
from tdkt.accounts.models import AuditEntry
from tdkt.core.jobs import job_create
from tdkt.core.models import Job
from tdkt.people import imports
from tdkt.people.cccd import make_cccd
from tdkt.people.imports import (
    BIRTH,
    CCCD,
    DEPARTMENT,
    GENDER,
    HEADERS,
    MANAGER,
    NAME,
    POSITION,
    PROFESSION,
    SECTOR_START,
    START,
    STATUS,
    UNIT,
    people_import,
)
from tdkt.people.models import Employment, Person

pytestmark = pytest.mark.django_db

KEYS = {
    "cccd": CCCD,
    "name": NAME,
    "gender": GENDER,
    "birth": BIRTH,
    "profession": PROFESSION,
    "status": STATUS,
    "manager": MANAGER,
    "sector": SECTOR_START,
    "unit": UNIT,
    "department": DEPARTMENT,
    "position": POSITION,
    "start": START,
}


def person_row(serial: int = 501, **values) -> list:
    """A valid row for a nurse born 1990 at hospital A's internal medicine ward; override by key."""
    row = {
        "cccd": make_cccd(province="079", gender="female", birth_year=1990, serial=serial),
        "name": f"Võ Thị Mai {serial}",
        "gender": "Nữ",
        "birth": "12/05/1990",
        "profession": "Điều dưỡng",
        "status": "Viên chức",
        "manager": "Không",
        "sector": "01/09/2012",
        "unit": "BVA",
        "department": "BVA-NOI",
        "position": "Nhân viên",
        "start": "01/09/2012",
    }
    row.update(values)
    return [row[key] for key in KEYS]


def run(actor, rows, *, headers=HEADERS, job=None, name="nhan-su.xlsx"):
    content = xlsx_file([headers, *rows]).getvalue()
    return people_import(actor=actor, content=content, file_name=name, job=job)


def counts():
    return Person.objects.count(), Employment.objects.count(), AuditEntry.objects.count()


def assert_refused(result, before, *, row, column, text):
    """The import wrote nothing and reported `text` at (row, column)."""
    assert counts() == before
    assert result["created"] == result["updated"] == 0
    matches = [e for e in result["errors"] if e["row"] == row and e["column"] == column]
    assert matches, result["errors"]
    assert any(text in e["message"] for e in matches), matches


def test_a_good_file_creates_people_their_posts_and_audit_entries(world):
    before = counts()
    result = run(
        world.unit_officer,
        [
            person_row(501),
            person_row(
                502,
                cccd=make_cccd(province="001", gender="male", birth_year=1980, serial=502),
                name="  đặng   văn  khoa ",
                gender="nam",
                birth="03/04/1980",
                profession="bac si",
                status="Công chức",
                manager="",
                department="",
                position="Phó Giám đốc",
                sector="01/08/2005",
                start="01/01/2015",
            ),
        ],
    )
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (2, 0, 0)
    assert result["summary"].startswith("Đã nhập 2 dòng")
    assert counts() == (before[0] + 2, before[1] + 2, before[2] + 4)

    mai = Person.objects.get(full_name="Võ Thị Mai 501")
    assert (mai.gender, mai.profession, mai.employment_status, mai.is_manager) == (
        "female",
        "nurse",
        "public_employee",
        False,
    )
    assert mai.birth_date == dt.date(1990, 5, 12)
    assert mai.search_text == "vo thi mai 501"
    post = mai.employments.get()
    assert (post.unit, post.department, post.position, post.start, post.end) == (
        world.hosp_a,
        world.ward_a,
        "staff",
        dt.date(2012, 9, 1),
        None,
    )
    khoa = Person.objects.get(cccd=make_cccd(province="001", gender="male", birth_year=1980, serial=502))
    assert khoa.full_name == "đặng văn khoa"
    assert (khoa.profession, khoa.employment_status) == ("doctor", "civil_servant")
    assert khoa.is_manager is True  # left blank: a deputy director manages
    assert khoa.employments.get().position == "deputy_director"

    entries = AuditEntry.objects.filter(reason="Nhập từ Excel: nhan-su.xlsx")
    assert entries.count() == 4
    assert {(e.object_type, e.action) for e in entries} == {
        ("people.person", "create"),
        ("people.employment", "create"),
    }
    assert all(e.actor == world.unit_officer for e in entries)


def test_excel_date_cells_and_dd_mm_yyyy_text_both_work(world):
    result = run(
        world.unit_officer,
        [
            person_row(
                501, birth=dt.date(1990, 5, 12), sector=dt.datetime(2012, 9, 1), start=dt.date(2013, 1, 2)
            ),
            person_row(502, birth="5/9/1990", sector="1/9/2012", start="02/01/2013"),
        ],
    )
    assert result["errors"] == []
    first, second = (Person.objects.get(full_name=f"Võ Thị Mai {s}") for s in (501, 502))
    assert first.birth_date == dt.date(1990, 5, 12)
    assert first.health_sector_since == dt.date(2012, 9, 1)
    assert first.employments.get().start == dt.date(2013, 1, 2)
    assert second.birth_date == dt.date(1990, 9, 5)
    assert second.employments.get().start == dt.date(2013, 1, 2)


def test_headers_are_compared_without_accents_or_case(world):
    headers = ["so cccd", "HO VA TEN", *HEADERS[2:]]
    result = run(world.unit_officer, [person_row()], headers=headers)
    assert result["errors"] == []
    assert result["created"] == 1


def test_it_rejects_wrong_headers(world):
    before = counts()
    headers = [h for h in HEADERS if h != MANAGER] + ["Ghi chú"]
    result = run(world.unit_officer, [[*person_row()[:6], *person_row()[7:], "x"]], headers=headers)
    assert_refused(result, before, row=1, column=MANAGER, text="Thiếu cột «Quản lý»")
    assert_refused(result, before, row=1, column="Ghi chú", text="Cột «Ghi chú» không có trong mẫu")


def test_it_rejects_headers_in_another_order(world):
    before = counts()
    headers = [NAME, CCCD, *HEADERS[2:]]
    result = run(world.unit_officer, [person_row()], headers=headers)
    assert_refused(result, before, row=1, column="", text="không đúng thứ tự")
    assert "Số CCCD, Họ và tên, Giới tính" in result["errors"][0]["message"]


def test_it_rejects_a_bad_cccd(world):
    before = counts()
    result = run(
        world.unit_officer,
        [
            person_row(501, cccd="079190"),
            person_row(502, cccd="999190000502"),
            person_row(503, cccd=make_cccd(province="079", gender="male", birth_year=1990, serial=503)),
        ],
    )
    assert_refused(
        result, before, row=2, column=CCCD, text="Số CCCD «079190» không hợp lệ: CCCD phải gồm đúng 12"
    )
    assert_refused(result, before, row=3, column=CCCD, text="(999) không phải mã tỉnh")
    assert_refused(result, before, row=4, column=CCCD, text="giới tính nam, không khớp")


def test_a_cccd_typed_as_a_number_gets_its_leading_zero_back(world):
    cccd = make_cccd(province="079", gender="female", birth_year=1990, serial=501)
    result = run(world.unit_officer, [person_row(501, cccd=int(cccd))])
    assert result["errors"] == []
    assert Person.objects.filter(cccd=cccd).exists()


def test_a_number_that_stays_invalid_after_padding_is_reported_with_a_hint(world):
    before = counts()
    result = run(world.unit_officer, [person_row(501, cccd=1234567)])
    assert_refused(result, before, row=2, column=CCCD, text="định dạng cột «Số CCCD» là Văn bản")


def test_it_rejects_a_file_with_a_duplicate_cccd(world):
    before = counts()
    result = run(world.unit_officer, [person_row(501), person_row(502), person_row(501, name="")])
    cccd = make_cccd(province="079", gender="female", birth_year=1990, serial=501)
    assert_refused(result, before, row=4, column=CCCD, text=f"Số CCCD «{cccd}» trùng ở dòng 2 và dòng 4")
    assert_refused(result, before, row=4, column=NAME, text="Chưa điền «Họ và tên»")


def test_it_refuses_more_rows_than_the_limit(world, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 2)
    before = counts()
    result = run(world.unit_officer, [person_row(501), person_row(502), person_row(503)])
    assert_refused(result, before, row=None, column="", text="quá giới hạn 2 dòng")


def test_it_rejects_an_impossible_date(world):
    before = counts()
    result = run(
        world.unit_officer, [person_row(501, birth="31/02/2020"), person_row(502, start="2012-09-01")]
    )
    assert_refused(
        result, before, row=2, column=BIRTH, text="Ngày sinh «31/02/2020» không phải ngày hợp lệ (dd/mm/yyyy)"
    )
    assert_refused(result, before, row=3, column=START, text="«2012-09-01» không phải ngày hợp lệ")


def test_it_rejects_birth_dates_in_the_future_or_before_1930_and_too_early_starts(world):
    before = counts()
    old = make_cccd(province="079", gender="female", birth_year=1925, serial=503)
    young = make_cccd(province="079", gender="female", birth_year=2099, serial=502)
    result = run(
        world.unit_officer,
        [
            person_row(501, sector="01/09/2004"),
            person_row(502, cccd=young, birth="01/01/2099"),
            person_row(503, cccd=old, birth="01/01/1925"),
            person_row(504, start="01/01/2012"),
        ],
    )
    assert_refused(result, before, row=2, column=SECTOR_START, text="sớm hơn ngày đủ 15 tuổi (12/05/2005)")
    assert_refused(result, before, row=3, column=BIRTH, text="«01/01/2099» ở tương lai")
    assert_refused(result, before, row=4, column=BIRTH, text="trước năm 1930")
    assert_refused(result, before, row=5, column=START, text="trước Ngày vào ngành «01/09/2012»")


def test_it_rejects_missing_required_values_and_unknown_labels(world):
    before = counts()
    result = run(
        world.unit_officer, [person_row(501, name="", profession="Bác học", position="Trưởng phòng")]
    )
    assert_refused(result, before, row=2, column=NAME, text="Chưa điền «Họ và tên»")
    assert_refused(result, before, row=2, column=PROFESSION, text="Nghề nghiệp «Bác học» không hợp lệ")
    assert_refused(result, before, row=2, column=POSITION, text="chọn một trong: Giám đốc")


def test_it_collects_every_error_not_only_the_first(world):
    result = run(
        world.unit_officer,
        [person_row(501, birth="31/02/1990"), person_row(502), person_row(503, unit="XYZ", gender="?")],
    )
    assert [(e["row"], e["column"]) for e in result["errors"]] == [(2, BIRTH), (4, GENDER), (4, UNIT)]
    assert result["error_count"] == 3
    assert result["summary"].startswith("Tệp có 3 lỗi; chưa ghi dữ liệu nào")


def test_it_rejects_an_empty_file(world):
    before = counts()
    for rows in ([HEADERS], [HEADERS, [None] * 12, ["", " "]], [[]]):
        content = xlsx_file(rows).getvalue()
        result = people_import(actor=world.unit_officer, content=content, file_name="rong.xlsx")
        assert_refused(result, before, row=None, column="", text="Tệp không có dòng dữ liệu nào")


def test_it_rejects_a_file_that_is_not_an_xlsx(world):
    before = counts()
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    for content in (b"So CCCD;Ho va ten\n", b"PK\x03\x04 broken", other_zip.getvalue(), b""):
        result = people_import(actor=world.unit_officer, content=content, file_name="x.xlsx")
        assert_refused(result, before, row=None, column="", text="Tệp không phải bảng tính Excel .xlsx")


def test_it_rejects_a_unit_outside_the_users_scope(world):
    before = counts()
    result = run(
        world.unit_officer,
        [person_row(501, unit="BVB", department=""), person_row(502, unit="KHONG-CO", department="")],
    )
    assert_refused(
        result, before, row=2, column=UNIT, text="Đơn vị «BVB» không thuộc phạm vi quản lý của bạn"
    )
    assert_refused(result, before, row=3, column=UNIT, text="Mã đơn vị «KHONG-CO» không tồn tại")


def test_a_ward_code_in_the_unit_column_is_explained(world):
    before = counts()
    result = run(world.unit_officer, [person_row(501, unit="BVA-NOI", department="")])
    assert_refused(result, before, row=2, column=UNIT, text="«BVA-NOI» là khoa/phòng")


def test_it_rejects_a_department_not_under_the_unit(world):
    before = counts()
    result = run(world.so_officer, [person_row(501, unit="BVB", department="BVA-NOI")])
    assert_refused(
        result,
        before,
        row=2,
        column=DEPARTMENT,
        text="Khoa/phòng «BVA-NOI» không thuộc đơn vị «Bệnh viện Phụ sản B» (BVB)",
    )


def test_a_department_may_be_named_instead_of_coded(world):
    result = run(world.unit_officer, [person_row(501, department="khoa noi")])
    assert result["errors"] == []
    assert Person.objects.get(full_name="Võ Thị Mai 501").employments.get().department == world.ward_a


def test_reimporting_the_same_file_changes_nothing(world):
    rows = [person_row(501), person_row(502, department="", position="Điều dưỡng trưởng")]
    run(world.unit_officer, rows)
    before = counts()
    result = run(world.unit_officer, rows)
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 0, 2)
    assert counts() == before


def test_reimporting_with_a_changed_name_updates_the_person_by_cccd(world):
    run(world.unit_officer, [person_row(501)])
    person = Person.objects.get(full_name="Võ Thị Mai 501")
    before = counts()
    result = run(world.unit_officer, [person_row(501, name="Võ Thị Mai Anh")], name="sua-ten.xlsx")
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 1, 0)
    person.refresh_from_db()
    assert person.full_name == "Võ Thị Mai Anh"
    assert person.search_text == "vo thi mai anh"
    assert person.given_name == "Anh"
    assert counts() == (before[0], before[1], before[2] + 1)
    entry = AuditEntry.objects.get(reason="Nhập từ Excel: sua-ten.xlsx")
    assert (entry.action, entry.object_id) == ("update", str(person.pk))
    assert entry.changes == {"full_name": ["Võ Thị Mai 501", "Võ Thị Mai Anh"]}


def hoa_row(**values) -> list:
    """Nguyễn Thị Hoa of the world fixture as a row (nothing changed unless overridden)."""
    base = {
        "cccd": world_hoa_cccd(),
        "name": "Nguyễn Thị Hoa",
        "gender": "Nữ",
        "birth": "15/03/1985",
        "profession": "Điều dưỡng",
        "status": "Viên chức",
        "manager": "Không",
        "sector": "01/09/2010",
        "unit": "BVA",
        "department": "BVA-NOI",
        "position": "Nhân viên",
        "start": "01/01/2019",
    }
    base.update(values)
    return [base[key] for key in KEYS]


def world_hoa_cccd() -> str:
    return make_cccd(province="079", gender="female", birth_year=1985, serial=1)


def test_a_person_already_recorded_is_unchanged_when_the_file_agrees(world):
    before = counts()
    result = run(world.unit_officer, [hoa_row(start="01/06/2020")])
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 0, 1)
    assert counts() == before


def test_moving_a_person_to_another_unit_closes_the_old_post_the_day_before(world):
    old_post = world.hoa.employments.get()
    before = counts()
    result = run(
        world.so_officer, [hoa_row(unit="BVB", department="", start="01/03/2025")], name="chuyen.xlsx"
    )
    assert result["errors"] == []
    assert (result["created"], result["updated"], result["unchanged"]) == (0, 1, 0)
    old_post.refresh_from_db()
    assert old_post.end == dt.date(2025, 2, 28)
    new_post = world.hoa.employments.get(end__isnull=True)
    assert (new_post.unit, new_post.department, new_post.start) == (world.hosp_b, None, dt.date(2025, 3, 1))
    assert Person.objects.filter(cccd=world_hoa_cccd()).count() == 1
    assert counts() == (before[0], before[1] + 1, before[2] + 2)
    closing = AuditEntry.objects.get(reason="Nhập từ Excel: chuyen.xlsx", action="update")
    assert closing.changes == {"end": [None, "2025-02-28"]}


def test_a_new_post_must_start_after_the_open_one(world):
    before = counts()
    result = run(world.unit_officer, [hoa_row(department="", start="01/01/2019")])
    assert_refused(
        result,
        before,
        row=2,
        column=START,
        text="Nguyễn Thị Hoa đang công tác tại «Bệnh viện Đa khoa A» từ 01/01/2019",
    )


def test_progress_is_reported_on_the_job(world):
    job = job_create(actor=world.unit_officer, kind="people_import", title="Nhập")
    result = run(world.unit_officer, [person_row(500 + i) for i in range(3)], job=job)
    assert result["created"] == 3
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("running", 3, 3)


def test_a_20000_row_file_imports_with_a_query_budget_set_by_chunks(world, django_assert_max_num_queries):
    n = 20_000
    book = Workbook(write_only=True)
    sheet = book.create_sheet(imports.SHEET)
    sheet.append(HEADERS)
    for i in range(n):
        gender = "female" if i % 2 else "male"
        year = 1960 + i % 25
        cccd = make_cccd(province="079", gender=gender, birth_year=year, serial=100_000 + i)
        sheet.append(
            [
                cccd,
                f"Người Thử {i}",
                "Nữ" if i % 2 else "Nam",
                f"{1 + i % 28}/{1 + i % 12}/{year}",
                "Điều dưỡng",
                "Viên chức",
                "Không",
                "01/09/2005",
                "BVA",
                "BVA-NOI" if i % 3 else "",
                "Nhân viên",
                "01/09/2006",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    job = Job.objects.create(kind="people_import", title="Nhập lớn", created_by=world.unit_officer)

    def batches(model, count: int) -> int:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        size = min(imports.CHUNK, connection.ops.bulk_batch_size(fields, [None] * count) or imports.CHUNK)
        return math.ceil(count / size)

    # Fixed reads (scope, units, the job) + a read per 2,000 CCCDs + a progress write per 500 rows
    # + the backend's own INSERT batches (SQLite caps a query at 999 parameters). Nothing per row.
    budget = (
        30
        + math.ceil(n / imports.CHUNK)
        + math.ceil(n / imports.PROGRESS_EVERY)
        + batches(Person, n)
        + batches(Employment, n)
        + batches(AuditEntry, 2 * n)
    )
    assert budget < n / 20
    with django_assert_max_num_queries(budget):
        result = people_import(
            actor=world.unit_officer, content=buffer.getvalue(), file_name="lon.xlsx", job=job
        )
    assert result["errors"] == []
    assert result["created"] == n
    assert Person.objects.filter(full_name__startswith="Người Thử").count() == n
    assert Employment.objects.filter(unit=world.hosp_a, department=world.ward_a).count() >= n * 2 // 3
    assert AuditEntry.objects.filter(reason="Nhập từ Excel: lon.xlsx").count() == 2 * n
    # speed is measured by bench/ (make bench), never asserted here: the query budget is the guard
