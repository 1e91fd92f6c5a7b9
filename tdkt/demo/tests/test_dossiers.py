"""The demo's year-end round of the general hospital: from its eligibility list to a verified, disclosed
dossier with an answered objection and an issued submission letter, shown on the round's pages."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tdkt.demo.dossiers import ROUND_NAME
from tdkt.demo.generator import DEMO_PASSWORD
from tdkt.documents.tests.conftest import docx_lines
from tdkt.nominations.models import Objection, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("demo", people=400, stdout=out)
    return out.getvalue()


def test_the_hospital_round_is_verified_disclosed_and_has_its_documents(demo, client):
    round = Round.objects.get(unit__code="BVDK", name=ROUND_NAME)
    statuses = set(round.nominations.values_list("status", flat=True))
    assert "verified" in statuses
    assert round.nominations.filter(status="verified").count() >= 2
    assert round.nominations.filter(candidate="advanced_worker").exists()
    disclosure = round.disclosures.get()
    objection = Objection.objects.get(disclosure=disclosure)
    assert objection.is_anonymous and objection.is_answered
    letter = round.submission_letter
    assert letter.is_issued and letter.reference.endswith("/TTr-BVĐK")
    assert "Lập đợt bình xét năm 2025" in demo

    client.login(username="bvdk.thidua", password=DEMO_PASSWORD)
    page = client.get(reverse("dossiers:round", args=[round.pk])).content.decode()
    assert letter.reference in page and 'data-check="objections" data-status="ok"' in page
    lines = docx_lines(client.get(reverse("dossiers:letter", args=[round.pk, "docx"])).content)
    assert "TỜ TRÌNH" in lines and f"Số: {letter.reference}" in lines
    nomination = round.nominations.filter(status="verified", kind="person").first()
    report = docx_lines(client.get(reverse("dossiers:report", args=[nomination.pk, "docx"])).content)
    assert "BÁO CÁO THÀNH TÍCH CÁ NHÂN" in report and nomination.name in report
