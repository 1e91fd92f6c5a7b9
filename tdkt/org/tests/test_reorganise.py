import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.org.models import SuccessionKind, Unit, UnitSuccession
from tdkt.org.selectors import unit_on, unit_tree
from tdkt.org.services import unit_create, unit_reorganise
from tdkt.people.models import Employment
from tdkt.people.selectors import people_list

pytestmark = pytest.mark.django_db
MERGER_DAY = dt.date(2025, 7, 1)


@pytest.fixture
def merged(world):
    """Hospital A and the health centre merge into a new regional centre on 2025-07-01."""
    new = unit_create(
        actor=world.so_officer,
        code="TTYT-KV",
        name="Trung tâm Y tế Khu vực Mới",
        kind="health_centre",
        parent=world.so,
        valid_from=MERGER_DAY,
    )
    unit_reorganise(
        actor=world.so_officer,
        kind=SuccessionKind.MERGER,
        predecessors=[world.hosp_a, world.centre],
        successor=new,
        effective_on=MERGER_DAY,
        basis="Quyết định số 123/QĐ-UBND",
    )
    return new


def test_a_merger_closes_the_old_units_the_day_before(world, merged):
    world.hosp_a.refresh_from_db()
    assert world.hosp_a.valid_to == dt.date(2025, 6, 30)
    assert UnitSuccession.objects.filter(predecessor=world.hosp_a, successor=merged).exists()


def test_history_before_the_date_keeps_the_old_unit_and_after_it_the_new(world, merged):
    posts = list(Employment.objects.filter(person=world.hoa).order_by("start"))
    assert [(p.unit.code, p.start, p.end) for p in posts] == [
        ("BVA", dt.date(2019, 1, 1), dt.date(2025, 6, 30)),
        ("TTYT-KV", MERGER_DAY, None),
    ]
    # her ward followed her: a new "Khoa Nội" under the new centre, linked to the old one
    assert posts[1].department.name == "Khoa Nội"
    assert posts[1].department.parent_id == merged.pk
    assert UnitSuccession.objects.filter(predecessor=world.ward_a, successor=posts[1].department).exists()


def test_unit_on_a_date_follows_the_successor_chain(world, merged):
    assert unit_on(unit=world.hosp_a, day=dt.date(2025, 6, 30)) == world.hosp_a
    assert unit_on(unit=world.hosp_a, day=dt.date(2025, 7, 1)) == merged


def test_the_tree_today_shows_the_new_unit_and_not_the_old(world, merged):
    ids = set(Unit.objects.values_list("id", flat=True))
    codes_today = {u.code for u in unit_tree(unit_ids=ids, on=dt.date(2026, 1, 1))}
    codes_2024 = {u.code for u in unit_tree(unit_ids=ids, on=dt.date(2024, 1, 1))}
    assert "TTYT-KV" in codes_today and "BVA" not in codes_today
    assert "BVA" in codes_2024 and "TTYT-KV" not in codes_2024


def test_the_successors_officer_still_sees_the_people_of_the_merged_unit(
    world, merged, client, django_user_model
):
    from tdkt.accounts.services import role_grant

    officer = django_user_model.objects.create_user(username="kv_officer", password="x")
    role_grant(actor=None, user=officer, role="unit_officer", unit=merged)
    client.force_login(officer)
    assert client.get(reverse("people:detail", args=[world.hoa.pk])).status_code == 200
    people = people_list(unit_ids={merged.pk}, on=dt.date(2026, 1, 1))
    assert world.hoa in list(people)


def test_the_merger_is_audited(world, merged):
    assert AuditEntry.objects.filter(object_type="org.unitsuccession").count() >= 2
    closing = AuditEntry.objects.get(object_type="org.unit", object_id=str(world.hosp_a.pk), action="update")
    assert closing.changes["valid_to"] == [None, "2025-06-30"]
    assert closing.actor_name == "so_officer"


def test_a_unit_cannot_merge_into_itself(world):
    with pytest.raises(ApplicationError):
        unit_reorganise(
            actor=None,
            kind=SuccessionKind.MERGER,
            predecessors=[world.hosp_b],
            successor=world.hosp_b,
            effective_on=MERGER_DAY,
        )
    assert not UnitSuccession.objects.exists()


def test_departments_of_the_same_name_become_one(world, merged):
    from conftest import make_person

    world.centre.refresh_from_db()
    assert world.centre.valid_to == dt.date(2025, 6, 30)
    names = list(Unit.objects.filter(parent=merged).values_list("name", flat=True))
    assert sorted(names) == ["Khoa Nội", "Trạm Y tế xã C1"]
    assert Unit.objects.get(parent=merged, name="Khoa Nội").code == "TTYT-KV-NOI"
    # a second wave: another hospital's Khoa Nội joins the same department
    other = unit_create(actor=None, code="BVX", name="Bệnh viện X", kind="hospital", parent=world.so)
    ward = unit_create(actor=None, code="BVX-NOI", name="Khoa Nội", kind="ward", parent=other)
    make_person(unit=other, department=ward, full_name="Hà Văn Sơn", serial=50, gender="male")
    unit_reorganise(
        actor=None,
        kind=SuccessionKind.MERGER,
        predecessors=[other],
        successor=merged,
        effective_on=dt.date(2026, 1, 1),
    )
    assert Unit.objects.filter(parent=merged, name="Khoa Nội").count() == 1
    post = Employment.objects.get(person__full_name="Hà Văn Sơn", end__isnull=True)
    assert post.department.code == "TTYT-KV-NOI"
