"""Next milestones: what one or two more years would bring a person who is not yet eligible."""

import copy
import datetime as dt
from fractions import Fraction

import pytest

from tdkt.law import CaseError
from tdkt.law.milestones import next_milestones
from tdkt.law.parameters import load

LDTT_CSTDCS = ("advanced_worker", "grassroots_emulation_fighter")


def year(y, titles=LDTT_CSTDCS, rating="excellent", **facts):
    return {"year": y, "rating": rating, "titles": list(titles), **facts}


def person(history, candidates, as_of="2025-12-20"):
    return {
        "as_of": as_of,
        "candidates": candidates,
        "subject": {
            "kind": "person",
            "id": "079185000999",
            "employed_since": "2012-01-01",
            "history": history,
        },
    }


def test_one_more_cstdcs_year_closes_a_chain_missing_2023():
    case = person(
        [
            year(2023, titles=["advanced_worker"]),
            year(2024),
            year(2025, initiatives=[{"scope": "provincial"}]),
        ],
        ["provincial_emulation_fighter"],
    )
    [milestone] = next_milestones(case)
    assert milestone["candidate"] == "provincial_emulation_fighter"
    assert milestone["year"] == 2026
    assert milestone["text"] == (
        "Thêm một năm đạt CSTĐCS (2026) thì đủ điều kiện xét "
        "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh năm 2026"
    )
    assert {"year": 2026, "kind": "title", "id": "grassroots_emulation_fighter"} in milestone["needs"]
    assert not any(n["kind"] == "initiative" for n in milestone["needs"])
    assert milestone["rule"] == "provincial_emulation_fighter@2024-01-01"


def test_a_complete_chain_without_a_provincial_initiative_says_the_initiative_is_still_needed():
    case = person(
        [year(2023), year(2024), year(2025, initiatives=[{"scope": "unit"}])],
        ["provincial_emulation_fighter"],
    )
    [milestone] = next_milestones(case)
    assert milestone["year"] == 2026
    assert {"year": 2026, "kind": "initiative", "id": "provincial"} in milestone["needs"]
    assert (
        "sáng kiến hoặc đề tài khoa học phạm vi cấp bộ, ban, ngành, tỉnh trở lên (năm 2026)"
        in milestone["text"]
    )


def test_two_more_years_when_one_is_not_enough():
    case = person([year(2024, titles=["advanced_worker"]), year(2025)], ["provincial_emulation_fighter"])
    [milestone] = next_milestones(case)
    assert milestone["year"] == 2027
    assert milestone["text"].startswith("Thêm hai năm liên tiếp đạt CSTĐCS (2026, 2027)")
    assert {"year": 2027, "kind": "initiative", "id": "provincial"} in milestone["needs"]


def test_the_way_to_cstd_toan_quoc_passes_through_cstd_cap_tinh():
    history = [
        year(2020),
        year(2021),
        year(2022, titles=[*LDTT_CSTDCS, "provincial_emulation_fighter"]),
        year(2023),
        year(2024, initiatives=[{"scope": "national"}]),
    ]
    [milestone] = next_milestones(person(history, ["national_emulation_fighter"], as_of="2024-12-20"))
    assert milestone["year"] == 2025
    assert {"year": 2025, "kind": "title", "id": "provincial_emulation_fighter"} in milestone["needs"]
    assert milestone["text"] == (
        "Thêm một năm đạt CSTĐCS (2025) và được tặng Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh năm 2025 "
        "thì đủ điều kiện xét Chiến sĩ thi đua toàn quốc năm 2025"
    )


def test_a_grassroots_hint_names_the_rating_of_the_next_year():
    case = person([year(2025, titles=["advanced_worker"], rating="good")], ["grassroots_emulation_fighter"])
    [milestone] = next_milestones(case)
    assert milestone["year"] == 2026
    assert milestone["text"] == (
        "Năm 2026 xếp loại «Hoàn thành xuất sắc nhiệm vụ» và đạt Lao động tiên tiến thì đủ điều kiện xét "
        "Chiến sĩ thi đua cơ sở năm 2026"
    )


