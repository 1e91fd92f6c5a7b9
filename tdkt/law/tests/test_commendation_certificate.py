"""Giấy khen: the standard belongs to each ministry, province or unit (Law 2022 Điều 75 k2), so a local
overlay can replace the default reading by data."""

from tdkt.law import evaluate
from tdkt.law.overlays import parse_overlay

CASE = {
    "as_of": "2025-12-20",
    "candidates": ["commendation_certificate"],
    "subject": {"kind": "person", "id": "079185000299", "history": [{"year": 2025, "rating": "good"}]},
}

EXCELLENT_ONLY = {
    "name": "Quy định khen thưởng của bệnh viện (ví dụ)",
    "parameters": {
        "commendation_certificate.good_ratings": {
            "value": ["excellent"],
            "cite": "Quy chế thi đua, khen thưởng của Bệnh viện, Điều 12 (ví dụ)",
        }
    },
}


def _result(answer):
    (result,) = answer["results"]
    return result


def test_the_default_reading_accepts_a_good_rating():
    assert _result(evaluate(CASE))["verdict"] == "eligible"


def test_an_overlay_can_require_an_excellent_rating():
    result = _result(evaluate(CASE, overlay=parse_overlay(EXCELLENT_ONLY)))
    assert result["verdict"] == "not_eligible"
    rating = next(c for c in result["conditions"] if c["id"] == "rating_good_or_better")
    assert rating["met"] is False
    assert "Hoàn thành xuất sắc nhiệm vụ" in rating["text"]
    assert rating["cite"].startswith("Quy chế thi đua, khen thưởng của Bệnh viện")
