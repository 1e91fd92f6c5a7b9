"""Reads of pledges: signature shares per unit (set-based), a round's progress per department, its
pledges, and each user's pledges to sign. Every read takes a fixed number of queries.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from tdkt.accounts.roles import PLEDGES_MANAGE, PLEDGES_VIEW
from tdkt.accounts.scope import role_unit_paths, scope_unit_ids
from tdkt.movements.models import Movement, MovementState
from tdkt.org.models import Bloc, Unit, UnitKind
from tdkt.people.models import Person
from tdkt.pledges.documents import text_hash, text_to_sign
from tdkt.pledges.models import (
    PartyRole,
    Pledge,
    PledgeLevel,
    PledgeParty,
    PledgeRound,
    PledgeText,
    RoundState,
)
from tdkt.pledges.selectors_registrations import unit_order
from tdkt.pledges.staff import DIRECTORATE, Tally, people_by_unit, units_valid_on

# ---------------------------------------------------------------------------------------------
# Shares per unit (the computed target and the movement's progress page)
# ---------------------------------------------------------------------------------------------


def _pledgers(
    *, movement: Movement, units: list[Unit], day: dt.date, until: dt.datetime | None
) -> tuple[dict[int, set[int]], set[int]]:
    """Each unit's people on `day` (the directorate left out: it receives pledges), and everyone who
    signed (before `until`, if given) a pledge they make in a round of the movement or one derived from
    it. Three queries whatever the number of units."""
    people = people_by_unit(units, day, without=DIRECTORATE)
    signatures = PledgeParty.objects.filter(
        role=PartyRole.PLEDGER,
        signed_at__isnull=False,
        pledge__round__movement__path__startswith=movement.path,
    )
    if until is not None:
        signatures = signatures.filter(signed_at__lt=until)
    return people, set(signatures.order_by().values_list("person_id", flat=True).distinct())


def pledge_counts(
    *, movement: Movement, units: list[Unit], day: dt.date, until: dt.datetime | None = None
) -> dict[int, Tally]:
    """Each unit → of its people on `day` (directorate aside), how many signed the pledge they make.
    A unit inside another given unit counts its own people; the outer one keeps the rest."""
    people, signed = _pledgers(movement=movement, units=units, day=day, until=until)
    tallies = {}
    for unit in units:
        posted = people.get(unit.pk, set())
        tallies[unit.pk] = Tally(expected=len(posted), done=len(posted & signed))
    return tallies


@dataclass
class UnitShare:
    unit: Unit
    tally: Tally
    is_total: bool = False


def pledge_progress_units(*, movement: Movement, user) -> list[Unit]:
    """Units the user may follow on the movement's pledge progress: current units of its subtree in the
    user's PLEDGES_VIEW scope, top first."""
    scope = scope_unit_ids(user, PLEDGES_VIEW)
    if not scope:
        return []
    qs = Unit.objects.filter(id__in=scope, path__startswith=movement.unit.path, valid_to__isnull=True)
    return sorted(qs, key=unit_order)


def movement_pledge_progress(*, movement: Movement, unit: Unit, day: dt.date) -> list[UnitShare]:
    """`unit` as a whole, then each unit directly below it on `day`: of their staff, how many signed
    (three queries)."""
    children = sorted(units_valid_on(unit.children.all(), day), key=unit_order)
    people, signed = _pledgers(movement=movement, units=[unit, *children], day=day, until=None)
    everyone = set().union(*people.values()) if people else set()
    rows = [UnitShare(unit, Tally(len(everyone), len(everyone & signed)), is_total=True)]
    for child in children:
        posted = people.get(child.pk, set())
        rows.append(UnitShare(child, Tally(len(posted), len(posted & signed))))
    return rows


# ---------------------------------------------------------------------------------------------
# Rounds
# ---------------------------------------------------------------------------------------------


@dataclass
class RoundSummary:
    pledges: int = 0
    complete: int = 0
    parties: int = 0
    signed: int = 0


def rounds_of_movement(*, movement: Movement, user) -> list[PledgeRound]:
    """The rounds of the movement and of those derived from it that the user may follow, each with a
    `summary` (pledges, complete ones, signatures)."""
    scope = scope_unit_ids(user, PLEDGES_VIEW)
    rounds = list(
        PledgeRound.objects.filter(movement__path__startswith=movement.path, unit_id__in=scope)
        .select_related("movement", "unit", "bloc")
        .order_by("unit__path", "created_at", "id")
    )
    summaries = round_summaries(rounds=rounds)
    for pledge_round in rounds:
        pledge_round.summary = summaries[pledge_round.pk]
    return rounds


