"""Reads for rounds and nominations: the rounds in scope, the round page (nominations with their verdicts,
flags and guards, quotas, disclosures, timeliness), the nomination page (frozen evidence against the record
as it stands, history), and the disclosed lists. Fixed query counts whatever the number of nominations."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from tdkt.accounts.roles import DISCLOSURE_VIEW, NOMINATIONS_VIEW
from tdkt.accounts.scope import scope_and_ancestor_unit_ids, scope_unit_ids
from tdkt.core.timeutil import VN
from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.selectors import first_reason, review_as_of
from tdkt.law.parameters import MissingParameter, Parameters
from tdkt.law.vocabulary import LABELS_VI
from tdkt.org.models import Unit
from tdkt.records.models import Achievement

from .evidence import (
    answer_diff,
    award_key,
    engine_answers,
    nomination_cases,
    record_diff,
    record_items,
)
from .guards import ENGINE_CATEGORIES, LAW_CAPS, Assessment, assess, round_quotas
from .models import (
    INACTIVE_STATUSES,
    Disclosure,
    EvidenceSnapshot,
    GuardAcknowledgement,
    Nomination,
    NominationEvent,
    NominationStatus,
    Objection,
    Quota,
    Round,
)
from .workflow import DISCLOSABLE_STATUSES, EDITABLE_STATUSES, FINAL_STATUSES

SECONDS_PER_DAY = 86400


def state_level_candidates(on: dt.date) -> tuple[frozenset[str], str]:
    """The state-level titles and forms (published for public comment) in force on `on`, with the cite."""
    try:
        value = Parameters(on).value("authority.state_level")
    except MissingParameter:
        return frozenset(), ""
    return frozenset(value.value), value.cite


def rounds_for_user(user) -> QuerySet[Round]:
    """Rounds of the units in the user's scope, newest first, with their count of active nominations."""
    return (
        Round.objects.filter(unit_id__in=scope_unit_ids(user, NOMINATIONS_VIEW))
        .select_related("unit")
        .annotate(
            active=Count("nominations", filter=~Q(nominations__status__in=INACTIVE_STATUSES)),
            drafts=Count("nominations", filter=Q(nominations__status__in=sorted(EDITABLE_STATUSES))),
        )
    )


# -- the round page ------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One nomination as the round table shows it."""

    nomination: Nomination
    label: str
    verdict: str  # eligible / not_eligible / unknown / "" (no verdict applies)
    reason: dict | None  # the first failing (or unknown) condition
    guards: list[dict]  # {"code", "blocking", "text", "cite", "verified", "acknowledged"}
    live: bool  # guards computed now (draft, returned) or frozen at submission
    objections: int = 0
    unanswered: int = 0
    disclosed: bool = False

    @property
    def blocking(self) -> list[dict]:
        return [g for g in self.guards if g["blocking"]]

    @property
    def advisory(self) -> list[dict]:
        return [g for g in self.guards if not g["blocking"]]

    @property
    def can_submit(self) -> bool:
        return self.live and not self.blocking and all(g["acknowledged"] for g in self.advisory)


@dataclass
class Dwell:
    status: str
    label: str
    count: int
    median_days: float
    max_days: float


@dataclass
class Timeliness:
    overdue: list[Nomination] = field(default_factory=list)  # not yet submitted, deadline passed
    late: list[Nomination] = field(default_factory=list)  # first submitted after the deadline
    unanswered: list[Nomination] = field(default_factory=list)  # disclosure ended, objection not answered
    dwell: list[Dwell] = field(default_factory=list)
    submitted_on: dict[int, dt.date] = field(default_factory=dict)


def _latest_snapshots(nomination_ids) -> dict[int, EvidenceSnapshot]:
    latest = {}
    for s in (
        EvidenceSnapshot.objects.filter(nomination_id__in=nomination_ids)
        .only("nomination_id", "answer", "guards", "taken_at", "as_of")
        .order_by("taken_at", "id")
    ):
        latest[s.nomination_id] = s
    return latest


