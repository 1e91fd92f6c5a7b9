"""Every URL × every persona × an object outside the persona's scope: nothing of it leaks.

A new URL must be added to URL_CASES, or test_every_url_is_in_the_matrix fails.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PERSONAS, make_person
from tdkt.core.jobs import job_create
from tdkt.core.text import fold
from tdkt.movements.models import FollowUpAction, Inspection
from tdkt.movements.services_reviews import review_create, review_issue
from tdkt.movements.tests.factories import launch
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
    "org:edit": lambda f: ([f.unit.pk], {}),
    "org:export": lambda f: ([], {"past": "1"}),
    "org:create": lambda f: ([], {"parent": f.unit.pk}),
    "org:reorganise": lambda f: ([], {}),
    "job_detail": lambda f: ([f.job.pk], {}),
    "records:import": lambda f: ([], {}),
    "records:import_template": lambda f: (["ratings"], {}),
    "eligibility:list": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "eligibility:export": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "eligibility:recompute": lambda f: ([], {"unit": f.unit.pk, "year": 2025}),
    "documents:register": lambda f: ([], {"unit": f.unit.pk, "year": 2026}),
    "documents:register_export": lambda f: ([], {"unit": f.unit.pk, "year": 2026}),
    "movements:list": lambda f: ([], {"year": 2025}),
    "movements:create": lambda f: ([], {}),
    "movements:detail": lambda f: ([f.movement.pk], {}),
    "movements:edit": lambda f: ([f.movement.pk], {}),
    "movements:derive": lambda f: ([f.movement.pk], {}),
    "movements:publish": lambda f: ([f.movement.pk], {}),
    "movements:close": lambda f: ([f.movement.pk], {}),
    "movements:delete": lambda f: ([f.movement.pk], {}),
    "movements:dashboard": lambda f: ([f.movement.pk], {}),
    "movements:report": lambda f: ([f.movement.targets.first().pk], {"unit": f.unit.pk}),
    "movements:plan_docx": lambda f: ([f.movement.pk], {}),
    "movements:plan_pdf": lambda f: ([f.movement.pk], {}),
    "movements:inspection_create": lambda f: ([f.movement.pk], {}),
    "movements:inspection_detail": lambda f: ([f.inspection.pk], {}),
    "movements:inspection_edit": lambda f: ([f.inspection.pk], {}),
    "movements:inspection_close": lambda f: ([f.inspection.pk], {}),
    "movements:follow_up_status": lambda f: ([f.follow_up.pk], {}),
    "movements:review_create": lambda f: ([f.movement.pk], {}),
    "movements:review_detail": lambda f: ([f.review.pk], {}),
    "movements:review_edit": lambda f: ([f.review.pk], {}),
    "movements:review_issue": lambda f: ([f.review.pk], {}),
    "movements:review_correct": lambda f: ([f.review.pk], {}),
    "movements:review_delete": lambda f: ([f.review.pk], {}),
    "movements:review_docx": lambda f: ([f.review.pk], {}),
    "movements:review_pdf": lambda f: ([f.review.pk], {}),
}
# object pages: out-of-scope must answer 404
OBJECT_URLS = {
    "people:detail",
    "people:edit",
    "people:move",
    "org:detail",
    "org:edit",
    "job_detail",
    "eligibility:list",
    "eligibility:export",
    "eligibility:recompute",
    "documents:register",
    "documents:register_export",
    "movements:detail",
    "movements:edit",
    "movements:derive",
    "movements:publish",
    "movements:close",
    "movements:delete",
    "movements:dashboard",
    "movements:report",
    "movements:plan_docx",
    "movements:plan_pdf",
    "movements:inspection_create",
    "movements:inspection_detail",
    "movements:inspection_edit",
    "movements:inspection_close",
    "movements:follow_up_status",
    "movements:review_create",
    "movements:review_detail",
    "movements:review_edit",
    "movements:review_issue",
    "movements:review_correct",
    "movements:review_delete",
    "movements:review_docx",
    "movements:review_pdf",
}
PUBLIC_OR_FRAMEWORK = {"accounts:login", "accounts:logout", "set_language"}


class Foreign:
    """Outside a persona's scope: another province for the Sở officer, the other hospital otherwise."""

    def __init__(self, unit, person, job, movement):
        self.unit, self.person, self.job, self.movement = unit, person, job, movement
        self.inspection = movement.inspections.get()
        self.follow_up = self.inspection.actions.get()
        self.review = movement.reviews.get()


@pytest.fixture
def foreign(world, django_user_model):
    other_so = unit_create(actor=None, code="SYT2", name="Sở Y tế Tỉnh Khác", kind="department_of_health")
    other_hosp = unit_create(
        actor=None, code="BV2", name="Bệnh viện Tỉnh Khác", kind="hospital", parent=other_so
    )
    stranger = make_person(unit=other_hosp, full_name="Đoàn Thị Xuyến", serial=99, start=dt.date(2020, 1, 1))
    other_user = django_user_model.objects.create_user(username="someone_else", password="x")
    job = job_create(actor=other_user, kind="people_import", title="Nhập của người khác")

    def movement(unit):  # published, with a target every unit below reports on, and an inspection
        movement = launch(
            actor=None, unit=unit, publish=True, name=f"Phong trào nội bộ {unit.code}", symbol="KH-X"
        )
        inspection = Inspection.objects.create(
            movement=movement,
            unit=unit,
            kind="planned",
            inspected_on=dt.date(2025, 9, 1),
            team="Đoàn kiểm tra nội bộ",
            findings=f"Phát hiện kín của {unit.code}",
        )
        FollowUpAction.objects.create(
            inspection=inspection, description="Việc kín", owner=other_user, due_on=dt.date(2025, 10, 1)
        )
        review = review_create(
            actor=None, movement=movement, kind="final_review", today=dt.date(2025, 12, 20)
        )
        review.title = f"Báo cáo kín của {unit.code}"
        review.save()
        review_issue(actor=None, review=review)
        return movement

    return {
        "so_officer": Foreign(other_so, stranger, job, movement(other_so)),
        "outsider": Foreign(world.hosp_a, world.hoa, job, movement(world.hosp_a)),
        **{
            p: Foreign(world.hosp_b, world.binh, job, hosp_b_movement)
            for hosp_b_movement in [movement(world.hosp_b)]
            for p in ("unit_officer", "unit_head", "council_member", "staff")
        },
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
    assert target.movement.name not in text
    assert target.inspection.findings not in text
    assert target.review.title not in text


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
