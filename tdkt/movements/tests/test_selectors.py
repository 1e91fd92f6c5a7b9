"""Who sees which movement, the plan tree, who reports, and each unit's progress on the targets."""

import datetime as dt
from decimal import Decimal

import pytest

from tdkt.movements.periods import last_due_period, report_periods
from tdkt.movements.selectors import (
    derive_initial,
    movement_list,
    movement_tree,
    movements_visible,
    outside_basis,
    reporting_units_below,
    target_progress,
    target_report_units,
)
from tdkt.movements.services import movement_close, target_report_submit

from .factories import TODAY, good_target, launch

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def plans(world, so_plan):
    """Sở (published) → hospital A (published) → its ward (draft); hospital B (published); Sở draft."""
    hosp_a = launch(actor=None, unit=world.hosp_a, parent=so_plan, symbol="KH-BVA", publish=True)
    ward = launch(actor=None, unit=world.ward_a, parent=hosp_a, symbol="KH-NOI")
    hosp_b = launch(actor=None, unit=world.hosp_b, parent=so_plan, symbol="KH-BVB", publish=True)
    so_draft = launch(actor=None, unit=world.so, number=77, name="Dự thảo của Sở")
    return {"so": so_plan, "hosp_a": hosp_a, "ward": ward, "hosp_b": hosp_b, "so_draft": so_draft}


VISIBLE = {
    "so_officer": {"so", "hosp_a", "ward", "hosp_b", "so_draft"},
    "unit_officer": {"so", "hosp_a", "ward"},
    "unit_head": {"so", "hosp_a"},
    "council_member": {"so", "hosp_a"},
    "staff": {"so", "hosp_a"},
    "outsider": {"so", "hosp_b"},
}


@pytest.mark.parametrize("persona", sorted(VISIBLE))
def test_each_persona_sees_published_plans_above_and_in_scope_and_the_drafts_they_manage(
    world, plans, persona
):
    ids = set(movements_visible(getattr(world, persona)).values_list("pk", flat=True))
    assert ids == {plans[name].pk for name in VISIBLE[persona]}


def test_a_user_without_a_role_sees_no_movement(world, plans, django_user_model):
    nobody = django_user_model.objects.create_user(username="nobody", password="x")
    assert not movements_visible(nobody).exists()


def test_the_list_filters_by_year_kind_state_and_relation(world, plans):
    officer = world.unit_officer
    assert {m.pk for m in movement_list(user=officer, relation="own")} == {
        plans["hosp_a"].pk,
        plans["ward"].pk,
    }
    assert {m.pk for m in movement_list(user=officer, relation="received")} == {plans["so"].pk}
    assert {m.pk for m in movement_list(user=officer, state="draft")} == {plans["ward"].pk}
    assert list(movement_list(user=officer, year=2024)) == []
    assert len(movement_list(user=officer, year=2025)) == 3
    assert list(movement_list(user=officer, kind="thematic")) == []


def test_the_tree_runs_from_the_root_down_to_what_the_user_may_see(world, plans):
    tree = movement_tree(movement=plans["hosp_a"], user=world.so_officer)
    assert [(n.movement.unit.code, n.depth) for n in tree] == [
        ("SYT", 0),
        ("BVA", 1),
        ("BVA-NOI", 2),
        ("BVB", 1),
    ]
    assert [n.is_current for n in tree] == [False, True, False, False]
    mine = movement_tree(movement=plans["so"], user=world.unit_officer)
    assert [n.movement.unit.code for n in mine] == ["SYT", "BVA", "BVA-NOI"]
    staff = movement_tree(movement=plans["so"], user=world.staff)
    assert [n.movement.unit.code for n in staff] == ["SYT", "BVA"]


def test_the_tree_is_read_in_a_fixed_number_of_queries(world, plans, django_assert_max_num_queries):
    for i in range(5):
        launch(
            actor=None, unit=world.station, parent=plans["so"], symbol="KH-TYT", number=i + 1, publish=True
        )
    user = world.so_officer
    movements_visible(user).count()  # scope cached on the user
    with django_assert_max_num_queries(1):
        tree = movement_tree(movement=plans["ward"], user=user)
        names = [n.movement.plan.reference + n.movement.unit.name for n in tree]
    assert len(names) == 9


def test_outside_documents_cited_by_the_root_top_the_tree(world, plans):
    tree = movement_tree(movement=plans["hosp_a"], user=world.so_officer)
    assert [b.reference for b in outside_basis(tree=tree)] == ["Chỉ thị số 06/CT-UBND ngày 12/3/2025"]


def test_units_below_the_so_are_its_institutions_and_below_a_centre_its_stations(world, so_plan):
    assert [u.code for u in reporting_units_below(movement=so_plan)] == ["BVA", "BVB", "TTYT"]
    centre_plan = launch(actor=None, unit=world.centre, symbol="KH-TTYT")
    assert [u.code for u in reporting_units_below(movement=centre_plan)] == ["TYT-C1"]


