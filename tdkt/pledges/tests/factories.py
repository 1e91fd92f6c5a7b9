"""Builders for tests of this area and of the scope matrix: movements launched through the movements
services, and a department whose staff pledge to its head."""

import datetime as dt
from types import SimpleNamespace

from tdkt.movements.inputs import PlanContent, PlanInput, TargetInput
from tdkt.movements.services import movement_create, movement_publish
from tdkt.movements.validation import plan_warnings
from tdkt.org.services import unit_create
from tdkt.people.services import employment_start

DAY = dt.date(2025, 3, 10)  # the day registrations and rounds are prepared in these tests


def launch(
    *, unit, name="Phong trào thi đua năm 2025", parent=None, publish=True, targets=(), symbol="KH-SYT"
):
    """A movement of `unit` for 2025 through the movements services (warnings acknowledged)."""
    content = PlanContent(
        plan=PlanInput(
            kind="regular",
            name=name,
            start=dt.date(2025, 1, 1),
            end=dt.date(2025, 12, 31),
            symbol=symbol,
            issued_on=dt.date(2025, 1, 2),
            place="Thử nghiệm",
            issuer_name=unit.name.upper(),
            signer_title="GIÁM ĐỐC",
            signer_name="Nguyễn Văn Giám",
        ),
        targets=list(targets),
    )
    keys = [w.key for w in plan_warnings(content, parent=parent)]
    movement = movement_create(actor=None, unit=unit, content=content, parent=parent, acknowledged=keys)
    return movement_publish(actor=None, movement=movement) if publish else movement


def computed_target(code: str) -> TargetInput:
    return TargetInput(
        indicator="Tỷ lệ viên chức ký cam kết thi đua",
        unit_of_measure="%",
        comparator="gte",
        threshold=100,
        frequency="quarterly",
        kind="computed",
        computation=code,
    )


def hospital_org(world, user_model):
    """Hospital A: director Đặng Văn Giám; Khoa Nội (head Võ Thị Hương, staff Nguyễn Thị Hoa and Bùi Văn
    Dũng); Khoa Ngoại (staff only: no head yet); Phòng Tổ chức (head Mai Văn Tổ, staff Lý Thị Công,
    the union chair). Accounts director, ward_head, chair and dung, each linked to their person."""
    from conftest import make_person
    from tdkt.accounts.models import Role
    from tdkt.accounts.services import role_grant

    hosp_a = world.hosp_a
    ward_b = unit_create(actor=None, code="BVA-NGOAI", name="Khoa Ngoại", kind="ward", parent=hosp_a)
    office = unit_create(actor=None, code="BVA-TC", name="Phòng Tổ chức", kind="office", parent=hosp_a)

    def person(full_name, serial, **kwargs):
        return make_person(unit=hosp_a, full_name=full_name, serial=serial, **kwargs)

    director = person("Đặng Văn Giám", 11, gender="male", position="director", is_manager=True)
    head = person("Võ Thị Hương", 12, department=world.ward_a, position="head", is_manager=True)
    dung = person("Bùi Văn Dũng", 13, department=world.ward_a, gender="male")
    surgeon = person("Hà Văn Mổ", 14, department=ward_b, gender="male")
    office_head = person("Mai Văn Tổ", 15, department=office, gender="male", position="head")
    chair = person("Lý Thị Công", 16, department=office)

    def account(username, person, role, unit):
        user = user_model.objects.create_user(
            username=username, password=world.password, first_name=person.full_name, person=person
        )
        role_grant(actor=None, user=user, role=role, unit=unit)
        return user

    return SimpleNamespace(
        ward_b=ward_b,
        office=office,
        director=director,
        head=head,
        dung=dung,
        surgeon=surgeon,
        office_head=office_head,
        chair=chair,
        director_user=account("director", director, Role.UNIT_HEAD, hosp_a),
        head_user=account("ward_head", head, Role.STAFF, hosp_a),
        chair_user=account("chair", chair, Role.STAFF, hosp_a),
        dung_user=account("dung", dung, Role.STAFF, hosp_a),
    )


def pledging_unit(*, institution, person, serial: int):
    """`person` moves (on DAY) into a new department of `institution` headed by a new person; a
    published movement of the institution, `person` registered under it, and an open round in which
    `person` pledges to the head. Returns (movement, registration, round, pledge)."""
    from conftest import make_person
    from tdkt.pledges.models import Pledge
    from tdkt.pledges.services import TextInput, round_create, round_open
    from tdkt.pledges.services_registrations import registration_create

    department = unit_create(
        actor=None,
        code=f"{institution.code}-K{serial}",
        name="Khoa Khám bệnh",
        kind="ward",
        parent=institution,
    )
    make_person(
        unit=institution, department=department, full_name="Trưởng Khoa Khám", serial=serial, position="head"
    )
    employment_start(actor=None, person=person, unit=institution, department=department, start=DAY)
    movement = launch(unit=institution, name=f"Phong trào nội bộ {institution.code}", symbol="KH-X")
    registration = registration_create(
        actor=None, movement=movement, person=person, title="advanced_worker", day=DAY
    )
    pledge_round, _result = round_create(
        actor=None,
        movement=movement,
        name=f"Ký cam kết nội bộ {institution.code}",
        unit=institution,
        texts=[TextInput("staff", "BẢN CAM KẾT", "Tôi cam kết.")],
        day=DAY,
    )
    pledge_round = round_open(actor=None, pledge_round=pledge_round)
    return movement, registration, pledge_round, Pledge.objects.get(round=pledge_round, pledger=person)
