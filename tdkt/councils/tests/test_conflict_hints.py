"""Who the meeting page suggests should declare a conflict: the nominee, the head of their department, the
directorate of their unit (not of the council's own unit, whose director chairs it), a collective's
leaders."""

import datetime as dt

import pytest

from conftest import make_person
from tdkt.councils import services
from tdkt.councils.selectors import meeting_page

pytestmark = pytest.mark.django_db


def hints(meeting, user):
    return {
        (view.item.subject_label, member.user.username, reason)
        for view in meeting_page(meeting, user).items
        for member, reason, _ in view.suggestions
    }


@pytest.fixture
def director(world, django_user_model):
    person = make_person(unit=world.hosp_a, full_name="Võ Minh Giám", serial=21, position="director")
    return django_user_model.objects.create_user(username="giamdoc_a", password="x", person=person)


def test_the_directorate_of_the_councils_own_unit_is_not_suggested(council_world, director):
    cw = council_world
    services.council_member_add(actor=None, council=cw.council, user=director, role="member")
    assert hints(cw.meeting, cw.secretary_user) == set()


def test_at_the_so_council_a_hospital_director_is_suggested_for_their_staff_and_their_hospital(
    world, director
):
    secretary = type(director).objects.create_user(username="thuky_so", password="x")
    council = services.council_create(
        actor=None, unit=world.so, name="Hội đồng TĐKT Sở", term_start=dt.date(2025, 1, 1)
    )
    services.council_member_add(actor=None, council=council, user=director, role="member")
    services.council_member_add(actor=None, council=council, user=world.staff, role="member")  # Hoa herself
    services.council_member_add(actor=None, council=council, user=secretary, role="secretary")
    meeting = services.meeting_create(
        actor=secretary, council=council, title="Họp xét", date=dt.date(2025, 12, 22), place="Sở Y tế"
    )
    services.meeting_add_items(
        meeting=meeting,
        actor=secretary,
        items=[
            services.AgendaItemSpec(
                candidate="provincial_merit_certificate",
                subject_label=world.hoa.full_name,
                target=world.hoa,
                subject_person=world.hoa,
            ),
            services.AgendaItemSpec(
                candidate="provincial_emulation_flag",
                subject_kind="collective",
                subject_label=world.hosp_a.name,
                target=world.hosp_a,
                subject_unit=world.hosp_a,
            ),
            services.AgendaItemSpec(
                candidate="provincial_emulation_flag",
                subject_kind="collective",
                subject_label=world.hosp_b.name,
                target=world.hosp_b,
                subject_unit=world.hosp_b,
            ),
        ],
    )
    assert hints(meeting, secretary) == {
        ("Nguyễn Thị Hoa", "giamdoc_a", "nominee_head"),
        ("Nguyễn Thị Hoa", "staff", "nominee"),
        ("Bệnh viện Đa khoa A", "giamdoc_a", "nominee_head"),
    }
