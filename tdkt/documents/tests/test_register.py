"""The register of documents issued: gap-free numbers per unit, series, year and kind, audited."""

import threading

import pytest
from django.db import connection, transaction

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.documents.model import DECISION
from tdkt.documents.models import RegisterCounter, RegisterEntry
from tdkt.documents.services import register_allocate


def _allocate(world, *, year=2026, kind="decision", issuer=None, series="", subject="Về việc tặng Giấy khen"):
    return register_allocate(
        issuer=issuer or world.hosp_a,
        year=year,
        kind=kind,
        actor=world.unit_officer,
        subject=subject,
        series=series,
    )


def test_numbers_follow_each_other_from_one_with_their_symbol(world):
    entries = [_allocate(world) for _ in range(11)]
    assert [e.number for e in entries] == list(range(1, 12))
    assert [e.symbol for e in entries[:2]] == ["01/QĐ-BVĐKA", "02/QĐ-BVĐKA"]
    assert entries[9].symbol == "10/QĐ-BVĐKA"
    assert entries[0].allocated_by == world.unit_officer and entries[0].subject == "Về việc tặng Giấy khen"


def test_each_year_starts_again_at_one(world):
    assert [_allocate(world, year=2025).number for _ in range(3)] == [1, 2, 3]
    assert _allocate(world, year=2026).number == 1
    assert _allocate(world, year=2025).number == 4


def test_each_kind_and_each_unit_has_its_own_series(world):
    assert _allocate(world, kind="decision").number == 1
    plan = _allocate(world, kind="plan")
    assert (plan.number, plan.symbol) == (1, "01/KH-BVĐKA")
    assert _allocate(world, kind=DECISION).number == 2
    assert _allocate(world, issuer=world.hosp_b).symbol == "01/QĐ-BVPSB"


def test_a_council_issuing_in_its_own_name_keeps_its_own_series(world):
    _allocate(world, kind="minutes")
    council = _allocate(world, kind="minutes", series="hđtđkt")
    assert (council.number, council.symbol, council.series) == (1, "01/BB-HĐTĐKT", "HĐTĐKT")
    assert _allocate(world, kind="minutes", series="HĐTĐKT").number == 2


def test_every_allocation_is_audited_with_who_and_what(world):
    entry = _allocate(world)
    audit = AuditEntry.objects.get(object_type="documents.registerentry", object_id=str(entry.pk))
    assert audit.action == "create" and audit.actor == world.unit_officer
    assert audit.changes["number"] == [None, 1]
    assert audit.changes["symbol"] == [None, "01/QĐ-BVĐKA"]
    assert audit.changes["subject"] == [None, "Về việc tặng Giấy khen"]


def test_a_rolled_back_transaction_gives_its_number_back(world):
    _allocate(world)
    with pytest.raises(RuntimeError), transaction.atomic():
        assert _allocate(world).number == 2
        raise RuntimeError("the document could not be saved")
    assert _allocate(world).number == 2
    assert list(RegisterEntry.objects.values_list("number", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "invoice"}, "không phải loại văn bản được cấp số"),
        ({"kind": "achievement_report"}, "không phải loại văn bản được cấp số"),
        ({"subject": "   "}, "Trích yếu"),
        ({"year": 1999}, "không phải năm ban hành hợp lệ"),
        ({"year": 2101}, "không phải năm ban hành hợp lệ"),
        ({"series": "HĐ TĐKT"}, "chữ in hoa"),
    ],
)
def test_a_bad_request_is_refused_in_vietnamese_and_writes_nothing(world, changes, message):
    with pytest.raises(ApplicationError, match=message):
        _allocate(world, **changes)
    assert not RegisterEntry.objects.exists() and not RegisterCounter.objects.exists()
    assert not AuditEntry.objects.filter(object_type="documents.registerentry").exists()


def test_a_unit_cannot_issue_in_a_year_it_did_not_exist(world):
    import datetime as dt

    world.hosp_b.valid_to = dt.date(2025, 6, 30)
    world.hosp_b.save()
    assert _allocate(world, issuer=world.hosp_b, year=2025).number == 1
    with pytest.raises(ApplicationError, match="không tồn tại trong năm 2026"):
        _allocate(world, issuer=world.hosp_b, year=2026)


def test_an_allocation_takes_a_handful_of_queries(world, django_assert_max_num_queries):
    _allocate(world)
    with django_assert_max_num_queries(7):
        _allocate(world)


# ------------------------------------------------------------------------------------------------------
# Concurrency: real transactions on separate connections, on PostgreSQL (a row lock on the counter) and on
# SQLite (BEGIN IMMEDIATE serialises writers, see DATABASES in config/settings.py).
# ------------------------------------------------------------------------------------------------------


@pytest.fixture
def thread_database(world, tmp_path):
    """Where the allocating threads connect: the test database itself on PostgreSQL.

    On SQLite, a file copy of the in-memory test database: threads sharing an in-memory database get
    "table is locked" at once instead of waiting, which a real SQLite file (as deployed, with BEGIN
    IMMEDIATE and a busy timeout) does not do. New connections read NAME from the shared settings dict.
    """
    if connection.vendor != "sqlite":
        yield
        return
    import sqlite3

    path = tmp_path / "concurrency.sqlite3"
    copy = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.settings_dict["NAME"] = original


def _thread(target, errors):
    def run():
        try:
            target()
        except BaseException as exc:  # surfaced to the test below
            errors.append(exc)
        finally:
            connection.close()

    return threading.Thread(target=run)


def _read(query):
    """Run `query` on a connection of its own, as the allocating threads do."""
    out, errors = [], []
    thread = _thread(lambda: out.append(query()), errors)
    thread.start()
    thread.join(timeout=30)
    assert not errors, errors
    return out[0]


@pytest.mark.django_db(transaction=True)
def test_a_second_transaction_waits_for_the_first_and_takes_the_next_number(world, thread_database):
    assert _read(lambda: _allocate(world).number) == 1  # the counter row exists: the row lock is what waits
    holding, release = threading.Event(), threading.Event()
    numbers: dict[str, int] = {}
    errors: list[BaseException] = []

    def first():
        with transaction.atomic():
            numbers["first"] = _allocate(world).number
            holding.set()
            assert release.wait(20), "the test never released the first transaction"

    def second():
        assert holding.wait(20)
        numbers["second"] = _allocate(world).number

    threads = [_thread(first, errors), _thread(second, errors)]
    for t in threads:
        t.start()
    assert holding.wait(20)
    threads[1].join(timeout=0.7)
    assert threads[1].is_alive(), "the second allocation did not wait for the first transaction to end"
    release.set()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert numbers == {"first": 2, "second": 3}


@pytest.mark.django_db(transaction=True)
def test_many_concurrent_allocations_leave_no_gap_and_no_duplicate(world, thread_database):
    workers, each = 6, 8
    start = threading.Barrier(workers)
    errors: list[BaseException] = []

    def work():
        start.wait(timeout=20)  # all start together, racing to create the year's counter row
        for _ in range(each):
            _allocate(world, year=2027)

    threads = [_thread(work, errors) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    numbers = _read(lambda: sorted(RegisterEntry.objects.filter(year=2027).values_list("number", flat=True)))
    assert numbers == list(range(1, workers * each + 1))
    assert _read(lambda: RegisterCounter.objects.get(year=2027).last_number) == workers * each
    audited = _read(lambda: AuditEntry.objects.filter(object_type="documents.registerentry").count())
    assert audited == workers * each
