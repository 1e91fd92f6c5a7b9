"""The dossier checklist: what each nomination's dossier needs at its level and for its title or form, and
what is missing (Luật Thi đua, khen thưởng 2022, Điều 84 k1: tờ trình, báo cáo thành tích, biên bản xét
thi đua, and for Chiến sĩ thi đua the recognition of the initiative; Nghị định 152/2025/NĐ-CP, Mẫu số 13).

Computed set-based for a whole round in a fixed number of queries. Items are "ok", "missing" (the unit
must act) or "pending" (a later step provides it: the council's minutes before the council has met)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from tdkt.attachments.models import Attachment
from tdkt.core.timeutil import format_date
from tdkt.nominations.models import (
    INACTIVE_STATUSES,
    Disclosure,
    EvidenceSnapshot,
    Nomination,
    NominationStatus,
    Objection,
    Round,
)
from tdkt.nominations.selectors import state_level_candidates
from tdkt.nominations.services_rounds import INITIATIVE_CANDIDATES
from tdkt.records.models import Achievement

from .hooks import minutes_for
from .models import SubmissionLetter

OK, MISSING, PENDING = "ok", "missing", "pending"
DOSSIER_CITE = "Luật Thi đua, khen thưởng 2022, Điều 84 khoản 1"
INITIATIVE_CITE = "Luật Thi đua, khen thưởng 2022, Điều 84 khoản 1; Nghị định 152/2025/NĐ-CP, Mẫu số 13"
# The council sits after these states: before them, minutes are not expected yet.
COUNCIL_DONE = frozenset(
    {
        NominationStatus.APPROVED,
        NominationStatus.NOT_APPROVED,
        NominationStatus.DECIDED,
        NominationStatus.FORWARDED,
        NominationStatus.OUTCOME_RECORDED,
    }
)
UNSUBMITTED = frozenset({NominationStatus.DRAFT, NominationStatus.RETURNED})


@dataclass
class Item:
    code: str
    label: str
    status: str
    note: str = ""
    cite: str = DOSSIER_CITE
    url: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK


@dataclass
class Checklist:
    nomination: Nomination
    items: list[Item] = field(default_factory=list)

    @property
    def missing(self) -> list[Item]:
        return [i for i in self.items if i.status == MISSING]

    @property
    def pending(self) -> list[Item]:
        return [i for i in self.items if i.status == PENDING]

    @property
    def complete(self) -> bool:
        return all(i.ok for i in self.items)

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)


def _letter(round: Round) -> SubmissionLetter | None:
    found = SubmissionLetter.objects.filter(round=round).first()
    if found is not None:
        found.round = round
    return found


def checklists(round: Round, nominations: list[Nomination], *, today: dt.date) -> dict[int, Checklist]:
    """The checklist of each nomination of `round` (withdrawn or rejected ones get none)."""
    from django.urls import reverse

    nominations = [n for n in nominations if n.status not in INACTIVE_STATUSES]
    ids = [n.pk for n in nominations]
    letter = _letter(round)
    listed = set(letter.nominations.values_list("id", flat=True)) if letter and letter.is_issued else set()
    frozen = set(
        EvidenceSnapshot.objects.filter(nomination_id__in=ids).values_list("nomination_id", flat=True)
    )
    disclosed: dict[int, list[Disclosure]] = defaultdict(list)
    for link in Disclosure.nominations.through.objects.filter(nomination_id__in=ids).select_related(
        "disclosure"
    ):
        disclosed[link.nomination_id].append(link.disclosure)
    objections: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for nid, answer in Objection.objects.filter(nomination_id__in=ids).values_list("nomination_id", "answer"):
        objections[nid][0] += 1
        objections[nid][1] += 1 if answer else 0
    links = list(
        Nomination.achievements.through.objects.filter(nomination_id__in=ids).values_list(
            "nomination_id", "achievement_id"
        )
    )
    achievements = Achievement.objects.in_bulk({aid for _, aid in links})
    by_nomination: dict[int, list[Achievement]] = defaultdict(list)
    for nid, aid in links:
        by_nomination[nid].append(achievements[aid])
    files: set[int] = set()
    if achievements:
        kind = ContentType.objects.get_for_model(Achievement)
        files = set(
            Attachment.objects.filter(content_type=kind, object_id__in=list(achievements)).values_list(
                "object_id", flat=True
            )
        )
    minutes = minutes_for(nominations)
    state_level, state_cite = state_level_candidates(today)
    found = {}
    for n in nominations:
        c = Checklist(nomination=n)
        # 1. Tờ trình
        if n.pk in listed:
            c.items.append(
                Item("letter", "Tờ trình", OK, f"Số {letter.reference} ngày {format_date(letter.issued_on)}")
            )
        elif letter and letter.is_issued:
            c.items.append(
                Item(
                    "letter", "Tờ trình", MISSING, f"Tờ trình số {letter.reference} không có tên đề nghị này"
                )
            )
        else:
            c.items.append(Item("letter", "Tờ trình", MISSING, "Tờ trình của đợt chưa ban hành"))
        # 2. Báo cáo thành tích
        report_url = reverse("dossiers:report", args=[n.pk, "docx"])
        if n.pk in frozen:
            c.items.append(
                Item("report", "Báo cáo thành tích", OK, "Lập từ hồ sơ đã cố định khi trình", url=report_url)
            )
        else:
            c.items.append(
                Item(
                    "report",
                    "Báo cáo thành tích",
                    MISSING,
                    "Đề nghị chưa trình: hồ sơ chưa được cố định",
                    url=report_url,
                )
            )
        # 3. Biên bản họp Hội đồng (the council step provides it)
        ref = minutes.get(n.pk)
        if ref is not None:
            c.items.append(Item("minutes", "Biên bản họp Hội đồng", OK, ref.label, url=ref.url))
        elif n.status in COUNCIL_DONE:
            c.items.append(
                Item("minutes", "Biên bản họp Hội đồng", MISSING, "Chưa có biên bản của phiên họp")
            )
        else:
            c.items.append(Item("minutes", "Biên bản họp Hội đồng", PENDING, "Chưa có: chờ Hội đồng họp xét"))
        # 4. Initiatives for the titles and forms that rest on them
        if n.candidate in INITIATIVE_CANDIDATES and n.person_id:
            own = by_nomination.get(n.pk, [])
            if not own:
                c.items.append(
                    Item(
                        "initiative",
                        "Sáng kiến, đề tài được công nhận",
                        MISSING,
                        "Chưa gắn sáng kiến, đề tài nào",
                        INITIATIVE_CITE,
                    )
                )
            else:
                undecided = [a.title for a in own if not a.decision_number]
                c.items.append(
                    Item(
                        "initiative",
                        "Sáng kiến, đề tài được công nhận",
                        MISSING if undecided else OK,
                        ("Chưa có quyết định công nhận: " + "; ".join(undecided))
                        if undecided
                        else f"{len(own)} sáng kiến, đề tài có quyết định công nhận",
                        INITIATIVE_CITE,
                    )
                )
                without = [a.title for a in own if a.pk not in files]
                c.items.append(
                    Item(
                        "certificate",
                        "Giấy chứng nhận, minh chứng sáng kiến",
                        MISSING if without else OK,
                        ("Chưa đính kèm tệp: " + "; ".join(without)) if without else "Đã đính kèm",
                        INITIATIVE_CITE,
                    )
                )
        # 5. Disclosure, and public for state-level awards
        ds = disclosed.get(n.pk, [])
        if n.status in UNSUBMITTED:
            c.items.append(Item("disclosure", "Công khai danh sách", PENDING, "Công khai sau khi trình"))
        elif not ds:
            c.items.append(Item("disclosure", "Công khai danh sách", MISSING, "Chưa công khai"))
        else:
            last = max(ds, key=lambda d: d.ends_on)
            public_needed = n.candidate in state_level and not any(d.is_public for d in ds)
            if public_needed:
                c.items.append(
                    Item(
                        "disclosure",
                        "Công khai danh sách",
                        MISSING,
                        "Khen thưởng cấp Nhà nước phải công khai trên cổng thông tin",
                        state_cite or DOSSIER_CITE,
                    )
                )
            elif last.ends_on >= today:
                c.items.append(
                    Item(
                        "disclosure",
                        "Công khai danh sách",
                        PENDING,
                        f"Đang công khai đến {format_date(last.ends_on)}",
                    )
                )
            else:
                c.items.append(
                    Item(
                        "disclosure",
                        "Công khai danh sách",
                        OK,
                        f"Từ {format_date(last.starts_on)} đến {format_date(last.ends_on)}",
                    )
                )
        # 6. Objections answered
        total, answered = objections.get(n.pk, (0, 0))
        if total == 0:
            c.items.append(Item("objections", "Ý kiến góp ý đã trả lời", OK, "Không có ý kiến"))
        else:
            c.items.append(
                Item(
                    "objections",
                    "Ý kiến góp ý đã trả lời",
                    OK if answered == total else MISSING,
                    f"Đã trả lời {answered}/{total} ý kiến",
                )
            )
        found[n.pk] = c
    return found


@dataclass
class RoundChecklist:
    letter: SubmissionLetter | None
    rows: list[Checklist]

    @property
    def complete(self) -> int:
        return sum(1 for c in self.rows if c.complete)

    @property
    def codes(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for c in self.rows:
            for i in c.items:
                seen.setdefault(i.code, i.label)
        return list(seen.items())


def round_checklist(round: Round, *, today: dt.date) -> RoundChecklist:
    nominations = list(
        round.nominations.exclude(status__in=INACTIVE_STATUSES).order_by("candidate", "-kind", "name", "id")
    )
    found = checklists(round, nominations, today=today)
    result = RoundChecklist(letter=_letter(round), rows=[found[n.pk] for n in nominations])
    codes = [code for code, _label in result.codes]
    for row in result.rows:
        row.cells = [row.item(code) for code in codes]
    return result
