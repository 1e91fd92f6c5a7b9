"""The demo's movements: the five seed plans as structured movements, their cascade and target reports."""

import io

import pytest
from django.core.management import call_command

from tdkt.accounts.models import AuditEntry, User
from tdkt.demo.movements import _content
from tdkt.demo.seed_plans import COUNCIL_2025, SEED_PLANS
from tdkt.documents.models import RegisterEntry
from tdkt.movements.models import Inspection, Movement, Review, TargetReport
from tdkt.movements.selectors import movement_tree, outside_basis, target_progress
from tdkt.movements.validation import plan_warnings

SEED_FILES = {
    "000_288dece9b4dcb248.txt",
    "001_a3c2191350367173.txt",
    "002_34ce6455fc00bdec.txt",
    "003_1ce1070b4f6c0cdb.txt",
    "004_5f5125d217b65650.txt",
}


def test_every_seed_file_is_entered_once_and_parents_come_first():
    assert {s.source for s in SEED_PLANS} - {"constructed"} == SEED_FILES
    assert len([s for s in SEED_PLANS if s.source != "constructed"]) == 5
    keys = [s.key for s in SEED_PLANS]
    assert all(s.parent is None or keys.index(s.parent) < keys.index(s.key) for s in SEED_PLANS)


def test_seed_000_as_entered_raises_the_warning_of_its_phase_dated_2024():
    warnings = plan_warnings(_content(COUNCIL_2025, units={}))
    outside = [w for w in warnings if w.code == "phase_outside_plan"]
    assert len(outside) == 1
    assert "01/07/2024 – 31/12/2024" in outside[0].message


@pytest.mark.django_db
def test_the_demo_province_runs_the_seed_plans_as_movements(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("demo", people=200, stdout=out)
    assert "12 kế hoạch thi đua" in out.getvalue()

    by_reference = {m.plan.reference: m for m in Movement.objects.select_related("plan", "unit")}
    assert {"215/KH-SYT", "01/KH-HĐTĐKT", "93/KH-SYT", "870/KH-TTYT", "412/KH-TTYT"} <= set(by_reference)

    # seed 000, signed with its number blank: published, it took the council series' first number; its
    # 2024 slip entered as written and acknowledged
    council = by_reference["01/KH-HĐTĐKT"]
    assert RegisterEntry.objects.get(series="HĐTĐKT", kind="plan", year=2025).subject == council.name
    assert [p.name for p in council.phases.all()] == ["Đợt 1", "Đợt 2"]
    assert "phase_outside_plan" in {w["code"] for w in council.acknowledged_warnings}
    assert council.acknowledged_by.username == "so.thidua"

    centre = by_reference["870/KH-TTYT"]  # seed 001, under the Sở's 93/KH-SYT
    assert centre.unit.code == "TTYT-KV4" and centre.parent == by_reference["93/KH-SYT"]
    assert centre.targets.count() == 12 and centre.plan.sections.count() == 6

    so_officer = User.objects.get(username="so.thidua")
    station = Movement.objects.get(unit__code="TYT-KV3-01")  # seed 002's chain down to a commune station
    tree = movement_tree(movement=station, user=so_officer)
    assert [n.movement.unit.code for n in tree] == ["SYT", "TTYT-KV3", "TYT-KV3-01"]
    assert "885/KH-BYT" in outside_basis(tree=tree)[0].reference

    assert {m.state for m in Movement.objects.all()} == {"draft", "published", "closed"}
    assert by_reference["215/KH-SYT"].state == "closed"
    assert TargetReport.objects.count() > 200
    assert (
        AuditEntry.objects.filter(object_type="movements.targetreport").count()
        == TargetReport.objects.count()
    )

    progress = target_progress(
        movement=by_reference["870/KH-TTYT"], user=so_officer, today=centre.end.replace(year=2026)
    )
    assert progress.late_units, "some units have not sent their last report"
    assert any(c.value is not None for _, cells in progress.rows for c in cells)
    bvdk = by_reference["178/KH-BVĐK"]
    computed = target_progress(movement=bvdk, user=so_officer, today=bvdk.end)
    assert any(c.computed and c.value is not None for _, cells in computed.rows for c in cells)

    # what follows a launch: the hospital's issued sơ kết with its proposals, the Sở's inspection
    hospital_review = Review.objects.get(movement__unit__code="BVDK")
    assert hospital_review.is_issued and hospital_review.proposals.count() == 2
    assert hospital_review.results.count() == hospital_review.movement.targets.count()
    inspection = Inspection.objects.get(unit__code="BVDK")
    assert [a.is_done for a in inspection.actions.order_by("order")] == [True, False]
    assert User.objects.get(username="bvdk.giamdoc").email == "bvdk.giamdoc@syt-binhan.example"
