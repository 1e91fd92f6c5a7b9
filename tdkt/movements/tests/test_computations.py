"""Computed targets: the registry hook and the built-in computations."""

import datetime as dt
from decimal import Decimal

import pytest

from conftest import make_person
from tdkt.movements import computations
from tdkt.movements.computations import compute, get_computation, register_computation, share
from tdkt.movements.periods import Period
from tdkt.movements.selectors import target_progress
from tdkt.records import services as records

from .factories import TODAY, good_target, launch

pytestmark = pytest.mark.django_db
D = dt.date
YEAR_2025 = Period(D(2025, 1, 1), D(2025, 12, 31), "")


@pytest.fixture
def registry_snapshot():
    saved = dict(computations._REGISTRY)
    yield
    computations._REGISTRY.clear()
    computations._REGISTRY.update(saved)


def test_a_computation_registered_under_a_code_feeds_a_computed_target(world, registry_snapshot):
    calls = []

    @register_computation("unit_code_length", label="Độ dài mã đơn vị", unit_of_measure="ký tự")
    def unit_code_length(*, target, units, period):
        calls.append((target.pk, [u.code for u in units], period.end))
        return {u.pk: Decimal(len(u.code)) for u in units}

    movement = launch(
        actor=None,
        unit=world.so,
        publish=True,
        targets=[
            good_target(
                kind="computed", computation="unit_code_length", unit_of_measure="ký tự", threshold=Decimal(3)
            )
        ],
    )
    progress = target_progress(movement=movement, user=world.so_officer, today=TODAY)
    values = {unit.code: cells[0].value for unit, cells in progress.rows}
    assert values == {"BVA": 3, "BVB": 3, "TTYT": 4}
    assert {unit.code: cells[0].met for unit, cells in progress.rows} == {
        "BVA": True,
        "BVB": True,
        "TTYT": True,
    }
    assert all(cells[0].computed and not cells[0].late for _, cells in progress.rows)
    assert calls == [(movement.targets.get().pk, ["BVA", "BVB", "TTYT"], TODAY)]  # once, for every unit


def test_a_code_cannot_be_registered_twice(registry_snapshot):
    register_computation("twice", label="x")(lambda **kw: {})
    with pytest.raises(ValueError):
        register_computation("twice", label="y")(lambda **kw: {})


def test_an_unknown_computation_gives_no_value(world):
    class Target:
        computation = "gone"

    assert compute(target=Target(), units=[world.hosp_a], period=YEAR_2025) == {world.hosp_a.pk: None}


def test_share_rounds_to_one_decimal_and_has_no_value_for_nobody():
    assert share(2, 3) == Decimal("66.7")
    assert share(0, 0) is None


def test_staff_rated_good_share_counts_the_people_posted_in_each_unit_at_the_period_end(world):
    extra = make_person(unit=world.hosp_a, department=world.ward_a, full_name="Đỗ Thị Em", serial=5)
    records.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    records.rating_set(actor=None, person=world.an, year=2025, rating="completed", unit=world.hosp_a)
    records.rating_set(actor=None, person=extra, year=2025, rating="good", unit=world.hosp_a)
    records.rating_set(actor=None, person=world.binh, year=2024, rating="good", unit=world.hosp_b)
    function = get_computation("staff_rated_good_share").function
    values = function(
        target=None, units=[world.hosp_a, world.ward_a, world.hosp_b, world.centre], period=YEAR_2025
    )
    assert values[world.hosp_a.pk] == Decimal("0.0")  # the ward counts apart: only Trần Văn An is left
    assert values[world.ward_a.pk] == Decimal("100.0")
    values = function(target=None, units=[world.hosp_a, world.hosp_b], period=YEAR_2025)
    assert values[world.hosp_a.pk] == Decimal("66.7")  # 2 of 3 rated good or better
    assert values[world.hosp_b.pk] is None  # rated for 2024 only


def test_derived_plan_issued_marks_the_units_that_published_their_own_plan(world):
    so_plan = launch(
        actor=None,
        unit=world.so,
        publish=True,
        targets=[
            good_target(
                kind="computed", computation="derived_plan_issued", threshold=Decimal(100), comparator="eq"
            ),
            good_target(
                kind="computed",
                computation="derived_plan_issued",
                threshold=Decimal(100),
                comparator="eq",
                reporter="issuer",
            ),
        ],
    )
    launch(actor=None, unit=world.hosp_a, parent=so_plan, symbol="KH-BVA", publish=True)
    launch(actor=None, unit=world.hosp_b, parent=so_plan, symbol="KH-BVB")  # a draft does not count
    progress = target_progress(movement=so_plan, user=world.so_officer, today=D(2026, 1, 1))
    rows = {unit.code: cells for unit, cells in progress.rows}
    assert [rows[c][0].value for c in ("BVA", "BVB", "TTYT")] == [100, 0, 0]
    assert rows["SYT"][1].value == Decimal("33.3")
    assert rows["SYT"][1].met is False
