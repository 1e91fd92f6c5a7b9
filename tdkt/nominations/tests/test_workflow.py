"""The workflow: every step allowed for its role in scope and state, refused otherwise (with a Vietnamese
message), each audited with actor, time and reason and kept as a dated event."""

import pytest
from django.urls import reverse

from conftest import PERSONAS
from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.nominations.models import Nomination, NominationEvent, NominationStatus
from tdkt.nominations.services import TRANSITIONS
from tdkt.nominations.workflow import STEPS
from tdkt.records.models import ConferredAward

from .conftest import ACTOR_OF, nominate, take, walk

pytestmark = pytest.mark.django_db

# Who holds the step's permission over hospital A (the Sở officer prepares too: the Sở's scope covers it).
ALLOWED = {
    "nominations.prepare": {"unit_officer", "so_officer"},
    "nominations.verify": {"so_officer"},
    "nominations.decide": {"unit_head"},
}
# A nomination above the unit's authority (forwarded), the others within it (decided).
ABOVE_AUTHORITY_STATES = {"forwarded", "outcome_recorded"}


@pytest.fixture
def make(world, round_2025):
    """make(state) → a nomination of the round brought to `state` through the real steps."""

    def _make(state: str) -> Nomination:
        if state in ABOVE_AUTHORITY_STATES or state == "approved_above":
            (n,) = nominate(
                world,
                round_2025,
                "provincial_merit_certificate",
                world.an,
                reasons={world.an.pk: "Thành tích xuất sắc trong phòng chống dịch"},
            )
            return walk(world, n, "approved" if state == "approved_above" else state)
        (n,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
        return walk(world, n, state)

    return _make


# The state each step is tried from (one of its sources, on the happy path).
START = {
    "submit": "draft",
    "return": "submitted",
    "resubmit": "returned",
    "verify": "submitted",
    "send_to_council": "verified",
    "approve": "to_council",
    "reject": "to_council",
    "decide": "approved",
    "forward": "approved_above",
    "record_outcome": "forwarded",
    "withdraw": "draft",
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("step", sorted(STEPS))
def test_each_step_is_allowed_to_its_role_in_scope_and_refused_to_the_others(world, make, step, persona):
    nomination = make(START[step])
    before = nomination.status
    if persona in ALLOWED[STEPS[step].permission]:
        after = take(world, nomination, step, persona=persona)
        assert after.status == STEPS[step].target
        event = after.events.order_by("at", "id").last()
        assert (event.step, event.from_status, event.to_status) == (step, before, STEPS[step].target)
        assert event.actor == getattr(world, persona)
    else:
        with pytest.raises(ApplicationError, match="Bạn không có quyền"):
            take(world, nomination, step, persona=persona)
        nomination.refresh_from_db()
        assert nomination.status == before


@pytest.mark.parametrize("step", sorted(STEPS))
def test_each_step_is_refused_from_a_state_it_does_not_start_from(world, make, step):
    wrong = next(s for s in ("draft", "verified", "decided") if s not in STEPS[step].sources)
    nomination = make(wrong)
    with pytest.raises(ApplicationError, match="Không thể «") as refused:
        take(world, nomination, step)
    nomination.refresh_from_db()
    assert nomination.status == wrong
    assert "trạng thái" in refused.value.message


@pytest.mark.parametrize("step", ["return", "reject", "withdraw"])
def test_steps_that_need_a_reason_refuse_without_one(world, make, step):
    start = {"return": "submitted", "reject": "to_council", "withdraw": "draft"}[step]
    nomination = make(start)
    with pytest.raises(ApplicationError, match="Cần ghi lý do"):
        take(world, nomination, step, reason="  ")
    nomination.refresh_from_db()
    assert nomination.status == start


def test_every_step_is_audited_with_actor_time_and_reason(world, make):
    nomination = make("returned")
    entries = AuditEntry.objects.filter(object_type="nominations.nomination", object_id=str(nomination.pk))
    returned = entries.get(changes__status=["submitted", "returned"])
    assert returned.actor == world.so_officer and returned.at is not None
    assert returned.reason == "Thiếu báo cáo thành tích"
    events = list(nomination.events.values_list("step", "actor_name", "reason"))
    assert events == [
        ("create", "unit_officer", "Lập đề nghị từ danh sách xét"),
        ("submit", "unit_officer", ""),
        ("return", "so_officer", "Thiếu báo cáo thành tích"),
    ]
    assert all(e.at for e in NominationEvent.objects.filter(nomination=nomination))


def test_the_whole_path_ends_in_a_decision_recorded_in_the_nominees_record(world, make):
    nomination = make("decided")
    assert nomination.status == NominationStatus.DECIDED
    award = ConferredAward.objects.get(person=world.hoa, year=2025, candidate="grassroots_emulation_fighter")
    assert (award.decision_number, award.source, award.category) == ("123/QĐ-BVA", "decision", "merit")
    assert nomination.award == award
    assert [e.step for e in nomination.events.order_by("at", "id")] == [
        "create",
        "submit",
        "verify",
        "send_to_council",
        "approve",
        "decide",
    ]


def test_a_title_above_the_units_authority_is_forwarded_not_decided(world, make):
    nomination = make("approved_above")
    with pytest.raises(ApplicationError, match=r"thẩm quyền cấp trên .*Điều 80"):
        take(world, nomination, "decide")
    forwarded = take(world, nomination, "forward", reason="Tờ trình số 15/TTr-BVA")
    assert forwarded.status == NominationStatus.FORWARDED
    done = take(world, forwarded, "record_outcome")
    assert (done.status, done.outcome, done.decision_number) == (
        "outcome_recorded",
        "conferred",
        "456/QĐ-UBND",
    )
    assert ConferredAward.objects.filter(person=world.an, candidate="provincial_merit_certificate").exists()


def test_a_title_within_the_units_authority_is_decided_not_forwarded(world, make):
    nomination = make("approved")
    with pytest.raises(ApplicationError, match="thẩm quyền của thủ trưởng đơn vị"):
        take(world, nomination, "forward")


def test_a_decision_needs_its_number_and_date(world, make):
    nomination = make("approved")
    with pytest.raises(ApplicationError, match="số và ngày của quyết định"):
        take(world, nomination, "decide", decision_number="", decision_date=None)


def test_an_outcome_not_conferred_needs_the_reason(world, make):
    nomination = make("forwarded")
    with pytest.raises(ApplicationError, match="lý do cấp trên không khen"):
        take(
            world,
            nomination,
            "record_outcome",
            outcome="not_conferred",
            decision_number="",
            decision_date=None,
        )
    done = take(
        world, nomination, "record_outcome", outcome="not_conferred", reason="Hội đồng tỉnh không thông qua"
    )
    assert (done.outcome, done.award) == ("not_conferred", None)
    assert not ConferredAward.objects.filter(
        person=world.an, candidate="provincial_merit_certificate"
    ).exists()


def test_every_step_has_its_one_function():
    assert set(TRANSITIONS) == set(STEPS)
    assert set(ACTOR_OF) == set(STEPS) == set(START)
    assert all(START[step] in STEPS[step].sources or START[step] == "approved_above" for step in STEPS)


def test_the_step_page_takes_the_step_with_its_reason(login, world, make):
    nomination = make("submitted")
    client = login("so_officer")
    url = reverse("nominations:step", args=[nomination.pk, "return"])
    page = client.get(url)
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert "reason" in refused.context["form"].errors
    done = client.post(url, {"reason": "Bổ sung minh chứng sáng kiến"})
    assert done.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == "returned"
    assert nomination.events.last().reason == "Bổ sung minh chứng sáng kiến"


def test_the_step_page_refuses_a_role_without_the_permission_in_vietnamese(login, world, make):
    nomination = make("submitted")
    client = login("unit_head")  # sees the nomination, may not verify it
    response = client.post(reverse("nominations:step", args=[nomination.pk, "verify"]), follow=True)
    assert "Bạn không có quyền «thẩm định»" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "submitted"


def test_steps_out_of_scope_answer_404(login, world, make):
    nomination = make("submitted")
    client = login("outsider")
    assert client.post(reverse("nominations:step", args=[nomination.pk, "verify"])).status_code == 404
    assert client.get(reverse("nominations:detail", args=[nomination.pk])).status_code == 404
    nomination.refresh_from_db()
    assert nomination.status == "submitted"


def test_the_page_offers_only_the_steps_the_user_may_take(login, world, make):
    nomination = make("submitted")
    html = login("so_officer").get(reverse("nominations:detail", args=[nomination.pk])).content.decode()
    assert 'data-step="verify"' in html and 'data-step="return"' in html
    assert 'data-step="withdraw"' in html  # the Sở officer may also prepare
    html = login("unit_head").get(reverse("nominations:detail", args=[nomination.pk])).content.decode()
    assert "data-step=" not in html