def test_the_year_ahead_is_judged_by_the_law_then_in_force():
    # 2023: excellent alone was not enough (old rule); 2024: it is (Law 2022 Điều 23).
    case = person(
        [year(2023, titles=["advanced_worker"])], ["grassroots_emulation_fighter"], as_of="2023-12-20"
    )
    [milestone] = next_milestones(case)
    assert milestone["year"] == 2024
    assert milestone["rule"] == "grassroots_emulation_fighter@2024-01-01"
    assert not any(n["kind"] == "initiative" for n in milestone["needs"])


def test_eligible_candidates_get_no_hint():
    case = person(
        [year(2023), year(2024), year(2025, initiatives=[{"scope": "provincial"}])],
        ["grassroots_emulation_fighter", "provincial_emulation_fighter"],
    )
    assert next_milestones(case) == []


def test_a_running_discipline_leaves_nothing_reachable_in_two_years():
    case = person(
        [year(2025, discipline=[{"level": "warning", "from": "2025-03-01"}])],
        ["grassroots_emulation_fighter", "provincial_emulation_fighter"],
    )
    assert next_milestones(case) == []


def test_a_discipline_inside_the_chain_pushes_the_milestone_back():
    # A reprimand in 2024 breaks 2023–2025, and 2024–2026 still contains 2024: the first clean run of three
    # CSTĐCS years is 2025–2027.
    case = person(
        [
            year(2023),
            year(2024, discipline=[{"level": "reprimand", "from": "2024-03-01", "to": "2024-08-31"}]),
            year(2025, initiatives=[{"scope": "provincial"}]),
        ],
        ["provincial_emulation_fighter"],
    )
    [milestone] = next_milestones(case)
    assert milestone["year"] == 2027


def test_the_case_is_not_changed_and_the_function_is_repeatable():
    case = person([year(2024, titles=["advanced_worker"]), year(2025)], ["provincial_emulation_fighter"])
    before = copy.deepcopy(case)
    first = next_milestones(case)
    assert case == before
    assert next_milestones(case) == first


def test_collectives_get_no_hints():
    case = {
        "as_of": "2025-12-20",
        "subject": {"kind": "collective", "id": "khoa-noi", "history": [{"year": 2025, "rating": "good"}]},
    }
    assert next_milestones(case) == []


def test_an_invalid_case_names_the_field():
    case = person([year(2025, rating="gud")], ["grassroots_emulation_fighter"])
    with pytest.raises(CaseError) as error:
        next_milestones(case)
    assert error.value.path == "history[0].rating"


# -- parameters without a rule of their own ------------------------------------------------------------


def _value(name, day):
    return load()[name].at(dt.date.fromisoformat(day))


def test_the_cstdcs_cap_is_15_percent_before_2024_and_unset_nationally_after():
    old = _value("grassroots_emulation_fighter.cap_share", "2023-12-31")
    assert old.value == 0.15 and "91/2017" in old.cite
    new = _value("grassroots_emulation_fighter.cap_share", "2024-01-01")
    assert new.value is None and new.verified is False and "overlay" in new.note


def test_council_thresholds_follow_nd_98_and_are_kept_after_july_2025():
    for day in ("2024-01-01", "2025-07-01"):
        shares = _value("council.pass_share", day).value
        assert shares["national_emulation_fighter"] == shares["provincial_emulation_fighter"] == 0.9
        assert shares["grassroots_emulation_fighter"] == 0.8
        assert "grassroots_emulation_fighter" in _value("council.secret_ballot_candidates", day).value
        assert _value("council.pass_base", day).value == "all_members"
    assert "grassroots_emulation_fighter" not in _value("council.pass_share", "2023-06-01").value
    assert _value("council.pass_share", "2025-07-01").verified is False
    assert Fraction(_value("council.quorum_share", "2025-07-01").value) == Fraction(2, 3)