def test_reporting_periods_follow_the_calendar_cut_to_the_movement():
    periods = report_periods(frequency="quarterly", start=D(2025, 5, 27), end=D(2025, 12, 31))
    assert [(p.start, p.end) for p in periods] == [
        (D(2025, 5, 27), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
    ]
    assert [
        p.label for p in report_periods(frequency="half_yearly", start=D(2024, 1, 1), end=D(2024, 12, 31))
    ] == [
        "6 tháng đầu năm 2024",
        "6 tháng cuối năm 2024",
    ]
    assert len(report_periods(frequency="monthly", start=D(2024, 11, 15), end=D(2025, 2, 1))) == 4
    assert len(report_periods(frequency="once", start=D(2024, 1, 1), end=D(2024, 12, 31))) == 1
    assert last_due_period(periods, due_days=10, today=D(2025, 10, 11)).start == D(2025, 7, 1)
    assert last_due_period(periods, due_days=10, today=D(2025, 10, 10)).start == D(
        2025, 5, 27
    )  # due that day
    assert last_due_period(periods, due_days=10, today=D(2025, 7, 10)) is None


def _report(world, target, unit, start, value):
    target_report_submit(
        actor=None, target=target, unit=unit, period_start=start, value=Decimal(value), today=TODAY
    )


def test_progress_shows_each_units_latest_value_whether_it_is_met_and_who_is_late(world, so_plan):
    per_unit = so_plan.targets.first()
    _report(world, per_unit, world.hosp_a, D(2025, 1, 1), 90)
    _report(world, per_unit, world.hosp_a, D(2025, 7, 1), 96)  # Q3: the last due on 20/11
    _report(world, per_unit, world.hosp_b, D(2025, 4, 1), 99)  # Q2 only: late for Q3
    progress = target_progress(movement=so_plan, user=world.so_officer, today=TODAY)
    rows = {unit.code: cells for unit, cells in progress.rows}
    assert list(rows) == ["SYT", "BVA", "BVB", "TTYT"]
    a, b, c = rows["BVA"][0], rows["BVB"][0], rows["TTYT"][0]
    assert (a.value, a.met, a.late, a.period.label) == (Decimal(96), True, False, "Quý 3/2025")
    assert (b.value, b.met, b.late, b.due_period.label) == (Decimal(99), True, True, "Quý 3/2025")
    assert (c.value, c.met, c.late) == (None, None, True)
    assert not rows["SYT"][0].applicable and rows["SYT"][1].applicable
    assert not rows["BVA"][1].applicable
    assert not rows["SYT"][1].late  # the yearly report is due on 10/01/2026
    summary = progress.summaries[0]
    assert (summary.units, summary.with_value, summary.met, summary.late) == (3, 2, 2, 2)
    assert [u.code for u in progress.late_units] == ["BVB", "TTYT"]


def test_a_value_below_the_threshold_is_not_met(world, so_plan):
    per_unit = so_plan.targets.first()
    _report(world, per_unit, world.hosp_a, D(2025, 7, 1), "94.9")
    cell = dict(target_progress(movement=so_plan, user=world.so_officer, today=TODAY).rows)[world.hosp_a][0]
    assert cell.met is False


def test_a_hospital_sees_only_its_own_row_of_the_so_dashboard(world, so_plan):
    progress = target_progress(movement=so_plan, user=world.unit_officer, today=TODAY)
    assert [u.code for u in progress.units] == ["BVA"]
    cell = progress.rows[0][1][0]
    assert cell.can_report
    assert not target_progress(movement=so_plan, user=world.staff, today=TODAY).rows[0][1][0].can_report


def test_nobody_is_late_once_the_movement_is_closed(world, so_plan):
    movement_close(actor=None, movement=so_plan)
    so_plan.refresh_from_db()
    progress = target_progress(movement=so_plan, user=world.so_officer, today=TODAY)
    assert not progress.late_units


def test_the_units_a_user_may_report_for(world, so_plan):
    per_unit, issuer_only = so_plan.targets.all()
    assert [u.code for u in target_report_units(target=per_unit, user=world.unit_officer)] == ["BVA"]
    assert [u.code for u in target_report_units(target=per_unit, user=world.so_officer)] == [
        "BVA",
        "BVB",
        "TTYT",
    ]
    assert target_report_units(target=issuer_only, user=world.unit_officer) == []
    assert target_report_units(target=per_unit, user=world.council_member) == []


def test_the_dashboard_takes_a_fixed_number_of_queries_whatever_the_reports(
    world, so_plan, django_assert_max_num_queries
):
    per_unit = so_plan.targets.first()
    for unit in (world.hosp_a, world.hosp_b, world.centre):
        for start in (D(2025, 1, 1), D(2025, 4, 1), D(2025, 7, 1)):
            _report(world, per_unit, unit, start, 97)
    user = world.so_officer
    target_progress(movement=so_plan, user=user, today=TODAY)  # the user's scope is cached after this
    with django_assert_max_num_queries(3):  # targets, units below, reports
        progress = target_progress(movement=so_plan, user=user, today=TODAY)
    assert progress.summaries[0].met == 3


def test_a_derived_plan_starts_from_the_parent_phases_targets_and_basis(world, so_plan):
    initial = derive_initial(parent=so_plan)
    assert initial["plan"]["theme"] == so_plan.theme
    assert [p["name"] for p in initial["phases"]] == ["Đợt 1", "Đợt 2"]
    assert initial["phases"][0]["commemorations"] == ["physicians_day", "ho_chi_minh_birthday"]
    assert [t["source_id"] for t in initial["targets"]] == list(so_plan.targets.values_list("pk", flat=True))
    assert initial["basis"] == [{"verb": "implementing", "movement_id": so_plan.pk}]


def test_a_named_reporting_unit_of_a_derived_plan_becomes_each_unit_below(world):
    parent = launch(
        actor=None,
        unit=world.so,
        publish=True,
        targets=[good_target(reporter="named_unit", reporter_unit=world.hosp_a)],
    )
    assert derive_initial(parent=parent)["targets"][0]["reporter"] == "units_below"
