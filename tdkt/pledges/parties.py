"""Who pledges to whom on a day, as the organisation and the employments give it (reads only).

In an institution: every person whose newest post is in a department pledges to its head (or, without
one, the deputy head in charge); every head pledges to the director (or the deputy director in
charge) and to the union chair the officer named. In a bloc: every member unit signs the covenant
through its director. What cannot be derived is returned as problems, in words an officer can act on.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tdkt.core.timeutil import format_date
from tdkt.pledges.models import PartyRole, PledgeLevel, PledgeRound
from tdkt.pledges.staff import (
    DIRECTORATE,
    departments_of,
    institution_posts,
    pick_director,
    pick_head,
    posts_in_units,
)

Party = tuple[str, int, int | None]  # (role, person id, unit id)


@dataclass(frozen=True)
class Wanted:
    """A pledge the organisation gives: its level, department, pledger and parties in signing order."""

    level: str
    unit_id: int
    pledger_id: int | None
    parties: tuple[Party, ...]


def wanted_in_institution(
    pledge_round: PledgeRound, levels: set[str], day: dt.date
) -> tuple[list[Wanted], list[str]]:
    unit = pledge_round.unit
    departments = departments_of(unit, day)
    dept_ids = {d.pk for d in departments}
    posts = institution_posts(unit, day)  # newest first
    by_dept = defaultdict(list)
    home: dict[int, int] = {}  # a person pledges in the department of their newest post
    for post in posts:
        if post.department_id in dept_ids:
            by_dept[post.department_id].append(post)
            home.setdefault(post.person_id, post.department_id)
    director = pick_director(posts)
    chair_id = pledge_round.union_chair_id
    wanted: list[Wanted] = []
    problems: list[str] = []
    heads_seen: set[int] = set()
    for dept in departments:
        head = pick_head(by_dept[dept.pk])
        if PledgeLevel.STAFF in levels:
            members = sorted(
                {
                    p.person_id
                    for p in by_dept[dept.pk]
                    if home[p.person_id] == dept.pk
                    and p.position not in DIRECTORATE
                    and (head is None or p.person_id != head.person_id)
                }
            )
            if head is None and members:
                problems.append(
                    _(
                        "%(department)s: no head or deputy head in charge is recorded; "
                        "%(n)s staff have no pledge."
                    )
                    % {"department": dept.name, "n": len(members)}
                )
            elif head is not None:
                for person_id in members:
                    wanted.append(
                        Wanted(
                            PledgeLevel.STAFF,
                            dept.pk,
                            person_id,
                            (
                                (PartyRole.PLEDGER, person_id, dept.pk),
                                (PartyRole.DEPARTMENT_HEAD, head.person_id, dept.pk),
                            ),
                        )
                    )
        if PledgeLevel.DEPARTMENT in levels and head is not None and head.person_id not in heads_seen:
            heads_seen.add(head.person_id)
            if director is None:
                continue
            parties: list[Party] = [(PartyRole.PLEDGER, head.person_id, dept.pk)]
            if director.person_id != head.person_id:
                parties.append((PartyRole.DIRECTOR, director.person_id, unit.pk))
            if chair_id is not None and chair_id not in {p[1] for p in parties}:
                parties.append((PartyRole.UNION_CHAIR, chair_id, unit.pk))
            if len(parties) > 1:
                wanted.append(Wanted(PledgeLevel.DEPARTMENT, dept.pk, head.person_id, tuple(parties)))
    if PledgeLevel.DEPARTMENT in levels and director is None and heads_seen:
        problems.append(
            _(
                "%(unit)s: no director or deputy director in charge is recorded; "
                "the department heads' pledges cannot be prepared."
            )
            % {"unit": unit.name}
        )
    return wanted, problems


def wanted_covenant(pledge_round: PledgeRound, day: dt.date) -> tuple[list[Wanted], list[str]]:
    members = sorted(
        (m.unit for m in pledge_round.bloc.memberships.select_related("unit")), key=lambda u: (u.path, u.pk)
    )
    problems: list[str] = []
    valid = []
    for unit in members:
        if unit.is_valid_on(day):
            valid.append(unit)
        else:
            problems.append(
                _("%(unit)s does not exist on %(day)s: it is left out of the covenant.")
                % {"unit": unit.name, "day": format_date(day)}
            )
    by_unit = defaultdict(list)
    for post in posts_in_units([u.pk for u in valid], day):
        by_unit[post.unit_id].append(post)
    parties: list[Party] = []
    signers: set[int] = set()
    for unit in valid:
        director = pick_director(by_unit[unit.pk])
        if director is None:
            problems.append(
                _(
                    "%(unit)s: no director or deputy director in charge is recorded; "
                    "it cannot sign the covenant yet."
                )
                % {"unit": unit.name}
            )
        elif director.person_id in signers:
            problems.append(
                _("%(unit)s: its director already signs for another unit of the bloc.") % {"unit": unit.name}
            )
        else:
            signers.add(director.person_id)
            parties.append((PartyRole.MEMBER_UNIT, director.person_id, unit.pk))
    wanted = [Wanted(PledgeLevel.COVENANT, pledge_round.unit_id, None, tuple(parties))] if parties else []
    return wanted, problems
