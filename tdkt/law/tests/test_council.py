"""Council voting: quorum, the pass threshold per candidate, its base and the boundary of each share."""

import datetime as dt
from fractions import Fraction

import pytest

from tdkt.law.council import (
    ALL_MEMBERS,
    AT_LEAST,
    MORE_THAN,
    PRESENT,
    ballot_outcome,
    council_rules,
    quorum,
    quorum_on,
    required_votes,
)
from tdkt.law.errors import CaseError
from tdkt.law.parameters import Value

DEC_2025 = dt.date(2025, 12, 20)


def override(name, value):
    return {
        name: Value(name=name, value=value, since=dt.date.min, cite=f"Quy chế thử, {name}", verified=True)
    }


def outcome(
    rules, *, members=10, present=10, conflicted=0, conflicted_present=0, agree=0, disagree=0, abstain=0
):
    return ballot_outcome(
        rules=rules,
        members=members,
        present=present,
        conflicted=conflicted,
        conflicted_present=conflicted_present,
        agree=agree,
        disagree=disagree,
        abstain=abstain,
    )


def test_a_provincial_emulation_fighter_needs_ninety_percent_of_all_members_under_nd_98():
    rules = council_rules("provincial_emulation_fighter", dt.date(2024, 12, 20))
    assert (rules.pass_share, rules.comparison, rules.pass_base) == (Fraction(9, 10), AT_LEAST, ALL_MEMBERS)
    assert rules.ballot_required and rules.written_votes_allowed
    assert "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7" in rules.cite
    assert rules.verified is False


def test_nine_of_ten_members_pass_a_ninety_percent_title_and_eight_do_not():
    rules = council_rules("provincial_emulation_fighter", DEC_2025)
    passed = outcome(rules, agree=9, disagree=1)
    assert (passed.passed, passed.required, passed.base) == (True, 9, 10)
    assert not outcome(rules, agree=8, disagree=2).passed


def test_members_absent_or_silent_count_against_when_the_base_is_the_whole_council():
    rules = council_rules("grassroots_emulation_fighter", DEC_2025)  # 80 % of all members
    # 8 of 10 present, all 8 agree: 8 ≥ 0.8 × 10
    assert outcome(rules, present=8, agree=8).passed
    # 9 of 11 members: 0.8 × 11 = 8.8 → 9 needed; 8 agree is not enough even though all present voters agree
    result = outcome(rules, members=11, present=8, agree=8)
    assert (result.passed, result.required) == (False, 9)
    assert result.text == "8/11 phiếu đồng ý; cần từ 80% tổng số thành viên Hội đồng (11): ít nhất 9 phiếu"


def test_the_base_can_be_the_members_present_when_a_unit_sets_it():
    rules = council_rules(
        "grassroots_emulation_fighter", DEC_2025, overrides=override("council.pass_base", PRESENT)
    )
    assert not rules.written_votes_allowed
    result = outcome(rules, members=12, present=10, agree=8, disagree=2)
    assert (result.passed, result.base, result.required) == (True, 10, 8)
    assert not outcome(rules, members=12, present=10, agree=7, disagree=3).passed
    assert "Quy chế thử, council.pass_base" in rules.cite


def test_a_conflicted_member_leaves_the_base_of_that_item():
    rules = council_rules("provincial_emulation_fighter", DEC_2025)
    # 10 members, one is the nominee: 9 entitled, 0.9 × 9 = 8.1 → 9 needed
    result = outcome(rules, conflicted=1, conflicted_present=1, agree=9)
    assert (result.passed, result.base, result.required) == (True, 9, 9)
    assert not outcome(rules, conflicted=1, conflicted_present=1, agree=8, disagree=1).passed


def test_a_conflicted_member_may_stay_in_the_base_if_the_rules_say_so():
    rules = council_rules(
        "provincial_emulation_fighter", DEC_2025, overrides=override("council.conflicted_leave_base", False)
    )
    result = outcome(rules, conflicted=1, conflicted_present=1, agree=9)
    assert (result.passed, result.base) == (True, 10)


