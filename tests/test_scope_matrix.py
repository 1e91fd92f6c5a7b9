"""Every URL × every persona × an object outside the persona's scope: nothing of it leaks.

A new URL must be added to URL_CASES, or test_every_url_is_in_the_matrix fails.
"""

import datetime as dt
from functools import cache, cached_property

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import PERSONAS, make_person
from tdkt.core.jobs import job_create
from tdkt.core.text import fold
from tdkt.movements.models import FollowUpAction, Inspection
from tdkt.movements.services_reviews import review_create, review_issue
from tdkt.movements.tests.factories import launch
from tdkt.nominations.models import Disclosure, Nomination, Objection, Round
from tdkt.org.services import unit_create
from tdkt.pledges.tests.factories import pledging_unit

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
    "movements:review_create": lambda f: ([f.movement.pk], {"kind": "final_review"}),
    "movements:review_detail": lambda f: ([f.review.pk], {}),
    "movements:review_edit": lambda f: ([f.review.pk], {}),
    "movements:review_issue": lambda f: ([f.review.pk], {}),
    "movements:review_correct": lambda f: ([f.review.pk], {}),
    "movements:review_delete": lambda f: ([f.review.pk], {}),
    "movements:review_docx": lambda f: ([f.review.pk], {}),
    "movements:review_pdf": lambda f: ([f.review.pk], {}),
    "records:collective_rating_create": lambda f: ([f.unit.pk], {}),
    "records:collective_rating_edit": lambda f: ([f.records["collective_rating"].pk], {}),
    "records:collective_rating_delete": lambda f: ([f.records["collective_rating"].pk], {}),
    "attachments:upload": lambda f: (["rating", f.records["rating"].pk], {}),
    "attachments:download": lambda f: ([f.records["attachment"].pk], {}),
    "attachments:delete": lambda f: ([f.records["attachment"].pk], {}),
    "registrations:list": lambda f: ([f.pledging_movement.pk], {"unit": f.unit.pk}),
    "registrations:export": lambda f: ([f.pledging_movement.pk], {"unit": f.unit.pk}),
    "registrations:register": lambda f: ([f.pledging_movement.pk], {}),
    "registrations:bulk": lambda f: ([f.pledging_movement.pk], {"unit": f.unit.pk}),
    "registrations:collectives": lambda f: ([f.pledging_movement.pk], {}),
    "registrations:withdraw": lambda f: ([f.registration.pk], {}),
    "pledges:mine": lambda f: ([], {}),
    "pledges:sign_many": lambda f: ([], {"group": f"{f.pledge_round.pk}-staff-"}),
    "pledges:movement": lambda f: ([f.pledging_movement.pk], {"unit": f.unit.pk}),
    "pledges:round_create": lambda f: ([f.pledging_movement.pk], {}),
    "pledges:round": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_edit": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_sync": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_open": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_close": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_delete": lambda f: ([f.pledge_round.pk], {}),
    "pledges:round_export": lambda f: ([f.pledge_round.pk], {}),
    "pledges:detail": lambda f: ([f.pledge.pk], {}),
    "pledges:sign": lambda f: ([f.pledge.pk], {}),
    "nominations:rounds": lambda f: ([], {}),
    "nominations:round_create": lambda f: ([], {}),
    "nominations:round_detail": lambda f: ([f.round.pk], {}),
    "nominations:round_edit": lambda f: ([f.round.pk], {}),
    "nominations:round_add": lambda f: ([f.round.pk], {"candidate": "advanced_worker", "verdict": ""}),
    "nominations:round_add_foreign": lambda f: ([f.round.pk], {}),
    "nominations:round_submit_ready": lambda f: ([f.round.pk], {}),
    "nominations:round_disclose": lambda f: ([f.round.pk], {}),
    "nominations:detail": lambda f: ([f.nomination.pk], {}),
    "nominations:step": lambda f: ([f.nomination.pk, "submit"], {}),
    "nominations:exception": lambda f: ([f.nomination.pk], {}),
    "nominations:acknowledge": lambda f: ([f.nomination.pk], {}),
    "nominations:achievements": lambda f: ([f.nomination.pk], {}),
    "nominations:disclosures": lambda f: ([], {}),
    "nominations:disclosure": lambda f: ([f.disclosure.pk], {}),
    "nominations:objection_answer": lambda f: ([f.objection.pk], {}),
    "nominations:quotas": lambda f: ([], {"unit": f.unit.pk}),
    "nominations:public": lambda f: ([], {}),
    "dossiers:round": lambda f: ([f.round.pk], {}),
    "dossiers:letter_edit": lambda f: ([f.round.pk], {}),
    "dossiers:letter_issue": lambda f: ([f.round.pk], {}),
    "dossiers:letter": lambda f: ([f.round.pk, "docx"], {}),
    "dossiers:package": lambda f: ([f.round.pk], {}),
    "dossiers:received": lambda f: ([f.round.pk], {}),
    "dossiers:report": lambda f: ([f.nomination.pk, "docx"], {}),
    "dossiers:import": lambda f: ([], {}),
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
    "councils:items_add_nominations": lambda f: ([f.meeting.pk], {}),
    "councils:minutes": lambda f: ([f.meeting.pk, "pdf"], {}),
    "verify:certificate": lambda f: (["8d6b1f7e-0000-4000-8000-000000000000"], {}),
    "decisions:list": lambda f: ([], {}),
    "decisions:create": lambda f: ([], {}),
    "decisions:detail": lambda f: ([f.decision.pk], {}),
    "decisions:add_nominations": lambda f: ([f.decision.pk], {}),
    "decisions:add_line": lambda f: ([f.decision.pk], {}),
    "decisions:remove_line": lambda f: ([f.decision_line.pk], {}),
    "decisions:issue": lambda f: ([f.decision.pk], {}),
    "decisions:delete": lambda f: ([f.decision.pk], {}),
    "decisions:amend": lambda f: ([f.decision.pk], {}),
    "decisions:document": lambda f: ([f.decision.pk, "pdf"], {}),
    "decisions:payments": lambda f: ([f.decision.pk], {}),
    "decisions:certificates": lambda f: ([f.decision.pk], {}),
    "decisions:certificates_download": lambda f: ([f.job.pk], {}),
    "decisions:certificate": lambda f: ([f.decision_line.pk], {}),
}
# a person's records: added from their page, corrected or deleted by id
for _kind in ("rating", "achievement", "award", "discipline", "review", "leave"):
    URL_CASES[f"records:{_kind}_create"] = lambda f: ([f.person.pk], {"person": f.person.pk})
    URL_CASES[f"records:{_kind}_edit"] = lambda f, k=_kind: ([f.records[k].pk], {"person": f.person.pk})
    URL_CASES[f"records:{_kind}_delete"] = lambda f, k=_kind: ([f.records[k].pk], {"person": f.person.pk})
