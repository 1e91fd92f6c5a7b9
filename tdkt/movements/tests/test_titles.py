"""Review titles read like the titles of official reports, for the names the seed plans give movements."""

import pytest

from tdkt.movements.titles import report_heading, report_subject, review_title


@pytest.mark.parametrize(
    ("name", "phase", "expected"),
    [
        ("Phát động phong trào thi đua năm 2025", "Đợt 1", "Sơ kết đợt 1 phong trào thi đua năm 2025"),
        ("Phát động phong trào thi đua năm 2025", None, "Tổng kết phong trào thi đua năm 2025"),
        (
            "Triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện Đa khoa tỉnh Bình An",
            "Giai đoạn 2",
            "Sơ kết giai đoạn 2 việc triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện Đa khoa "
            "tỉnh Bình An",
        ),
        (
            "Kế hoạch thi đua năm 2025 của Khoa Hồi sức tích cực – Chống độc",
            None,
            "Tổng kết thực hiện Kế hoạch thi đua năm 2025 của Khoa Hồi sức tích cực – Chống độc",
        ),
        (
            "Đợt thi đua cao điểm chào mừng 70 năm Ngày Thầy thuốc Việt Nam",
            "Chào mừng 27/2",
            "Sơ kết đợt “Chào mừng 27/2” đợt thi đua cao điểm chào mừng 70 năm Ngày Thầy thuốc Việt Nam",
        ),
        (
            "Thi đua nâng cao chất lượng khám chữa bệnh",
            None,
            "Tổng kết thực hiện Kế hoạch số 12/KH-SYT về thi đua nâng cao chất lượng khám chữa bệnh",
        ),
    ],
)
def test_a_review_title_names_the_phase_and_what_the_movement_is(name, phase, expected):
    assert review_title(movement_name=name, plan_reference="12/KH-SYT", phase_name=phase) == expected


def test_pages_call_it_a_report_and_the_document_does_not_say_so_twice():
    assert report_heading("Sơ kết đợt 1 phong trào thi đua năm 2025") == (
        "Báo cáo sơ kết đợt 1 phong trào thi đua năm 2025"
    )
    assert report_heading("Báo cáo tổng kết phong trào thi đua") == "Báo cáo tổng kết phong trào thi đua"
    assert report_subject("Báo cáo  tổng kết phong trào thi đua") == "Tổng kết phong trào thi đua"
    assert report_subject("Tổng kết HĐND") == "Tổng kết HĐND"
    assert report_heading("HĐND tỉnh: tổng kết") == "Báo cáo HĐND tỉnh: tổng kết"
