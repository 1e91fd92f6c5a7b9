import datetime as dt

import pytest

from tdkt.records import services

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """Every page and command of the area sees the same day."""
    from tdkt.eligibility import views
    from tdkt.eligibility.management.commands import eligibility

    monkeypatch.setattr(views, "today_vn", lambda: TODAY)
    monkeypatch.setattr(eligibility, "today_vn", lambda: TODAY)


def three_cstdcs_and_a_provincial_initiative(world, person=None):
    """2023–2025 excellent with LĐTT and CSTĐCS each year, and a provincial initiative in 2024."""
    person = person or world.hoa
    for y in (2023, 2024, 2025):
        services.rating_set(actor=None, person=person, year=y, rating="excellent", unit=world.hosp_a)
        services.award_record(
            actor=None, person=person, year=y, candidate="advanced_worker", decision_number=f"{y}/QĐ-BVA"
        )
        services.award_record(actor=None, person=person, year=y, candidate="grassroots_emulation_fighter")
    services.achievement_create(
        actor=None,
        kind="initiative",
        title="Quy trình chăm sóc người bệnh sau mổ",
        scope="provincial",
        year=2024,
        unit=world.hosp_a,
        authors=[person],
        decision_number="12/QĐ-SYT",
        decision_date=dt.date(2024, 11, 2),
    )
