"""`python -m tdkt.law bonus` as a subprocess (shared/domain/case-format.md): the amount on stdout and exit 0;
invalid input exits 2 with a message on stderr naming what is wrong."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tdkt.law", "bonus", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bonus_prints_the_amount_as_an_integer():
    done = run("advanced_worker", "--decided-on", "2024-12-20")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "710000"


def test_bonus_for_a_collective():
    done = run("excellent_collective", "--decided-on", "2025-12-20", "--collective")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3510000"


def test_a_bad_date_exits_2_and_names_the_option():
    done = run("advanced_worker", "--decided-on", "2024-13-20")
    assert done.returncode == 2
    assert "--decided-on" in done.stderr
    assert done.stdout == ""


def test_a_date_in_another_format_exits_2():
    done = run("advanced_worker", "--decided-on", "20/12/2024")
    assert done.returncode == 2
    assert "--decided-on" in done.stderr


def test_an_unknown_item_exits_2():
    done = run("advanced_wroker", "--decided-on", "2024-12-20")
    assert done.returncode == 2
    assert "advanced_wroker" in done.stderr


def test_an_item_without_an_amount_exits_2():
    done = run("excellent_collective", "--decided-on", "2025-12-20")
    assert done.returncode == 2
    assert "excellent_collective" in done.stderr


def test_a_missing_date_exits_2():
    done = run("advanced_worker")
    assert done.returncode == 2
    assert "--decided-on" in done.stderr


def test_a_bonus_date_before_any_amount_in_force_is_refused_with_exit_2():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tdkt.law", "bonus", "advanced_worker", "--decided-on", "2016-01-01"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "--decided-on: no bonus amount is in force on 2016-01-01" in result.stderr
