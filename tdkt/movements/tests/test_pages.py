"""The movement pages through their URLs: list, detail, launch/edit/derive with inline rows and the
warnings checkbox, publish/close/delete, the targets dashboard and the report page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.movements.models import Movement, TargetReport
from tdkt.movements.services import target_report_submit

from .factories import TODAY, launch

pytestmark = pytest.mark.django_db
D = dt.date
ROWSETS = ("phases", "targets", "sections", "responsibilities", "basis")


def plan_post(*, unit=None, rows=None, **overrides) -> dict:
    """The POST of the plan page: the plan's fields and each inline list as a formset."""
    data = {
        "kind": "regular",
        "name": "Phát động phong trào thi đua năm 2025",
        "theme": "Đoàn kết, sáng tạo",
        "start": "01/01/2025",
        "end": "31/12/2025",
        "number": "15",
        "symbol": "kh-bva",
        "issued_on": "05/01/2025",
        "place": "Thử nghiệm",
        "issuer_name": "BỆNH VIỆN ĐA KHOA A",
        "issuer_parent": "SỞ Y TẾ THỬ NGHIỆM",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Trần Văn An",
        "distribution": "Sở Y tế;\nLưu: VT.",
    }
    if unit is not None:
        data["unit"] = str(unit.pk)
    rows = rows or {}
    defaults = {
        "phases": [
            {
                "name": "Đợt 1",
                "start": "01/01/2025",
                "end": "30/06/2025",
                "commemorations": ["physicians_day"],
            },
            {"name": "Đợt 2", "start": "01/07/2025", "end": "31/12/2025"},
        ],
        "targets": [
            {
                "indicator": "Tỷ lệ viên chức ký cam kết",
                "comparator": "gte",
                "threshold": "95,5",
                "unit_of_measure": "%",
                "direction": "increase",
                "kind": "reported",
                "frequency": "quarterly",
                "reporter": "units_below",
                "due_days": "10",
            }
        ],
        "sections": [{"heading": "Thi đua hoàn thành nhiệm vụ chuyên môn", "body": "Nội dung chi tiết"}],
        "responsibilities": [{"party": "Phòng Tổ chức – Hành chính", "task": "Theo dõi, tổng hợp"}],
        "basis": [{"verb": "pursuant", "reference": "Chỉ thị số 06/CT-UBND ngày 12/3/2025"}],
    }
    for prefix in ROWSETS:
        items = rows.get(prefix, defaults[prefix])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = str(sum(1 for i in items if i.get("id")))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for n, item in enumerate(items):
            for key, value in item.items():
                data[f"{prefix}-{n}-{key}"] = value
    data.update(overrides)
    return data


@pytest.fixture
def hosp_plan(world, so_plan):
    return launch(actor=world.unit_officer, unit=world.hosp_a, parent=so_plan, symbol="KH-BVA", publish=True)


def test_the_menu_offers_movements_to_every_role(login):
    for persona in ("so_officer", "staff"):
        response = login(persona).get(reverse("home"))
        assert reverse("movements:list") in response.content.decode()


def test_the_list_shows_the_plans_published_to_me_and_my_own(login, world, so_plan, hosp_plan):
    launch(actor=None, unit=world.hosp_b, symbol="KH-BVB", name="Kế hoạch của bệnh viện B", publish=True)
    response = login("unit_officer").get(reverse("movements:list"))
    assert response.status_code == 200
    shown = {m.pk for m in response.context["page"].object_list}
    assert shown == {so_plan.pk, hosp_plan.pk}
    text = response.content.decode()
    assert "12/KH-SYT" in text and "Kế hoạch của bệnh viện B" not in text


