"""The demo's year-end round: the general hospital turns its 2025 eligibility list into nominations
(Lao động tiên tiến, Chiến sĩ thi đua cơ sở and one collective), submits the ones the guards let through,
discloses the list (already ended, so the council may go on), answers an anonymous objection, has the
Sở officer verify the submitted nominations, and issues its submission letter with a number from the
register. Built with the real services, so every step is in the history and the audit log; the dossier's
documents are generated on demand from the round's page."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from tdkt.dossiers.services import letter_issue, letter_save
from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.models import NominationStatus
from tdkt.nominations.services import TRANSITIONS, nominations_submit_ready
from tdkt.nominations.services_disclosure import disclosure_publish, objection_answer, objection_file
from tdkt.nominations.services_rounds import Pick, nominations_create_from_list, round_create
from tdkt.org.models import Unit
from tdkt.records.models import ConferredAward

YEAR = 2025
# The 2025 eligibility list is computed department by department, these first, until the round has enough
# nominees not already awarded (the whole hospital takes ~20 s; the officer computes the rest on the page).
LIST_DEPARTMENTS = ("BVDK-NOI", "BVDK-HSTC")
MAX_DEPARTMENTS = 8
ROUND_NAME = "Bình xét thi đua, khen thưởng năm 2025"
# how many eligible subjects of each title the officer picks (a small round keeps the demo quick)
PICKS = (
    ("advanced_worker", "person", 8),
    ("grassroots_emulation_fighter", "person", 2),
    ("advanced_collective", "collective", 1),
)
OBJECTION = "Đề nghị xem lại: năm 2025 đồng chí nghỉ ốm dài ngày, chưa đủ thời gian công tác."
ANSWER = (
    "Phòng Tổ chức – Hành chính đã kiểm tra: đồng chí nghỉ ốm 3 tuần, dưới mức 40 ngày làm việc nên vẫn đủ "
    "thời gian công tác; giữ nguyên đề nghị."
)


def _unawarded(hospital: Unit, candidate: str, kind: str) -> list[int]:
    field = "person_id" if kind == "person" else "unit_id"
    awarded = set(ConferredAward.objects.filter(year=YEAR, candidate=candidate).values_list(field, flat=True))
    rows = (
        EligibilityResult.objects.filter(
            year=YEAR, home_path__startswith=hospital.path, candidate=candidate, verdict="eligible", kind=kind
        )
        .order_by("sort_key", "subject_code")
        .values_list(field, flat=True)
    )
    return [i for i in rows if i not in awarded]


def _compute_lists(hospital: Unit, units: dict[str, Unit], *, as_of: dt.date) -> None:
    """The hospital's list, unless the demo computed it already (it does for the whole province)."""
    if EligibilityResult.objects.filter(year=YEAR, home_path__startswith=hospital.path).exists():
        return
    others = Unit.objects.filter(parent=hospital, valid_to__isnull=True).exclude(code__in=LIST_DEPARTMENTS)
    order = [units[c] for c in LIST_DEPARTMENTS] + list(others.order_by("code"))
    need = sum(count for _c, kind, count in PICKS if kind == "person")
    for department in order[:MAX_DEPARTMENTS]:
        eligibility_recompute(unit=department, year=YEAR, as_of=as_of)
        people = {i for c, kind, _n in PICKS if kind == "person" for i in _unawarded(hospital, c, kind)}
        if len(people) >= need and _unawarded(hospital, "advanced_collective", "collective"):
            return


def build_dossier_round(units: dict[str, Unit], *, today: dt.date):
    """The hospital's 2025 round, disclosed, answered, verified and with its letter issued."""
    users = {
        u.username: u
        for u in get_user_model()
        .objects.filter(username__in=["bvdk.thidua", "so.thidua", "bvdk.nhanvien", "bvdk.giamdoc"])
        .select_related("person")
    }
    officer, so_officer, staff = users["bvdk.thidua"], users["so.thidua"], users["bvdk.nhanvien"]
    director = users.get("bvdk.giamdoc")
    hospital = units["BVDK"]
    as_of = min(today, dt.date(YEAR + 1, 1, 15))
    _compute_lists(hospital, units, as_of=as_of)
    round = round_create(
        actor=officer,
        unit=hospital,
        year=YEAR,
        category="merit",
        name=ROUND_NAME,
        deadline=today + dt.timedelta(days=14),
        disclosure_days=5,
        today=today,
    )
    taken: set[int] = set()
    for candidate, kind, count in PICKS:
        # not those the records already show with this year's title, nor anyone picked for another one
        ids = [i for i in _unawarded(hospital, candidate, kind) if i not in taken][:count]
        taken.update(ids)
        if ids:
            nominations_create_from_list(
                actor=officer,
                round=round,
                candidate=candidate,
                category="merit",
                picks=[Pick(kind=kind, id=i) for i in ids],
                today=today,
            )
    submitted, _held = nominations_submit_ready(actor=officer, round=round, today=today)
    if not submitted:
        return round
    # the list was disclosed for its five days and that window has ended
    opened = today - dt.timedelta(days=round.disclosure_days + 2)
    disclosure = disclosure_publish(actor=officer, round=round, is_public=False, today=opened)
    target = submitted[0]
    objection = objection_file(
        actor=staff, disclosure=disclosure, nomination=target, text=OBJECTION, anonymous=True, today=opened
    )
    objection_answer(actor=officer, objection=objection, answer=ANSWER, upheld=False)
    for n in round.nominations.filter(status=NominationStatus.SUBMITTED):
        TRANSITIONS["verify"](actor=so_officer, nomination=n, today=today, reason="")
    letter_save(
        actor=officer,
        round=round,
        to="Sở Y tế tỉnh Bình An\nHội đồng Thi đua - Khen thưởng ngành Y tế",
        place="Bình An",
        signer_authority="",
        signer_title="Giám đốc",
        signer_name=director.person.full_name if director and director.person_id else "",
    )
    letter_issue(actor=officer, round=round, today=today)
    return round
