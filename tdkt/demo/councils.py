"""The demo's councils: the general hospital's and the Sở's Hội đồng Thi đua – Khen thưởng, each with its
members (demo accounts linked to demo people holding the matching posts) and a meeting scheduled a week
ahead whose agenda names people and a collective that the records make plausible nominees. Built with the
real services.

bvdk.giamdoc chairs the hospital council, bvdk.hoidong (head of Khoa Nội tổng hợp) sits on it and
bvdk.thuky is its secretary; a nominee of Khoa Nội tổng hợp makes the meeting page suggest that
bvdk.hoidong declare a conflict of interest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Exists, OuterRef

from tdkt.core.text import split_name
from tdkt.councils import services
from tdkt.councils.models import CouncilRole, SubjectKind
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Person, Position
from tdkt.records.models import Achievement, AnnualRating

REVIEW_YEAR = 2025
ROLE_LABELS_VI = {
    "chair": "Chủ tịch",
    "vice_chair": "Phó Chủ tịch",
    "member": "Ủy viên",
    "secretary": "Thư ký",
}
TERM_START = dt.date(2025, 1, 2)


@dataclass(frozen=True)
class Seat:
    username: str
    role: str
    title: str
    unit: str  # where the linked person works (code)
    department: str | None  # their department (code), None: the directorate
    position: str
    votes: bool = True


COUNCILS = {
    "BVDK": (
        "Hội đồng Thi đua – Khen thưởng Bệnh viện Đa khoa tỉnh Bình An",
        "Quyết định số 05/QĐ-BVĐK ngày 02/01/2025 của Giám đốc Bệnh viện Đa khoa tỉnh Bình An",
        (
            Seat("bvdk.giamdoc", CouncilRole.CHAIR, "Giám đốc Bệnh viện", "BVDK", None, Position.DIRECTOR),
            Seat(
                "bvdk.phogiamdoc",
                CouncilRole.VICE_CHAIR,
                "Phó Giám đốc",
                "BVDK",
                None,
                Position.DEPUTY_DIRECTOR,
            ),
            Seat(
                "bvdk.hoidong",
                CouncilRole.MEMBER,
                "Trưởng khoa Nội tổng hợp",
                "BVDK",
                "BVDK-NOI",
                Position.HEAD,
            ),
            Seat(
                "bvdk.uyvien1",
                CouncilRole.MEMBER,
                "Trưởng khoa Ngoại tổng hợp",
                "BVDK",
                "BVDK-NGOAI",
                Position.HEAD,
            ),
            Seat("bvdk.uyvien2", CouncilRole.MEMBER, "Trưởng khoa Nhi", "BVDK", "BVDK-NHI", Position.HEAD),
            Seat(
                "bvdk.uyvien3", CouncilRole.MEMBER, "Trưởng khoa Phụ sản", "BVDK", "BVDK-SAN", Position.HEAD
            ),
            Seat("bvdk.uyvien4", CouncilRole.MEMBER, "Trưởng khoa Dược", "BVDK", "BVDK-DUOC", Position.HEAD),
            Seat(
                "bvdk.thuky",
                CouncilRole.SECRETARY,
                "Trưởng phòng Tổ chức – Hành chính",
                "BVDK",
                "BVDK-TCHC",
                Position.HEAD,
            ),
        ),
    ),
    "SYT": (
        "Hội đồng Thi đua – Khen thưởng Sở Y tế tỉnh Bình An",
        "Quyết định số 12/QĐ-SYT ngày 02/01/2025 của Giám đốc Sở Y tế tỉnh Bình An",
        (
            Seat("syt.giamdoc", CouncilRole.CHAIR, "Giám đốc Sở Y tế", "SYT", None, Position.DIRECTOR),
            Seat(
                "syt.phogiamdoc",
                CouncilRole.VICE_CHAIR,
                "Phó Giám đốc Sở Y tế",
                "SYT",
                None,
                Position.DEPUTY_DIRECTOR,
            ),
            Seat("syt.uyvien1", CouncilRole.MEMBER, "Chánh Văn phòng Sở", "SYT", "SYT-VP", Position.HEAD),
            Seat(
                "syt.uyvien2", CouncilRole.MEMBER, "Trưởng phòng Nghiệp vụ Y", "SYT", "SYT-NVY", Position.HEAD
            ),
            Seat(
                "bvdk.giamdoc",
                CouncilRole.MEMBER,
                "Giám đốc Bệnh viện Đa khoa tỉnh",
                "BVDK",
                None,
                Position.DIRECTOR,
            ),
            Seat(
                "so.thidua",
                CouncilRole.SECRETARY,
                "Chuyên viên Phòng Tổ chức cán bộ",
                "SYT",
                "SYT-TCCB",
                Position.STAFF,
            ),
        ),
    ),
}


def meeting_day(today: dt.date) -> dt.date:
    """A working day about a week ahead, so the demo always opens on a meeting to come."""
    day = today + dt.timedelta(days=7)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _user_for(seat: Seat, units: dict[str, Unit], taken: set[int], password_hash: str):
    """The demo account of the seat: an existing demo login, or a new one linked to a person at that post."""
    User = get_user_model()
    user = User.objects.filter(username=seat.username).first()
    if user is not None:
        if user.person_id:
            taken.add(user.person_id)
        return user
    posts = Employment.objects.filter(unit=units[seat.unit], end__isnull=True).exclude(person_id__in=taken)
    department = units.get(seat.department) if seat.department else None
    person = None
    for qs in (
        posts.filter(department=department, position=seat.position),
        posts.filter(position=seat.position),
        posts,
    ):
        post = qs.select_related("person").order_by("person_id").first()
        if post is not None:
            person = post.person
            break
    if person is not None:
        taken.add(person.pk)
    family, middle, given = split_name(person.full_name if person else seat.title)
    return User.objects.create(
        username=seat.username,
        first_name=given,
        last_name=f"{family} {middle}".strip(),
        person=person,
        password=password_hash,
    )


def _nominees(unit: Unit, *, prefer: Unit | None, count: int) -> list[tuple[Person, Employment]]:
    """Up to `count` staff of `unit` rated excellent in the review year, those with an initiative of that year
    first (CSTĐCS material); with `prefer`, one of that department's best-rated staff leads the list."""
    rating = AnnualRating.objects.filter(person=OuterRef("pk"), year=REVIEW_YEAR)
    initiative = Achievement.objects.filter(authors=OuterRef("pk"), year=REVIEW_YEAR)
    posts = {
        e.person_id: e
        for e in Employment.objects.filter(
            unit=unit, end__isnull=True, position=Position.STAFF
        ).select_related("department", "unit")
    }
    ranked = Person.objects.filter(pk__in=list(posts)).order_by(Exists(initiative).desc(), "sort_key", "id")
    people = list(ranked.filter(Exists(rating.filter(rating="excellent")))[:count])
    if prefer is not None and not any(posts[p.pk].department_id == prefer.pk for p in people):
        ours = [pk for pk, post in posts.items() if post.department_id == prefer.pk]
        lead = (
            ranked.filter(pk__in=ours)
            .filter(Exists(rating.filter(rating__in=("excellent", "good"))))
            .order_by(Exists(rating.filter(rating="excellent")).desc(), Exists(initiative).desc(), "sort_key")
            .first()
        )
        if lead is not None:
            people = [lead, *people][:count]
    return [(p, posts[p.pk]) for p in people]


