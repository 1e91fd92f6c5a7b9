"""One member, two votes sent at the same moment (two phones, a double tap): one counts, the other is refused.

Two threads, each with its own database connection and transaction. The first holds its transaction open
while the second starts. On PostgreSQL the second waits for the ballot's row lock, then finds the first vote
and is refused; on SQLite the database's single writer lock refuses it."""

import threading
import time

import pytest
from django.db import OperationalError, close_old_connections, connection

from tdkt.core.errors import ApplicationError
from tdkt.councils import ballot_box, services
from tdkt.councils.models import Ballot, BallotParticipation

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_votes_at_once_from_one_member_count_once(council_world, attend, monkeypatch):
    cw = council_world
    attend(*cw.everyone)
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=cw.hoa_item))
    real_seal = ballot_box.seal
    inside = threading.Event()

    def slow_seal(counts, *, ballot_id):
        inside.set()  # the first vote is inside its transaction, row written, not committed
        time.sleep(0.5)
        return real_seal(counts, ballot_id=ballot_id)

    monkeypatch.setattr(ballot_box, "seal", slow_seal)
    outcomes: dict[str, str] = {}

    def vote(name: str, choice: str, wait: bool):
        close_old_connections()
        try:
            if wait:
                inside.wait(5)
            services.ballot_cast(actor=cw.chair.user, ballot=ballot, choice=choice)
            outcomes[name] = "counted"
        except ApplicationError as exc:
            outcomes[name] = f"refused: {exc.message}"
        except OperationalError as exc:  # SQLite: the writer lock is held by the first
            outcomes[name] = f"refused: {exc}" if connection.vendor == "sqlite" else f"error: {exc}"
        finally:
            connection.close()

    first = threading.Thread(target=vote, args=("first", "agree", False))
    second = threading.Thread(target=vote, args=("second", "disagree", True))
    first.start()
    second.start()
    first.join(20)
    second.join(20)
    assert outcomes["first"] == "counted"
    assert outcomes["second"].startswith("refused")
    if connection.vendor == "postgresql":
        assert "đã bỏ phiếu" in outcomes["second"]
    monkeypatch.setattr(ballot_box, "seal", real_seal)
    assert BallotParticipation.objects.filter(ballot=ballot).count() == 1
    result = services.ballot_close(actor=cw.secretary_user, ballot=Ballot.objects.get(pk=ballot.pk))
    assert (result.voters, result.agree is None) == (1, True)
    assert Ballot.objects.get(pk=ballot.pk).passed is False
