"""Every URL × every persona × an object outside the persona's scope: nothing of it leaks.

A new URL must be added to URL_CASES, or test_every_url_is_in_the_matrix fails.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS, make_person
from tdkt.core.jobs import job_create
from tdkt.core.text import fold
from tdkt.org.services import unit_create

pytestmark = pytest.mark.django_db

# url name -> how to build (args, query) for a foreign unit / person / job
URL_CASES = {
    "home": lambda f: ([], {}),
    "people:list": lambda f: ([], {"unit": f.unit.pk, "q": fold(f.person.full_name)}),
    "people:export": lambda f: ([], {"unit": f.unit.pk}),
    "people:me": lambda f: ([], {}),
    "people:detail": lambda f: ([f.person.pk], {}),
    "people:create": lambda f: ([], {}),
    "people:edit": lambda f: ([f.person.pk], {}),
    "people:move": lambda f: ([f.person.pk], {}),
    "people:import": lambda f: ([], {}),
    "people:import_template": lambda f: ([], {}),
    "org:tree": lambda f: ([], {"past": "1"}),
    "org:detail": lambda f: ([f.unit.pk], {}),
    "org:export": lambda f: ([], {"past": "1"}),
    "org:create": lambda f: ([], {"parent": f.unit.pk}),
    "org:reorganise": lambda f: ([], {}),
    "job_detail": lambda f: ([f.job.pk], {}),
    "records:import": lambda f: ([], {}),
    "records:import_template": lambda f: (["ratings"], {}),
    "eligibility:list": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "eligibility:export": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "eligibility:recompute": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "councils:list": lambda f: ([], {}),
    "councils:create": lambda f: ([], {"unit": f.unit.pk}),
    "councils:vote": lambda f: ([], {}),
    "councils:detail": lambda f: ([f.council.pk], {}),
    "councils:edit": lambda f: ([f.council.pk], {}),
    "councils:meeting_create": lambda f: ([f.council.pk], {}),
    "councils:member_leave": lambda f: ([f.member.pk], {}),
    "councils:meeting": lambda f: ([f.meeting.pk], {}),
    "councils:meeting_edit": lambda f: ([f.meeting.pk], {}),
    "councils:items_add": lambda f: ([f.meeting.pk], {}),
    "councils:attendance": lambda f: ([f.meeting.pk], {}),
    "councils:meeting_close": lambda f: ([f.meeting.pk], {}),
    "councils:item_remove": lambda f: ([f.item.pk], {}),
    "councils:conflict_declare": lambda f: ([f.item.pk], {}),
    "councils:conflict_withdraw": lambda f: ([f.conflict.pk], {}),
    "councils:ballot_open": lambda f: ([f.item.ballot.pk], {}),
    "councils:ballot_close": lambda f: ([f.item.ballot.pk], {}),
    "councils:ballot_written": lambda f: ([f.item.ballot.pk], {}),
    "councils:ballot_cast": lambda f: ([f.item.ballot.pk], {}),
}
# object pages: out-of-scope must answer 404
OBJECT_URLS = {
    "people:detail",
    "people:edit",
    "people:move",
    "org:detail",
    "job_detail",
    "eligibility:list",
    "eligibility:export",
    "eligibility:recompute",
    "councils:detail",
    "councils:edit",
    "councils:meeting_create",
    "councils:member_leave",
    "councils:meeting",
    "councils:meeting_edit",
    "councils:items_add",
    "councils:attendance",
    "councils:meeting_close",
    "councils:item_remove",
    "councils:conflict_declare",
    "councils:conflict_withdraw",
    "councils:ballot_open",
    "councils:ballot_close",
    "councils:ballot_written",
    "councils:ballot_cast",
}
PUBLIC_OR_FRAMEWORK = {"accounts:login", "accounts:logout", "set_language"}


class Foreign:
    """Outside a persona's scope: another province for the Sở officer, the other hospital otherwise."""

    def __init__(self, unit, person, job):
        self.unit, self.person, self.job = unit, person, job

    def with_council(self, user):
        """A council of the foreign unit whose agenda names the foreign person; a member, a conflict."""
        from tdkt.councils import services as councils

        self.council = councils.council_create(
            actor=None, unit=self.unit, name=f"Hội đồng TĐKT {self.unit.name}", term_start=dt.date(2025, 1, 1)
        )
        self.member = councils.council_member_add(
            actor=None, council=self.council, user=user, role="secretary"
        )
        self.meeting = councils.meeting_create(
            actor=None,
            council=self.council,
            title="Họp xét khen thưởng",
            date=dt.date(2025, 12, 20),
            place="P1",
        )
        (self.item,) = councils.meeting_add_items(
            meeting=self.meeting,
            actor=None,
            items=[
                councils.AgendaItemSpec(
                    candidate="grassroots_emulation_fighter",
                    subject_label=self.person.full_name,
                    target=self.person,
                    subject_person=self.person,
                )
            ],
        )
        self.conflict = councils.conflict_declare(
            actor=user, item=self.item, member=self.member, reason="relative", detail=self.person.full_name
        )
        return self


@pytest.fixture
def foreign(world, django_user_model):
    other_so = unit_create(actor=None, code="SYT2", name="Sở Y tế Tỉnh Khác", kind="department_of_health")
    other_hosp = unit_create(
        actor=None, code="BV2", name="Bệnh viện Tỉnh Khác", kind="hospital", parent=other_so
    )
    stranger = make_person(unit=other_hosp, full_name="Đoàn Thị Xuyến", serial=99, start=dt.date(2020, 1, 1))
    other_user = django_user_model.objects.create_user(username="someone_else", password="x")
    job = job_create(actor=other_user, kind="people_import", title="Nhập của người khác")
    secretaries = [
        django_user_model.objects.create_user(username=f"thu_ky_{i}", password="x") for i in range(3)
    ]
    far = Foreign(other_so, stranger, job).with_council(secretaries[0])
    hosp_a = Foreign(world.hosp_a, world.hoa, job).with_council(secretaries[1])
    hosp_b = Foreign(world.hosp_b, world.binh, job).with_council(secretaries[2])
    return {
        "so_officer": far,
        "outsider": hosp_a,
        **{p: hosp_b for p in ("unit_officer", "unit_head", "council_member", "staff")},
    }


def _named_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _named_urls(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def test_every_url_is_in_the_matrix():
    names = {n for n in _named_urls() if not n.startswith(("djdt", "admin"))}
    assert names - PUBLIC_OR_FRAMEWORK - set(URL_CASES) == set()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(URL_CASES))
def test_no_foreign_data_leaks(client, world, foreign, persona, url_name):
    target = foreign[persona]
    args, query = URL_CASES[url_name](target)
    client.force_login(getattr(world, persona))
    response = client.get(reverse(url_name, args=args), query)
    assert response.status_code in {200, 302, 404}, response.status_code
    if url_name in OBJECT_URLS:
        assert response.status_code == 404
    body = b"".join(response) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        body = _xlsx_text(body).encode()
    text = body.decode("utf-8", errors="replace")
    assert target.person.full_name not in text
    assert target.person.cccd not in text
    if url_name != "job_detail":
        assert target.job.title not in text


def _xlsx_text(content: bytes) -> str:
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(content), read_only=True)
    return " ".join(
        str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c
    )


@pytest.mark.parametrize("url_name", sorted(URL_CASES))
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, foreign, url_name):
    args, query = URL_CASES[url_name](foreign["unit_officer"])
    response = client.get(reverse(url_name, args=args), query)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
