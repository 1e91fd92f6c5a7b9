"""A 2025 year-end round at hospital A: Hoa (excellent, an initiative) qualifies for LĐTT and CSTĐCS, An
(good) for LĐTT only; the list is computed, so nominations can be made from it."""

import datetime as dt

import pytest

from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.services_rounds import Pick, nominations_create_from_list, round_create
from tdkt.records import services as records

TODAY = dt.date(2026, 11, 23)
YEAR = 2025


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """Every page of the area sees the same day."""
    from tdkt.nominations import views, views_disclosure

    monkeypatch.setattr(views, "today_vn", lambda: TODAY)
    monkeypatch.setattr(views_disclosure, "today_vn", lambda: TODAY)


def records_2025(world):
    records.rating_set(actor=None, person=world.hoa, year=YEAR, rating="excellent", unit=world.hosp_a)
    records.rating_set(actor=None, person=world.an, year=YEAR, rating="good", unit=world.hosp_a)
    records.achievement_create(
        actor=None,
        kind="initiative",
        title="Bảng kiểm an toàn người bệnh trước phẫu thuật",
        scope="unit",
        year=YEAR,
        unit=world.hosp_a,
        authors=[world.hoa],
        decision_number="45/QĐ-BVA",
        decision_date=dt.date(2025, 10, 20),
    )


@pytest.fixture
def year_2025(world):
    """Records of 2025 and the hospital's eligibility list computed on TODAY."""
    records_2025(world)
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    return world


def open_round(world, *, unit=None, actor=None, **fields):
    data = {
        "year": YEAR,
        "category": "merit",
        "name": "Bình xét thi đua, khen thưởng năm 2025",
        "deadline": dt.date(2026, 12, 15),
        "disclosure_days": 5,
        **fields,
    }
    return round_create(actor=actor or world.unit_officer, unit=unit or world.hosp_a, today=TODAY, **data)


@pytest.fixture
def round_2025(year_2025):
    return open_round(year_2025)


def nominate(world, round, candidate, *people, category="merit", reasons=None, actor=None):
    """Nominate people (Person objects) or collectives (Unit objects) of the round's list."""
    reasons = reasons or {}
    picks = [
        Pick(kind="person" if hasattr(s, "cccd") else "collective", id=s.pk, reason=reasons.get(s.pk, ""))
        for s in people
    ]
    return nominations_create_from_list(
        actor=actor or world.unit_officer,
        round=round,
        candidate=candidate,
        category=category,
        picks=picks,
        today=TODAY,
    )


# The persona that takes each step in the tests (the permission it needs is in workflow.STEPS).
ACTOR_OF = {
    "submit": "unit_officer",
    "return": "so_officer",
    "resubmit": "unit_officer",
    "verify": "so_officer",
    "send_to_council": "unit_officer",
    "approve": "unit_head",
    "reject": "unit_head",
    "decide": "unit_head",
    "forward": "unit_head",
    "record_outcome": "unit_officer",
    "withdraw": "unit_officer",
}
STEP_DATA = {
    "return": {"reason": "Thiếu báo cáo thành tích"},
    "reject": {"reason": "Không đạt số phiếu"},
    "withdraw": {"reason": "Đơn vị rút đề nghị"},
    "decide": {"decision_number": "123/QĐ-BVA", "decision_date": dt.date(2026, 12, 2)},
    "record_outcome": {
        "outcome": "conferred",
        "decision_number": "456/QĐ-UBND",
        "decision_date": dt.date(2026, 12, 3),
        "issuer": "Ủy ban nhân dân tỉnh",
    },
}
AFTER_DISCLOSURE = TODAY + dt.timedelta(days=10)
# The steps that lead to each state (send_to_council discloses the list first and waits for its end).
PATH_TO = {
    "draft": [],
    "submitted": ["submit"],
    "returned": ["submit", "return"],
    "resubmitted": ["submit", "return", "resubmit"],
    "verified": ["submit", "verify"],
    "to_council": ["submit", "verify", "send_to_council"],
    "approved": ["submit", "verify", "send_to_council", "approve"],
    "not_approved": ["submit", "verify", "send_to_council", "reject"],
    "decided": ["submit", "verify", "send_to_council", "approve", "decide"],
    "forwarded": ["submit", "verify", "send_to_council", "approve", "forward"],
    "outcome_recorded": ["submit", "verify", "send_to_council", "approve", "forward", "record_outcome"],
    "withdrawn": ["withdraw"],
}


def take(world, nomination, step, *, persona=None, today=None, **data):
    """Take one workflow step through its service, as the persona that normally takes it (the list is
    disclosed first when the step is sending it to the council)."""
    from tdkt.nominations.services import TRANSITIONS
    from tdkt.nominations.services_disclosure import disclosure_publish

    if step == "send_to_council" and nomination.status == "verified" and not nomination.disclosures.exists():
        disclosure_publish(actor=world.unit_officer, round=nomination.round, is_public=False, today=TODAY)
    args = {**STEP_DATA.get(step, {}), **data}
    when = today or (
        AFTER_DISCLOSURE
        if step in ("send_to_council", "approve", "reject", "decide", "forward", "record_outcome")
        else TODAY
    )
    actor = getattr(world, persona or ACTOR_OF[step])
    return TRANSITIONS[step](actor=actor, nomination=nomination, today=when, **args)


def walk(world, nomination, state):
    """Bring a draft nomination to `state` through the real steps."""
    for step in PATH_TO[state]:
        nomination = take(world, nomination, step)
    return nomination
