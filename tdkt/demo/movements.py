"""The demo province's movements: the seed plans (demo.seed_plans) entered through the real services,
published down the tree, with target reports from the units so the dashboards are not empty.

Warnings the plans raise (seed 000's phase dated 2024, the seeds' targets without a figure) are
acknowledged the way an officer would: with the keys tdkt showed. Reports are a pure function of
the seed; about one unit in five has not sent its last report, so "late" shows on the dashboards.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from tdkt.accounts.audit import audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.timeutil import VN
from tdkt.movements.inputs import (
    BasisInput,
    FollowUpInput,
    InspectionInput,
    PhaseInput,
    PlanContent,
    PlanInput,
    ProposalInput,
    ResponsibilityInput,
    ReviewInput,
    SectionInput,
    TargetInput,
)
from tdkt.movements.models import (
    InspectionKind,
    Movement,
    ProposalKind,
    Reporter,
    ReviewKind,
    SubjectKind,
    Target,
    TargetKind,
    TargetReport,
)
from tdkt.movements.periods import report_periods
from tdkt.movements.selectors import reporting_units_below, target_reporters, unit_expected_in
from tdkt.movements.services import movement_close, movement_create, movement_publish
from tdkt.movements.services_inspections import follow_up_set_status, inspection_create
from tdkt.movements.services_reviews import review_create, review_issue, review_update
from tdkt.movements.validation import plan_warnings
from tdkt.org.models import Unit
from tdkt.people.selectors import people_in_units

from .seed_plans import SEED_PLANS, SeedPlan

REPORTS_REASON = "Khởi tạo dữ liệu mẫu: báo cáo chỉ tiêu của các đơn vị"

LATE_SHARE = 0.2  # units whose last report of an open movement is missing
MISSED_SHARE = 0.06  # earlier reports missing here and there
REPORT_DELAY = dt.timedelta(days=6)  # reports come in a few days after the period ends
OFFICERS = {"SYT": "so.thidua", "BVDK": "bvdk.thidua", "TTYT-KV7": "ttyt.thidua"}  # unit code → demo login


def _content(spec: SeedPlan, *, units: dict[str, Unit]) -> PlanContent:
    plan = PlanInput(
        **{name: getattr(spec, name) for name in PlanInput.__dataclass_fields__},
    )
    return PlanContent(
        plan=plan,
        phases=[
            PhaseInput(
                name=p.name,
                start=p.start,
                end=p.end,
                theme=p.theme,
                description=p.description,
                commemorations=list(p.commemorations),
            )
            for p in spec.phases
        ],
        targets=[
            TargetInput(
                indicator=t.indicator,
                unit_of_measure=t.unit_of_measure,
                comparator=t.comparator,
                threshold=Decimal(t.threshold) if t.threshold is not None else None,
                direction=t.direction,
                frequency="" if t.kind == TargetKind.COMPUTED else t.frequency,
                kind=t.kind,
                computation=t.computation,
                reporter=t.reporter,
                reporter_unit=units[t.reporter_code] if t.reporter_code else None,
            )
            for t in spec.targets
        ],
        sections=[SectionInput(heading=h, body=b) for h, b in spec.sections],
        responsibilities=[
            ResponsibilityInput(party=party, unit=units[code] if code else None, task=task)
            for party, code, task in spec.responsibilities
        ],
        basis=[BasisInput(verb=verb, reference=reference) for verb, reference in spec.basis],
    )


def _value(target: Target, rng: random.Random) -> Decimal:
    """A plausible figure: most units meet the threshold, some fall a little short."""
    threshold = target.threshold
    if threshold is None:
        return Decimal(str(round(rng.uniform(84, 99), 1)))
    if target.comparator in ("lte", "lt"):
        return Decimal(0) if rng.random() < 0.9 else Decimal(rng.randint(1, 2))
    if target.unit_of_measure == "%":
        if threshold >= 100:
            return Decimal(100) if rng.random() < 0.85 else Decimal(str(round(rng.uniform(80, 99), 1)))
        low, high = float(threshold) - 6, min(100.0, float(threshold) + 8)
        return Decimal(str(round(rng.uniform(low, high), 1)))
    if threshold < 1:  # ‰, percentage points
        return Decimal(str(round(rng.uniform(float(threshold) * 0.6, float(threshold) * 2), 2)))
    return Decimal(max(0, rng.randint(int(threshold) - 1, int(threshold) + 3)))


def _reports(movement: Movement, *, rng: random.Random, actor_for, closing: bool) -> list[tuple]:
    """The units' reports on `movement`'s reported targets, as audit items (created, not yet saved).

    The reporters and periods are the ones target_report_submit accepts (same selectors); the rows are
    written in bulk, as the demo writes people, because the province has hundreds of them.
    """
    below = reporting_units_below(movement=movement)
    late = {u.pk for u in below if rng.random() < LATE_SHARE} if not closing else set()
    items = []
    for target in movement.targets.filter(kind=TargetKind.REPORTED).select_related("reporter_unit"):
        target.movement = movement
        reporters = target_reporters(target, movement=movement, below=below)
        periods = report_periods(frequency=target.frequency, start=movement.start, end=movement.end)
        for unit in reporters:
            mine = [p for p in periods if unit_expected_in(unit, p)]
            for i, period in enumerate(mine):
                last = i == len(mine) - 1
                if (last and unit.pk in late and target.reporter == Reporter.UNITS_BELOW) or (
                    rng.random() < MISSED_SHARE
                ):
                    continue
                day = period.end + REPORT_DELAY
                actor = actor_for(unit)
                report = TargetReport(
                    target=target,
                    unit=unit,
                    period_start=period.start,
                    period_end=period.end,
                    value=_value(target, rng),
                    note="" if rng.random() < 0.7 else "Đã tổng hợp từ báo cáo của các bộ phận.",
                    evidence=f"Báo cáo số {rng.randint(10, 480)}/BC-{unit.code} ngày {day:%d/%m/%Y}",
                    reported_by=actor,
                    reported_at=dt.datetime.combine(day, dt.time(9, 0), tzinfo=VN),
                )
                items.append((actor, report))
    return items


def _write_reports(items: list[tuple]) -> int:
    TargetReport.objects.bulk_create([report for _, report in items], batch_size=1000)
    by_actor: dict = {}
    for actor, report in items:
        by_actor.setdefault(actor, []).append((AuditAction.CREATE, report, None, snapshot(report)))
    for actor, entries in by_actor.items():
        audit_log_many(actor=actor, items=entries, reason=REPORTS_REASON)
    return len(items)


def build_movements(units: dict[str, Unit], *, seed: int) -> tuple[int, int]:
    """Enter the seed plans, publish them, add the units' reports, close the finished ones.

    Returns (movements, reports).
    """
    users = {u.username: u for u in get_user_model().objects.filter(username__in=OFFICERS.values())}

    def actor_for(unit: Unit):
        """The demo officer whose unit `unit` is in (the Sở officer reports for units without one)."""
        for code, username in OFFICERS.items():
            if code != "SYT" and unit.path.startswith(units[code].path):
                return users.get(username)
        return users.get(OFFICERS["SYT"])

    rng = random.Random(seed * 7 + 3)
    made: dict[str, Movement] = {}
    for spec in SEED_PLANS:
        parent = made.get(spec.parent) if spec.parent else None
        content = _content(spec, units=units)
        keys = [w.key for w in plan_warnings(content, parent=parent)]
        actor = users.get(spec.officer)
        movement = movement_create(
            actor=actor, unit=units[spec.unit], content=content, parent=parent, acknowledged=keys
        )
        if spec.state != "draft":
            movement = movement_publish(actor=actor, movement=movement)
        made[spec.key] = movement
    items = []
    for spec in SEED_PLANS:
        if spec.state != "draft" and spec.reports:
            items += _reports(made[spec.key], rng=rng, actor_for=actor_for, closing=spec.state == "closed")
    reports = _write_reports(items)
    _reviews_and_inspections(made, units=units, users=users)
    for spec in SEED_PLANS:
        if spec.state == "closed":
            movement_close(actor=users.get(spec.officer), movement=made[spec.key])
    return len(made), reports


def _reviews_and_inspections(made: dict[str, Movement], *, units: dict[str, Unit], users: dict) -> None:
    """What follows a launch, so the demo shows it: the hospital's issued interim review of its first phase
    (with a role model and a commendation proposed), the Sở's final review of the 70-years movement, and
    the Sở's inspection of the hospital with one follow-up done and one still open."""
    hospital, so_officer = users.get("bvdk.thidua"), users.get("so.thidua")
    director = get_user_model().objects.get(username="bvdk.giamdoc")
    bvdk = made["bvdk_2025"]
    review = review_create(
        actor=hospital,
        movement=bvdk,
        kind=ReviewKind.INTERIM,
        phase=bvdk.phases.order_by("start").first(),
        today=dt.date(2025, 7, 8),
    )
    nurse = people_in_units({units["BVDK-HSTC"].pk}).order_by("pk").first()
    review_update(
        actor=hospital,
        review=review,
        content=ReviewInput(
            **{name: getattr(review, name) for name in _REVIEW_FIELDS},
            overview=(
                "Bệnh viện tổ chức quán triệt kế hoạch tới 100% khoa, phòng; các khoa ký giao ước thi đua "
                "trong tháng 01/2025; phát động đợt thi đua chào mừng Ngày Thầy thuốc Việt Nam 27/2."
            ),
            highlights=(
                "- Các khoa ký cam kết đúng hạn\n- Tỷ lệ hài lòng của người bệnh nội trú duy trì trên 90%"
            ),
            shortcomings="Một số khoa báo cáo chỉ tiêu chậm so với thời hạn.",
            lessons="Phân công rõ người phụ trách báo cáo ở từng khoa, phòng.",
            next_steps="Đẩy mạnh đợt thi đua cao điểm chào mừng 80 năm ngành Y tế.",
            proposals=[
                ProposalInput(
                    kind=ProposalKind.ROLE_MODEL,
                    subject_kind=SubjectKind.PERSON,
                    person=nurse,
                    summary="Tận tụy chăm sóc người bệnh nặng, hướng dẫn điều dưỡng mới của khoa.",
                ),
                ProposalInput(
                    kind=ProposalKind.COMMENDATION,
                    subject_kind=SubjectKind.COLLECTIVE,
                    unit=units["BVDK-HSTC"],
                    candidate="commendation_certificate",
                    summary="Dẫn đầu phong trào thi đua đợt 1; không để xảy ra sự cố chuyên môn.",
                ),
            ],
        ),
    )
    review_issue(actor=hospital, review=review)
    final = review_create(
        actor=so_officer, movement=made["so_70_years"], kind=ReviewKind.FINAL, today=dt.date(2025, 7, 10)
    )
    review_issue(actor=so_officer, review=final)
    inspection = inspection_create(
        actor=so_officer,
        movement=made["so_2025"],
        content=InspectionInput(
            unit=units["BVDK"],
            kind=InspectionKind.PLANNED,
            inspected_on=dt.date(2025, 10, 15),
            team=(
                "Trưởng phòng Tổ chức cán bộ, Sở Y tế – Trưởng đoàn\n"
                "Chuyên viên phụ trách thi đua, khen thưởng"
            ),
            findings=(
                "Bệnh viện triển khai đầy đủ kế hoạch; hồ sơ ký cam kết của hai khoa chưa lưu đủ; "
                "báo cáo quý 3 gửi chậm 5 ngày."
            ),
            actions=[
                FollowUpInput(
                    description="Bổ sung hồ sơ ký cam kết của các khoa còn thiếu",
                    owner=hospital,
                    due_on=dt.date(2025, 10, 31),
                ),
                FollowUpInput(
                    description="Báo cáo Sở kết quả khắc phục bằng văn bản",
                    owner=director,
                    due_on=dt.date(2025, 11, 30),
                ),
            ],
        ),
        today=dt.date(2025, 10, 15),
    )
    follow_up_set_status(
        actor=hospital,
        action=inspection.actions.order_by("order").first(),
        done=True,
        note="Đã bổ sung ngày 28/10",
    )


_REVIEW_FIELDS = (
    "title",
    "as_of",
    "symbol",
    "issued_on",
    "place",
    "issuer_name",
    "signer_title",
    "signer_name",
    "number",
    "issuer_parent",
    "signer_authority",
    "distribution",
)
