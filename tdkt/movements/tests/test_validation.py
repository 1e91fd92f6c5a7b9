"""Warnings on a plan as entered: phase dates, anniversaries, measurable targets (no database)."""

import datetime as dt
from decimal import Decimal

from tdkt.movements.inputs import PhaseInput, SectionInput
from tdkt.movements.validation import anniversary_mentions, plan_warnings

from .factories import content, good_target

D = dt.date

# Seed 000 (a provincial health council's 2025 plan), section III, word for word.
SEED_000_PHASE_1 = (
    "Với Chủ đề “Mừng Đảng quang vinh - Mừng Sinh nhật Bác”. Các phong trào thi đua tập trung hướng về chào "
    "mừng kỷ niệm 70 năm ngày Thầy thuốc Việt Nam(27/2/1955  -27/2/2025); 95 năm thành lập Đảng Cộng sản "
    "Việt Nam (03/02/1930 - 03/02/2025); kỷ niệm 50 năm ngày Giải phóng hoàn toàn miền Nam, thống nhất đất "
    "nước (30/4/1975 - 30/4/2025); tổ chức các hoạt động “Tháng Công nhân” gắn với kỷ niệm 135 năm ngày sinh "
    "Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)."
)
SEED_000_PHASE_2 = (
    "Với Chủ đề “Thi đua cao điểm hoàn thành toàn diện và vượt mức chỉ tiêu nhiệm vụ năm 2025”. Tổ chức thi "
    "đua kỷ niệm 80 năm Cách mạng tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ "
    "nghĩa Việt Nam (02/9/1945 - 02/9/2025) gắn với kỷ niệm 96 năm thành lập Công đoàn Việt Nam (28/7/1929 - "
    "28/7/2025); Thi đua nước rút phấn đấu hoàn thành tốt nhiệm vụ chính trị năm 2025."
)


def codes(warnings):
    return sorted(w.code for w in warnings)


def test_a_consistent_plan_raises_no_warning():
    assert plan_warnings(content()) == []


def test_seed_000_second_phase_dated_2024_inside_a_2025_plan_is_flagged():
    plan = content(
        phases=[
            PhaseInput(name="Đợt 1", start=D(2025, 1, 1), end=D(2025, 6, 30), description=SEED_000_PHASE_1),
            PhaseInput(name="Đợt 2", start=D(2024, 7, 1), end=D(2024, 12, 31), description=SEED_000_PHASE_2),
        ]
    )
    warnings = plan_warnings(plan)
    outside = [w for w in warnings if w.code == "phase_outside_plan"]
    assert len(outside) == 1
    assert "Đợt 2" in outside[0].message
    assert "01/07/2024 – 31/12/2024" in outside[0].message
    assert "01/01/2025 – 31/12/2025" in outside[0].message
    # phase 2 also starts before phase 1, and the anniversaries it celebrates fall in 2025, not in it
    assert "phases_out_of_order" in codes(warnings)
    celebrated = {w.key.split(":")[2] for w in warnings if w.code == "anniversary_outside_period"}
    assert celebrated == {"august_revolution", "national_day", "trade_union_founding"}  # all in 2025
    # phase 1's five anniversaries are all right
    assert not [w for w in warnings if w.key.startswith("anniversary") and ":dot 1:" in w.key]


def test_the_seed_000_warning_disappears_once_phase_2_is_dated_2025():
    plan = content(
        phases=[
            PhaseInput(name="Đợt 1", start=D(2025, 1, 1), end=D(2025, 6, 30), description=SEED_000_PHASE_1),
            PhaseInput(name="Đợt 2", start=D(2025, 7, 1), end=D(2025, 12, 31), description=SEED_000_PHASE_2),
        ]
    )
    assert plan_warnings(plan) == []


def test_the_mentions_read_the_count_and_the_dates_of_each_anniversary():
    mentions = {m.anniversary.code: m for m in anniversary_mentions(SEED_000_PHASE_1)}
    assert set(mentions) == {"physicians_day", "party_founding", "reunification", "ho_chi_minh_birthday"}
    assert mentions["physicians_day"].count == 70
    assert mentions["physicians_day"].dates == ((27, 2, 1955), (27, 2, 2025))
    assert mentions["ho_chi_minh_birthday"].count == 135


def test_a_wrong_day_for_doctors_day_is_flagged():
    plan = content(theme="Chào mừng 70 năm Ngày Thầy thuốc Việt Nam (28/02/2025)")
    warnings = plan_warnings(plan)
    assert codes(warnings) == ["anniversary_wrong_date"]
    assert "27/02" in warnings[0].message and "28/2" in warnings[0].message


def test_a_wrong_anniversary_count_is_flagged():
    plan = content(
        sections=[
            SectionInput(
                heading="Nội dung", body="kỷ niệm 75 năm ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2025)"
            )
        ]
    )
    warnings = plan_warnings(plan)
    assert codes(warnings) == ["anniversary_wrong_count"]
    assert "70" in warnings[0].message


def test_an_anniversary_count_that_lands_outside_the_plan_is_flagged():
    plan = content(theme="Chào mừng 71 năm Ngày Thầy thuốc Việt Nam")  # 1955 + 71 = 2026
    assert codes(plan_warnings(plan)) == ["anniversary_outside_period"]


def test_a_chosen_anniversary_must_fall_inside_its_phase():
    plan = content(
        phases=[
            PhaseInput(
                name="Đợt 1", start=D(2025, 3, 1), end=D(2025, 6, 30), commemorations=["physicians_day"]
            ),
            PhaseInput(
                name="Đợt 2", start=D(2025, 7, 1), end=D(2025, 12, 31), commemorations=["national_day"]
            ),
        ]
    )
    warnings = plan_warnings(plan)
    assert codes(warnings) == ["anniversary_outside_phase"]
    assert "Đợt 1" in warnings[0].message and "27/02" in warnings[0].message


def test_overlapping_phases_are_flagged_even_when_not_neighbours():
    plan = content(
        phases=[
            PhaseInput(name="Cả năm", start=D(2025, 1, 1), end=D(2025, 12, 31)),
            PhaseInput(name="Quý I", start=D(2025, 1, 1), end=D(2025, 3, 31)),
            PhaseInput(name="Quý III", start=D(2025, 7, 1), end=D(2025, 9, 30)),
        ]
    )
    overlaps = [w for w in plan_warnings(plan) if w.code == "phases_overlap"]
    assert len(overlaps) == 2
    assert all("Cả năm" in w.message for w in overlaps)


def test_a_phase_whose_end_precedes_its_start_is_left_to_the_form_error():
    plan = content(phases=[PhaseInput(name="Đợt 1", start=D(2025, 6, 1), end=D(2025, 5, 1))])
    assert plan_warnings(plan) == []


def test_targets_must_be_measurable():
    plan = content(
        targets=[
            good_target(
                indicator="Tham gia đề tài nghiên cứu khoa học",
                comparator="",
                threshold=None,
                unit_of_measure="",
            ),
            good_target(indicator="Tỷ lệ hài lòng", frequency=""),
            good_target(indicator="Tỷ lệ tiêm chủng", threshold=Decimal("120")),
            good_target(indicator="Tỷ lệ tuyệt đối", comparator="gt", threshold=Decimal("100")),
            good_target(
                indicator="Số vụ vi phạm", unit_of_measure="vụ", comparator="lte", threshold=Decimal(0)
            ),
        ]
    )
    by_target = {}
    for w in plan_warnings(plan):
        by_target.setdefault(int(w.key.split(":")[1]), []).append(w.code)
    assert sorted(by_target[1]) == ["target_no_threshold", "target_no_unit"]
    assert by_target[2] == ["target_no_frequency"]
    assert by_target[3] == ["target_percent_range"]
    assert by_target[4] == ["target_unreachable"]
    assert by_target[5] == ["target_direction"]  # ≤ 0 violations while "higher is better"


def test_a_computed_target_needs_no_reporting_frequency():
    plan = content(targets=[good_target(kind="computed", computation="staff_rated_good_share", frequency="")])
    assert plan_warnings(plan) == []


def test_a_plan_without_targets_is_flagged():
    assert codes(plan_warnings(content(targets=[]))) == ["no_targets"]


def test_a_derived_plan_running_past_its_parent_is_flagged():
    class Parent:
        start, end = D(2025, 1, 1), D(2025, 6, 30)

    assert codes(plan_warnings(content(), parent=Parent())) == ["period_outside_parent"]


def test_a_warning_key_changes_with_the_facts():
    first = plan_warnings(
        content(phases=[PhaseInput(name="Đợt 2", start=D(2024, 7, 1), end=D(2024, 12, 31))])
    )
    second = plan_warnings(
        content(phases=[PhaseInput(name="Đợt 2", start=D(2024, 8, 1), end=D(2024, 12, 31))])
    )
    assert [w.code for w in first] == [w.code for w in second] == ["phase_outside_plan"]
    assert first[0].key != second[0].key
