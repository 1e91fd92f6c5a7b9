"""Local overlays (tdkt/law/overlays.py): a province, the ministry or a unit adds a condition or replaces a
parameter value as data; a malformed overlay is rejected with the field named."""

import pytest

from tdkt.law import CaseError, evaluate
from tdkt.law.overlays import parse_overlay

MONTHS = "advanced_worker.minimum_months"
CITE = "Quyết định 14/2024/QĐ-UBND tỉnh Bình An, Điều 5"
SANCTION = {
    "name": "Quy định TĐKT tỉnh Bình An 2025",
    "conditions": [
        {
            "candidate": "advanced_worker",
            "id": "no_administrative_sanction",
            "fact": "administrative_sanction",
            "equals": False,
            "text": "Không bị xử phạt vi phạm hành chính trong năm {year}",
            "cite": CITE,
        }
    ],
}


def nurse(year_fields=None, employed_since="2016-03-01"):
    """A nurse rated good in 2025: eligible for LĐTT under the law alone."""
    return {
        "as_of": "2025-12-20",
        "candidates": ["advanced_worker"],
        "subject": {
            "kind": "person",
            "id": "079185000123",
            "employed_since": employed_since,
            "history": [{"year": 2025, "rating": "good", **(year_fields or {})}],
        },
    }


def result(answer):
    (only,) = answer["results"]
    return only


def condition(answer, id):
    return next(c for c in result(answer)["conditions"] if c["id"] == id)


def test_without_the_overlay_the_nurse_is_eligible():
    assert result(evaluate(nurse({"administrative_sanction": True})))["verdict"] == "eligible"


def test_an_added_condition_makes_a_sanctioned_nurse_not_eligible_with_its_text_and_cite():
    answer = evaluate(nurse({"administrative_sanction": True}), overlay=parse_overlay(SANCTION))
    assert result(answer)["verdict"] == "not_eligible"
    added = condition(answer, "no_administrative_sanction")
    assert added == {
        "id": "no_administrative_sanction",
        "met": False,
        "judgement": False,
        "text": "Không bị xử phạt vi phạm hành chính trong năm 2025",
        "cite": CITE,
    }
    # A local condition is not the national law as checked against the official text.
    assert result(answer)["verified"] is False


def test_an_added_condition_that_holds_keeps_the_nurse_eligible():
    answer = evaluate(nurse({"administrative_sanction": False}), overlay=parse_overlay(SANCTION))
    assert result(answer)["verdict"] == "eligible"
    assert condition(answer, "no_administrative_sanction")["met"] is True


def test_an_added_condition_is_unknown_when_the_fact_is_missing():
    answer = evaluate(nurse(), overlay=parse_overlay(SANCTION))
    assert result(answer)["verdict"] == "unknown"
    added = condition(answer, "no_administrative_sanction")
    assert added["met"] is None
    assert added["text"] == "Không bị xử phạt vi phạm hành chính trong năm 2025: chưa có dữ liệu năm 2025"


def test_an_added_condition_only_touches_its_candidate():
    case = nurse({"administrative_sanction": True})
    case["subject"] = {
        "kind": "collective",
        "id": "khoa-noi",
        "history": [
            {
                "year": 2025,
                "rating": "good",
                "administrative_sanction": True,
                "members": {
                    "total": 10,
                    "completed_tasks": 10,
                    "advanced_workers": 8,
                    "grassroots_emulation_fighters": 1,
                    "disciplined_warning_or_above": 0,
                },
            }
        ],
    }
    case["candidates"] = ["advanced_collective"]
    answer = evaluate(case, overlay=parse_overlay(SANCTION))
    assert result(answer)["verdict"] == "eligible"
    assert "no_administrative_sanction" not in {c["id"] for c in result(answer)["conditions"]}


def test_an_overlay_parameter_changes_the_verdict():
    # Recruited on 1 August 2025: 5 months, below the national 6.
    case = nurse(employed_since="2025-08-01")
    assert result(evaluate(case))["verdict"] == "not_eligible"
    five = parse_overlay(
        {
            "name": "Quy chế đơn vị",
            "parameters": {
                "advanced_worker.minimum_months": {"value": 5, "cite": "Quy chế TĐKT Bệnh viện X, Điều 4"}
            },
        }
    )
    answer = evaluate(case, overlay=five)
    assert result(answer)["verdict"] == "eligible"
    months = condition(answer, "minimum_months_worked")
    assert months["met"] is True
    assert months["cite"] == "Quy chế TĐKT Bệnh viện X, Điều 4"
    assert result(answer)["verified"] is False


def test_an_overlay_parameter_can_also_tighten_the_rule():
    case = nurse(employed_since="2025-03-01")  # 10 months
    assert result(evaluate(case))["verdict"] == "eligible"
    eleven = parse_overlay({"parameters": {MONTHS: {"value": 11, "cite": "Quy chế X", "verified": True}}})
    answer = evaluate(case, overlay=eleven)
    assert result(answer)["verdict"] == "not_eligible"
    assert "dưới 11 tháng" in condition(answer, "minimum_months_worked")["text"]


def _with(**changes):
    entry = dict(SANCTION["conditions"][0])
    for key, value in changes.items():
        if value is None:
            del entry[key]
        else:
            entry[key] = value
    return {"conditions": [entry]}


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ([], "overlay"),
        ({"nam": "x"}, "overlay.nam"),
        ({"parameters": ["advanced_worker.minimum_months"]}, "overlay.parameters"),
        ({"conditions": {"candidate": "advanced_worker"}}, "overlay.conditions"),
        ({"parameters": {MONTHS: {"value": 5}}}, f"overlay.parameters.{MONTHS}"),
        ({"parameters": {MONTHS: 5}}, f"overlay.parameters.{MONTHS}"),
        (
            {"parameters": {"advanced_worker.minimum_months": {"value": 5, "cite": "QĐ 1", "vaule": 4}}},
            "overlay.parameters.advanced_worker.minimum_months.vaule",
        ),
        (
            {"parameters": {"advanced_worker.minimum_month": {"value": 5, "cite": "QĐ 1"}}},
            "overlay.parameters.advanced_worker.minimum_month",
        ),
        ({"conditions": ["no_administrative_sanction"]}, "overlay.conditions[0]"),
        (_with(cite=None), "overlay.conditions[0].cite"),
        (_with(equals=None), "overlay.conditions[0].equals"),
        (_with(candidate="hero_of_labour"), "overlay.conditions[0].candidate"),
        (_with(fact="salary"), "overlay.conditions[0].fact"),
        (_with(text=""), "overlay.conditions[0].text"),
        (_with(text="Không bị xử phạt năm {nam}"), "overlay.conditions[0].text"),
        (_with(cite=14), "overlay.conditions[0].cite"),
        (_with(equal=False), "overlay.conditions[0].equal"),
    ],
)
def test_a_malformed_overlay_names_the_field(raw, path):
    with pytest.raises(CaseError) as caught:
        parse_overlay(raw)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: ")
