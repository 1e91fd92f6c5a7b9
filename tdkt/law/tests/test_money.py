"""Bonus money rules of ND 152/2025 Điều 49: rounding, base salary on the decision date, and which of several
awards decided at the same time is paid."""

import contextlib
import datetime as dt

import pytest

from tdkt.law.errors import CaseError
from tdkt.law.money import bonus, highest_only, payable

DEC_2025 = dt.date(2025, 12, 20)


def test_lao_dong_tien_tien_and_cstdcs_for_2025_pay_the_cstdcs_only():
    assert payable(["advanced_worker", "grassroots_emulation_fighter"], decided_on=DEC_2025) == [
        ("grassroots_emulation_fighter", 2_340_000)
    ]


def test_cstdcs_and_a_giay_khen_at_the_same_time_are_both_paid():
    assert payable(["grassroots_emulation_fighter", "commendation_certificate"], decided_on=DEC_2025) == [
        ("grassroots_emulation_fighter", 2_340_000),
        ("commendation_certificate", 710_000),
    ]


def test_a_title_beside_a_higher_form_is_still_paid():
    # the provincial Bằng khen (1.5) is worth more than the CSTĐCS (1.0): a title and a form → both
    assert payable(["grassroots_emulation_fighter", "provincial_merit_certificate"], decided_on=DEC_2025) == [
        ("grassroots_emulation_fighter", 2_340_000),
        ("provincial_merit_certificate", 3_510_000),
    ]


def test_three_titles_and_two_forms_pay_the_highest_title_and_every_form():
    items = [
        "advanced_worker",
        "commendation_certificate",
        "provincial_emulation_fighter",
        "grassroots_emulation_fighter",
        "commendation_certificate",
    ]
    assert payable(items, decided_on=DEC_2025) == [
        ("commendation_certificate", 710_000),
        ("provincial_emulation_fighter", 7_020_000),
        ("commendation_certificate", 710_000),
    ]


def test_collective_titles_pay_the_highest_one():
    paid = payable(["advanced_collective", "excellent_collective"], decided_on=DEC_2025, collective=True)
    assert paid == [("excellent_collective", 3_510_000)]


def test_highest_only_picks_the_highest_title():
    titles = ["advanced_worker", "grassroots_emulation_fighter"]
    assert highest_only(titles, decided_on=DEC_2025) == "grassroots_emulation_fighter"


def test_nothing_decided_pays_nothing():
    assert payable([], decided_on=DEC_2025) == []


def test_an_item_without_an_amount_is_an_input_error():
    with pytest.raises(CaseError):
        payable(["advanced_worker", "excellent_collective"], decided_on=DEC_2025)


def test_the_amount_is_rounded_up_to_ten_thousand():
    amount, used = bonus("advanced_worker", decided_on=dt.date(2024, 12, 20))
    assert amount == 710_000
    assert {v.name for v in used} == {"bonus.individual", "base_salary"}


def test_the_provincial_merit_certificate_rises_to_one_and_a_half_under_nd_152():
    before, _ = bonus("provincial_merit_certificate", decided_on=dt.date(2025, 6, 30))
    after, _ = bonus("provincial_merit_certificate", decided_on=dt.date(2025, 7, 1))
    assert (before, after) == (2_340_000, 3_510_000)


def test_every_candidate_has_an_amount_for_some_kind_of_subject_under_nd_152():
    from tdkt.law.vocabulary import CANDIDATES

    day = dt.date(2025, 12, 20)
    missing = []
    for item in CANDIDATES:
        amounts = []
        for collective in (False, True):
            with contextlib.suppress(CaseError):
                amounts.append(bonus(item, decided_on=day, collective=collective)[0])
        if not amounts:
            missing.append(item)
    assert missing == []