def round_timeliness(
    *,
    round: Round,
    nominations: list[Nomination],
    events: list[NominationEvent],
    disclosures: list[Disclosure],
    unanswered_ids: set[int],
    today: dt.date,
    now: dt.datetime,
) -> Timeliness:
    """Overdue items and the time nominations spent in each state (median and longest, in days)."""
    result = Timeliness()
    by_nomination: dict[int, list[NominationEvent]] = defaultdict(list)
    for e in events:
        by_nomination[e.nomination_id].append(e)
    for n in nominations:
        submitted = next((e for e in by_nomination[n.pk] if e.step == "submit"), None)
        if submitted:
            result.submitted_on[n.pk] = submitted.at.astimezone(VN).date()
        if n.status in EDITABLE_STATUSES and today > round.deadline and submitted is None:
            result.overdue.append(n)
        elif submitted and result.submitted_on[n.pk] > round.deadline:
            result.late.append(n)
    ended = {n_id for d in disclosures if d.ends_on < today for n_id in getattr(d, "nomination_ids", ())}
    result.unanswered = [n for n in nominations if n.pk in ended and n.pk in unanswered_ids]
    spans: dict[str, list[float]] = defaultdict(list)
    for n in nominations:
        chain = by_nomination[n.pk]
        for current, following in zip(chain, [*chain[1:], None], strict=True):
            if following is None and current.to_status in FINAL_STATUSES:
                continue
            end = following.at if following else now
            spans[current.to_status].append(max((end - current.at).total_seconds(), 0) / SECONDS_PER_DAY)
    for status in NominationStatus:
        if status in FINAL_STATUSES or not spans.get(status):
            continue
        days = spans[status]
        result.dwell.append(
            Dwell(status, str(status.label), len(days), round_1(statistics.median(days)), round_1(max(days)))
        )
    return result


def round_1(value: float) -> float:
    return round(value, 1)


def round_page_get(*, round: Round, today: dt.date, now: dt.datetime) -> dict:
    """Everything the round page shows, in a fixed number of queries."""
    nominations = list(
        round.nominations.select_related("person", "unit", "home").order_by("candidate", "kind", "name", "id")
    )
    ids = [n.pk for n in nominations]
    as_of = review_as_of(round.year, today)
    editable = [n for n in nominations if n.status in EDITABLE_STATUSES]
    live = assess(editable, round=round, as_of=as_of, today=today)
    frozen = _latest_snapshots([n.pk for n in nominations if n.status not in EDITABLE_STATUSES])
    counts = defaultdict(lambda: [0, 0])
    for nomination_id, answered in Objection.objects.filter(nomination_id__in=ids).values_list(
        "nomination_id", "answer"
    ):
        counts[nomination_id][0] += 1
        counts[nomination_id][1] += 0 if answered else 1
    disclosures = list(round.disclosures.order_by("-starts_on", "-id"))
    links = Disclosure.nominations.through.objects.filter(disclosure__round=round).values_list(
        "disclosure_id", "nomination_id"
    )
    members: dict[int, list[int]] = defaultdict(list)
    for disclosure_id, nomination_id in links:
        members[disclosure_id].append(nomination_id)
    for d in disclosures:
        d.nomination_ids = members[d.pk]
    disclosed = {n_id for d in disclosures for n_id in d.nomination_ids}
    rows = []
    for n in nominations:
        if n.pk in live:
            a: Assessment = live[n.pk]
            answer, guards, is_live = a.answer, a.guard_rows(), True
        else:
            s = frozen.get(n.pk)
            answer, guards, is_live = (s.answer, s.guards, False) if s else (None, [], False)
        rows.append(
            Row(
                nomination=n,
                label=LABELS_VI.get(n.candidate, n.candidate),
                verdict=(answer or {}).get("verdict", ""),
                reason=first_reason(answer) if answer and answer["verdict"] != "eligible" else None,
                guards=guards,
                live=is_live,
                objections=counts[n.pk][0],
                unanswered=counts[n.pk][1],
                disclosed=n.pk in disclosed,
            )
        )
    events = list(
        NominationEvent.objects.filter(nomination__round=round).order_by("nomination_id", "at", "id")
    )
    timeliness = round_timeliness(
        round=round,
        nominations=nominations,
        events=events,
        disclosures=disclosures,
        unanswered_ids={k for k, (_, waiting) in counts.items() if waiting},
        today=today,
        now=now,
    )
    state_level, _ = state_level_candidates(today)
    by_status = defaultdict(int)
    for n in nominations:
        by_status[n.status] += 1
    return {
        "rows": rows,
        "quotas": round_quotas(round, as_of=as_of),
        "disclosures": disclosures,
        "open_disclosure": next((d for d in disclosures if d.is_open_on(today)), None),
        "disclosable": sum(
            1 for n in nominations if n.status in DISCLOSABLE_STATUSES and n.pk not in disclosed
        ),
        "has_state_level": any(n.candidate in state_level for n in nominations),
        "timeliness": timeliness,
        "ready": sum(1 for r in rows if r.nomination.status == NominationStatus.DRAFT and r.can_submit),
        "by_status": [(s, s.label, by_status[s]) for s in NominationStatus if by_status.get(s)],
        "as_of": as_of,
    }


