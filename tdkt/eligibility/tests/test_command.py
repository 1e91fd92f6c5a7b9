"""python manage.py eligibility: the unit's list for scripts, or the engine's full answers as JSON."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from .conftest import three_cstdcs_and_a_provincial_initiative

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("eligibility", *args, stdout=out)
    return out.getvalue()


def test_it_prints_subject_name_candidate_verdict_and_first_reason(world):
    three_cstdcs_and_a_provincial_initiative(world)
    header, *lines = _run("--unit", "BVA", "--year", "2025").splitlines()
    assert header.split("\t") == ["subject", "name", "candidate", "verdict", "first_reason"]
    rows = [line.split("\t") for line in lines]
    assert [world.hoa.cccd, "Nguyễn Thị Hoa", "provincial_emulation_fighter", "eligible", ""] in rows
    an = next(r for r in rows if r[0] == world.an.cccd and r[2] == "advanced_worker")
    assert an[3] == "unknown" and "chưa có kết quả xếp loại" in an[4]
    assert {r[0] for r in rows} == {"BVA", "BVA-NOI", world.hoa.cccd, world.an.cccd}


def test_json_gives_the_engines_full_answer_per_subject(world):
    three_cstdcs_and_a_provincial_initiative(world)
    answers = json.loads(_run("--unit", "BVA-NOI", "--year", "2025", "--json", "--as-of", "2025-12-20"))
    assert [a["subject"] for a in answers] == ["BVA-NOI", world.hoa.cccd]
    hoa = answers[1]
    assert hoa["as_of"] == "2025-12-20" and hoa["year"] == 2025
    result = next(r for r in hoa["results"] if r["candidate"] == "provincial_emulation_fighter")
    assert result["verdict"] == "eligible" and result["conditions"][0]["cite"]


def test_an_unknown_unit_code_is_refused_in_vietnamese(world):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị có mã «XYZ»"):
        _run("--unit", "XYZ", "--year", "2025")


def test_a_bad_review_date_is_refused(world):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _run("--unit", "BVA", "--year", "2025", "--as-of", "20/12/2025")
