"""Inspections: recorded with their follow-up actions, actions marked done by their owners, closed once
everything is done; audited; seen by the inspecting unit, the inspected unit and the owners only."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.movements.inputs import FollowUpInput, InspectionInput
from tdkt.movements.models import ActionStatus, FollowUpAction, Inspection
from tdkt.movements.selectors_inspections import follow_up_owners, inspections_visible
from tdkt.movements.services_inspections import (
    follow_up_set_status,
    inspection_close,
    inspection_create,
    inspection_update,
)

from .factories import TODAY, launch

pytestmark = pytest.mark.django_db
D = dt.date


def content(world, **overrides) -> InspectionInput:
    values = {
        "unit": world.hosp_a,
        "kind": "planned",
        "inspected_on": D(2025, 9, 15),
        "team": "Nguyễn Văn Giám, Phó Giám đốc Sở – Trưởng đoàn\nLê Thị Kiểm, chuyên viên",
        "findings": "Bệnh viện triển khai đầy đủ; chưa lưu minh chứng ký cam kết của hai khoa.",
        "actions": [
            FollowUpInput(
                description="Bổ sung biên bản ký cam kết của Khoa Nội",
                owner=world.unit_officer,
                due_on=D(2025, 10, 15),
            ),
            FollowUpInput(
                description="Báo cáo kết quả khắc phục về Sở", owner=world.unit_head, due_on=D(2025, 10, 30)
            ),
        ],
    }
    values.update(overrides)
    return InspectionInput(**values)


@pytest.fixture
def inspection(world, so_plan):
    return inspection_create(actor=world.so_officer, movement=so_plan, content=content(world), today=TODAY)


def test_an_inspection_is_recorded_with_its_actions_and_audited(world, so_plan, inspection):
    assert inspection.is_open and inspection.created_by == world.so_officer
    actions = list(inspection.actions.order_by("order"))
    assert [(a.owner, a.due_on, a.status) for a in actions] == [
        (world.unit_officer, D(2025, 10, 15), ActionStatus.OPEN),
        (world.unit_head, D(2025, 10, 30), ActionStatus.OPEN),
    ]
    created = AuditEntry.objects.filter(action="create", actor=world.so_officer)
    assert created.filter(object_type="movements.inspection", object_id=str(inspection.pk)).exists()
    assert created.filter(object_type="movements.followupaction").count() == 2


def test_the_inspected_unit_must_be_under_the_unit_running_the_movement(world):
    hospital_plan = launch(actor=None, unit=world.hosp_b, symbol="KH-BVB", publish=True)
    with pytest.raises(ValidationError) as exc:
        inspection_create(
            actor=world.outsider,
            movement=hospital_plan,
            content=content(world, unit=world.hosp_a, actions=[]),
            today=TODAY,
        )
    assert "unit" in exc.value.message_dict and not Inspection.objects.exists()


def test_a_surprise_inspection_cannot_be_dated_in_the_future_and_the_team_is_required(world, so_plan):
    with pytest.raises(ValidationError) as exc:
        inspection_create(
            actor=world.so_officer,
            movement=so_plan,
            content=content(
                world, kind="surprise", inspected_on=TODAY + dt.timedelta(days=1), team=" ", actions=[]
            ),
            today=TODAY,
        )
    assert set(exc.value.message_dict) == {"inspected_on", "team"}
    assert not Inspection.objects.exists() and not FollowUpAction.objects.exists()


def test_an_owner_must_hold_a_role_in_the_inspected_unit_or_the_inspecting_side(world, so_plan):
    bad = FollowUpInput(description="Việc của người ngoài", owner=world.outsider, due_on=D(2025, 10, 1))
    with pytest.raises(ValidationError) as exc:
        inspection_create(
            actor=world.so_officer, movement=so_plan, content=content(world, actions=[bad]), today=TODAY
        )
    assert "outsider" in " ".join(exc.value.message_dict["actions"])
    owners = follow_up_owners(movement=so_plan)
    assert {world.so_officer, world.unit_officer, world.unit_head, world.outsider} <= set(owners)
    assert world.staff not in owners and world.council_member not in owners


def test_an_action_due_before_the_inspection_is_refused(world, so_plan):
    early = FollowUpInput(description="Sớm quá", owner=world.unit_officer, due_on=D(2025, 9, 1))
    with pytest.raises(ValidationError) as exc:
        inspection_create(
            actor=world.so_officer, movement=so_plan, content=content(world, actions=[early]), today=TODAY
        )
    assert exc.value.message_dict == {"actions": ["Việc 1: hạn hoàn thành trước ngày kiểm tra."]}


def test_inspections_are_recorded_only_while_the_movement_is_published(world):
    draft = launch(actor=None, unit=world.so)
    with pytest.raises(ApplicationError):
        inspection_create(actor=world.so_officer, movement=draft, content=content(world), today=TODAY)


def test_editing_keeps_done_actions_and_refuses_to_remove_them(world, inspection):
    first, second = inspection.actions.order_by("order")
    follow_up_set_status(actor=world.unit_officer, action=first, done=True, note="Đã bổ sung ngày 10/10")
    changed = content(
        world,
        findings="Đã rà soát lại.",
        actions=[
            FollowUpInput(id=first.pk, description=first.description, owner=first.owner, due_on=first.due_on),
            FollowUpInput(
                id=second.pk, description="Báo cáo bằng văn bản", owner=world.unit_head, due_on=second.due_on
            ),
        ],
    )
    inspection_update(actor=world.so_officer, inspection=inspection, content=changed, today=TODAY)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_done and second.description == "Báo cáo bằng văn bản"
    with pytest.raises(ApplicationError, match="Bổ sung biên bản"):
        inspection_update(
            actor=world.so_officer,
            inspection=inspection,
            content=content(world, actions=changed.actions[1:]),
            today=TODAY,
        )
    assert inspection.actions.count() == 2


def test_an_action_is_done_with_a_note_audited_and_can_be_opened_again(world, inspection):
    action = inspection.actions.order_by("order").first()
    with pytest.raises(ValidationError) as exc:
        follow_up_set_status(actor=world.unit_officer, action=action, done=True, note="")
    assert "note" in exc.value.message_dict
    follow_up_set_status(actor=world.unit_officer, action=action, done=True, note="Đã bổ sung")
    action.refresh_from_db()
    assert action.is_done and action.done_by == world.unit_officer and action.done_note == "Đã bổ sung"
    entry = AuditEntry.objects.filter(
        object_type="movements.followupaction", object_id=str(action.pk)
    ).first()
    assert entry.changes["status"] == ["open", "done"]
    follow_up_set_status(actor=world.so_officer, action=action, done=False)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN and action.done_at is None and action.done_note == ""


def test_an_inspection_closes_only_when_every_action_is_done_and_is_then_final(world, inspection):
    with pytest.raises(ValidationError):
        inspection_close(actor=world.so_officer, inspection=inspection, conclusion="")
    with pytest.raises(ApplicationError, match="Bổ sung biên bản"):
        inspection_close(actor=world.so_officer, inspection=inspection, conclusion="Đạt yêu cầu.")
    for action in inspection.actions.all():
        follow_up_set_status(actor=world.unit_officer, action=action, done=True, note="Xong")
    inspection_close(actor=world.so_officer, inspection=inspection, conclusion="Đạt yêu cầu.")
    inspection.refresh_from_db()
    assert not inspection.is_open and inspection.conclusion == "Đạt yêu cầu."
    entry = AuditEntry.objects.filter(object_type="movements.inspection", action="update").first()
    assert entry.changes["state"] == ["open", "closed"]
    with pytest.raises(ApplicationError):
        inspection_update(actor=world.so_officer, inspection=inspection, content=content(world), today=TODAY)
    with pytest.raises(ApplicationError):
        follow_up_set_status(actor=world.so_officer, action=inspection.actions.first(), done=False)


def test_who_sees_an_inspection(world, so_plan, inspection):
    def sees(user) -> bool:
        return inspections_visible(user).filter(pk=inspection.pk).exists()

    assert sees(world.so_officer) and sees(world.unit_officer) and sees(world.unit_head)
    assert not sees(world.outsider)  # hospital B sees the Sở's movement, not hospital A's inspection
    assert not sees(world.staff) and not sees(world.council_member)
    action = inspection.actions.first()
    action.owner = world.staff  # an owner sees the inspection of their action (set directly for the test)
    action.save()
    assert sees(world.staff)


# ---------------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------------


def test_an_officer_records_an_inspection_on_the_page(login, world, so_plan):
    client = login("so_officer")
    url = reverse("movements:inspection_create", args=[so_plan.pk])
    assert client.get(url).status_code == 200
    data = {
        "unit": str(world.hosp_a.pk),
        "kind": "surprise",
        "inspected_on": "15/09/2025",
        "team": "Đoàn kiểm tra của Sở",
        "findings": "Thiếu sổ theo dõi.",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
        "actions-0-description": "Lập sổ theo dõi",
        "actions-0-owner": str(world.unit_officer.pk),
        "actions-0-due_on": "01/08/2025",
    }
    response = client.post(url, data)
    assert response.status_code == 400  # due before the inspection: the form comes back as typed
    text = response.content.decode()
    assert "Lập sổ theo dõi" in text and "Thiếu sổ theo dõi." in text
    data["actions-0-due_on"] = "30/09/2025"
    response = client.post(url, data)
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:inspection_detail", args=[inspection.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Lập sổ theo dõi" in page and "Đoàn kiểm tra của Sở" in page


def test_the_owner_marks_an_action_done_and_others_cannot(login, world, inspection):
    action = inspection.actions.get(owner=world.unit_officer)
    url = reverse("movements:follow_up_status", args=[action.pk])
    assert login("outsider").post(url, {"done": "1", f"a{action.pk}-note": "x"}).status_code == 404
    client = login("unit_officer")
    response = client.post(url, {"done": "1", f"a{action.pk}-note": ""})
    assert response.status_code == 400 and not FollowUpAction.objects.get(pk=action.pk).is_done
    response = client.post(url, {"done": "1", f"a{action.pk}-note": "Đã bổ sung biên bản"})
    assert response.status_code == 302 and FollowUpAction.objects.get(pk=action.pk).is_done
    other = inspection.actions.get(owner=world.unit_head)
    # the hospital officer sees the inspection but neither owns this action nor manages the movement
    assert (
        client.post(reverse("movements:follow_up_status", args=[other.pk]), {"done": "1"}).status_code == 404
    )


def test_only_the_inspecting_unit_edits_and_closes(login, world, inspection):
    assert (
        login("unit_officer").get(reverse("movements:inspection_edit", args=[inspection.pk])).status_code
        == 404
    )
    response = login("unit_officer").post(
        reverse("movements:inspection_close", args=[inspection.pk]), {"conclusion": "x"}
    )
    assert response.status_code == 404
    client = login("so_officer")
    assert client.get(reverse("movements:inspection_edit", args=[inspection.pk])).status_code == 200
    response = client.post(reverse("movements:inspection_close", args=[inspection.pk]), {"conclusion": "Đạt"})
    assert response.status_code == 400 and "Bổ sung biên bản" in response.content.decode()


def test_the_movement_page_lists_the_inspections_the_user_sees(login, world, so_plan, inspection):
    page = login("so_officer").get(reverse("movements:detail", args=[so_plan.pk])).content.decode()
    assert reverse("movements:inspection_detail", args=[inspection.pk]) in page
    assert reverse("movements:inspection_create", args=[so_plan.pk]) in page
    page = login("outsider").get(reverse("movements:detail", args=[so_plan.pk])).content.decode()
    assert reverse("movements:inspection_detail", args=[inspection.pk]) not in page
    assert reverse("movements:inspection_create", args=[so_plan.pk]) not in page


def test_the_inspection_page_takes_a_fixed_number_of_queries(
    login, world, so_plan, django_assert_max_num_queries
):
    many = [
        FollowUpInput(description=f"Việc {i}", owner=world.unit_officer, due_on=D(2025, 10, i + 1))
        for i in range(12)
    ]
    inspection = inspection_create(
        actor=world.so_officer, movement=so_plan, content=content(world, actions=many), today=TODAY
    )
    client = login("unit_officer")
    client.get(reverse("movements:inspection_detail", args=[inspection.pk]))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("movements:inspection_detail", args=[inspection.pk]))
    assert response.status_code == 200 and response.content.decode().count('id="action-') == 12
    client = login("so_officer")
    edit = reverse("movements:inspection_edit", args=[inspection.pk])
    client.get(edit)
    with django_assert_max_num_queries(14):
        response = client.get(edit)
    assert response.status_code == 200 and 'name="actions-11-description"' in response.content.decode()
