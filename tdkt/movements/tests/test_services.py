"""Launching, editing, publishing and closing movements; reporting target figures."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.movements.inputs import BasisInput, PhaseInput, SectionInput, TargetInput
from tdkt.movements.models import Movement, Phase, Plan, PlanBasis, Target, TargetReport
from tdkt.movements.services import (
    WarningsNotAcknowledged,
    movement_close,
    movement_create,
    movement_delete,
    movement_publish,
    movement_update,
    target_report_submit,
)
from tdkt.movements.validation import plan_warnings

from .factories import TODAY, content, good_target, launch

pytestmark = pytest.mark.django_db
D = dt.date


def _entries(obj):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def test_launching_saves_the_movement_its_plan_and_rows_as_an_audited_draft(world):
    movement = launch(actor=world.so_officer, unit=world.so)
    assert movement.state == "draft" and movement.path == f"/{movement.pk}/"
    plan = movement.plan
    assert plan.reference == "12/KH-SYT"
    assert plan.distribution_lines == ["Lãnh đạo Sở;", "Các đơn vị trực thuộc;", "Lưu: VT, TCCB."]
    assert [p.name for p in movement.phases.all()] == ["Đợt 1", "Đợt 2"]
    assert [p.order for p in movement.phases.all()] == [1, 2]
    assert movement.targets.get().threshold_display == "≥ 95 %"
    assert plan.sections.count() == plan.responsibilities.count() == plan.basis_items.count() == 1
    assert _entries(movement).get().action == "create"
    assert _entries(plan).get().actor == world.so_officer
    assert AuditEntry.objects.filter(object_type="movements.phase", action="create").count() == 2


def test_a_plan_number_below_ten_takes_a_leading_zero_and_a_missing_one_shows_dots(world):
    assert launch(actor=None, unit=world.so, number=5).plan.reference == "05/KH-SYT"
    assert launch(actor=None, unit=world.so, number=None).plan.reference == "…/KH-SYT"


def test_a_plan_with_warnings_is_refused_until_they_are_acknowledged(world):
    wrong = content(phases=[PhaseInput(name="Đợt 2", start=D(2024, 7, 1), end=D(2024, 12, 31))])
    with pytest.raises(WarningsNotAcknowledged) as refused:
        movement_create(actor=world.so_officer, unit=world.so, content=wrong)
    assert [w["code"] for w in refused.value.extra["warnings"]] == ["phase_outside_plan"]
    assert Movement.objects.count() == 0

    keys = [w.key for w in plan_warnings(wrong)]
    movement = movement_create(actor=world.so_officer, unit=world.so, content=wrong, acknowledged=keys)
    assert [w["code"] for w in movement.acknowledged_warnings] == ["phase_outside_plan"]
    assert movement.acknowledged_by == world.so_officer and movement.acknowledged_at is not None
    entry = _entries(movement).get()
    assert (
        "1" in entry.reason and entry.changes["acknowledged_warnings"][1][0]["code"] == "phase_outside_plan"
    )


def test_acknowledging_other_warnings_than_those_raised_does_not_count(world):
    wrong = content(phases=[PhaseInput(name="Đợt 2", start=D(2024, 7, 1), end=D(2024, 12, 31))])
    stale = content(phases=[PhaseInput(name="Đợt 2", start=D(2024, 8, 1), end=D(2024, 12, 31))])
    with pytest.raises(WarningsNotAcknowledged):
        movement_create(
            actor=None, unit=world.so, content=wrong, acknowledged=[w.key for w in plan_warnings(stale)]
        )


def test_a_plan_number_is_unique_for_the_unit_in_a_year(world):
    launch(actor=None, unit=world.so, number=93)
    with pytest.raises(ValidationError) as clash:
        launch(actor=None, unit=world.so, number=93, name="Kế hoạch khác")
    assert "93/KH-SYT" in clash.value.message_dict["number"][0]
    launch(actor=None, unit=world.so, number=93, symbol="KH-HĐTĐKT")  # another series
    launch(
        actor=None,
        unit=world.so,
        number=93,
        issued_on=D(2026, 1, 5),
        start=D(2026, 1, 1),
        end=D(2026, 12, 31),
    )
    launch(actor=None, unit=world.hosp_a, number=93)
    assert Plan.objects.filter(number=93).count() == 4


@pytest.mark.parametrize("symbol", ["kh-syt", "KH - SYT", "QĐ-SYT", "KH"])
def test_a_plan_symbol_is_written_in_capitals_with_hyphens(world, symbol):
    with pytest.raises(ValidationError) as bad:
        launch(actor=None, unit=world.so, symbol=symbol)
    assert "symbol" in bad.value.message_dict


def test_a_phase_ending_before_it_starts_is_an_error(world):
    with pytest.raises(ValidationError) as bad:
        launch(
            actor=None,
            unit=world.so,
            phases=[PhaseInput(name="Đợt 1", start=D(2025, 6, 1), end=D(2025, 5, 1))],
        )
    assert "Đợt 1" in bad.value.message_dict["phases"][0]


def test_a_computed_target_must_name_a_known_computation(world):
    with pytest.raises(ValidationError) as bad:
        launch(actor=None, unit=world.so, targets=[good_target(kind="computed", computation="nonsense")])
    assert "targets" in bad.value.message_dict


def test_a_named_reporting_unit_must_be_under_the_launching_unit(world):
    with pytest.raises(ValidationError):
        launch(
            actor=None,
            unit=world.hosp_a,
            targets=[good_target(reporter="named_unit", reporter_unit=world.hosp_b)],
        )
    movement = launch(
        actor=None,
        unit=world.hosp_a,
        targets=[good_target(reporter="named_unit", reporter_unit=world.ward_a)],
    )
    assert movement.targets.get().reporter_unit == world.ward_a


def test_a_derived_plan_hangs_under_its_parent_and_cites_it(world, so_plan):
    child = launch(
        actor=world.unit_officer, unit=world.hosp_a, parent=so_plan, symbol="KH-BVA", number=1, publish=True
    )
    assert child.parent == so_plan and child.path == f"{so_plan.path}{child.pk}/"
    basis = list(child.plan.basis_items.all())
    assert (basis[0].verb, basis[0].movement) == ("implementing", so_plan)
    grandchild = launch(actor=None, unit=world.ward_a, parent=child, symbol="KH-NOI", number=1)
    assert grandchild.depth == 2 and grandchild.root_id == so_plan.pk


def test_a_plan_cannot_derive_from_a_draft_or_from_a_unit_not_above(world, so_plan):
    draft = launch(actor=None, unit=world.so, number=40)
    with pytest.raises(ApplicationError):
        launch(actor=None, unit=world.hosp_a, parent=draft, symbol="KH-BVA")
    hosp_b_plan = launch(actor=None, unit=world.hosp_b, symbol="KH-BVB", publish=True)
    with pytest.raises(ApplicationError):
        launch(actor=None, unit=world.hosp_a, parent=hosp_b_plan, symbol="KH-BVA")


def test_a_plan_can_only_cite_published_movements(world):
    draft = launch(actor=None, unit=world.so, number=41)
    with pytest.raises(ValidationError) as bad:
        launch(actor=None, unit=world.hosp_a, symbol="KH-BVA", basis=[BasisInput(movement_id=draft.pk)])
    assert "basis" in bad.value.message_dict


def test_editing_updates_kept_rows_adds_new_ones_and_removes_the_rest(world):
    movement = launch(actor=world.so_officer, unit=world.so)
    first, second = movement.phases.all()
    edited = content(
        phases=[
            PhaseInput(id=second.pk, name="Đợt 2 (cao điểm)", start=D(2025, 7, 1), end=D(2025, 12, 31)),
            PhaseInput(name="Đợt 3", start=D(2025, 1, 1), end=D(2025, 3, 31)),
        ],
        sections=[SectionInput(heading="Nội dung mới")],
    )
    keys = [w.key for w in plan_warnings(edited)]
    movement_update(
        actor=world.so_officer, movement=movement, content=edited, acknowledged=keys, reason="Sửa đợt"
    )
    phases = list(movement.phases.all())
    assert [(p.pk == second.pk, p.name, p.order) for p in phases] == [
        (True, "Đợt 2 (cao điểm)", 1),
        (False, "Đợt 3", 2),
    ]
    assert not Phase.objects.filter(pk=first.pk).exists()
    assert AuditEntry.objects.filter(
        object_type="movements.phase", object_id=str(first.pk), action="delete"
    ).exists()
    changed = AuditEntry.objects.get(object_type="movements.phase", object_id=str(second.pk), action="update")
    assert changed.changes["name"] == ["Đợt 2", "Đợt 2 (cao điểm)"]


def test_a_target_with_reports_cannot_be_removed(world, so_plan):
    target = so_plan.targets.first()
    target_report_submit(
        actor=world.unit_officer,
        target=target,
        unit=world.hosp_a,
        period_start=D(2025, 1, 1),
        value=Decimal(97),
        today=TODAY,
    )
    with pytest.raises(ApplicationError, match="không thể xóa"):
        movement_update(
            actor=None, movement=so_plan, content=content(targets=[good_target(indicator="Khác")])
        )
    assert Target.objects.filter(pk=target.pk).exists()


def test_an_edited_row_of_another_plan_is_refused(world, so_plan):
    other = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA")
    foreign_phase = other.phases.first()
    tampered = content(
        phases=[PhaseInput(id=foreign_phase.pk, name="X", start=D(2025, 1, 1), end=D(2025, 2, 1))]
    )
    with pytest.raises(ApplicationError):
        movement_update(actor=None, movement=so_plan, content=tampered)
    assert Phase.objects.get(pk=foreign_phase.pk).name == "Đợt 1"


def test_publishing_then_closing_are_audited_and_only_in_that_order(world):
    movement = launch(actor=world.so_officer, unit=world.so)
    with pytest.raises(ApplicationError):
        movement_close(actor=world.so_officer, movement=movement)
    movement = movement_publish(actor=world.so_officer, movement=movement)
    assert movement.state == "published" and movement.published_by == world.so_officer
    with pytest.raises(ApplicationError):
        movement_publish(actor=world.so_officer, movement=movement)
    movement = movement_close(actor=world.so_officer, movement=movement)
    assert movement.state == "closed" and movement.closed_at is not None
    states = [e.changes.get("state") for e in _entries(movement).order_by("id")]
    assert states == [None, ["draft", "published"], ["published", "closed"]]
    with pytest.raises(ApplicationError):
        movement_update(actor=None, movement=movement, content=content())


def test_only_a_draft_nothing_derives_from_can_be_deleted(world, so_plan):
    draft = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA")
    movement_delete(actor=world.unit_officer, movement=draft)
    assert not Movement.objects.filter(pk=draft.pk).exists()
    assert _entries(draft).filter(action="delete").exists()
    with pytest.raises(ApplicationError):
        movement_delete(actor=None, movement=so_plan)


def test_a_unit_reports_a_figure_per_period_and_a_second_report_corrects_it(world, so_plan):
    target = so_plan.targets.first()
    report = target_report_submit(
        actor=world.unit_officer,
        target=target,
        unit=world.hosp_a,
        period_start=D(2025, 4, 1),
        value=Decimal("93.5"),
        today=TODAY,
        evidence="Danh sách ký cam kết",
    )
    assert (report.period_start, report.period_end) == (D(2025, 4, 1), D(2025, 6, 30))
    again = target_report_submit(
        actor=world.unit_officer,
        target=target,
        unit=world.hosp_a,
        period_start=D(2025, 4, 1),
        value=Decimal(96),
        today=TODAY,
    )
    assert again.pk == report.pk and TargetReport.objects.count() == 1
    assert _entries(report).filter(action="update").get().changes["value"] == ["93.500", "96"]


def test_a_report_must_be_for_a_period_of_the_target_that_has_started(world, so_plan):
    target = so_plan.targets.first()
    with pytest.raises(ValidationError):
        target_report_submit(
            actor=None,
            target=target,
            unit=world.hosp_a,
            period_start=D(2025, 2, 1),
            value=Decimal(1),
            today=TODAY,
        )
    with pytest.raises(ValidationError):
        target_report_submit(
            actor=None,
            target=target,
            unit=world.hosp_a,
            period_start=D(2025, 10, 1),
            value=Decimal(1),
            today=D(2025, 9, 1),
        )


def test_only_the_target_reporters_report_and_only_while_published(world, so_plan):
    per_unit, issuer_only = so_plan.targets.all()
    with pytest.raises(ApplicationError):
        target_report_submit(
            actor=None,
            target=issuer_only,
            unit=world.hosp_a,
            period_start=D(2025, 1, 1),
            value=Decimal(1),
            today=TODAY,
        )
    with pytest.raises(ApplicationError):  # a ward is not directly under the Sở
        target_report_submit(
            actor=None,
            target=per_unit,
            unit=world.ward_a,
            period_start=D(2025, 1, 1),
            value=Decimal(1),
            today=TODAY,
        )
    movement_close(actor=None, movement=so_plan)
    per_unit.refresh_from_db()
    with pytest.raises(ApplicationError):
        target_report_submit(
            actor=None,
            target=per_unit,
            unit=world.hosp_a,
            period_start=D(2025, 1, 1),
            value=Decimal(1),
            today=TODAY,
        )


def test_a_computed_target_takes_no_report(world):
    movement = launch(
        actor=None,
        unit=world.so,
        publish=True,
        targets=[
            TargetInput(
                indicator="Xếp loại",
                unit_of_measure="%",
                comparator="gte",
                threshold=Decimal(90),
                kind="computed",
                computation="staff_rated_good_share",
                frequency="yearly",
            )
        ],
    )
    with pytest.raises(ApplicationError):
        target_report_submit(
            actor=None,
            target=movement.targets.get(),
            unit=world.hosp_a,
            period_start=D(2025, 1, 1),
            value=Decimal(1),
            today=TODAY,
        )


def test_basis_rows_cite_a_movement_or_a_document(world, so_plan):
    child = launch(
        actor=None,
        unit=world.hosp_a,
        symbol="KH-BVA",
        basis=[BasisInput(verb="pursuant", reference="Kế hoạch số 885/KH-BYT ngày 17/7/2024 của Bộ Y tế")],
        parent=so_plan,
    )
    rows = list(PlanBasis.objects.filter(plan=child.plan).order_by("order"))
    assert [(r.movement_id, bool(r.reference)) for r in rows] == [(so_plan.pk, False), (None, True)]
