"""The nominations area's 2025 round at hospital A (see tdkt/nominations/tests/conftest.py), with the
hospital's document abbreviation set so that its submission letter can take a number."""

import subprocess

import pytest

from tdkt.documents.tests.conftest import docx_lines  # noqa: F401
from tdkt.nominations.tests.conftest import (  # noqa: F401
    TODAY,
    YEAR,
    nominate,
    open_round,
    round_2025,
    take,
    walk,
    year_2025,
)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from tdkt.dossiers import views
    from tdkt.dossiers.templatetags import dossiers as tags
    from tdkt.nominations import views as nomination_views
    from tdkt.nominations import views_disclosure

    for module in (views, tags, nomination_views, views_disclosure):
        monkeypatch.setattr(module, "today_vn", lambda: TODAY)


@pytest.fixture
def dossier_world(year_2025):  # noqa: F811
    world = year_2025
    for unit, abbreviation in ((world.hosp_a, "BVA"), (world.so, "SYT")):
        unit.document_abbreviation = abbreviation
        unit.save(update_fields=["document_abbreviation"])
    return world


@pytest.fixture
def submitted(dossier_world):
    """Hoa for CSTĐCS (with her initiative) and An for LĐTT, both submitted."""
    world = dossier_world
    round = open_round(world)
    (hoa,) = nominate(world, round, "grassroots_emulation_fighter", world.hoa)
    (an,) = nominate(world, round, "advanced_worker", world.an)
    hoa = take(world, hoa, "submit")
    an = take(world, an, "submit")
    return world, round, hoa, an


def pdftotext(content: bytes, tmp_path) -> str:
    """The PDF's text as poppler's pdftotext reads it (layout kept)."""
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)
    return result.stdout.decode()
