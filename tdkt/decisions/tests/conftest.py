"""Hospital A's 2025 round: Hoa (CSTĐCS) and An (LĐTT) approved by the council, and a draft decision."""

import datetime as dt

import pytest

from tdkt.decisions import services
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.tests.conftest import TODAY, nominate, open_round, records_2025, walk

ISSUE_DAY = dt.date(2026, 12, 10)  # base salary 2,530,000 ₫ from 01/07/2026


@pytest.fixture
def approved(world):
    records_2025(world)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    round = open_round(world)
    (hoa,) = nominate(world, round, "grassroots_emulation_fighter", world.hoa)
    (an,) = nominate(world, round, "advanced_worker", world.an)
    return walk(world, hoa, "approved"), walk(world, an, "approved")


def make_draft(world, *, actor=None, date=ISSUE_DAY, award_year=2025, **fields):
    return services.decision_create(
        actor=actor or world.unit_officer,
        issuer=world.hosp_a,
        title="Về việc công nhận danh hiệu thi đua năm 2025",
        date=date,
        award_year=award_year,
        achievement="đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025",
        authority="Giám đốc Bệnh viện Đa khoa A",
        place="Bình An",
        proposer="Theo đề nghị của Hội đồng Thi đua - Khen thưởng Bệnh viện",
        fund="Quỹ thi đua, khen thưởng của Bệnh viện",
        signer_name="Lê Văn Minh",
        signer_position="Giám đốc",
        **fields,
    )


@pytest.fixture
def draft(world, approved):
    decision = make_draft(world)
    services.decision_add_nominations(actor=world.unit_officer, decision=decision, nominations=approved)
    return decision


def forget_issued_decisions() -> None:
    """Remove every decision, issued ones included, for a transactional test's flush: SQLite's flush
    deletes row by row, which the immutability triggers refuse (PostgreSQL's TRUNCATE fires no row trigger).
    The triggers are dropped for the moment of the delete and put back."""
    import importlib

    from django.db import connection

    if connection.vendor != "sqlite":
        return
    triggers = importlib.import_module("tdkt.decisions.migrations.0002_issued_immutable")
    with connection.cursor() as cursor:
        for statement in triggers.SQLITE_DROP:
            cursor.execute(statement)
        cursor.execute("DELETE FROM decisions_decisionline")
        cursor.execute("DELETE FROM decisions_decision")
        for statement in triggers.SQLITE:
            cursor.execute(statement)
