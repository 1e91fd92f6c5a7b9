"""The ballot box: how a secret ballot stays secret from everyone, database administrators included.

What is stored
    * `BallotParticipation(ballot, member, method)`: who has voted (members and the secretary see it: it
      prevents a second vote and lets the minutes count written votes). It holds no choice and no time.
    * `Ballot.sealed`: the three counters (agree, disagree, abstain) of the open ballot, as ONE value,
      encrypted. Each vote decrypts it, adds one, and encrypts it again with a fresh random nonce.
    * On close, the plain totals are written to the ballot and `sealed` is emptied. Below
      `council.tally_min_voters` votes not even the totals are kept: only pass / not pass.
    * Audit entries say that a member voted (the participation row), never the choice.

Why counters and not one anonymous row per vote
    A row per vote (ballot, choice), even with a random UUID key and no timestamp, can be re-linked to its
    voter by an administrator: SQLite keeps rows in an increasing rowid and PostgreSQL in heap order (ctid),
    both the order of insertion, which is also the order of the participation rows and of the audit log;
    and in PostgreSQL `SELECT xmin` on both tables shows that the vote row and the participation row were
    written by the same transaction. Counters carry no order: after any sequence of votes the stored data
    depends only on who voted and on the totals (councils/tests/test_secrecy.py proves it table by table).

Why the counters are sealed while the ballot is open
    Plain counters would still leak to someone watching the database during the vote: read the counters,
    see a participation row appear, read again — the counter that moved is that member's choice (and in
    PostgreSQL the dead row versions left by each update keep that history until vacuum). Sealed counters
    change completely at every vote (new nonce) and all three together, so successive states show only that
    someone voted. The fixed-width encoding keeps the length from changing when a counter reaches 10 or 100.
    This also makes "results are sealed until the secretary closes the ballot" true for the database itself.

Limits (told, not hidden)
    The key is derived from Django's SECRET_KEY (with SECRET_KEY_FALLBACKS for rotation) and never stored in
    the database. Someone who holds both the database and the server's secret, and reads the box between two
    votes while the ballot is open, can still link those votes — as anyone who can change the running server
    could. A secretary records written votes and so reads them, as on paper. A unanimous tally reveals every
    choice by itself; a tally is withheld below the minimum number of voters so that two or three voters
    cannot read each other's choice from it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

CHOICES = ("agree", "disagree", "abstain")
_NONCE = 12
_FORMAT = ">III"  # fixed width: the sealed size never depends on the counts
_PURPOSE = b"tdkt.councils.ballot_box.v1"


@dataclass(frozen=True)
class Counts:
    agree: int = 0
    disagree: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.agree + self.disagree + self.abstain

    def plus(self, choice: str) -> Counts:
        if choice not in CHOICES:
            raise ValueError(f"{choice!r} is not one of {', '.join(CHOICES)}")
        values = {c: getattr(self, c) for c in CHOICES}
        values[choice] += 1
        return Counts(**values)


class BoxError(Exception):
    """The box cannot be opened with this server's keys (wrong key, or the data was altered)."""


def _keys() -> list[bytes]:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [hmac.new(s.encode(), _PURPOSE, hashlib.sha256).digest() for s in secrets]


def _context(ballot_id: int) -> bytes:
    # binds a box to its ballot: a box copied onto another ballot does not open
    return _PURPOSE + b":" + str(ballot_id).encode()


def seal(counts: Counts, *, ballot_id: int) -> bytes:
    nonce = os.urandom(_NONCE)
    plain = struct.pack(_FORMAT, counts.agree, counts.disagree, counts.abstain)
    return nonce + AESGCM(_keys()[0]).encrypt(nonce, plain, _context(ballot_id))


def unseal(box: bytes, *, ballot_id: int) -> Counts:
    box = bytes(box)
    nonce, body = box[:_NONCE], box[_NONCE:]
    for key in _keys():
        try:
            plain = AESGCM(key).decrypt(nonce, body, _context(ballot_id))
        except InvalidTag:
            continue
        return Counts(*struct.unpack(_FORMAT, plain))
    raise BoxError(f"the ballot box of ballot {ballot_id} does not open with this server's keys")
