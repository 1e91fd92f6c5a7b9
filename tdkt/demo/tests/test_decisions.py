"""The demo shows an issued decision with its bonuses, certificates and public verification."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tdkt.decisions.models import Decision

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_issued_decision_whose_certificates_verify(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", people=400, stdout=io.StringIO())
    decision = Decision.objects.get()
    assert decision.status == "issued" and decision.symbol.endswith("/QĐ-BVĐK")
    lines = list(decision.lines.all())
    assert len(lines) >= 2 and all(line.amount and line.award_id for line in lines)
    page = client.get(reverse("verify:certificate", args=[lines[0].code])).content.decode()
    assert "Còn hiệu lực" in page and lines[0].name in page


def test_a_newcomer_takes_a_demo_nomination_through_the_council_to_a_verified_certificate(client, settings):
    """The path `make run` offers, with the demo's own accounts: the hospital's verified nomination goes
    before its council, the members vote in the coming meeting, the director issues the decision, and
    the certificate's link verifies it."""
    from django.contrib.auth import get_user_model

    from tdkt.core.timeutil import today_vn
    from tdkt.councils import services as councils
    from tdkt.councils.models import Ballot, Council
    from tdkt.councils.nominations import meeting_add_nominations, nominations_for_agenda
    from tdkt.decisions.services import decision_add_nominations, decision_create, decision_issue
    from tdkt.nominations.models import Nomination
    from tdkt.nominations.services import TRANSITIONS

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", people=400, stdout=io.StringIO())
    users = {u.username: u for u in get_user_model().objects.all()}
    today = today_vn()
    nomination = Nomination.objects.filter(round__unit__code="BVDK", status="verified").order_by("pk").first()
    assert nomination is not None, "the demo round has verified nominations"
    TRANSITIONS["send_to_council"](actor=users["bvdk.thidua"], nomination=nomination, today=today, reason="")

    council = Council.objects.get(unit__code="BVDK")
    meeting = council.meetings.get()
    secretary = council.members.get(role="secretary").user
    assert nomination in nominations_for_agenda(meeting)
    (item,) = meeting_add_nominations(actor=secretary, meeting=meeting, nominations=[nomination])
    members = list(council.members.filter(left_on__isnull=True).select_related("user"))
    for member in members:
        councils.attendance_set(actor=secretary, meeting=meeting, member=member, status="present")
    ballot = councils.ballot_open(actor=secretary, ballot=Ballot.objects.get(item=item))
    for member in members:
        councils.ballot_cast(actor=member.user, ballot=ballot, choice="agree")
    assert councils.ballot_close(actor=secretary, ballot=ballot).passed
    nomination.refresh_from_db()
    assert nomination.status == "approved"

    director = users["bvdk.giamdoc"]
    decision = decision_create(
        actor=director,
        issuer=nomination.round.unit,
        title="Về việc khen thưởng năm 2025",
        date=today,
        award_year=2025,
        authority="Giám đốc Bệnh viện",
        place="Bình An",
        signer_name=director.get_full_name(),
        signer_position="Giám đốc",
    )
    decision_add_nominations(actor=director, decision=decision, nominations=[nomination])
    decision = decision_issue(actor=director, decision=decision, today=today)
    assert decision.status == "issued" and decision.number
    line = decision.lines.get()
    page = client.get(reverse("verify:certificate", args=[line.code])).content.decode()
    assert "Còn hiệu lực" in page and nomination.name in page
    nomination.refresh_from_db()
    assert nomination.status == "decided"
