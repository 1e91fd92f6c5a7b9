"""An administrator who reads every table — audit log and sessions included — cannot tell who voted what.

Each scenario runs a whole ballot through the web pages (members log in, vote, the secretary closes) with the
clock stopped, then dumps every table of the database and rolls back. Two scenarios with the same totals but
the choices swapped between members leave byte-identical databases; with a different order of voting too,
the databases differ only in the order of rows (ids), which carries no choice."""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.color import no_style
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from tdkt.councils.models import Ballot, BallotParticipation
from tdkt.councils.services import ballot_open

pytestmark = pytest.mark.django_db

FROZEN = dt.datetime(2025, 12, 20, 8, 30, tzinfo=dt.UTC)


def reset_sequences():
    """Next ids continue from the highest id (PostgreSQL sequences do not roll back with the data)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def database_dump() -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of every table. Sessions are compared by content: their keys are random by design and
    their data is signed with the wall clock."""
    dump = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = [c[0] for c in cursor.description]
            rows = [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()
            ]
            if table == "django_session":
                key, data = columns.index("session_key"), columns.index("session_data")
                rows = [
                    tuple(
                        "<key>"
                        if i == key
                        else repr(sorted(SessionStore().decode(v).items()))
                        if i == data
                        else v
                        for i, v in enumerate(row)
                    )
                    for row in rows
                ]
            dump[table] = (columns, sorted(rows, key=repr))
    return dump


def run_ballot(client, cw, votes: list[tuple[object, str]]) -> dict:
    """Open the ballot on Hoa, cast `votes` (member, choice) in that order, close it; dump, roll back."""
    with transaction.atomic():
        reset_sequences()
        ballot = ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
        for member, choice in votes:
            client.force_login(member.user)
            response = client.post(reverse("councils:ballot_cast", args=[ballot.pk]), {"choice": choice})
            assert response.status_code == 302
        client.force_login(cw.secretary_user)
        client.post(reverse("councils:ballot_close", args=[ballot.pk]))
        ballot.refresh_from_db()
        totals = (ballot.agree, ballot.disagree, ballot.abstain)
        dump = database_dump()
        transaction.set_rollback(True)
    return {"totals": totals, "dump": dump}


@pytest.fixture
def frozen_clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FROZEN)


@pytest.fixture
def sitting(council_world, attend):
    attend(*council_world.everyone)
    return council_world


def test_swapping_choices_between_members_leaves_the_same_database(client, sitting, frozen_clock):
    cw = sitting
    members = cw.everyone
    first = run_ballot(
        client,
        cw,
        list(
            zip(members, ["agree", "agree", "disagree", "abstain", "agree", "disagree", "agree"], strict=True)
        ),
    )
    second = run_ballot(
        client,
        cw,
        list(
            zip(members, ["disagree", "agree", "agree", "agree", "abstain", "agree", "disagree"], strict=True)
        ),
    )
    assert first["totals"] == second["totals"] == (4, 2, 1)
    assert first["dump"].keys() == second["dump"].keys()
    differing = [t for t in first["dump"] if first["dump"][t] != second["dump"][t]]
    assert differing == []
    # and the dump did hold the ballot, the participation and the audit of each vote
    assert len(first["dump"][BallotParticipation._meta.db_table][1]) == 7
    audit = first["dump"]["accounts_auditentry"]
    assert sum(1 for row in audit[1] if "councils.ballotparticipation" in row) == 7


def canonical(dump: dict) -> dict:
    """The dump with the order of voting taken out: participation rows keyed by their member instead of an id
    given in voting order, and audit entries without their own ids."""
    dump = dict(dump)
    table = BallotParticipation._meta.db_table
    columns, rows = dump[table]
    pk, member = columns.index("id"), columns.index("member_id")
    by_id = {str(r[pk]): f"member:{r[member]}" for r in rows}
    dump[table] = (
        columns,
        sorted((tuple(by_id[str(r[pk])] if i == pk else v for i, v in enumerate(r)) for r in rows), key=repr),
    )
    columns, rows = dump["accounts_auditentry"]
    pk, kind, object_id = columns.index("id"), columns.index("object_type"), columns.index("object_id")

    def entry(r):
        moved = r[kind] == "councils.ballotparticipation"
        return tuple(
            None if i == pk else by_id[v] if (i == object_id and moved) else v for i, v in enumerate(r)
        )

    dump["accounts_auditentry"] = (columns, sorted((entry(r) for r in rows), key=repr))
    return dump


def test_voting_in_another_order_with_other_choices_leaves_only_the_order(client, sitting, frozen_clock):
    cw = sitting
    m = cw.everyone
    first = run_ballot(
        client, cw, [(m[0], "agree"), (m[1], "disagree"), (m[2], "agree"), (m[3], "abstain"), (m[4], "agree")]
    )
    second = run_ballot(
        client, cw, [(m[4], "abstain"), (m[2], "agree"), (m[0], "agree"), (m[3], "disagree"), (m[1], "agree")]
    )
    assert first["totals"] == second["totals"] == (3, 1, 1)
    raw = [t for t in first["dump"] if first["dump"][t] != second["dump"][t]]
    assert set(raw) <= {
        "councils_ballotparticipation",
        "accounts_auditentry",
    }  # ids follow the order of voting
    a, b = canonical(first["dump"]), canonical(second["dump"])
    assert [t for t in a if a[t] != b[t]] == []


def test_watching_the_database_during_the_vote_shows_only_that_someone_voted(client, sitting):
    """Dump, one vote, dump: what changed is a participation row, its audit entry and the sealed box —
    which changes wholly at every vote, whatever the choice."""
    cw = sitting
    ballot = ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    url = reverse("councils:ballot_cast", args=[ballot.pk])
    boxes = []
    for member, choice in ((cw.chair, "agree"), (cw.vice, "disagree")):
        client.force_login(member.user)
        before = database_dump()
        client.post(url, {"choice": choice})
        after = database_dump()
        changed = {t for t in before if before[t] != after[t]}
        assert changed == {"councils_ballot", "councils_ballotparticipation", "accounts_auditentry"}
        columns, (old,) = (
            before["councils_ballot"][0],
            [r for r in before["councils_ballot"][1] if r[0] == ballot.pk],
        )
        (new,) = [r for r in after["councils_ballot"][1] if r[0] == ballot.pk]
        assert [c for c, x, y in zip(columns, old, new, strict=True) if x != y] == ["sealed"]
        boxes.append(new[columns.index("sealed")])
        columns, rows = after["councils_ballotparticipation"]
        (added,) = set(rows) - set(before["councils_ballotparticipation"][1])
        assert set(columns) == {"id", "ballot_id", "member_id", "method", "recorded_by_id"}
        assert dict(zip(columns, added, strict=True))["member_id"] == member.pk
    assert len(boxes[0]) == len(boxes[1])