RECORD_URLS = {name for name in URL_CASES if name.startswith(("records:", "attachments:"))} - {
    "records:import",
    "records:import_template",
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
    *RECORD_URLS,
    "registrations:list",
    "registrations:export",
    "registrations:register",
    "registrations:bulk",
    "registrations:collectives",
    "registrations:withdraw",
    "pledges:movement",
    "pledges:round_create",
    "pledges:round",
    "pledges:round_edit",
    "pledges:round_sync",
    "pledges:round_open",
    "pledges:round_close",
    "pledges:round_delete",
    "pledges:round_export",
    "pledges:detail",
    "pledges:sign",
    "nominations:round_detail",
    "nominations:round_edit",
    "nominations:round_add",
    "nominations:round_add_foreign",
    "nominations:round_submit_ready",
    "nominations:round_disclose",
    "nominations:detail",
    "nominations:step",
    "nominations:exception",
    "nominations:acknowledge",
    "nominations:achievements",
    "nominations:disclosure",
    "nominations:objection_answer",
    "nominations:quotas",
    "dossiers:round",
    "dossiers:letter_edit",
    "dossiers:letter_issue",
    "dossiers:letter",
    "dossiers:package",
    "dossiers:received",
    "dossiers:report",
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
    "councils:items_add_nominations",
    "councils:minutes",
    "decisions:detail",
    "decisions:add_nominations",
    "decisions:add_line",
    "decisions:remove_line",
    "decisions:issue",
    "decisions:delete",
    "decisions:amend",
    "decisions:document",
    "decisions:payments",
    "decisions:certificates",
    "decisions:certificates_download",
    "decisions:certificate",
}
# open to anonymous visitors: must show nothing that is not published for the public
PUBLIC_URLS = {"nominations:public", "verify:certificate"}
PUBLIC_OR_FRAMEWORK = {"accounts:login", "accounts:logout", "set_language"}


