import collections
import datetime as dt
import io
import re
import unicodedata

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tdkt.accounts.models import AuditEntry, RoleAssignment, User
from tdkt.demo.generator import (
    AUDIT_REASON,
    DEMO_PASSWORD,
    DEMO_URL,
    MERGER_DAY,
    RECORDS_START,
    demo_places,
    people_specs,
)
from tdkt.org.models import Bloc, SuccessionKind, Unit, UnitSuccession
from tdkt.people.cccd import cccd_problem
from tdkt.people.models import Employment, Person

pytestmark = pytest.mark.django_db

LAST_DAY = dt.date(2025, 6, 30)
DEPARTMENT_KINDS = ("ward", "office")


@pytest.fixture
def demo(settings):
    """The demo province with 400 people; returns what the command printed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
    out = io.StringIO()
    call_command("demo", people=400, stdout=out)
    return out.getvalue()


def _posts(person_id):
    return list(
        Employment.objects.filter(person_id=person_id).select_related("unit", "department").order_by("start")
    )


def test_the_demo_has_one_department_of_health_with_about_forty_units_under_it(demo):
    so = Unit.objects.get(code="SYT")
    assert so.kind == "department_of_health" and so.parent is None
    current = Unit.objects.filter(path__startswith=so.path, valid_to__isnull=True).exclude(pk=so.pk)
    assert 35 <= current.exclude(kind__in=DEPARTMENT_KINDS).count() <= 45
    assert Unit.objects.get(code="BVDK").name == "Bệnh viện Đa khoa tỉnh Bình An"
    assert Unit.objects.get(code="BVDK-NOI").kind == "ward"
    assert Unit.objects.get(code="BVDK-TCHC").kind == "office"
    assert Unit.objects.get(code="TYT-KV1-01").parent.code == "TTYT-KV1"
    assert Unit.objects.filter(code__startswith="SYT-", kind="office").count() >= 5
    assert Unit.objects.filter(is_remote_area=True).exists()


def test_every_demo_unit_signs_its_documents_with_a_realistic_abbreviation(demo):
    abbreviations = dict(Unit.objects.values_list("code", "document_abbreviation"))
    assert abbreviations["SYT"] == "SYT"
    assert abbreviations["BVDK"] == "BVĐK"
    assert abbreviations["CDC"] == "KSBT"
    assert abbreviations["TTYT-KV1"] == abbreviations["TTYT-KV7"] == "TTYT"
    assert abbreviations["BVDK-TCHC"] == "TCHC"
    assert abbreviations["TYT-KV1-01"] == abbreviations["TYT-KV3-06"] == "TYT"
    assert all(abbreviations.values())


def test_two_regional_centres_merge_into_a_new_one_on_1_july_2025(demo):
    new = Unit.objects.get(code="TTYT-KV7")
    links = UnitSuccession.objects.filter(successor=new)
    assert sorted(link.predecessor.code for link in links) == ["TTYT-KV5", "TTYT-KV6"]
    assert {link.effective_on for link in links} == {MERGER_DAY}
    assert {link.kind for link in links} == {SuccessionKind.MERGER}
    assert all("QĐ-UBND" in link.basis for link in links)
    assert set(Unit.objects.filter(code__in=["TTYT-KV5", "TTYT-KV6"]).values_list("valid_to", flat=True)) == {
        LAST_DAY
    }
    assert new.valid_from == MERGER_DAY
    # their departments and stations go on under the new centre
    assert Unit.objects.filter(parent=new, kind="commune_station").count() == 6
    stations = Unit.objects.filter(successions_out__successor__code="TYT-KV3-06")
    assert sorted(stations.values_list("code", flat=True)) == ["TYT-KV3-04", "TYT-KV3-05"]


def test_a_person_of_a_merged_centre_has_the_old_post_to_30_june_and_the_successor_from_1_july(demo):
    old = Employment.objects.filter(
        unit__code="TTYT-KV5", end=LAST_DAY, department__code="TTYT-KV5-NOI"
    ).first()
    assert old is not None
    after = [p for p in _posts(old.person_id) if p.start == MERGER_DAY]
    assert len(after) == 1
    assert after[0].unit.code == "TTYT-KV7"
    assert after[0].department.code == "TTYT-KV7-NOI"
    assert UnitSuccession.objects.filter(predecessor=old.department, successor=after[0].department).exists()
    # nobody holds a post at a closed unit after it closed
    assert not Employment.objects.filter(unit__code__in=["TTYT-KV5", "TTYT-KV6"], end__isnull=True).exists()
    assert not Employment.objects.filter(unit__code__in=["TTYT-KV5", "TTYT-KV6"], end__gt=LAST_DAY).exists()


def test_staff_of_merged_commune_stations_continue_at_the_new_station(demo):
    old = Employment.objects.filter(department__code="TYT-KV3-05", end=LAST_DAY).first()
    assert old is not None and old.unit.code == "TTYT-KV3"
    after = [p for p in _posts(old.person_id) if p.start == MERGER_DAY]
    assert [(p.unit.code, p.department.code) for p in after] == [("TTYT-KV3", "TYT-KV3-06")]


def test_every_cccd_is_valid_and_unique(demo):
    people = list(Person.objects.values_list("cccd", "birth_date", "gender"))
    assert len(people) == 400
    assert len({c for c, _, _ in people}) == 400
    assert all(cccd_problem(c, birth_date=b, gender=g) is None for c, b, g in people)
    assert len({c[:3] for c, _, _ in people}) > 5  # varied province codes


def test_people_have_sensible_records(demo):
    assert not Employment.objects.filter(start__lt=RECORDS_START).exists()
    for person in Person.objects.all():
        assert dt.date(1966, 1, 1) <= person.birth_date <= dt.date(2001, 12, 31)
        assert person.health_sector_since > person.birth_date.replace(year=person.birth_date.year + 20, day=1)
        assert unicodedata.is_normalized("NFC", person.full_name)
        assert person.sort_key and person.search_text and person.given_name == person.full_name.split()[-1]
    assert set(
        Person.objects.filter(employments__unit__code="SYT").values_list("employment_status", flat=True)
    ) == {"civil_servant"}
    assert Person.objects.filter(employments__position="director", employments__unit__code="BVDK").exists()
    # every person and post was audited in bulk, by nobody, with the reason
    entries = AuditEntry.objects.filter(reason=AUDIT_REASON)
    assert entries.filter(object_type="people.person").count() == 400
    assert entries.filter(object_type="people.employment").count() == Employment.objects.count()
    assert not entries.exclude(actor=None).exists()


def test_the_people_are_a_pure_function_of_the_seed(demo):
    places = demo_places()
    first = list(people_specs(2026, 400, places))
    assert first == list(people_specs(2026, 400, places))
    assert sorted(s.cccd for s in first) == sorted(Person.objects.values_list("cccd", flat=True))
    assert [s.full_name for s in first] == list(
        Person.objects.order_by("id").values_list("full_name", flat=True)
    )
    other = list(people_specs(7, 400, places))
    assert [s.cccd for s in other] != [s.cccd for s in first]


def test_a_large_demo_is_spread_like_a_real_province(demo):
    specs = list(people_specs(2026, 20_000, demo_places()))
    n = len(specs)
    assert n == 20_000
    assert len({s.cccd for s in specs}) == n

    def share(pred):
        return sum(1 for s in specs if pred(s)) / n

    assert 0.60 < share(lambda s: s.gender == "female") < 0.70
    assert 0.32 < share(lambda s: s.profession == "nurse") < 0.38
    assert 0.18 < share(lambda s: s.profession == "doctor") < 0.26
    assert 0.09 < share(lambda s: s.profession == "administrative") < 0.15
    assert 0.06 < share(lambda s: s.is_manager) < 0.10
    assert 0.015 < share(lambda s: s.posts[-1].end is not None) < 0.03  # left
    assert 0.04 < share(lambda s: len({p.unit for p in s.posts} - {"TTYT-KV7"}) > 1) < 0.07  # moved
    assert 0.35 < share(lambda s: s.full_name.startswith("Nguyễn ")) < 0.41

    current = collections.Counter(s.posts[-1].unit for s in specs if s.posts[-1].end is None)
    assert current.most_common(1)[0][0] == "BVDK"
    station_code = re.compile(r"(^|-)TYT-KV\d-\d\d$")
    stations = collections.Counter(
        s.posts[-1].department
        for s in specs
        if s.posts[-1].end is None and station_code.search(s.posts[-1].department or "")
    )
    merged_station = stations.pop("TYT-KV3-06")
    assert 10 <= merged_station <= 24
    assert len(stations) == 22
    assert all(3 <= size <= 12 for size in stations.values())  # 5–12, less whoever left
    for s in specs:
        assert s.posts[0].start >= RECORDS_START
        assert all(a.end is not None and a.end < b.start for a, b in zip(s.posts, s.posts[1:], strict=False))


def test_blocs_for_2025_and_2026_each_have_one_leader(demo):
    blocs = list(Bloc.objects.prefetch_related("memberships"))
    assert sorted({b.year for b in blocs}) == [2025, 2026]
    assert len(blocs) == 6
    for bloc in blocs:
        assert sum(m.is_leader for m in bloc.memberships.all()) == 1
    centres = Bloc.objects.get(year=2025, name="Khối các Trung tâm Y tế khu vực")
    assert "TTYT-KV7" in set(centres.members.values_list("code", flat=True))


def test_the_printed_logins_can_log_in_and_the_unit_officer_sees_the_people_list(demo, client):
    assert "Tài khoản demo" in demo and DEMO_PASSWORD in demo and DEMO_URL in demo
    usernames = re.findall(rf"^([a-z]+\.[a-z]+)\s+.*{re.escape(DEMO_PASSWORD)}$", demo, flags=re.MULTILINE)
    assert {"so.thidua", "bvdk.thidua", "bvdk.giamdoc", "bvdk.hoidong", "bvdk.thuky", "bvdk.nhanvien"} <= set(
        usernames
    )
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == {
        "so_officer",
        "unit_officer",
        "unit_head",
        "council_member",
        "council_secretary",
        "staff",
    }
    for username in usernames:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()

    staff = User.objects.get(username="bvdk.nhanvien")
    assert staff.person is not None
    assert Employment.objects.filter(person=staff.person, unit__code="BVDK", end__isnull=True).exists()
    assert f"{staff.last_name} {staff.first_name}" == staff.person.full_name

    client.login(username="bvdk.thidua", password=DEMO_PASSWORD)
    response = client.get(reverse("people:list"))
    assert response.status_code == 200
    assert "Bệnh viện Đa khoa tỉnh Bình An" in response.content.decode()


def test_if_empty_on_a_filled_database_creates_nothing_and_prints_the_logins(demo):
    counts = [m.objects.count() for m in (Unit, Person, Employment, User, AuditEntry)]
    out = io.StringIO()
    call_command("demo", people=400, if_empty=True, stdout=out)
    assert [m.objects.count() for m in (Unit, Person, Employment, User, AuditEntry)] == counts
    assert "bvdk.thidua" in out.getvalue() and DEMO_PASSWORD in out.getvalue()


def test_without_if_empty_a_filled_database_is_refused(demo):
    with pytest.raises(CommandError, match="đã có"):
        call_command("demo", people=400, stdout=io.StringIO())


def test_the_hospital_and_the_so_each_have_a_council_with_a_meeting_to_come(demo, client):
    from tdkt.councils.models import Council, MeetingStatus

    hospital = Council.objects.get(unit__code="BVDK")
    roles = {m.user.username: m.role for m in hospital.members.select_related("user")}
    assert roles["bvdk.giamdoc"] == "chair" and roles["bvdk.hoidong"] == "member"
    assert roles["bvdk.thuky"] == "secretary" and len(roles) == 8
    assert Council.objects.get(unit__code="SYT").members.get(role="secretary").user.username == "so.thidua"
    meeting = hospital.meetings.get()
    assert meeting.status == MeetingStatus.SCHEDULED and meeting.date > dt.date.today()
    items = list(meeting.items.order_by("position"))
    people, collective = items[:-1], items[-1]
    assert 1 <= len(people) <= 4 and {i.candidate for i in people} == {"grassroots_emulation_fighter"}
    assert (
        all(i.subject_person is not None for i in people) and collective.candidate == "excellent_collective"
    )
    assert people[0].subject_unit_label == "Khoa Nội tổng hợp"
    assert meeting.attendance.count() == 8
    assert "Hội đồng Thi đua – Khen thưởng Bệnh viện Đa khoa tỉnh Bình An — phiên họp ngày" in demo
    assert "bvdk.thuky (Thư ký)" in demo and "bvdk.uyvien1 (Ủy viên)" in demo

    assert client.login(username="bvdk.uyvien1", password=DEMO_PASSWORD)
    client.logout()
    client.login(username="bvdk.thuky", password=DEMO_PASSWORD)
    page = client.get(reverse("councils:meeting", args=[meeting.pk])).content.decode()
    assert "Mở phiếu" in page and items[0].subject_label in page
    # the first nominee works in Khoa Nội tổng hợp, which bvdk.hoidong heads
    assert "là thủ trưởng đơn vị của người được đề nghị" in page
