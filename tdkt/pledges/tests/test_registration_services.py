"""Registration rules: who registers whom, for what, once."""

import pytest
from django.core.exceptions import ValidationError

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.movements.services import movement_close
from tdkt.pledges.models import Registration
from tdkt.pledges.services_registrations import (
    collectives_register,
    registration_create,
    registration_withdraw,
    registrations_create_many,
)

from .factories import DAY, launch

pytestmark = pytest.mark.django_db


def test_a_staff_member_registers_themself_and_the_registration_is_audited(world, so_movement):
    registration = registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    assert registration.home == world.ward_a  # her department
    assert registration.registered_by == world.staff
    entry = AuditEntry.objects.get(object_type="pledges.registration", object_id=str(registration.pk))
    assert entry.action == "create" and entry.actor == world.staff
    assert entry.changes["title"] == [None, "advanced_worker"]


def test_a_staff_member_cannot_register_someone_else(world, org, so_movement):
    with pytest.raises(ApplicationError, match="chỉ có thể tự đăng ký"):
        registration_create(
            actor=world.staff, movement=so_movement, person=org.dung, title="advanced_worker", day=DAY
        )
    assert not Registration.objects.exists()


def test_an_officer_registers_a_person_of_their_unit_but_not_of_another(world, so_movement):
    registration_create(
        actor=world.unit_officer, movement=so_movement, person=world.an, title="advanced_worker", day=DAY
    )
    with pytest.raises(ApplicationError):
        registration_create(
            actor=world.unit_officer,
            movement=so_movement,
            person=world.binh,
            title="advanced_worker",
            day=DAY,
        )
    assert list(Registration.objects.values_list("person__full_name", flat=True)) == ["Trần Văn An"]


def test_a_subject_registers_for_a_title_once_per_movement(world, so_movement):
    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    with pytest.raises(ValidationError) as caught:
        registration_create(
            actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
        )
    assert "title" in caught.value.message_dict
    # another title is another registration
    registration_create(
        actor=world.staff,
        movement=so_movement,
        person=world.hoa,
        title="grassroots_emulation_fighter",
        day=DAY,
    )
    assert Registration.objects.count() == 2


def test_the_database_refuses_a_duplicate_that_slips_past_the_service(world, so_movement):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            movement=so_movement,
            person=world.hoa,
            home=world.ward_a,
            title="advanced_worker",
            registered_at=timezone.now(),
        )


def test_a_title_registered_under_a_derived_plan_is_not_registered_again_above(
    world, so_movement, hosp_movement
):
    registration_create(
        actor=world.staff, movement=hosp_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    with pytest.raises(ValidationError, match="năm 2025 của Bệnh viện A"):
        registration_create(
            actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
        )


def test_a_person_registers_only_for_a_person_title(world, so_movement):
    with pytest.raises(ValidationError) as caught:
        registration_create(
            actor=world.staff, movement=so_movement, person=world.hoa, title="excellent_collective", day=DAY
        )
    assert "title" in caught.value.message_dict
    with pytest.raises(ValidationError):
        registration_create(
            actor=world.staff, movement=so_movement, person=world.hoa, title="nonsense", day=DAY
        )


def test_only_people_of_the_movement_s_units_register(world, so_movement):
    hosp_b_plan = launch(unit=world.hosp_b, name="Phong trào của Bệnh viện B", symbol="KH-BVB")
    with pytest.raises(ApplicationError, match="Nguyễn Thị Hoa"):
        registration_create(
            actor=world.staff, movement=hosp_b_plan, person=world.hoa, title="advanced_worker", day=DAY
        )


def test_registrations_are_taken_only_while_the_movement_is_published(world, so_movement):
    draft = launch(unit=world.hosp_a, name="Bản nháp", publish=False, symbol="KH-BVA")
    with pytest.raises(ApplicationError):
        registration_create(
            actor=world.staff, movement=draft, person=world.hoa, title="advanced_worker", day=DAY
        )
    closed = movement_close(actor=None, movement=so_movement)
    with pytest.raises(ApplicationError):
        registration_create(
            actor=world.staff, movement=closed, person=world.hoa, title="advanced_worker", day=DAY
        )


def test_bulk_registration_skips_those_already_registered_and_audits_the_rest(world, org, so_movement):
    registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    before = AuditEntry.objects.count()
    result = registrations_create_many(
        actor=world.unit_officer,
        movement=so_movement,
        people=[world.hoa, org.head, org.dung],
        title="advanced_worker",
        day=DAY,
    )
    assert sorted(r.person.full_name for r in result.created) == ["Bùi Văn Dũng", "Võ Thị Hương"]
    assert result.skipped == ["Nguyễn Thị Hoa"]
    assert Registration.objects.filter(title="advanced_worker").count() == 3
    assert AuditEntry.objects.count() == before + 2
    assert all(r.registered_by == world.unit_officer for r in result.created)


def test_bulk_registration_refuses_the_whole_batch_when_someone_is_outside_the_officer_s_units(
    world, org, so_movement
):
    with pytest.raises(ApplicationError, match="Lê Thị Bình"):
        registrations_create_many(
            actor=world.unit_officer,
            movement=so_movement,
            people=[org.dung, world.binh],
            title="advanced_worker",
            day=DAY,
        )
    assert not Registration.objects.exists()


def test_bulk_registration_is_set_based(world, org, so_movement, django_assert_max_num_queries):
    from conftest import make_person

    people = [
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Người Thứ {i}", serial=200 + i)
        for i in range(40)
    ]
    with django_assert_max_num_queries(12):
        result = registrations_create_many(
            actor=world.unit_officer, movement=so_movement, people=people, title="advanced_worker", day=DAY
        )
    assert len(result.created) == 40


def test_collectives_register_for_collective_titles_below_the_launching_unit(world, org, so_movement):
    result = collectives_register(
        actor=world.unit_officer,
        movement=so_movement,
        units=[world.ward_a, org.ward_b],
        title="excellent_collective",
        day=DAY,
    )
    assert len(result.created) == 2
    with pytest.raises(ValidationError):
        collectives_register(
            actor=world.unit_officer,
            movement=so_movement,
            units=[world.ward_a],
            title="advanced_worker",
            day=DAY,
        )
    with pytest.raises(ApplicationError):  # the Sở launched the movement: it registers with the level above
        collectives_register(
            actor=world.so_officer,
            movement=so_movement,
            units=[world.so],
            title="advanced_collective",
            day=DAY,
        )
    with pytest.raises(ApplicationError):  # not the officer's unit
        collectives_register(
            actor=world.unit_officer,
            movement=so_movement,
            units=[world.hosp_b],
            title="advanced_collective",
            day=DAY,
        )
    again = collectives_register(
        actor=world.unit_officer,
        movement=so_movement,
        units=[world.ward_a],
        title="excellent_collective",
        day=DAY,
    )
    assert again.created == [] and again.skipped == ["Khoa Nội"]


def test_a_person_withdraws_their_own_registration_and_the_log_keeps_it(world, org, so_movement):
    mine = registration_create(
        actor=world.staff, movement=so_movement, person=world.hoa, title="advanced_worker", day=DAY
    )
    other = registration_create(
        actor=world.unit_officer, movement=so_movement, person=org.dung, title="advanced_worker", day=DAY
    )
    with pytest.raises(ApplicationError):
        registration_withdraw(actor=world.staff, registration=other)
    registration_withdraw(actor=world.staff, registration=mine, reason="Đăng ký nhầm")
    assert list(Registration.objects.all()) == [other]
    entry = AuditEntry.objects.get(
        object_type="pledges.registration", object_id=str(mine.pk), action="delete"
    )
    assert entry.reason == "Đăng ký nhầm" and entry.changes["title"] == ["advanced_worker", None]
    registration_withdraw(actor=world.unit_officer, registration=other)  # the officer may
    assert not Registration.objects.exists()