class Foreign:
    """Outside a persona's scope: another province for the Sở officer, the other hospital otherwise;
    with a record of each kind of that unit and person, and a file attached to the rating; its unit has a
    round with a nomination of its person, disclosed inside the unit, with an objection."""

    def __init__(self, unit, person, job, movement, pledging=None):
        self.unit, self.person, self.job, self.movement = unit, person, job, movement
        self.records = _records_of(unit, person)
        self.inspection = movement.inspections.get()
        self.follow_up = self.inspection.actions.get()
        self.review = movement.reviews.get()
        self.round = Round.objects.create(
            unit=unit,
            year=2025,
            category="merit",
            name=f"Đợt khen thưởng của {unit.code}",
            deadline=dt.date(2026, 12, 15),
        )
        self.nomination = Nomination.objects.create(
            round=self.round,
            kind="person",
            person=person,
            name=person.full_name,
            home=unit,
            candidate="advanced_worker",
            category="merit",
            status="submitted",
            status_changed_at=timezone.now(),
        )
        self.disclosure = Disclosure.objects.create(
            round=self.round,
            starts_on=dt.date(2026, 11, 20),
            ends_on=dt.date(2026, 11, 30),
            published_at=timezone.now(),
        )
        self.disclosure.nominations.add(self.nomination)
        self.objection = Objection.objects.create(
            disclosure=self.disclosure,
            nomination=self.nomination,
            text="Ý kiến",
            filed_on=dt.date(2026, 11, 21),
        )
        self._pledging = pledging

    # A published movement of the unit, the person's registration under it, an open round and their
    # pledge: built on first use only, as they cost setup time the other URLs do not need.
    @cached_property
    def pledging(self):
        return self._pledging()

    pledging_movement = property(lambda self: self.pledging[0])
    registration = property(lambda self: self.pledging[1])
    pledge_round = property(lambda self: self.pledging[2])
    pledge = property(lambda self: self.pledging[3])

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
        return self.with_decision()

    def with_decision(self):
        """A draft decision of the foreign unit naming the foreign person."""
        from tdkt.decisions.models import Decision, DecisionLine

        self.decision = Decision.objects.create(
            issuer=self.unit,
            title=f"Về việc tặng Giấy khen {self.person.full_name}",
            date=dt.date(2026, 1, 5),
            place="Bình An",
            award_year=2025,
            authority=f"Giám đốc {self.unit.name}",
            bases="Căn cứ Luật Thi đua, khen thưởng",
            signer_name="Người Ký",
            signer_position="Giám đốc",
        )
        self.decision_line = DecisionLine.objects.create(
            decision=self.decision,
            position=1,
            subject_kind="person",
            person=self.person,
            name=self.person.full_name,
            unit_label=self.unit.name,
            candidate="commendation_certificate",
            year=2025,
        )
        return self


def _records_of(unit, person) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tdkt.attachments.services import attachment_add
    from tdkt.records import services

    post_unit = person.employments.get().unit
    rating = services.rating_set(actor=None, person=person, year=2024, rating="good", unit=post_unit)
    pdf = SimpleUploadedFile(f"{person.full_name}.pdf", b"%PDF-1.4\n" + person.cccd.encode() + b"\n%%EOF\n")
    return {
        "rating": rating,
        "attachment": attachment_add(actor=None, target=rating, upload=pdf, kind="decision"),
        "achievement": services.achievement_create(
            actor=None,
            kind="initiative",
            title=f"Sáng kiến của {person.full_name}",
            scope="unit",
            year=2024,
            unit=post_unit,
            authors=[person],
        ),
        "award": services.award_record(
            actor=None, person=person, year=2024, candidate="advanced_worker", decision_number="1/QĐ"
        ),
        "discipline": services.discipline_create(
            actor=None, person=person, level="reprimand", start=dt.date(2024, 5, 1)
        ),
        "review": services.review_open(
            actor=None, person=person, reason=f"Khiếu nại về {person.full_name}", start=dt.date(2024, 6, 1)
        ),
        "leave": services.leave_create(
            actor=None, person=person, kind="sick", start=dt.date(2024, 7, 1), end=dt.date(2024, 7, 20)
        ),
        "collective_rating": services.collective_rating_set(
            actor=None, unit=unit, year=2024, rating="excellent", rated_by=f"Hội đồng {unit.name}"
        ),
    }


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

    hosp_b = cache(lambda: pledging_unit(institution=world.hosp_b, person=world.binh, serial=93))
    secretaries = [
        django_user_model.objects.create_user(username=f"thu_ky_{i}", password="x") for i in range(3)
    ]
    in_hospital_b = Foreign(world.hosp_b, world.binh, job, movement(world.hosp_b), hosp_b).with_council(
        secretaries[2]
    )
    return {
        "so_officer": Foreign(
            other_so,
            stranger,
            job,
            movement(other_so),
            lambda: pledging_unit(institution=other_hosp, person=stranger, serial=91),
        ).with_council(secretaries[0]),
        "outsider": Foreign(
            world.hosp_a,
            world.hoa,
            job,
            movement(world.hosp_a),
            lambda: pledging_unit(institution=world.hosp_a, person=world.hoa, serial=92),
        ).with_council(secretaries[1]),
        **{p: in_hospital_b for p in ("unit_officer", "unit_head", "council_member", "staff")},
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
    if url_name.startswith(("registrations:", "pledges:")):
        target.pledging  # noqa: B018  their foreign objects exist, so that the page could leak them
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
    if "pledging" in target.__dict__:
        assert target.pledging_movement.name not in text
        assert target.pledge_round.name not in text


def _xlsx_text(content: bytes) -> str:
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(content), read_only=True)
    return " ".join(
        str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c
    )


@pytest.mark.parametrize("url_name", sorted(URL_CASES))
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, foreign, url_name):
    target = foreign["unit_officer"]
    args, query = URL_CASES[url_name](target)
    response = client.get(reverse(url_name, args=args), query)
    if url_name in PUBLIC_URLS:
        assert response.status_code == 200
        assert target.person.full_name not in response.content.decode()
        return
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
