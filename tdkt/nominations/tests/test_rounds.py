"""Rounds: a unit's officer opens one for a year (merit) or for a movement or an extraordinary occasion,
with a deadline and a disclosure period; rounds are seen only within scope."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.nominations.models import Round
from tdkt.nominations.services_rounds import round_create

from .conftest import TODAY, open_round

pytestmark = pytest.mark.django_db


def _form(world, **fields):
    return {
        "unit": world.hosp_a.pk,
        "year": 2025,
        "category": "merit",
        "name": "Bình xét thi đua năm 2025",
        "occasion": "",
        "deadline": "15/12/2026",
        "disclosure_days": 7,
        **fields,
    }


def test_an_officer_opens_a_round_for_the_year(login, world):
    response = login("unit_officer").post(reverse("nominations:round_create"), _form(world))
    round = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("nominations:round_detail", args=[round.pk])
    assert (round.unit, round.year, round.deadline, round.created_by) == (
        world.hosp_a,
        2025,
        dt.date(2026, 12, 15),
        world.unit_officer,
    )
    assert AuditEntry.objects.filter(object_type="nominations.round", action="create").count() == 1


def test_a_thematic_round_names_its_movement_and_a_bad_form_keeps_what_was_typed(login, world):
    client = login("unit_officer")
    response = client.post(
        reverse("nominations:round_create"),
        _form(world, category="thematic", name="Khen thưởng chuyên đề", deadline="31/02/2026"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"occasion", "deadline"}
    assert response.context["form"]["name"].value() == "Khen thưởng chuyên đề"
    assert not Round.objects.exists()


def test_the_year_and_the_deadline_must_make_sense(world):
    with pytest.raises(ApplicationError, match="Năm thành tích phải từ 2017 đến 2026"):
        open_round(world, year=2027)
    with pytest.raises(ApplicationError, match="Hạn nộp"):
        open_round(world, deadline=dt.date(2024, 12, 31))


def test_only_an_officer_in_scope_opens_a_round_for_an_institution(login, world):
    with pytest.raises(ApplicationError, match="không có quyền mở đợt"):
        round_create(
            actor=world.unit_officer,
            unit=world.hosp_b,
            year=2025,
            category="merit",
            name="x",
            deadline=dt.date(2026, 12, 1),
            today=TODAY,
        )
    with pytest.raises(ApplicationError, match="không phải đơn vị đang hoạt động"):
        open_round(world, unit=world.ward_a)
    for persona in ("unit_head", "staff", "council_member"):
        assert login(persona).get(reverse("nominations:round_create")).status_code == 404


def test_the_rounds_list_shows_the_rounds_in_scope(login, world):
    mine = open_round(world)
    other = open_round(world, unit=world.hosp_b, actor=world.outsider, name="Đợt của Bệnh viện B")
    names = [r.name for r in login("unit_head").get(reverse("nominations:rounds")).context["rounds"]]
    assert names == [mine.name]
    names = {r.name for r in login("so_officer").get(reverse("nominations:rounds")).context["rounds"]}
    assert names == {mine.name, other.name}
    assert login("staff").get(reverse("nominations:rounds")).status_code == 404


def test_moving_the_deadline_is_audited_with_its_reason(login, world):
    round = open_round(world)
    response = login("unit_officer").post(
        reverse("nominations:round_edit", args=[round.pk]),
        {
            "name": round.name,
            "occasion": "",
            "deadline": "22/12/2026",
            "disclosure_days": 10,
            "reason": "Theo Công văn gia hạn của Sở",
        },
    )
    assert response.status_code == 302
    round.refresh_from_db()
    assert (round.deadline, round.disclosure_days) == (dt.date(2026, 12, 22), 10)
    entry = AuditEntry.objects.get(object_type="nominations.round", action="update")
    assert entry.reason == "Theo Công văn gia hạn của Sở"
    assert entry.changes["deadline"] == ["2026-12-15", "2026-12-22"]
    assert login("unit_head").get(reverse("nominations:round_edit", args=[round.pk])).status_code == 404