def test_a_title_without_a_legal_share_passes_with_more_than_half():
    rules = council_rules("advanced_worker", DEC_2025)
    assert (rules.pass_share, rules.comparison, rules.ballot_required) == (Fraction(1, 2), MORE_THAN, False)
    assert not outcome(rules, agree=5, disagree=5).passed  # exactly half is not more than half
    assert outcome(rules, agree=6, disagree=4).passed
    assert outcome(rules, members=9, present=9, agree=5, disagree=4).passed
    assert "quá 50%" in outcome(rules, agree=6).text
    assert "Quy chế hoạt động của Hội đồng" in rules.cite


def test_cstdcs_needed_no_council_threshold_before_2024():
    rules = council_rules("grassroots_emulation_fighter", dt.date(2023, 12, 20))
    assert (rules.pass_share, rules.comparison, rules.ballot_required) == (Fraction(1, 2), MORE_THAN, False)
    assert council_rules("grassroots_emulation_fighter", dt.date(2024, 1, 1)).ballot_required


def test_the_quorum_is_two_thirds_of_the_members():
    rules = council_rules("grassroots_emulation_fighter", DEC_2025)
    assert quorum(rules=rules, members=9, present=6).met
    below = quorum(rules=rules, members=9, present=5)
    assert (below.met, below.required, below.share) == (False, 6, Fraction(2, 3))
    assert (
        quorum(rules=rules, members=10, present=7).met and not quorum(rules=rules, members=10, present=6).met
    )
    assert "Thông tư 25/2025/TT-BKHCN" in below.cite
    assert not quorum(rules=rules, members=0, present=0).met


def test_the_tally_is_shown_from_three_voters():
    assert council_rules("advanced_worker", DEC_2025).tally_min_voters == 3


@pytest.mark.parametrize(
    ("share", "base", "comparison", "needed"),
    [
        (Fraction(9, 10), 10, AT_LEAST, 9),
        (Fraction(9, 10), 11, AT_LEAST, 10),
        (Fraction(4, 5), 5, AT_LEAST, 4),
        (Fraction(1, 2), 10, MORE_THAN, 6),
        (Fraction(1, 2), 9, MORE_THAN, 5),
        (Fraction(2, 3), 3, AT_LEAST, 2),
    ],
)
def test_required_votes_at_the_boundary(share, base, comparison, needed):
    assert required_votes(share, base, comparison) == needed


def test_nobody_entitled_to_vote_never_passes():
    rules = council_rules("advanced_worker", DEC_2025)
    assert not outcome(rules, members=1, present=1, conflicted=1, conflicted_present=1).passed


def test_impossible_counts_are_refused():
    rules = council_rules("advanced_worker", DEC_2025)
    with pytest.raises(CaseError):
        outcome(rules, present=11)
    with pytest.raises(CaseError):
        outcome(rules, agree=-1)
    with pytest.raises(CaseError):
        outcome(rules, conflicted=1, conflicted_present=1, agree=10)  # 10 votes, 9 entitled
    with pytest.raises(CaseError):
        council_rules("hero", DEC_2025)
    with pytest.raises(CaseError):
        council_rules("advanced_worker", DEC_2025, overrides=override("council.pass_base", "quorum"))
    with pytest.raises(CaseError):
        council_rules(
            "advanced_worker", DEC_2025, overrides=override("council.default_pass", {"share": "3/2"})
        )


def test_the_quorum_of_a_meeting_does_not_depend_on_the_item():
    by_date = quorum_on(DEC_2025, members=12, present=8)
    by_item = quorum(rules=council_rules("advanced_worker", DEC_2025), members=12, present=8)
    assert by_date == by_item
    assert (by_date.met, by_date.required) == (True, 8)
    assert not quorum_on(DEC_2025, members=12, present=7).met
