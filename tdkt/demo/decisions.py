"""The demo's issued decision: the general hospital's director (bvdk.giamdoc) confers Giấy khen for 2025 on
five staff (of Khoa Nội tổng hợp first), through the real services — numbered from the hospital's
register, with bonuses, certificates and their public verification links."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Case, Exists, OuterRef, When

from tdkt.decisions import services
from tdkt.org.models import Unit
from tdkt.people.models import Employment, Position
from tdkt.records.models import ConferredAward

YEAR = 2025
CANDIDATE = "commendation_certificate"


def build_decisions(units: dict[str, Unit], *, today: dt.date) -> list:
    """One issued decision of the general hospital (five staff). Returns the decisions."""
    hospital, ward = units["BVDK"], units["BVDK-NOI"]
    head = get_user_model().objects.get(username="bvdk.giamdoc")
    awarded = ConferredAward.objects.filter(person=OuterRef("person"), year=YEAR, candidate=CANDIDATE)
    posts = list(
        Employment.objects.filter(unit=hospital, end__isnull=True, position=Position.STAFF)
        .exclude(Exists(awarded))
        .select_related("person", "department")
        .order_by(Case(When(department=ward, then=0), default=1), "person__sort_key", "person_id")[:5]
    )
    if not posts:
        return []
    decision = services.decision_create(
        actor=head,
        issuer=hospital,
        title=f"Về việc tặng Giấy khen cho các cá nhân đã có thành tích xuất sắc năm {YEAR}",
        date=today,
        place="Bình An",
        award_year=YEAR,
        achievement=f"đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {YEAR}",
        authority=f"Giám đốc {hospital.name}",
        proposer="Theo đề nghị của Hội đồng Thi đua – Khen thưởng Bệnh viện",
        fund="Quỹ thi đua, khen thưởng của Bệnh viện",
        signer_name=head.get_full_name() or "Giám đốc",
        signer_position="Giám đốc",
    )
    for post in posts:
        services.decision_add_line(
            actor=head,
            decision=decision,
            person=post.person,
            candidate=CANDIDATE,
            unit_label=post.department.name if post.department_id else hospital.name,
        )
    return [services.decision_issue(actor=head, decision=decision, today=today)]
