"""Writes to pledge rounds and pledges: prepare a round, keep its parties in step with the organisation,
edit its texts, open, close or delete it, and sign. Every change is audited.

The parties come from the organisation on the day (`parties.py`); a sync never changes a pledge anyone
has signed. The first signature freezes the level's text on the pledge with its SHA-256; every party
signs that frozen text, once, as themself.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.core.errors import ApplicationError
from tdkt.core.timeutil import format_date
from tdkt.movements.models import Movement
from tdkt.org.models import Bloc, Unit
from tdkt.people.models import Person
from tdkt.pledges.documents import text_hash, text_to_sign
from tdkt.pledges.models import (
    UNIT_LEVELS,
    Pledge,
    PledgeLevel,
    PledgeParty,
    PledgeRound,
    PledgeText,
    RoundState,
)
from tdkt.pledges.parties import Party, Wanted, wanted_covenant, wanted_in_institution
from tdkt.pledges.staff import institution_posts


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


@dataclass(frozen=True)
class TextInput:
    level: str
    heading: str
    body: str


@dataclass
class SyncResult:
    created: int = 0
    replaced: int = 0  # unsigned pledges whose parties changed (a new head, a new union chair)
    removed: int = 0
    unchanged: int = 0
    kept_signed: int = 0  # signed pledges the organisation no longer gives: left as they were signed
    problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Rounds
# ---------------------------------------------------------------------------------------------


def _check_movement(movement: Movement) -> None:
    if not movement.is_published:
        raise ApplicationError(
            _("Pledges are prepared and signed while “%(name)s” is published.") % {"name": movement.name}
        )


def _check_union_chair(*, unit: Unit, person: Person | None, day: dt.date) -> None:
    if person is None:
        return
    if not any(p.person_id == person.pk for p in institution_posts(unit, day)):
        raise ApplicationError(
            _("%(name)s does not work at %(unit)s on %(day)s: choose the union chair among its staff.")
            % {"name": person.full_name, "unit": unit.name, "day": format_date(day)}
        )


def _check_scope(
    *, movement: Movement, unit: Unit | None, bloc: Bloc | None, levels: set[str], day: dt.date
) -> Unit:
    """The round's organising unit, once the unit or bloc and the levels fit the movement."""
    if (unit is None) == (bloc is None):
        raise ApplicationError(_("A round is prepared for one unit or for one bloc."))
    if bloc is not None:
        if levels != {PledgeLevel.COVENANT}:
            raise ApplicationError(_("A bloc's round holds the covenant only."))
        if not bloc.owner.path.startswith(movement.unit.path):
            raise ApplicationError(
                _("%(bloc)s is organised outside %(unit)s, which launched this movement.")
                % {"bloc": bloc.name, "unit": movement.unit.name}
            )
        if not movement.start.year <= bloc.year <= movement.end.year:
            raise ApplicationError(
                _("%(bloc)s is the bloc of %(year)s, outside the movement's years.")
                % {"bloc": bloc.name, "year": bloc.year}
            )
        return bloc.owner
    if not levels or not levels <= set(UNIT_LEVELS):
        raise ApplicationError(_("Choose who pledges to whom: staff, department heads or both."))
    if not unit.is_institution:
        raise ApplicationError(
            _("Pledges are prepared for a whole institution; %(unit)s is a department.") % {"unit": unit.name}
        )
    if not unit.path.startswith(movement.unit.path):
        raise ApplicationError(
            _("%(unit)s is not under %(launcher)s, which launched this movement.")
            % {"unit": unit.name, "launcher": movement.unit.name}
        )
    if not unit.is_valid_on(day):
        raise ApplicationError(
            _("%(unit)s does not exist on %(day)s.") % {"unit": unit.name, "day": format_date(day)}
        )
    return unit


def _check_no_twin(*, movement: Movement, unit: Unit, bloc: Bloc | None, levels: set[str]) -> None:
    twins = PledgeRound.objects.filter(movement=movement, unit=unit, texts__level__in=levels)
    twins = twins.filter(bloc=bloc) if bloc is not None else twins.filter(bloc__isnull=True)
    twin = twins.first()
    if twin is not None:
        raise ApplicationError(
            _("“%(round)s” already holds these pledges of %(unit)s for this movement.")
            % {"round": twin.name, "unit": unit.name}
        )