def test_the_list_filters_come_back_as_an_htmx_fragment(login, world, so_plan, hosp_plan):
    response = login("unit_officer").get(
        reverse("movements:list"),
        {"relation": "received"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="movement-results",
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "<html" not in text and 'id="movement-results"' in text
    assert reverse("movements:detail", args=[so_plan.pk]) in text
    assert reverse("movements:detail", args=[hosp_plan.pk]) not in text


def test_the_list_takes_a_fixed_number_of_queries(login, world, so_plan, django_assert_max_num_queries):
    for i in range(8):
        launch(actor=None, unit=world.hosp_a, parent=so_plan, symbol="KH-BVA", number=i + 1, publish=True)
    client = login("so_officer")
    client.get(reverse("movements:list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("movements:list"), {"year": 2025})
    assert response.context["page"].paginator.count == 9


def test_the_detail_page_shows_the_plan_phases_targets_tree_and_history(login, world, so_plan, hosp_plan):
    response = login("so_officer").get(reverse("movements:detail", args=[hosp_plan.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    for expected in (
        "Đợt 1",
        "Mừng Đảng quang vinh",
        "Ngày Thầy thuốc Việt Nam",
        "≥ 95 %",
        "Thi đua hoàn thành nhiệm vụ",
        "Phòng Tổ chức cán bộ",
        "Lưu: VT, TCCB.",
        "Nguyễn Văn Giám",
        "Chỉ thị số 06/CT-UBND",
    ):
        assert expected in text, expected
    assert [n.movement.pk for n in response.context["tree"]] == [so_plan.pk, hosp_plan.pk]
    assert response.context["audit"]
    assert 'style="left: 0.0%; width: 49.59%"' in text  # phase 1 on the timeline, decimal point in CSS


def test_the_detail_page_takes_a_fixed_number_of_queries(
    login, world, so_plan, django_assert_max_num_queries
):
    for i in range(6):
        launch(actor=None, unit=world.hosp_b, parent=so_plan, symbol="KH-BVB", number=i + 1, publish=True)
    target = so_plan.targets.first()
    for unit in (world.hosp_a, world.hosp_b, world.centre):
        target_report_submit(
            actor=None, target=target, unit=unit, period_start=D(2025, 1, 1), value=Decimal(97), today=TODAY
        )
    client = login("so_officer")
    client.get(reverse("movements:detail", args=[so_plan.pk]))
    with django_assert_max_num_queries(28):  # 25, and the inspections and reviews cards
        response = client.get(reverse("movements:detail", args=[so_plan.pk]))
    assert len(response.context["tree"]) == 7


def test_a_staff_member_sees_a_published_plan_but_no_history_and_no_buttons(login, world, so_plan):
    response = login("staff").get(reverse("movements:detail", args=[so_plan.pk]))
    assert response.status_code == 200
    assert response.context["audit"] == []
    assert reverse("movements:edit", args=[so_plan.pk]) not in response.content.decode()
    assert not response.context["can_derive"]


@pytest.mark.parametrize(
    ("persona", "registrations", "pledges"),
    [
        ("so_officer", True, True),
        ("unit_officer", True, True),
        ("unit_head", True, True),
        ("council_member", True, False),
        ("staff", True, False),  # registers herself: the link leads to her registration
    ],
)
def test_the_detail_page_links_to_the_registrations_and_pledges_of_those_allowed(
    login, world, so_plan, persona, registrations, pledges
):
    client = login(persona)
    text = client.get(reverse("movements:detail", args=[so_plan.pk])).content.decode()
    registrations_url = reverse("registrations:list", args=[so_plan.pk])
    pledges_url = reverse("pledges:movement", args=[so_plan.pk])
    assert (registrations_url in text, pledges_url in text) == (registrations, pledges)
    for url in [u for u, shown in ((registrations_url, registrations), (pledges_url, pledges)) if shown]:
        assert client.get(url, follow=True).status_code == 200  # the link opens a page


def test_a_draft_links_to_neither_registrations_nor_pledges(login, world):
    draft = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA", number=3, publish=False)
    text = login("unit_officer").get(reverse("movements:detail", args=[draft.pk])).content.decode()
    assert reverse("registrations:list", args=[draft.pk]) not in text
    assert reverse("pledges:movement", args=[draft.pk]) not in text


def test_an_officer_launches_a_plan_with_its_rows(login, world):
    response = login("unit_officer").post(reverse("movements:create"), plan_post(unit=world.hosp_a))
    assert response.status_code == 302, response.context and response.context["forms"].row_errors()
    movement = Movement.objects.get()
    assert response["Location"] == reverse("movements:detail", args=[movement.pk])
    assert movement.unit == world.hosp_a and movement.state == "draft"
    assert movement.plan.reference == "15/KH-BVA"
    target = movement.targets.get()
    assert target.threshold == Decimal("95.5")
    assert [p.commemorations for p in movement.phases.all()] == [["physicians_day"], []]
    assert movement.plan.sections.get().heading == "Thi đua hoàn thành nhiệm vụ chuyên môn"


def test_a_rejected_plan_keeps_what_the_officer_typed(login, world):
    data = plan_post(unit=world.hosp_a, end="31/12/2024")
    data["phases-1-end"] = "01/06/2025"  # before its start
    response = login("unit_officer").post(reverse("movements:create"), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Thi đua hoàn thành nhiệm vụ chuyên môn" in text and "Tỷ lệ viên chức ký cam kết" in text
    assert "Ngày kết thúc trước ngày bắt đầu" in text
    assert "Đợt 2" in " ".join(response.context["forms"].row_errors())
    assert not Movement.objects.exists()


def test_warnings_must_be_acknowledged_with_the_checkbox_and_the_acknowledgement_is_kept(login, world):
    client = login("unit_officer")
    seed_000_slip = plan_post(unit=world.hosp_a)
    seed_000_slip.update({"phases-1-start": "01/07/2024", "phases-1-end": "31/12/2024"})
    first = client.post(reverse("movements:create"), seed_000_slip)
    assert first.status_code == 400 and not Movement.objects.exists()
    warnings = first.context["warnings"]
    assert "phase_outside_plan" in [w.code for w in warnings]
    text = first.content.decode()
    assert "01/07/2024 – 31/12/2024" in text and 'name="acknowledge"' in text

    keys = [w.key for w in warnings]
    unchecked = client.post(reverse("movements:create"), {**seed_000_slip, "warning_key": keys})
    assert unchecked.status_code == 400 and not Movement.objects.exists()

    saved = client.post(
        reverse("movements:create"), {**seed_000_slip, "warning_key": keys, "acknowledge": "1"}
    )
    assert saved.status_code == 302
    movement = Movement.objects.get()
    assert "phase_outside_plan" in [w["code"] for w in movement.acknowledged_warnings]
    assert movement.acknowledged_by == world.unit_officer
    detail = client.get(saved["Location"]).content.decode()
    assert "01/07/2024 – 31/12/2024" in detail


def test_a_duplicate_plan_number_is_shown_on_the_number_field(login, world):
    client = login("unit_officer")
    client.post(reverse("movements:create"), plan_post(unit=world.hosp_a))
    response = client.post(reverse("movements:create"), plan_post(unit=world.hosp_a, name="Kế hoạch khác"))
    assert response.status_code == 400
    assert "15/KH-BVA" in response.context["forms"].plan.errors["number"][0]


def test_editing_keeps_rows_by_id_removes_ticked_ones_and_is_audited(login, world, so_plan):
    client = login("so_officer")
    page = client.get(reverse("movements:edit", args=[so_plan.pk]))
    assert page.status_code == 200
    phases = list(so_plan.phases.all())
    target = so_plan.targets.first()
    data = plan_post(
        symbol="KH-SYT",
        number="12",
        issuer_name="SỞ Y TẾ",
        rows={
            "phases": [
                {
                    "id": str(phases[0].pk),
                    "name": "Đợt 1 (mừng Đảng)",
                    "start": "01/01/2025",
                    "end": "30/06/2025",
                },
                {
                    "id": str(phases[1].pk),
                    "name": "Đợt 2",
                    "start": "01/07/2025",
                    "end": "31/12/2025",
                    "DELETE": "on",
                },
            ],
            "targets": [
                {
                    "id": str(target.pk),
                    "indicator": target.indicator,
                    "comparator": "gte",
                    "threshold": "96",
                    "unit_of_measure": "%",
                    "direction": "increase",
                    "kind": "reported",
                    "frequency": "quarterly",
                    "reporter": "units_below",
                    "due_days": "10",
                },
                {
                    "id": str(so_plan.targets.last().pk),
                    "indicator": "Số hội nghị điển hình tiên tiến",
                    "comparator": "gte",
                    "threshold": "1",
                    "unit_of_measure": "hội nghị",
                    "direction": "increase",
                    "kind": "reported",
                    "frequency": "yearly",
                    "reporter": "issuer",
                    "due_days": "10",
                },
            ],
        },
        reason="Điều chỉnh chỉ tiêu",
    )
    response = client.post(reverse("movements:edit", args=[so_plan.pk]), data)
    assert response.status_code == 302, response.context and response.context["forms"].row_errors()
    assert [p.name for p in so_plan.phases.all()] == ["Đợt 1 (mừng Đảng)"]
    target.refresh_from_db()
    assert target.threshold == 96
    entry = AuditEntry.objects.get(object_type="movements.target", object_id=str(target.pk), action="update")
    assert entry.changes["threshold"] == ["95.000", "96"]


def test_a_closed_movement_cannot_be_edited(login, world, so_plan):
    client = login("so_officer")
    client.post(reverse("movements:close", args=[so_plan.pk]))
    response = client.get(reverse("movements:edit", args=[so_plan.pk]))
    assert response.status_code == 302


def test_only_the_managing_officers_reach_the_edit_page(login, world, so_plan):
    assert login("unit_officer").get(reverse("movements:edit", args=[so_plan.pk])).status_code == 404
    assert login("unit_head").get(reverse("movements:create")).status_code == 404


def test_deriving_prefills_the_parent_theme_phases_and_targets(login, world, so_plan):
    client = login("unit_officer")
    page = client.get(reverse("movements:derive", args=[so_plan.pk]))
    assert page.status_code == 200
    forms = page.context["forms"]
    assert forms.plan["theme"].value() == so_plan.theme
    assert forms.plan["unit"].value() == world.hosp_a.pk
    assert [f["name"].value() for f in forms.phases.forms if f["name"].value()] == ["Đợt 1", "Đợt 2"]
    data = plan_post(unit=world.hosp_a)
    response = client.post(reverse("movements:derive", args=[so_plan.pk]), data)
    assert response.status_code == 302
    child = Movement.objects.get(parent=so_plan)
    assert child.unit == world.hosp_a and child.path.startswith(so_plan.path)


def test_only_units_below_may_derive(login, world, so_plan):
    hosp_b = launch(actor=None, unit=world.hosp_b, symbol="KH-BVB", publish=True)
    assert login("outsider").get(reverse("movements:derive", args=[so_plan.pk])).status_code == 200
    assert login("outsider").get(reverse("movements:derive", args=[hosp_b.pk])).status_code == 404
    assert login("staff").get(reverse("movements:derive", args=[so_plan.pk])).status_code == 404


def test_publish_close_and_delete_through_the_buttons(login, world):
    client = login("unit_officer")
    draft = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA")
    other = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA", number=44)
    assert client.get(reverse("movements:publish", args=[draft.pk]))["Location"] == reverse(
        "movements:detail", args=[draft.pk]
    )
    draft.refresh_from_db()
    assert draft.state == "draft"
    client.post(reverse("movements:publish", args=[draft.pk]))
    client.post(reverse("movements:close", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.state == "closed"
    response = client.post(reverse("movements:delete", args=[draft.pk]), follow=True)
    assert Movement.objects.filter(pk=draft.pk).exists()
    assert "Chỉ xóa được dự thảo" in response.content.decode()
    client.post(reverse("movements:delete", args=[other.pk]))
    assert not Movement.objects.filter(pk=other.pk).exists()


def test_the_dashboard_shows_values_met_and_late_units(login, world, so_plan, django_assert_max_num_queries):
    target = so_plan.targets.first()
    target_report_submit(
        actor=None,
        target=target,
        unit=world.hosp_a,
        period_start=D(2025, 1, 1),
        value=Decimal("97.5"),
        today=TODAY,
    )
    client = login("so_officer")
    client.get(reverse("movements:dashboard", args=[so_plan.pk]))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("movements:dashboard", args=[so_plan.pk]))
    text = response.content.decode()
    assert "97,5 %" in text and "Quý 1/2025" in text
    assert "chậm" in text.lower()
    late = client.get(
        reverse("movements:dashboard", args=[so_plan.pk]),
        {"late": "1"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="dashboard",
    )
    assert "<html" not in late.content.decode()
    assert world.hosp_a.name in late.content.decode()  # Q1 reported but Q2, Q3 not: late


def test_an_officer_reports_a_figure_for_their_unit(login, world, so_plan):
    target = so_plan.targets.first()
    client = login("unit_officer")
    url = reverse("movements:report", args=[target.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.context["unit"] == world.hosp_a
    response = client.post(
        url,
        {
            "unit": world.hosp_a.pk,
            "period": "2025-07-01",
            "value": "96,2",
            "note": "",
            "evidence": "Danh sách ký",
        },
    )
    assert response.status_code == 302
    report = TargetReport.objects.get()
    assert (report.unit, report.period_end, report.value) == (world.hosp_a, D(2025, 9, 30), Decimal("96.2"))
    assert "96,2" in client.get(response["Location"]).content.decode()


def test_a_report_for_another_unit_or_by_a_viewer_is_refused(login, world, so_plan):
    target = so_plan.targets.first()
    url = reverse("movements:report", args=[target.pk])
    response = login("unit_officer").post(
        url, {"unit": world.hosp_b.pk, "period": "2025-07-01", "value": "9"}
    )
    assert response.status_code == 404
    assert (
        login("staff").post(url, {"unit": world.hosp_a.pk, "period": "2025-07-01", "value": "9"}).status_code
        == 404
    )
    assert not TargetReport.objects.exists()