def disclosable_get(*, round: Round, today: dt.date) -> dict:
    """How many submitted nominations of the round are not disclosed yet, and whether any is state-level."""
    waiting = list(
        round.nominations.filter(status__in=DISCLOSABLE_STATUSES, disclosures__isnull=True).values_list(
            "candidate", flat=True
        )
    )
    state_level, cite = state_level_candidates(today)
    return {
        "disclosable": len(waiting),
        "has_state_level": any(c in state_level for c in waiting),
        "state_level_cite": cite,
    }


def quotas_for_unit(*, unit: Unit, today: dt.date) -> dict:
    """The caps that apply to the rounds of `unit`: the unit's own and those set above it, and the law's."""
    above = [int(part) for part in unit.path.strip("/").split("/") if part]
    local = list(
        Quota.objects.filter(unit_id__in=above).select_related("unit").order_by("candidate", "-valid_from")
    )
    for q in local:
        q.label = LABELS_VI.get(q.candidate, q.candidate)
        q.percent = q.share * 100
        q.in_force = q.valid_from <= today and (q.valid_to is None or q.valid_to >= today)
    law = []
    for candidate, name in LAW_CAPS.items():
        try:
            value = Parameters(today).value(name)
        except MissingParameter:
            continue
        percent = None if value.value is None else Decimal(str(value.value)) * 100
        law.append({"label": LABELS_VI[candidate], "percent": percent, "cite": value.cite})
    return {"local": local, "law": law}


# -- adding from the eligibility list ------------------------------------------------------------------------


def list_candidates_get(*, round: Round, candidate: str, verdict: str = "", department: Unit | None = None):
    """The round unit's stored eligibility rows for `candidate` (collectives first, then people in Vietnamese
    name order) and the subjects already nominated for it in the round."""
    rows = EligibilityResult.objects.filter(
        year=round.year, home_path__startswith=(department or round.unit).path, candidate=candidate
    )
    if verdict:
        rows = rows.filter(verdict=verdict)
    taken = {
        f"{kind}:{pid or uid}"
        for kind, pid, uid in round.nominations.exclude(status="withdrawn")
        .filter(candidate=candidate)
        .values_list("kind", "person_id", "unit_id")
    }
    return list(rows.select_related("home").order_by("kind", "sort_key", "subject_code")), taken


# -- the nomination page -------------------------------------------------------------------------------------