def round_summaries(*, rounds: list[PledgeRound]) -> dict[int, RoundSummary]:
    """Round id → its pledge and signature counts (one query)."""
    summaries = {r.pk: RoundSummary() for r in rounds}
    rows = (
        Pledge.objects.filter(round_id__in=summaries)
        .annotate(n=Count("parties"), s=Count("parties", filter=Q(parties__signed_at__isnull=False)))
        .values_list("round_id", "n", "s")
    )
    for round_id, n, s in rows:
        summary = summaries[round_id]
        summary.pledges += 1
        summary.complete += n == s
        summary.parties += n
        summary.signed += s
    return summaries


@dataclass
class DepartmentProgress:
    unit: Unit
    staff: int = 0  # staff pledges
    staff_signed: int = 0  # … the staff member signed
    staff_complete: int = 0  # … every party signed
    head: int = 0  # the head's pledge to the directorate (0 or 1)
    head_signed: int = 0
    head_complete: int = 0

    @property
    def staff_tally(self) -> Tally:
        return Tally(self.staff, self.staff_signed)


@dataclass
class RoundProgress:
    rows: list[DepartmentProgress] = field(default_factory=list)
    total: DepartmentProgress | None = None


def round_progress(*, pledge_round: PledgeRound) -> RoundProgress:
    """Per department of an institution's round: its pledges, how many the pledger signed, how many
    every party signed (two queries whatever the size)."""
    rows = (
        Pledge.objects.filter(round=pledge_round)
        .exclude(level=PledgeLevel.COVENANT)
        .annotate(
            n=Count("parties"),
            s=Count("parties", filter=Q(parties__signed_at__isnull=False)),
            mine=Count(
                "parties", filter=Q(parties__role=PartyRole.PLEDGER, parties__signed_at__isnull=False)
            ),
        )
        .values_list("unit_id", "level", "n", "s", "mine")
    )
    by_unit: dict[int, DepartmentProgress] = {}
    units = {u.pk: u for u in Unit.objects.filter(pk__in={r[0] for r in rows})}
    for unit_id, level, n, s, mine in rows:
        row = by_unit.setdefault(unit_id, DepartmentProgress(units[unit_id]))
        if level == PledgeLevel.STAFF:
            row.staff += 1
            row.staff_signed += mine
            row.staff_complete += n == s
        else:
            row.head += 1
            row.head_signed += mine
            row.head_complete += n == s
    progress = RoundProgress(rows=sorted(by_unit.values(), key=lambda r: unit_order(r.unit)))
    total = DepartmentProgress(pledge_round.unit)
    for row in progress.rows:
        for name in ("staff", "staff_signed", "staff_complete", "head", "head_signed", "head_complete"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    progress.total = total
    return progress


STATUS_PENDING = "pending"
STATUS_COMPLETE = "complete"


def round_pledges(
    *, pledge_round: PledgeRound, department: int | None = None, level: str = "", status: str = ""
) -> QuerySet[Pledge]:
    """The round's pledges with their parties, by department then pledger's name; `status` pending
    (a party has not signed) or complete."""
    qs = Pledge.objects.filter(round=pledge_round).annotate(
        unsigned=Count("parties", filter=Q(parties__signed_at__isnull=True))
    )
    if department:
        qs = qs.filter(unit_id=department)
    if level:
        qs = qs.filter(level=level)
    if status == STATUS_PENDING:
        qs = qs.filter(unsigned__gt=0)
    elif status == STATUS_COMPLETE:
        qs = qs.filter(unsigned=0)
    return (
        qs.select_related("unit", "pledger")
        .prefetch_related("parties__person", "parties__unit")
        .order_by("unit__path", "-level", "pledger__sort_key", "id")
    )


def round_export_rows(*, pledge_round: PledgeRound):
    """Every party of the round's pledges as plain tuples, in the page's order (one query, streamed):
    (level, department, role, person, unit on whose behalf, signed at, hash signed)."""
    return (
        PledgeParty.objects.filter(pledge__round=pledge_round)
        .order_by("pledge__unit__path", "-pledge__level", "pledge__pledger__sort_key", "pledge_id", "order")
        .values_list(
            "pledge_id",
            "pledge__level",
            "pledge__unit__name",
            "role",
            "person__full_name",
            "unit__name",
            "signed_at",
            "signed_hash",
        )
        .iterator(chunk_size=2000)
    )


def round_texts(*, pledge_round: PledgeRound) -> dict[str, PledgeText]:
    return {t.level: t for t in pledge_round.texts.all()}


def union_chair_by_cccd(*, cccd: str) -> Person | None:
    cccd = (cccd or "").strip()
    return Person.objects.filter(cccd=cccd).first() if cccd else None


# ---------------------------------------------------------------------------------------------
# A user's own pledges (the "my pledges" page and the home page)
# ---------------------------------------------------------------------------------------------


def _my_parties(user) -> QuerySet[PledgeParty]:
    person_id = getattr(user, "person_id", None)
    if not user.is_authenticated or person_id is None:
        return PledgeParty.objects.none()
    return PledgeParty.objects.filter(person_id=person_id)


def _waiting(qs: QuerySet[PledgeParty]) -> QuerySet[PledgeParty]:
    return qs.filter(
        signed_at__isnull=True,
        pledge__round__state=RoundState.OPEN,
        pledge__round__movement__state=MovementState.PUBLISHED,
    )


def pledges_to_sign(*, user, limit: int | None = None) -> list[Pledge]:
    """The pledges waiting for the user's signature (rounds open, movements published), oldest round
    first; each with `my_party`. For the home page: `pledges_to_sign(user=request.user, limit=5)`."""
    parties = (
        _waiting(_my_parties(user))
        .select_related("pledge__round__movement", "pledge__unit", "pledge__pledger")
        .order_by("pledge__round__opened_at", "pledge__round_id", "pledge__unit__path", "pledge_id")
    )
    if limit is not None:
        parties = parties[:limit]
    pledges = []
    for party in parties:
        pledge = party.pledge
        pledge.my_party = party
        pledges.append(pledge)
    return pledges


def pledges_to_sign_count(*, user) -> int:
    return _waiting(_my_parties(user)).count()


def pledges_signed(*, user, limit: int = 200) -> list[PledgeParty]:
    """The user's signatures, newest first."""
    return list(
        _my_parties(user)
        .filter(signed_at__isnull=False)
        .select_related("pledge__round__movement", "pledge__unit", "pledge__pledger")
        .order_by("-signed_at", "-id")[:limit]
    )


@dataclass
class SignGroup:
    """Pledges of one round and level waiting for the user, all with the same text to sign."""

    pledge_round: PledgeRound
    level: str
    text: str
    hash: str
    pledges: list[Pledge] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.pledge_round.pk}-{self.level}-{self.hash[:12]}"

    def get_level_display(self) -> str:
        return str(PledgeLevel(self.level).label)


