"""Fixtures of the movement tests (the helpers live in factories.py, which other tests import too)."""

from decimal import Decimal

import pytest

from tdkt.documents.tests.conftest import artifacts  # noqa: F401  (pictures of rendered pages)

from .factories import good_target, launch


@pytest.fixture
def so_plan(world):
    """The Sở's published 2025 plan: a quarterly target for each unit below, a yearly one the Sở reports."""
    return launch(
        actor=world.so_officer,
        unit=world.so,
        publish=True,
        targets=[
            good_target(),
            good_target(
                indicator="Số hội nghị điển hình tiên tiến",
                unit_of_measure="hội nghị",
                threshold=Decimal(1),
                frequency="yearly",
                reporter="issuer",
            ),
        ],
    )