def nomination_page_get(*, nomination: Nomination, today: dt.date) -> dict:
    """The nomination's frozen evidence against the record and the law engine's answer as they stand (same
    review date as the snapshot), its live guards while editable, and its history."""
    round = nomination.round
    snapshots = list(nomination.snapshots.select_related("taken_by").order_by("taken_at", "id"))
    latest = snapshots[-1] if snapshots else None
    as_of = latest.as_of if latest else review_as_of(round.year, today)
    context: dict = {"snapshots": snapshots, "snapshot": latest, "as_of": as_of}
    if nomination.status in EDITABLE_STATUSES:
        assessment = assess([nomination], round=round, as_of=as_of, today=today)[nomination.pk]
        context["assessment"] = assessment
        context["guards"] = assessment.guard_rows()
        current_answer = assessment.answer
    else:
        context["guards"] = latest.guards if latest else []
        current_answer = None
        if not nomination.is_foreign and nomination.category in ENGINE_CATEGORIES:
            cases = nomination_cases([nomination], year=round.year, as_of=as_of)
            current_answer = engine_answers(cases).get(nomination.pk)
    context["answer"] = current_answer
    if latest:
        current_items = record_items([nomination], year=round.year, as_of=as_of)[nomination.pk]
        if nomination.award_id:  # the nomination's own outcome is not a change of the evidence
            own = award_key(nomination.award)
            current_items = [i for i in current_items if i["key"] != own]
        context["record_changes"] = record_diff(latest.record, current_items)
        context["answer_changes"] = answer_diff(latest.answer, current_answer)
        context["verdict_changed"] = bool(
            latest.answer and current_answer and latest.answer["verdict"] != current_answer["verdict"]
        )
    else:
        context["record"] = record_items([nomination], year=round.year, as_of=as_of)[nomination.pk]
    context["events"] = list(nomination.events.order_by("at", "id"))
    context["acknowledgements"] = list(GuardAcknowledgement.objects.filter(nomination=nomination))
    context["objections"] = list(
        nomination.objections.select_related("disclosure").order_by("filed_on", "id")
    )
    context["disclosures"] = list(nomination.disclosures.order_by("starts_on"))
    context["achievements"] = list(nomination.achievements.order_by("year", "id"))
    if nomination.person_id and nomination.status in EDITABLE_STATUSES:
        context["own_achievements"] = nominee_achievements(nomination=nomination)
    return context


def nominee_achievements(*, nomination: Nomination) -> list[Achievement]:
    """The nominee's own initiatives and research up to the round's year, newest first."""
    if nomination.person_id is None:
        return []
    return list(
        Achievement.objects.filter(authors=nomination.person_id, year__lte=nomination.round.year).order_by(
            "-year", "id"
        )
    )


def units_below(unit: Unit) -> list[Unit]:
    """The departments and units under `unit`, in tree order."""
    return list(Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk).order_by("path"))


# -- disclosed lists -----------------------------------------------------------------------------------------


def disclosures_for_user(user) -> QuerySet[Disclosure]:
    """The disclosed lists of the units the user belongs to or oversees, newest first."""
    units = scope_and_ancestor_unit_ids(user, DISCLOSURE_VIEW)
    return (
        Disclosure.objects.filter(round__unit_id__in=units)
        .select_related("round__unit")
        .annotate(size=Count("nominations", distinct=True))
        .order_by("-starts_on", "-id")
    )


def disclosure_page_get(*, disclosure: Disclosure) -> dict:
    nominations = list(
        disclosure.nominations.select_related("home").order_by("candidate", "kind", "name", "id")
    )
    objections = defaultdict(list)
    for o in disclosure.objections.order_by("filed_on", "id"):
        objections[o.nomination_id].append(o)
    for n in nominations:
        n.label = LABELS_VI.get(n.candidate, n.candidate)
        n.objection_list = objections[n.pk]
    return {"nominations": nominations}


def public_disclosures_get(*, today: dt.date, limit: int = 50) -> list[dict]:
    """Published state-level lists for the public portal: name, unit and title only."""
    disclosures = list(
        Disclosure.objects.filter(is_public=True)
        .select_related("round__unit")
        .prefetch_related(
            Prefetch(
                "nominations",
                queryset=Nomination.objects.select_related("home").only(
                    "id", "name", "candidate", "home__name", "kind"
                ),
            )
        )
        .order_by("-starts_on", "-id")[:limit]
    )
    found = []
    for d in disclosures:
        state_level, _ = state_level_candidates(d.starts_on)
        entries = [
            {"name": n.name, "unit": n.home.name, "title": LABELS_VI.get(n.candidate, n.candidate)}
            for n in d.nominations.all()
            if n.candidate in state_level
        ]
        if entries:
            found.append({"disclosure": d, "entries": entries, "open": d.is_open_on(today)})
    return found
