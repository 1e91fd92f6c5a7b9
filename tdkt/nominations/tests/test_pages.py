"""The pages: the menu, the round page in a fixed number of queries whatever its size, the nomination page,
the quotas page, and the add-from-list filter served as an htmx fragment."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import make_person
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.models import Quota
from tdkt.nominations.services import nominations_submit_ready
from tdkt.nominations.services_disclosure import disclosure_publish, objection_file
from tdkt.nominations.services_rounds import quota_create
from tdkt.records import services as records

from .conftest import TODAY, YEAR, nominate, take

pytestmark = pytest.mark.django_db


def test_the_menu_offers_nominations_to_their_roles_and_disclosures_to_staff(login, world):
    rounds, disclosures = (
        f'href="{reverse(name)}"' for name in ("nominations:rounds", "nominations:disclosures")
    )
    officer = login("unit_officer").get(reverse("home")).content.decode()
    assert "Đề nghị khen thưởng" in officer and rounds in officer
    staff = login("staff").get(reverse("home")).content.decode()
    assert rounds not in staff and disclosures in staff and "Công khai khen thưởng" in staff


@pytest.fixture
def busy_round(world, round_2025):
    """build(extra) → the round with Hoa's and An's nominations plus `extra` more people's LĐTT: half of the
    drafts submitted, the list disclosed with an objection, a quota in force."""

    def build(extra: int):
        people = [
            make_person(
                unit=world.hosp_a, department=world.ward_a, full_name=f"Bùi Thị Lan {i}", serial=70 + i
            )
            for i in range(extra)
        ]
        for person in people:
            records.rating_set(actor=None, person=person, year=YEAR, rating="good", unit=world.hosp_a)
        eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
        nominate(world, round_2025, "advanced_worker", world.an, *people[: extra // 2])
        nominations_submit_ready(actor=world.unit_officer, round=round_2025, today=TODAY)
        nominate(world, round_2025, "advanced_worker", world.hoa, *people[extra // 2 :])
        (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
        disclosure = disclosure_publish(
            actor=world.unit_officer, round=round_2025, is_public=False, today=TODAY
        )
        an = round_2025.nominations.get(person=world.an)
        objection_file(
            actor=world.staff, disclosure=disclosure, nomination=an, text="?", anonymous=True, today=TODAY
        )
        quota_create(
            actor=world.so_officer,
            unit=world.so,
            candidate="grassroots_emulation_fighter",
            share=Decimal("0.15"),
            base="advanced_worker",
            cite="Quyết định 14/2024/QĐ-UBND",
            valid_from=dt.date(2024, 1, 1),
        )
        return fighter

    return build


@pytest.mark.parametrize("extra", [0, 24])
def test_the_round_page_takes_a_fixed_number_of_queries(
    login, world, round_2025, busy_round, extra, django_assert_max_num_queries
):
    busy_round(extra)
    client = login("unit_officer")
    with django_assert_max_num_queries(44):  # 36 + the dossier summary (tdkt.dossiers, a fixed 8)
        response = client.get(reverse("nominations:round_detail", args=[round_2025.pk]))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 3 + extra
    assert {r.nomination.status for r in rows} == {"draft", "submitted"}
    html = response.content.decode()
    assert 'data-quota="grassroots_emulation_fighter"' in html and 'id="dwell"' in html
    assert ('data-guard="quota"' in html) is (extra == 0)  # 15 % of 2 LĐTT allows none, of 26 three


def test_the_nomination_page_shows_the_guards_evidence_history_and_audit(login, world, round_2025):
    (n,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    n = take(world, n, "submit")
    response = login("unit_officer").get(reverse("nominations:detail", args=[n.pk]))
    html = response.content.decode()
    for part in ('id="guards"', 'id="evidence"', 'id="history"', 'data-event="submit"', 'id="snapshot-note"'):
        assert part in html, part
    assert response.context["audit"]
    council = login("council_member").get(reverse("nominations:detail", args=[n.pk]))
    assert (
        council.status_code == 200
        and not council.context["audit"]
        and "data-step=" not in council.content.decode()
    )


def test_the_initiatives_of_a_draft_can_be_chosen_among_the_nominees_own(login, world, round_2025):
    (n,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    client = login("unit_officer")
    assert client.post(reverse("nominations:achievements", args=[n.pk]), {}).status_code == 302
    assert list(n.achievements.all()) == []
    mine = records.achievement_create(
        actor=None,
        kind="research",
        title="Đề tài cấp cơ sở",
        scope="unit",
        year=2024,
        unit=world.hosp_a,
        authors=[world.hoa],
    )
    client.post(reverse("nominations:achievements", args=[n.pk]), {"achievements": [mine.pk]})
    assert list(n.achievements.all()) == [mine]
    theirs = records.achievement_create(
        actor=None,
        kind="initiative",
        title="Của người khác",
        scope="unit",
        year=2025,
        unit=world.hosp_a,
        authors=[world.an],
    )
    client.post(reverse("nominations:achievements", args=[n.pk]), {"achievements": [theirs.pk]})
    assert list(n.achievements.all()) == [mine]


def test_the_add_page_filters_as_an_htmx_fragment(login, world, round_2025):
    response = login("unit_officer").get(
        reverse("nominations:round_add", args=[round_2025.pk]),
        {"candidate": "grassroots_emulation_fighter", "verdict": ""},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="list-rows",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and 'id="list-rows"' in html
    assert f'value="person:{world.hoa.pk}"' in html and f'value="person:{world.an.pk}"' in html


def test_the_quotas_page_sets_a_quota_and_shows_the_law(login, world):
    client = login("so_officer")
    page = client.get(reverse("nominations:quotas"), {"unit": world.hosp_a.pk})
    assert page.status_code == 200 and "Luật Thi đua, khen thưởng 2022, Điều 23" in page.content.decode()
    data = {
        "unit": world.so.pk,
        "candidate": "grassroots_emulation_fighter",
        "percent": "15",
        "base": "advanced_worker",
        "cite": "Quyết định 14/2024/QĐ-UBND, Điều 8",
        "valid_from": "01/01/2025",
        "valid_to": "",
    }
    assert client.post(reverse("nominations:quotas") + f"?unit={world.hosp_a.pk}", data).status_code == 302
    assert Quota.objects.get().share == Decimal("0.15")
    refused = client.post(reverse("nominations:quotas"), {**data, "percent": "150"})
    assert refused.status_code == 400 and "percent" in refused.context["form"].errors
    staff = login("unit_officer").get(reverse("nominations:quotas"), {"unit": world.hosp_a.pk})
    assert staff.status_code == 200 and staff.context["form"] is None
