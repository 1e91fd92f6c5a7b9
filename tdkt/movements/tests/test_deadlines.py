"""Upcoming deadlines: who sees what on their home page (phase ends, figures their unit owes, the follow-ups
they own, the reviews their unit owes), scoped to the units where they hold a role."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.movements.inputs import FollowUpInput, InspectionInput
from tdkt.movements.selectors_deadlines import upcoming_deadlines
from tdkt.movements.services import target_report_submit
from tdkt.movements.services_inspections import follow_up_set_status, inspection_create
from tdkt.movements.services_reviews import review_create, review_issue

from .factories import TODAY

pytestmark = pytest.mark.django_db
D = dt.date


def kinds_and_titles(user, today=TODAY, horizon_days=14) -> list[tuple[str, str, bool]]:
    return [
        (d.kind, d.title, d.overdue)
        for d in upcoming_deadlines(user=user, today=today, horizon_days=horizon_days)
    ]


def report(world, target, unit, start, value="97"):
    target_report_submit(
        actor=None, target=target, unit=unit, period_start=start, value=Decimal(value), today=TODAY
    )


def test_a_hospital_officer_sees_the_figures_the_hospital_owes_and_the_phase_ends(world, so_plan):
    quarterly = so_plan.targets.get(frequency="quarterly")
    assert kinds_and_titles(world.unit_officer) == [
        ("target_report", "Báo cáo “Tỷ lệ viên chức ký cam kết thi đua” kỳ Quý 3/2025", True),
    ]
    report(world, quarterly, world.hosp_a, D(2025, 7, 1))
    assert kinds_and_titles(world.unit_officer) == []
    # in late December: phase 2 ends, and the fourth quarter falls due on 10/01
    late_december = kinds_and_titles(world.unit_officer, today=D(2025, 12, 29))
    assert ("phase_end", "Đợt 2 kết thúc (01/07/2025 – 31/12/2025)", False) in late_december
    assert (
        "target_report",
        "Báo cáo “Tỷ lệ viên chức ký cam kết thi đua” kỳ Quý 4/2025",
        False,
    ) in late_december


def test_the_unit_head_sees_the_figures_but_staff_and_council_members_nothing(world, so_plan):
    assert [k for k, _t, _o in kinds_and_titles(world.unit_head)] == ["target_report"]
    assert kinds_and_titles(world.staff) == [] and kinds_and_titles(world.council_member) == []


def test_another_hospital_is_reminded_of_its_own_figures_only(world, so_plan):
    deadlines = upcoming_deadlines(user=world.outsider, today=TODAY)
    assert [d.url for d in deadlines] == [
        reverse("movements:report", args=[so_plan.targets.get(frequency="quarterly").pk])
        + f"?unit={world.hosp_b.pk}"
    ]
    assert world.hosp_b.name in deadlines[0].detail


def test_the_so_officer_owes_the_interim_review_until_it_is_issued_and_the_yearly_figure(world, so_plan):
    assert kinds_and_titles(world.so_officer) == [("review", "Sơ kết Đợt 1", True)]
    review = review_create(
        actor=world.so_officer,
        movement=so_plan,
        kind="interim_review",
        phase=so_plan.phases.get(name="Đợt 1"),
        today=TODAY,
    )
    assert kinds_and_titles(world.so_officer) == [("review", "Sơ kết Đợt 1", True)]  # a draft is not enough
    review_issue(actor=world.so_officer, review=review)
    assert kinds_and_titles(world.so_officer) == []
    january = kinds_and_titles(world.so_officer, today=D(2026, 1, 5))
    assert ("target_report", "Báo cáo “Số hội nghị điển hình tiên tiến” kỳ Năm 2025", False) in january
    assert ("review", "Tổng kết phong trào", False) in january


def test_the_owner_of_a_follow_up_sees_it_until_it_is_done(world, so_plan):
    inspection = inspection_create(
        actor=world.so_officer,
        movement=so_plan,
        content=InspectionInput(
            unit=world.hosp_a,
            kind="planned",
            inspected_on=D(2025, 11, 10),
            team="Đoàn của Sở",
            findings="Thiếu sổ theo dõi",
            actions=[
                FollowUpInput(description="Lập sổ theo dõi", owner=world.unit_head, due_on=D(2025, 11, 25))
            ],
        ),
        today=TODAY,
    )
    assert ("follow_up", "Lập sổ theo dõi", False) in kinds_and_titles(world.unit_head)
    assert ("follow_up", "Lập sổ theo dõi", True) in kinds_and_titles(world.unit_head, today=D(2025, 11, 26))
    assert "follow_up" not in {k for k, _t, _o in kinds_and_titles(world.unit_officer)}
    follow_up_set_status(actor=world.unit_head, action=inspection.actions.get(), done=True, note="Đã lập")
    assert "follow_up" not in {k for k, _t, _o in kinds_and_titles(world.unit_head)}


def test_the_home_page_lists_the_deadlines_in_a_fixed_number_of_queries(
    login, world, so_plan, monkeypatch, django_assert_max_num_queries
):
    from tdkt.core import views

    monkeypatch.setattr(views, "today_vn", lambda: TODAY)
    client = login("unit_officer")
    client.get(reverse("home"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("home"))
    text = response.content.decode()
    assert "Quý 3/2025" in text and "quá hạn" in text
    assert reverse("movements:report", args=[so_plan.targets.get(frequency="quarterly").pk]) in text
    for i in range(5):  # more movements, targets and phases: the same number of queries
        from .factories import launch

        launch(actor=None, unit=world.so, number=20 + i, name=f"Phong trào {i}", publish=True)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("home"))
    assert response.content.decode().count("Quý 3/2025") == 6


def test_the_home_page_says_when_nothing_is_due(login, world):
    text = login("staff").get(reverse("home")).content.decode()
    assert 'id="deadlines"' in text and "Không có việc nào đến hạn trong 14 ngày tới." in text
