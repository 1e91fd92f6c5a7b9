"""The pledges' test world: hospital A with a directorate, two wards and an office, its people and their
accounts, and movements launched through the movements services."""

import pytest

from .factories import DAY, hospital_org, launch


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """Every page of the area sees the same day."""
    from tdkt.pledges import views, views_registrations

    monkeypatch.setattr(views, "today_vn", lambda: DAY)
    monkeypatch.setattr(views_registrations, "today_vn", lambda: DAY)


@pytest.fixture
def org(world, django_user_model):
    """Hospital A's departments, heads, director and union chair, with accounts (see factories)."""
    return hospital_org(world, django_user_model)


@pytest.fixture
def so_movement(world):
    """The Sở's published 2025 movement."""
    return launch(unit=world.so)


@pytest.fixture
def hosp_movement(world, so_movement):
    """Hospital A's published plan derived from the Sở's."""
    return launch(
        unit=world.hosp_a,
        name="Phong trào thi đua năm 2025 của Bệnh viện A",
        parent=so_movement,
        symbol="KH-BVA",
    )
