"""Council voting as pure functions: the quorum of a meeting and the outcome of a ballot on one candidate.

    rules = council_rules("provincial_emulation_fighter", as_of=date(2025, 12, 20))
    quorum(rules=rules, members=11, present=9)          # met, the minimum present, the citation
    ballot_outcome(rules=rules, members=11, present=9, conflicted=1, conflicted_present=1,
                   agree=9, disagree=1, abstain=0)      # passed, the agree votes needed, the citation

Shares are exact fractions (the YAML holds 0.9 or "2/3": read with Fraction(str(value))). A share is compared
"at least" (≥ share × base, ND 98/2023 Điều 30 k7) unless the parameter says "more than" (quá nửa).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from tdkt.law.errors import CaseError
from tdkt.law.parameters import Parameters, Value
from tdkt.law.vocabulary import CANDIDATES

ALL_MEMBERS = "all_members"
PRESENT = "present"
BASES = (ALL_MEMBERS, PRESENT)
AT_LEAST = "at_least"
MORE_THAN = "more_than"
BASE_LABELS_VI = {ALL_MEMBERS: "tổng số thành viên Hội đồng", PRESENT: "số thành viên có mặt"}


@dataclass(frozen=True)
class CouncilRules:
    """What the law asks of a council voting on `candidate` on `as_of`, with the values it came from."""

    candidate: str
    as_of: dt.date
    pass_share: Fraction
    comparison: str  # AT_LEAST or MORE_THAN
    pass_base: str  # ALL_MEMBERS or PRESENT
    quorum_share: Fraction
    ballot_required: bool  # the candidate is in council.secret_ballot_candidates
    conflicted_leave_base: bool
    tally_min_voters: int
    threshold: Value  # the value that set pass_share (council.pass_share or council.default_pass)
    values: tuple[Value, ...]

    @property
    def written_votes_allowed(self) -> bool:
        """Absent members vote in writing only when the base is the whole membership (ND 98 Điều 30 k7)."""
        return self.pass_base == ALL_MEMBERS

    @property
    def cite(self) -> str:
        """The citations of the threshold and its base (the two that decide a ballot), without repeats."""
        base = next(v for v in self.values if v.name == "council.pass_base")
        return "; ".join(dict.fromkeys([self.threshold.cite, base.cite]))

    @property
    def verified(self) -> bool:
        return all(v.verified for v in self.values)


@dataclass(frozen=True)
class Quorum:
    met: bool
    members: int
    present: int
    required: int  # the fewest members present for a valid meeting
    share: Fraction
    cite: str
    verified: bool


@dataclass(frozen=True)
class Outcome:
    passed: bool
    base: int  # the denominator: members (or present members) entitled to vote on the item
    required: int  # the fewest agree votes that pass
    agree: int
    voters: int
    share: Fraction
    comparison: str
    pass_base: str
    text: str  # Vietnamese, e.g. "9/11 phiếu đồng ý; cần từ 90% của 10 thành viên …: ít nhất 9 phiếu"
    cite: str
    verified: bool


def _share(value: object, name: str) -> Fraction:
    try:
        share = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise CaseError(name, f"{value!r} is not a share") from None
    if not 0 < share <= 1:
        raise CaseError(name, f"{value!r} is not a share between 0 and 1")
    return share


def council_rules(
    candidate: str, as_of: dt.date, *, table=None, overrides: dict[str, Value] | None = None
) -> CouncilRules:
    """The council's rules for `candidate` on `as_of`; `overrides` replace parameters (a unit's own rules)."""
    if candidate not in CANDIDATES:
        raise CaseError("candidate", f"{candidate!r} is not one of {', '.join(CANDIDATES)}")
    params = Parameters(as_of, table, overrides)
    shares = params.value("council.pass_share")
    if candidate in (shares.value or {}):
        threshold = shares
        share, comparison = _share(shares.value[candidate], "council.pass_share"), AT_LEAST
    else:
        threshold = params.value("council.default_pass")
        raw = threshold.value
        if not isinstance(raw, dict) or raw.get("comparison") not in (AT_LEAST, MORE_THAN):
            raise CaseError("council.default_pass", "expected {share, comparison: at_least | more_than}")
        share, comparison = _share(raw.get("share"), "council.default_pass"), raw["comparison"]
    base = params("council.pass_base")
    if base not in BASES:
        raise CaseError("council.pass_base", f"{base!r} is not one of {', '.join(BASES)}")
    minimum = params("council.tally_min_voters")
    if not isinstance(minimum, int) or minimum < 1:
        raise CaseError("council.tally_min_voters", f"{minimum!r} is not a positive whole number")
    return CouncilRules(
        candidate=candidate,
        as_of=as_of,
        pass_share=share,
        comparison=comparison,
        pass_base=base,
        quorum_share=_share(params("council.quorum_share"), "council.quorum_share"),
        ballot_required=candidate in (params("council.secret_ballot_candidates") or []),
        conflicted_leave_base=bool(params("council.conflicted_leave_base")),
        tally_min_voters=minimum,
        threshold=threshold,
        values=tuple({(v.name, v.since): v for v in params.used}.values()),
    )


def quorum(*, rules: CouncilRules, members: int, present: int) -> Quorum:
    """A meeting is valid when at least quorum_share of the (voting) members are present."""
    overrides = {v.name: v for v in rules.values if v.name == "council.quorum_share"}
    return quorum_on(rules.as_of, members=members, present=present, overrides=overrides)


def quorum_on(
    as_of: dt.date, *, members: int, present: int, table=None, overrides: dict[str, Value] | None = None
) -> Quorum:
    """The quorum of a meeting held on `as_of` (it does not depend on what is voted on)."""
    params = Parameters(as_of, table, overrides)
    value = params.value("council.quorum_share")
    share = _share(value.value, "council.quorum_share")
    if not 0 <= present <= members:
        raise CaseError("present", f"{present} present of {members} members")
    required = math.ceil(share * members)
    return Quorum(
        met=members > 0 and present >= required,
        members=members,
        present=present,
        required=required,
        share=share,
        cite=value.cite,
        verified=value.verified,
    )


def required_votes(share: Fraction, base: int, comparison: str) -> int:
    """The fewest agree votes that meet `share` of `base`: ≥ share × base, or > share × base."""
    exact = share * base
    return math.ceil(exact) if comparison == AT_LEAST else math.floor(exact) + 1


def ballot_outcome(
    *,
    rules: CouncilRules,
    members: int,
    present: int,
    conflicted: int,
    conflicted_present: int,
    agree: int,
    disagree: int,
    abstain: int,
) -> Outcome:
    """Pass or not for one item. `members`/`present` count voting members; `conflicted` of them (of whom
    `conflicted_present` are present) are excluded from the item. Members who did not vote count against
    when the base is the whole membership."""
    counts = {"agree": agree, "disagree": disagree, "abstain": abstain}
    if any(n < 0 for n in counts.values()):
        raise CaseError("votes", "vote counts cannot be negative")
    if not (0 <= present <= members and 0 <= conflicted_present <= conflicted <= members):
        raise CaseError("members", "inconsistent member counts")
    if conflicted_present > present:
        raise CaseError("conflicted_present", "more conflicted members present than members present")
    if rules.pass_base == ALL_MEMBERS:
        base = members - (conflicted if rules.conflicted_leave_base else 0)
    else:
        base = present - (conflicted_present if rules.conflicted_leave_base else 0)
    voters = agree + disagree + abstain
    entitled = members - conflicted if rules.pass_base == ALL_MEMBERS else present - conflicted_present
    if voters > entitled:
        raise CaseError("votes", f"{voters} votes for {entitled} members entitled to vote")
    required = required_votes(rules.pass_share, base, rules.comparison)
    passed = base > 0 and agree >= required
    percent = f"{float(rules.pass_share * 100):g}".replace(".", ",")
    word = "từ" if rules.comparison == AT_LEAST else "quá"
    text = (
        f"{agree}/{base} phiếu đồng ý; cần {word} {percent}% {BASE_LABELS_VI[rules.pass_base]}"
        f" ({base}): ít nhất {required} phiếu"
    )
    return Outcome(
        passed=passed,
        base=base,
        required=required,
        agree=agree,
        voters=voters,
        share=rules.pass_share,
        comparison=rules.comparison,
        pass_base=rules.pass_base,
        text=text,
        cite=rules.cite,
        verified=rules.verified,
    )
