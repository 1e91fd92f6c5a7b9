"""A hospital council of seven voting members (chair, vice-chair, four members, the secretary) and a meeting
with two items, built with the real services."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tdkt.councils import services
from tdkt.councils.models import AttendanceStatus, CouncilRole, SubjectKind
from tdkt.councils.services import AgendaItemSpec

MEETING_DAY = dt.date(2025, 12, 20)


@pytest.fixture
def council_world(world, django_user_model):
    def user(username, person=None):
        return django_user_model.objects.create_user(
            username=username, password=world.password, first_name=username.capitalize(), person=person
        )

    secretary_user = user("thuky")
    extra = [user(f"uyvien{i}") for i in range(1, 5)]
    council = services.council_create(
        actor=world.unit_officer,
        unit=world.hosp_a,
        name="Hội đồng Thi đua - Khen thưởng Bệnh viện Đa khoa A",
        term_start=dt.date(2025, 1, 1),
        term_end=dt.date(2029, 12, 31),
        basis="Quyết định số 12/QĐ-BVA ngày 02/01/2025",
    )
    add = services.council_member_add
    chair = add(actor=world.unit_officer, council=council, user=world.unit_head, role=CouncilRole.CHAIR)
    vice = add(actor=world.unit_officer, council=council, user=extra[0], role=CouncilRole.VICE_CHAIR)
    members = [
        add(actor=world.unit_officer, council=council, user=u, role=CouncilRole.MEMBER)
        for u in (world.council_member, *extra[1:])
    ]
    secretary = add(
        actor=world.unit_officer, council=council, user=secretary_user, role=CouncilRole.SECRETARY
    )
    meeting = services.meeting_create(
        actor=secretary_user,
        council=council,
        title="Họp xét khen thưởng năm 2025",
        date=MEETING_DAY,
        place="Hội trường A",
    )
    hoa_item, ward_item = services.meeting_add_items(
        meeting=meeting,
        actor=secretary_user,
        items=[
            AgendaItemSpec(
                candidate="grassroots_emulation_fighter",
                subject_label=world.hoa.full_name,
                subject_unit_label="Khoa Nội",
                target=world.hoa,
                subject_person=world.hoa,
            ),
            AgendaItemSpec(
                candidate="advanced_collective",
                subject_label="Khoa Nội",
                subject_kind=SubjectKind.COLLECTIVE,
                subject_unit_label=world.hosp_a.name,
                target=world.ward_a,
                subject_unit=world.ward_a,
            ),
        ],
    )
    everyone = [chair, vice, *members, secretary]
    return SimpleNamespace(
        council=council,
        meeting=meeting,
        chair=chair,
        vice=vice,
        members=members,
        secretary=secretary,
        secretary_user=secretary_user,
        everyone=everyone,
        hoa_item=hoa_item,
        ward_item=ward_item,
    )


@pytest.fixture
def attend(council_world):
    """attend(member, …, status=present): record attendance as the secretary."""

    def _attend(*members, status=AttendanceStatus.PRESENT):
        for m in members:
            services.attendance_set(
                actor=council_world.secretary_user, meeting=council_world.meeting, member=m, status=status
            )

    return _attend