def _write_texts(*, actor, pledge_round: PledgeRound, texts: list[TextInput], creating: bool) -> None:
    existing = {t.level: t for t in pledge_round.texts.all()}
    for item in texts:
        text = existing.get(item.level)
        if text is None:
            if not creating:
                raise ApplicationError(_("This round has no such level."))
            text = PledgeText(round=pledge_round, level=item.level)
        before = snapshot(text) if text.pk else None
        text.heading = item.heading.strip()
        text.body = item.body.strip()
        text.full_clean()
        text.save()
        audit_log(
            actor=actor,
            action=AuditAction.UPDATE if before else AuditAction.CREATE,
            obj=text,
            before=before,
            after=snapshot(text),
        )


@transaction.atomic
def round_create(
    *,
    actor,
    movement: Movement,
    name: str,
    texts: list[TextInput],
    day: dt.date,
    unit: Unit | None = None,
    bloc: Bloc | None = None,
    union_chair: Person | None = None,
) -> tuple[PledgeRound, SyncResult]:
    """Prepare a draft round for an institution (`unit`) or a bloc, with one text per level, and derive
    its pledges from the organisation on `day`."""
    _check_movement(movement)
    levels = {t.level for t in texts}
    if len(levels) != len(texts):
        raise ApplicationError(_("Each level has one text."))
    organiser = _check_scope(movement=movement, unit=unit, bloc=bloc, levels=levels, day=day)
    if bloc is not None and union_chair is not None:
        raise ApplicationError(_("A covenant between units has no union chair party."))
    _check_union_chair(unit=organiser, person=union_chair, day=day)
    _check_no_twin(movement=movement, unit=organiser, bloc=bloc, levels=levels)
    pledge_round = PledgeRound(
        movement=movement,
        unit=organiser,
        bloc=bloc,
        name=name.strip(),
        union_chair=union_chair,
        created_by=_user(actor),
    )
    pledge_round.full_clean()
    pledge_round.save()
    audit_log(actor=actor, action=AuditAction.CREATE, obj=pledge_round, after=snapshot(pledge_round))
    _write_texts(actor=actor, pledge_round=pledge_round, texts=texts, creating=True)
    return pledge_round, round_sync(actor=actor, pledge_round=pledge_round, day=day)


def _lock(pledge_round: PledgeRound) -> PledgeRound:
    return (
        PledgeRound.objects.select_for_update(of=("self",))
        .select_related("movement__unit", "unit", "bloc", "union_chair")
        .get(pk=pledge_round.pk)
    )


@transaction.atomic
def round_update(
    *,
    actor,
    pledge_round: PledgeRound,
    name: str,
    texts: list[TextInput],
    day: dt.date,
    union_chair: Person | None = None,
    reason: str = "",
) -> tuple[PledgeRound, SyncResult | None]:
    """Change a round's name, texts and union chair. Pledges already signed keep the text they were
    signed with; a new union chair resyncs the parties of the pledges nobody has signed."""
    pledge_round = _lock(pledge_round)
    if pledge_round.is_closed:
        raise ApplicationError(
            _("“%(name)s” is closed: it can no longer change.") % {"name": pledge_round.name}
        )
    if pledge_round.is_covenant and union_chair is not None:
        raise ApplicationError(_("A covenant between units has no union chair party."))
    _check_union_chair(unit=pledge_round.unit, person=union_chair, day=day)
    before = snapshot(pledge_round)
    chair_changed = pledge_round.union_chair_id != (union_chair.pk if union_chair else None)
    pledge_round.name = name.strip()
    pledge_round.union_chair = union_chair
    pledge_round.full_clean()
    pledge_round.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=pledge_round,
        before=before,
        after=snapshot(pledge_round),
        reason=reason,
    )
    _write_texts(actor=actor, pledge_round=pledge_round, texts=texts, creating=False)
    result = round_sync(actor=actor, pledge_round=pledge_round, day=day) if chair_changed else None
    return pledge_round, result


