"""The computed targets of this area: share of staff who signed their pledge, share registered."""

import datetime as dt
from decimal import Decimal

import pytest

from conftest import make_person
from tdkt.core.timeutil import VN
from tdkt.movements.computations import get_computation
from tdkt.movements.periods import Period
from tdkt.movements.selectors import target_progress
from tdkt.pledges.models import PledgeParty, Registration
from tdkt.pledges.services_registrations import registration_create

from .factories import DAY, computed_target, launch
from .test_pledge_services import STAFF_HASH, prepare

pytestmark = pytest.mark.django_db
D = dt.date
FIRST_HALF = Period(D(2025, 1, 1), D(2025, 6, 30), "")


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=VN)


def signed(world, org, movement, pledgers, *, on: dt.date):
    """`pledgers` (people) sign their staff pledge of a round of hospital A, on `on`."""
    from tdkt.pledges.models import Pledge
    from tdkt.pledges.services import pledges_sign

    pledge_round, _result = prepare(world, org, movement, open_it=True)
    accounts = {world.hoa.pk: world.staff, org.dung.pk: org.dung_user, org.chair.pk: org.chair_user}
    for person in pledgers:
        pledge = Pledge.objects.get(round=pledge_round, pledger=person)
        pledges_sign(actor=accounts[person.pk], pledges=[pledge], text_hash_seen=STAFF_HASH)
    PledgeParty.objects.filter(signed_at__isnull=False).update(signed_at=at(on))
    return pledge_round


def test_both_computations_are_registered_with_their_labels():
    assert (
        str(get_computation("pledge_signed_share").label) == "Tỷ lệ viên chức, người lao động đã ký cam kết"
    )
    assert get_computation("registered_share").unit_of_measure == "%"


def test_the_signed_share_feeds_the_so_s_target_for_every_unit_at_once(world, org):
    target_movement = launch(
        unit=world.so,
        name="Chỉ tiêu ký cam kết",
        targets=[computed_target("pledge_signed_share")],
        symbol="KH-CT",
    )
    # the pledges are signed under hospital A's plan derived from the target's movement
    hosp_plan = launch(
        unit=world.hosp_a, name="Kế hoạch của Bệnh viện A", parent=target_movement, symbol="KH-BVA"
    )
    signed(world, org, hosp_plan, [world.hoa, org.dung], on=D(2025, 3, 15))
    progress = target_progress(movement=target_movement, user=world.so_officer, today=D(2025, 6, 30))
    values = {unit.code: cells[0].value for unit, cells in progress.rows}
    # hospital A: 8 people posted, the director receives pledges → 7 expected, 2 signed
    assert values == {"BVA": Decimal("28.6"), "BVB": Decimal("0.0"), "TTYT": Decimal("0.0")}
    assert all(cells[0].computed and cells[0].met is False for _unit, cells in progress.rows)


def test_a_signature_counts_from_the_day_it_is_given(world, org, so_movement):
    signed(world, org, so_movement, [world.hoa], on=D(2025, 7, 10))
    function = get_computation("pledge_signed_share").function

    class Target:
        movement = so_movement

    assert function(target=Target, units=[world.hosp_a], period=FIRST_HALF) == {
        world.hosp_a.pk: Decimal("0.0")
    }
    july = Period(D(2025, 1, 1), D(2025, 7, 31), "")
    assert function(target=Target, units=[world.hosp_a], period=july) == {world.hosp_a.pk: Decimal("14.3")}


def test_a_department_inside_a_unit_counts_its_own_people(
    world, org, so_movement, django_assert_max_num_queries
):
    signed(world, org, so_movement, [world.hoa, org.chair], on=D(2025, 3, 15))
    function = get_computation("pledge_signed_share").function

    class Target:
        movement = so_movement

    units = [world.hosp_a, world.ward_a, org.office, world.hosp_b, world.centre, world.station]
    with django_assert_max_num_queries(3):  # units below, posts, signatures: whatever the number of units
        values = function(target=Target, units=units, period=FIRST_HALF)
    assert values[world.ward_a.pk] == Decimal("33.3")  # Hoa of Hương, Hoa and Dũng
    assert values[org.office.pk] == Decimal("50.0")  # Công of Tổ and Công
    assert values[world.hosp_a.pk] == Decimal("0.0")  # An and Mổ are left to the hospital itself
    assert values[world.station.pk] == Decimal("0.0")


def test_a_unit_with_nobody_posted_has_no_value(world, org, so_movement):
    from tdkt.org.services import unit_create

    empty = unit_create(actor=None, code="BVA-MOI", name="Khoa Mới", kind="ward", parent=world.hosp_a)

    class Target:
        movement = so_movement

    for code in ("pledge_signed_share", "registered_share"):
        values = get_computation(code).function(target=Target, units=[empty], period=FIRST_HALF)
        assert values == {empty.pk: None}


def test_the_registered_share_counts_people_registered_by_the_period_s_end(
    world, org, so_movement, hosp_movement, django_assert_max_num_queries
):
    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    registration_create(
        actor=world.staff,
        movement=so_movement,
        person=world.hoa,
        title="grassroots_emulation_fighter",
        day=DAY,
    )
    registration_create(
        actor=org.dung_user, movement=hosp_movement, person=org.dung, title="advanced_worker", day=DAY
    )  # under the derived plan: counts too
    registration_create(actor=None, movement=so_movement, person=world.binh, title="advanced_worker", day=DAY)
    Registration.objects.update(registered_at=at(D(2025, 2, 1)))
    late = make_person(unit=world.hosp_a, department=world.ward_a, full_name="Lâm Thị Muộn", serial=40)
    registration_create(actor=None, movement=so_movement, person=late, title="advanced_worker", day=DAY)
    Registration.objects.filter(person=late).update(registered_at=at(D(2025, 9, 1)))

    class Target:
        movement = so_movement

    function = get_computation("registered_share").function
    with django_assert_max_num_queries(3):
        values = function(target=Target, units=[world.hosp_a, world.hosp_b, world.centre], period=FIRST_HALF)
    # hospital A: 9 people (Muộn included), Hoa and Dũng registered by 30/6; B: Bình alone; C: nobody
    assert values == {
        world.hosp_a.pk: Decimal("22.2"),
        world.hosp_b.pk: Decimal("100.0"),
        world.centre.pk: Decimal("0.0"),
    }
