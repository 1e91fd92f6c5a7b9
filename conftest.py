"""Shared test world: a small province, the six personas, and helpers every area's tests use."""

import datetime as dt
import io
from types import SimpleNamespace

import pytest

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_person(
    *,
    unit,
    full_name,
    serial,
    department=None,
    gender="female",
    birth_year=1985,
    profession="nurse",
    is_manager=False,
    start=dt.date(2019, 1, 1),
    position="staff",
    actor=None,
):
    from tdkt.people.cccd import make_cccd
    from tdkt.people.services import person_create

    return person_create(
        actor=actor,
        unit=unit,
        department=department,
        start=start,
        position=position,
        cccd=make_cccd(province="079", gender=gender, birth_year=birth_year, serial=serial),
        full_name=full_name,
        gender=gender,
        birth_date=dt.date(birth_year, 3, 15),
        profession=profession,
        is_manager=is_manager,
        health_sector_since=dt.date(2010, 9, 1),
    )


@pytest.fixture
def world(db, django_user_model):
    """Sở Y tế → two hospitals (A with a ward, B) and a health centre with a commune station.

    Personas: so_officer (whole Sở), unit_officer / unit_head / council_member / staff (hospital A),
    outsider (officer of hospital B). Each has password "Mat-khau-2026!".
    """
    from tdkt.accounts.models import Role
    from tdkt.accounts.services import role_grant
    from tdkt.org.services import unit_create

    so = unit_create(actor=None, code="SYT", name="Sở Y tế Thử nghiệm", kind="department_of_health")
    hosp_a = unit_create(actor=None, code="BVA", name="Bệnh viện Đa khoa A", kind="hospital", parent=so)
    ward_a = unit_create(actor=None, code="BVA-NOI", name="Khoa Nội", kind="ward", parent=hosp_a)
    hosp_b = unit_create(actor=None, code="BVB", name="Bệnh viện Phụ sản B", kind="hospital", parent=so)
    centre = unit_create(
        actor=None, code="TTYT", name="Trung tâm Y tế Khu vực C", kind="health_centre", parent=so
    )
    station = unit_create(
        actor=None, code="TYT-C1", name="Trạm Y tế xã C1", kind="commune_station", parent=centre
    )

    hoa = make_person(unit=hosp_a, department=ward_a, full_name="Nguyễn Thị Hoa", serial=1)
    an = make_person(
        unit=hosp_a,
        full_name="Trần Văn An",
        serial=2,
        gender="male",
        profession="doctor",
        is_manager=True,
        position="head",
    )
    binh = make_person(unit=hosp_b, full_name="Lê Thị Bình", serial=3)
    cuong = make_person(unit=centre, department=station, full_name="Phạm Văn Cường", serial=4, gender="male")

    password = "Mat-khau-2026!"

    def user(username, role, unit, person=None):
        u = django_user_model.objects.create_user(
            username=username, password=password, first_name=username, person=person
        )
        if role:
            role_grant(actor=None, user=u, role=role, unit=unit)
        return u

    return SimpleNamespace(
        so=so,
        hosp_a=hosp_a,
        ward_a=ward_a,
        hosp_b=hosp_b,
        centre=centre,
        station=station,
        hoa=hoa,
        an=an,
        binh=binh,
        cuong=cuong,
        password=password,
        so_officer=user("so_officer", Role.SO_OFFICER, so),
        unit_officer=user("unit_officer", Role.UNIT_OFFICER, hosp_a),
        unit_head=user("unit_head", Role.UNIT_HEAD, hosp_a),
        council_member=user("council_member", Role.COUNCIL_MEMBER, hosp_a),
        staff=user("staff", Role.STAFF, hosp_a, person=hoa),
        outsider=user("outsider", Role.UNIT_OFFICER, hosp_b),
    )


PERSONAS = ["so_officer", "unit_officer", "unit_head", "council_member", "staff", "outsider"]


@pytest.fixture
def login(client, world):
    """login("unit_officer") → a client logged in as that persona."""

    def _login(persona: str):
        client.force_login(getattr(world, persona))
        return client

    return _login


def xlsx_file(rows: list[list], *, name: str = "data.xlsx") -> io.BytesIO:
    """An in-memory .xlsx whose first sheet holds `rows` (the first row being the headers)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer
