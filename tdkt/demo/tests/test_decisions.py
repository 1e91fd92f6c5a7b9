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