def _transition(*, actor, pledge_round: PledgeRound, source: str, target: str, stamp: str) -> PledgeRound:
    pledge_round = _lock(pledge_round)
    if pledge_round.state != source:
        raise ApplicationError(
            _("“%(name)s” is %(state)s: this step is not possible now.")
            % {"name": pledge_round.name, "state": pledge_round.get_state_display().lower()}
        )
    before = snapshot(pledge_round) | {"state": pledge_round.state}
    pledge_round.state = target
    setattr(pledge_round, f"{stamp}_at", timezone.now())
    pledge_round.save(update_fields=["state", f"{stamp}_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=pledge_round,
        before=before,
        after=snapshot(pledge_round) | {"state": pledge_round.state},
    )
    return pledge_round


@transaction.atomic
def round_open(*, actor, pledge_round: PledgeRound) -> PledgeRound:
    """Draft → open: the parties see their pledges and sign them."""
    _check_movement(pledge_round.movement)
    if not pledge_round.pledges.exists():
        raise ApplicationError(_("There is no pledge to sign yet: update the parties first."))
    return _transition(
        actor=actor,
        pledge_round=pledge_round,
        source=RoundState.DRAFT,
        target=RoundState.OPEN,
        stamp="opened",
    )


@transaction.atomic
def round_close(*, actor, pledge_round: PledgeRound) -> PledgeRound:
    """Open → closed: no more signatures; what was signed stays."""
    return _transition(
        actor=actor,
        pledge_round=pledge_round,
        source=RoundState.OPEN,
        target=RoundState.CLOSED,
        stamp="closed",
    )


@transaction.atomic
def round_delete(*, actor, pledge_round: PledgeRound) -> None:
    """Remove a round still being prepared (nobody could sign it yet), with its texts and pledges."""
    pledge_round = _lock(pledge_round)
    if not pledge_round.is_draft:
        raise ApplicationError(_("Only a round being prepared can be deleted; close an open one instead."))
    pledges = list(pledge_round.pledges.all())
    audit_log_many(
        actor=actor,
        items=[(AuditAction.DELETE, p, snapshot(p), None) for p in pledges],
        reason=_("Round deleted"),
    )
    audit_log(actor=actor, action=AuditAction.DELETE, obj=pledge_round, before=snapshot(pledge_round))
    pledge_round.delete()


# ---------------------------------------------------------------------------------------------
# Parties from the organisation
# ---------------------------------------------------------------------------------------------


def _parties_of(pledge: Pledge) -> tuple[Party, ...]:
    return tuple((p.role, p.person_id, p.unit_id) for p in pledge.parties.all())


def _audit_pledge(pledge: Pledge, parties: Iterable[Party]) -> dict:
    return snapshot(pledge) | {"parties": [list(p) for p in parties]}


def _create(pledge_round: PledgeRound, wanted: list[Wanted]) -> list[tuple[Pledge, tuple[Party, ...]]]:
    people = Person.objects.in_bulk([w.pledger_id for w in wanted if w.pledger_id])  # names for the log
    pledges = [
        Pledge(
            round=pledge_round,
            level=w.level,
            unit_id=w.unit_id,
            pledger=people.get(w.pledger_id) if w.pledger_id else None,
        )
        for w in wanted
    ]
    Pledge.objects.bulk_create(pledges, batch_size=1000)
    PledgeParty.objects.bulk_create(
        [
            PledgeParty(pledge=pledge, role=role, order=i, person_id=person_id, unit_id=unit_id)
            for pledge, w in zip(pledges, wanted, strict=True)
            for i, (role, person_id, unit_id) in enumerate(w.parties, start=1)
        ],
        batch_size=2000,
    )
    return [(pledge, w.parties) for pledge, w in zip(pledges, wanted, strict=True)]


def _sync_covenant(*, actor, pledge_round: PledgeRound, wanted: list[Wanted], result: SyncResult) -> None:
    """The covenant is one pledge: member units join (or leave, unsigned) one party at a time."""
    pledge = (
        pledge_round.pledges.filter(level=PledgeLevel.COVENANT)
        .prefetch_related(Prefetch("parties", queryset=PledgeParty.objects.select_related("person")))
        .first()
    )
    if pledge is None:
        created = _create(pledge_round, wanted)
        result.created += len(created)
        audit_log_many(
            actor=actor,
            items=[(AuditAction.CREATE, p, None, _audit_pledge(p, parties)) for p, parties in created],
        )
        return
    want = {unit_id: (role, person_id) for role, person_id, unit_id in (wanted[0].parties if wanted else ())}
    have = {p.unit_id: p for p in pledge.parties.all()}
    entries, removed = [], []
    for unit_id, party in have.items():
        if party.is_signed:
            continue
        if unit_id not in want or want[unit_id][1] != party.person_id:
            removed.append(party)
            entries.append((AuditAction.DELETE, party, snapshot(party), None))
    PledgeParty.objects.filter(pk__in=[p.pk for p in removed]).delete()
    kept = {unit_id for unit_id, p in have.items() if p not in removed}
    signers = {p.person_id for p in have.values() if p not in removed}
    order = max((p.order for p in have.values()), default=0)
    added = []
    people = Person.objects.in_bulk([person_id for _role, person_id in want.values()])
    for unit_id, (role, person_id) in want.items():
        if unit_id in kept or person_id in signers:
            continue
        order += 1
        added.append(
            PledgeParty(pledge=pledge, role=role, order=order, person=people[person_id], unit_id=unit_id)
        )
    PledgeParty.objects.bulk_create(added)
    entries += [(AuditAction.CREATE, p, None, snapshot(p)) for p in added]
    audit_log_many(actor=actor, items=entries, reason=_("Parties updated from the organisation"))
    result.removed += len(removed)
    result.created += len(added)
    result.unchanged += len(kept)


@transaction.atomic
def round_sync(*, actor, pledge_round: PledgeRound, day: dt.date) -> SyncResult:
    """Bring the round's pledges in step with the organisation on `day`: create the missing ones,
    replace or remove those nobody has signed, leave signed ones as they are. What cannot be derived
    (a department without a head, a unit without a director) is kept on the round as its problems."""
    pledge_round = _lock(pledge_round)
    if pledge_round.is_closed:
        raise ApplicationError(
            _("“%(name)s” is closed: its parties no longer change.") % {"name": pledge_round.name}
        )
    result = SyncResult()
    levels = set(pledge_round.texts.values_list("level", flat=True))
    if pledge_round.is_covenant:
        wanted, result.problems = wanted_covenant(pledge_round, day)
        _sync_covenant(actor=actor, pledge_round=pledge_round, wanted=wanted, result=result)
    else:
        wanted, result.problems = wanted_in_institution(pledge_round, levels, day)
        _sync_pledges(actor=actor, pledge_round=pledge_round, wanted=wanted, result=result)
    pledge_round.problems = result.problems
    pledge_round.synced_at = timezone.now()
    pledge_round.save(update_fields=["problems", "synced_at"])
    return result


def _sync_pledges(*, actor, pledge_round: PledgeRound, wanted: list[Wanted], result: SyncResult) -> None:
    by_key = {(w.level, w.pledger_id): w for w in wanted}
    existing = list(
        Pledge.objects.filter(round=pledge_round)
        .exclude(level=PledgeLevel.COVENANT)
        .select_related("pledger")
        .prefetch_related("parties")
    )
    to_remove: list[Pledge] = []
    to_create: list[Wanted] = []
    seen = set()
    for pledge in existing:
        key = (pledge.level, pledge.pledger_id)
        seen.add(key)
        want = by_key.get(key)
        signed = any(p.is_signed for p in pledge.parties.all())
        if want is not None and want.parties == _parties_of(pledge) and want.unit_id == pledge.unit_id:
            result.unchanged += 1
        elif signed:
            result.kept_signed += 1
        else:
            to_remove.append(pledge)
            if want is not None:
                to_create.append(want)
    to_create += [w for key, w in by_key.items() if key not in seen]
    entries = [(AuditAction.DELETE, p, _audit_pledge(p, _parties_of(p)), None) for p in to_remove]
    Pledge.objects.filter(pk__in=[p.pk for p in to_remove]).delete()
    created = _create(pledge_round, to_create)
    entries += [(AuditAction.CREATE, p, None, _audit_pledge(p, parties)) for p, parties in created]
    audit_log_many(actor=actor, items=entries, reason=_("Parties updated from the organisation"))
    replaced = sum(1 for w in to_create if (w.level, w.pledger_id) in seen)
    result.replaced += replaced
    result.removed += len(to_remove) - replaced
    result.created += len(created) - replaced


# ---------------------------------------------------------------------------------------------
# Signing
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def pledges_sign(*, actor, pledges: list[Pledge], text_hash_seen: str) -> list[PledgeParty]:
    """The actor signs each of `pledges` as the party they are, accepting the text whose hash they saw.

    All or nothing: a pledge of a round not open, one the actor is not a party to or has signed
    already, or whose text is no longer the one seen refuses the whole batch. The first signature
    freezes the text on the pledge. Set-based: a head signs a whole department in a few queries."""
    person_id = getattr(actor, "person_id", None) if actor is not None else None
    if person_id is None:
        raise ApplicationError(
            _("Your account is not linked to a staff record: ask your unit's emulation officer.")
        )
    if not pledges:
        raise ApplicationError(_("Choose at least one pledge to sign."))
    locked = list(
        Pledge.objects.select_for_update(of=("self",))
        .filter(pk__in=[p.pk for p in pledges])
        .select_related("round__movement", "pledger")
        .prefetch_related(Prefetch("parties", queryset=PledgeParty.objects.select_related("person")))
        .order_by("pk")
    )
    if len(locked) != len({p.pk for p in pledges}):
        raise ApplicationError(_("Some of these pledges no longer exist: reload the page."))
    texts = {
        (t.round_id, t.level): t for t in PledgeText.objects.filter(round_id__in={p.round_id for p in locked})
    }
    mine: list[tuple[Pledge, PledgeParty]] = []
    text = ""
    for pledge in locked:
        pledge_round = pledge.round
        if not pledge_round.is_open or not pledge_round.movement.is_published:
            raise ApplicationError(_("“%(name)s” is not open for signing.") % {"name": pledge_round.name})
        party = next((p for p in pledge.parties.all() if p.person_id == person_id), None)
        if party is None:
            raise ApplicationError(_("You are not a party to this pledge: only its parties sign it."))
        if party.is_signed:
            raise ApplicationError(
                _("You signed this pledge on %(day)s; a pledge is signed only once.")
                % {"day": timezone.localtime(party.signed_at).strftime("%d/%m/%Y %H:%M")}
            )
        text = text_to_sign(pledge, texts[(pledge_round.pk, pledge.level)])
        if text_hash(text) != text_hash_seen:
            raise ApplicationError(
                _("The text of this pledge has changed since you opened it: read it again, then sign.")
            )
        mine.append((pledge, party))
    now = timezone.now()
    # every pledge of the batch reads `text` (its hash is the one seen): the unfrozen ones freeze it
    unfrozen = [pledge for pledge, _party in mine if not pledge.is_frozen]
    Pledge.objects.filter(pk__in=[p.pk for p in unfrozen], text_hash="").update(
        frozen_text=text, text_hash=text_hash_seen, frozen_at=now
    )
    parties = [party for _pledge, party in mine]
    signed = PledgeParty.objects.filter(pk__in=[p.pk for p in parties], signed_at__isnull=True).update(
        signed_at=now, signed_by=_user(actor), signed_hash=text_hash_seen
    )
    if signed != len(parties):  # another request signed in between: refuse the batch (rolled back)
        raise ApplicationError(_("This pledge was signed a moment ago: a pledge is signed only once."))
    entries = []
    for pledge in unfrozen:
        pledge.frozen_text, pledge.text_hash, pledge.frozen_at = text, text_hash_seen, now
        entries.append((AuditAction.UPDATE, pledge, {"text_hash": ""}, {"text_hash": text_hash_seen}))
    for party in parties:
        party.signed_at, party.signed_by, party.signed_hash = now, _user(actor), text_hash_seen
        entries.append(
            (
                AuditAction.UPDATE,
                party,
                {"signed_at": None, "signed_hash": ""},
                {"signed_at": now.isoformat(), "signed_hash": text_hash_seen},
            )
        )
    audit_log_many(actor=actor, items=entries, reason=_("Pledge signed"))
    return parties


def pledge_sign(*, actor, pledge: Pledge, text_hash_seen: str) -> PledgeParty:
    """The actor signs `pledge` (see `pledges_sign`)."""
    return pledges_sign(actor=actor, pledges=[pledge], text_hash_seen=text_hash_seen)[0]
