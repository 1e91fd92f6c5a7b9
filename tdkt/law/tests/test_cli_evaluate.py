"""`python -m tdkt.law evaluate` as an officer or a script runs it (shared/domain/case-format.md): exit 0 with
the answer as JSON, or exit 2 with one line on stderr naming the field and what is wrong."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]

# The collective example of case-format.md, verbatim.
EXAMPLE = {
    "as_of": "2025-12-20",
    "subject": {
        "kind": "collective",
        "id": "khoa-noi-bv-da-khoa-tinh",
        "history": [
            {
                "year": 2025,
                "rating": "excellent",
                "members": {
                    "total": 40,
                    "completed_tasks": 40,
                    "advanced_workers": 30,
                    "grassroots_emulation_fighters": 2,
                    "disciplined_warning_or_above": 0,
                },
                "titles": [],
                "awards": [],
            }
        ],
    },
}


def person(**changes):
    case = {
        "as_of": "2025-12-20",
        "year": 2025,
        "candidates": ["advanced_worker"],
        "subject": {
            "kind": "person",
            "id": "079185000123",
            "gender": "female",
            "employed_since": "2016-03-01",
            "history": [
                {"year": 2023, "rating": "good"},
                {"year": 2024, "rating": "excellent"},
                {"year": 2025, "rating": "good"},
            ],
        },
    }
    case.update(changes)
    return case


def run(*args, stdin=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tdkt.law", "evaluate", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def write(tmp_path, case, name="case.json"):
    path = tmp_path / name
    path.write_text(case if isinstance(case, str) else json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_case_format_example_is_evaluated(tmp_path):
    done = run(write(tmp_path, EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    answer = json.loads(done.stdout)
    assert list(answer) == ["as_of", "year", "subject", "results"]
    assert answer["as_of"] == "2025-12-20"
    assert answer["year"] == 2025  # defaults to the year of as_of
    assert answer["subject"] == "khoa-noi-bv-da-khoa-tinh"
    for result in answer["results"]:
        assert list(result) == ["candidate", "verdict", "rule", "verified", "conditions"]
        assert result["verdict"] in {"eligible", "not_eligible", "unknown"}
        assert isinstance(result["verified"], bool)
        for condition in result["conditions"]:
            assert list(condition) == ["id", "met", "judgement", "text", "cite"]
            assert condition["met"] in {True, False, None}
            if condition["judgement"]:
                assert condition["met"] is None
    results = {r["candidate"]: r for r in answer["results"]}
    assert {"advanced_collective", "excellent_collective"} <= set(results)
    excellent = results["excellent_collective"]
    assert excellent["verdict"] == "eligible"
    assert excellent["rule"] == "excellent_collective@2024-01-01"
    # Every candidate evaluated applies to a collective.
    assert not {"advanced_worker", "grassroots_emulation_fighter"} & set(results)


def test_the_answer_keeps_vietnamese_text_readable(tmp_path):
    done = run(write(tmp_path, person()))
    assert done.returncode == 0, done.stderr
    assert "Hoàn thành tốt nhiệm vụ" in done.stdout  # not \u-escaped
    (result,) = json.loads(done.stdout)["results"]
    assert (result["candidate"], result["verdict"]) == ("advanced_worker", "eligible")


def test_the_case_is_read_from_standard_input_with_a_dash():
    done = run("-", stdin=json.dumps(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["subject"] == "khoa-noi-bv-da-khoa-tinh"


def test_a_wrong_rating_names_the_history_entry_exactly(tmp_path):
    case = person()
    case["subject"]["history"][2]["rating"] = "gud"
    done = run(write(tmp_path, case))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "history[2].rating: 'gud' is not one of excellent, good, completed, failed, unrated\n"
    )


def _without(key):
    case = person()
    del case[key]
    return case


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (_without("as_of"), "as_of: is required"),
        (person(as_of="20/12/2025"), "as_of: '20/12/2025' is not a date (YYYY-MM-DD)"),
        (person(as_of="2025-12-32"), "as_of: '2025-12-32' is not a date (YYYY-MM-DD)"),
        (person(as_of="2025-2-1"), "as_of: '2025-2-1' is not a date (YYYY-MM-DD)"),
        (person(year=2026), "year: 2026 is after as_of (2025-12-20)"),
        (person(reviewer="Nguyễn Văn A"), "reviewer: unknown field"),
        (person(candidates=["hero_of_labour"]), "candidates[0]: 'hero_of_labour' is not one of "),
        (
            person(candidates=["advanced_worker", "excellent_collective"]),
            "candidates[1]: 'excellent_collective' does not apply to a person",
        ),
        ([1, 2, 3], "expected an object, got list"),
    ],
)
def test_an_invalid_case_exits_2_and_names_the_field(tmp_path, case, message):
    done = run(write(tmp_path, case))
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""
    assert done.stderr.startswith(message), done.stderr
    assert done.stderr.count("\n") == 1  # one line, no traceback


def test_an_unknown_field_inside_a_year_names_its_entry(tmp_path):
    case = person()
    case["subject"]["history"][1]["ratting"] = "good"
    done = run(write(tmp_path, case))
    assert (done.returncode, done.stderr) == (2, "history[1].ratting: unknown field\n")


def test_invalid_json_exits_2_with_where_it_broke(tmp_path):
    done = run(write(tmp_path, '{"as_of": "2025-12-20",\n  "subject": }'))
    assert done.returncode == 2
    assert done.stderr == "CASE: not valid JSON: Expecting value at line 2 column 14\n"


def test_an_unreadable_file_exits_2(tmp_path):
    missing = tmp_path / "missing.json"
    done = run(missing)
    assert (done.returncode, done.stderr) == (2, f"CASE: cannot read {missing}: No such file or directory\n")
    done = run(tmp_path)  # a directory
    assert done.returncode == 2
    assert done.stderr.startswith(f"CASE: cannot read {tmp_path}: ")


def test_a_file_that_is_not_utf8_exits_2(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"as_of": "2025-12-20", "subject": {"id": "Nguy\xea\xffn"}}')
    done = run(path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"CASE: {path} is not UTF-8 text")


def test_the_overlay_option_is_documented():
    done = subprocess.run(
        [sys.executable, "-m", "tdkt.law", "evaluate", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0
    assert "--overlay FILE.yaml" in done.stdout


def test_an_overlay_adds_its_condition(tmp_path):
    overlay = tmp_path / "binh-an.yaml"
    overlay.write_text(
        yaml.safe_dump(
            {
                "name": "Quy định TĐKT tỉnh Bình An 2025",
                "conditions": [
                    {
                        "candidate": "advanced_worker",
                        "id": "no_administrative_sanction",
                        "fact": "administrative_sanction",
                        "equals": False,
                        "text": "Không bị xử phạt vi phạm hành chính trong năm {year}",
                        "cite": "Quyết định 14/2024/QĐ-UBND tỉnh Bình An, Điều 5",
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    case = person()
    case["subject"]["history"][2]["administrative_sanction"] = True
    done = run(write(tmp_path, case), "--overlay", overlay)
    assert done.returncode == 0, done.stderr
    (result,) = json.loads(done.stdout)["results"]
    assert result["verdict"] == "not_eligible"
    assert result["conditions"][-1]["text"] == "Không bị xử phạt vi phạm hành chính trong năm 2025"
    # Without the overlay the same case is eligible: the contract is unchanged.
    assert json.loads(run(write(tmp_path, case)).stdout)["results"][0]["verdict"] == "eligible"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("conditions:\n  - candidate: advanced_worker\n", "overlay.conditions[0].id: is required"),
        ("name: [unclosed\n", "--overlay: "),
        ("colours: red\n", "overlay.colours: unknown field"),
    ],
)
def test_a_malformed_overlay_exits_2(tmp_path, text, message):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(text, encoding="utf-8")
    done = run(write(tmp_path, person()), "--overlay", overlay)
    assert done.returncode == 2
    assert done.stderr.startswith(message), done.stderr


def test_a_missing_overlay_file_exits_2(tmp_path):
    done = run(write(tmp_path, person()), "--overlay", tmp_path / "nope.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith("--overlay: cannot read ")