def build_councils(units: dict[str, Unit], *, today: dt.date, password: str) -> list:
    """Both councils, their members and a scheduled meeting each. Returns the councils."""
    password_hash = make_password(password)
    day = meeting_day(today)
    councils = []
    # a person has at most one account: skip those the demo logins already hold
    taken = set(get_user_model().objects.exclude(person=None).values_list("person_id", flat=True))
    for code, (name, basis, seats) in COUNCILS.items():
        unit = units[code]
        council = services.council_create(
            actor=None, unit=unit, name=name, term_start=TERM_START, basis=basis
        )
        for seat in seats:
            user = _user_for(seat, units, taken, password_hash)
            services.council_member_add(
                actor=None, council=council, user=user, role=seat.role, title=seat.title, votes=seat.votes
            )
        secretary = council.members.get(role=CouncilRole.SECRETARY).user
        meeting = services.meeting_create(
            actor=secretary,
            council=council,
            title=f"Phiên họp xét thi đua, khen thưởng năm {REVIEW_YEAR}",
            date=day,
            start_time=dt.time(8, 0) if code == "BVDK" else dt.time(14, 0),
            place="Hội trường tầng 3, Khu hành chính" if code == "BVDK" else "Phòng họp số 1, Sở Y tế",
        )
        if code == "BVDK":
            people = _nominees(unit, prefer=units["BVDK-NOI"], count=4)
            candidate, collective = "grassroots_emulation_fighter", units["BVDK-NOI"]
            collective_candidate, collective_unit = "excellent_collective", unit.name
        else:
            people = _nominees(units["BVDK"], prefer=None, count=2)
            candidate, collective = "provincial_merit_certificate", units["BVDK"]
            collective_candidate, collective_unit = "provincial_emulation_flag", unit.name
        items = [
            services.AgendaItemSpec(
                candidate=candidate,
                subject_label=person.full_name,
                subject_unit_label=post.department.name if post.department_id else post.unit.name,
                target=person,
                subject_person=person,
            )
            for person, post in people
        ]
        items.append(
            services.AgendaItemSpec(
                candidate=collective_candidate,
                subject_kind=SubjectKind.COLLECTIVE,
                subject_label=collective.name,
                subject_unit_label=collective_unit if code == "BVDK" else units["SYT"].name,
                target=collective,
                subject_unit=collective,
            )
        )
        services.meeting_add_items(meeting=meeting, items=items, actor=secretary)
        councils.append(council)
    return councils


def council_logins() -> list[tuple[str, str, list[str]]]:
    """(council, meeting date, usernames with their role) of the demo councils present in the database."""
    from tdkt.councils.models import Council

    rows = []
    for council in Council.objects.filter(name__in=[c[0] for c in COUNCILS.values()]).order_by(
        "-unit__depth"
    ):
        members = council.members.filter(left_on__isnull=True).select_related("user").order_by("position")
        meeting = council.meetings.order_by("date").first()
        rows.append(
            (
                council.name,
                f"{meeting.date:%d/%m/%Y}" if meeting else "",
                [f"{m.user.username} ({ROLE_LABELS_VI[m.role]})" for m in members],
            )
        )
    return rows
