"""Two heads issue two decisions at the same moment: two distinct, consecutive numbers (PostgreSQL; on
SQLite the threads share a file copy of the test database)."""

import threading

import pytest

from tdkt.decisions import services
from tdkt.decisions.models import Decision
from tdkt.documents.tests.test_register import _read, _thread, thread_database  # noqa: F401  (fixture)

from .conftest import ISSUE_DAY, make_draft


@pytest.fixture
def drafts(world):
    made = []
    for person in (world.hoa, world.an):
        draft = make_draft(world)
        services.decision_add_line(
            actor=world.unit_officer, decision=draft, person=person, candidate="advanced_worker"
        )
        made.append(draft)
    return made


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_issuances_get_two_distinct_consecutive_numbers(world, drafts, thread_database):  # noqa: F811
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def issue(draft):
        def run():
            start.wait(timeout=20)
            services.decision_issue(actor=world.unit_head, decision=draft, today=ISSUE_DAY)

        return run

    threads = [_thread(issue(d), errors) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    ids = [d.pk for d in drafts]
    issued = _read(lambda: list(Decision.objects.filter(pk__in=ids).values_list("number", "symbol")))
    assert sorted(issued) == [(1, "01/QĐ-BVĐKA"), (2, "02/QĐ-BVĐKA")]