def sign_groups(*, pledges: list[Pledge]) -> list[SignGroup]:
    """`pledges` (waiting for one user) grouped by round, level and the exact text to sign (one query
    for the rounds' texts)."""
    rounds = {p.round_id for p in pledges}
    texts = {(t.round_id, t.level): t for t in PledgeText.objects.filter(round_id__in=rounds)}
    groups: dict[tuple, SignGroup] = {}
    for pledge in pledges:
        text = text_to_sign(pledge, texts[(pledge.round_id, pledge.level)])
        digest = text_hash(text)
        key = (pledge.round_id, pledge.level, digest)
        if key not in groups:
            groups[key] = SignGroup(pledge.round, pledge.level, text, digest)
        groups[key].pledges.append(pledge)
    return list(groups.values())


def pledge_parties_by_pledge(pledges: list[Pledge]) -> dict[int, list[PledgeParty]]:
    """Pledge id → its parties with their people (one query)."""
    found = defaultdict(list)
    for party in (
        PledgeParty.objects.filter(pledge_id__in=[p.pk for p in pledges])
        .select_related("person", "unit")
        .order_by("pledge_id", "order", "id")
    ):
        found[party.pledge_id].append(party)
    return found


# ---------------------------------------------------------------------------------------------
# Choices for preparing a round
# ---------------------------------------------------------------------------------------------


def may_prepare_rounds(*, movement: Movement, user) -> bool:
    """Whether the user prepares pledge rounds for some unit of the movement (no query)."""
    path = movement.unit.path
    return any(p.startswith(path) or path.startswith(p) for p in role_unit_paths(user, PLEDGES_MANAGE))


def round_institutions(*, movement: Movement, user, day: dt.date) -> list[Unit]:
    """Institutions of the movement's subtree, current on `day`, whose pledges the user prepares."""
    scope = scope_unit_ids(user, PLEDGES_MANAGE)
    if not scope:
        return []
    qs = units_valid_on(
        Unit.objects.filter(
            id__in=scope, path__startswith=movement.unit.path, kind__in=UnitKind.institution_kinds()
        ),
        day,
    )
    return list(qs.order_by("path"))


def round_blocs(*, movement: Movement, user) -> list[Bloc]:
    """Blocs organised in the movement's subtree by a unit the user manages pledges for, in the
    movement's years: their member units may sign a covenant."""
    scope = scope_unit_ids(user, PLEDGES_MANAGE)
    if not scope:
        return []
    return list(
        Bloc.objects.filter(
            owner_id__in=scope,
            owner__path__startswith=movement.unit.path,
            year__gte=movement.start.year,
            year__lte=movement.end.year,
        )
        .select_related("owner")
        .order_by("-year", "name")
    )
