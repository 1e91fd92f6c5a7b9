"""Runs every YAML case in tdkt/law/cases: each is a sentence about the law and its expected verdicts."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tdkt.law import CaseError, evaluate
from tdkt.law.money import bonus

CASES = Path(__file__).resolve().parent.parent / "cases"
_KEYS = {
    "name",
    "case",
    "expect",
    "conditions",
    "text_contains",
    "cite_contains",
    "rule",
    "verified",
    "bonus",
    "amount",
}


def _load():
    for path in sorted(CASES.glob("*.yaml")):
        for i, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            unknown = set(entry) - _KEYS
            assert not unknown, f"{path.name}[{i}]: unknown keys {unknown}"
            yield pytest.param(entry, id=f"{path.stem}: {entry['name']}")


def _plain(value):
    """YAML reads unquoted dates as dates; cases are JSON, so dates go back to text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("entry", list(_load()))
def test_case(entry):
    if "bonus" in entry:
        b = entry["bonus"]
        kwargs = {
            "decided_on": dt.date.fromisoformat(str(b["decided_on"])),
            "collective": b.get("collective", False),
        }
        if entry["amount"] is None:  # the law sets no amount: CaseError, and the CLI exits 2
            with pytest.raises(CaseError):
                bonus(b["item"], **kwargs)
            return
        amount, _ = bonus(b["item"], **kwargs)
        assert amount == entry["amount"]
        return
    answer = evaluate(_plain(entry["case"]))
    results = {r["candidate"]: r for r in answer["results"]}
    for candidate, verdict in entry["expect"].items():
        assert results[candidate]["verdict"] == verdict, results[candidate]
    for candidate, conditions in (entry.get("conditions") or {}).items():
        found = {c["id"]: c["met"] for c in results[candidate]["conditions"]}
        for cid, met in conditions.items():
            assert cid in found, f"{candidate} has no condition {cid}: {sorted(found)}"
            assert found[cid] == met, results[candidate]
    for candidate, fragments in (entry.get("text_contains") or {}).items():
        text = " | ".join(c["text"] for c in results[candidate]["conditions"])
        for fragment in fragments:
            assert fragment in text, text
    for candidate, fragments in (entry.get("cite_contains") or {}).items():
        cites = " | ".join(c["cite"] for c in results[candidate]["conditions"])
        for fragment in fragments:
            assert fragment in cites, cites
    for candidate, name in (entry.get("rule") or {}).items():
        assert results[candidate]["rule"] == name
    for candidate, verified in (entry.get("verified") or {}).items():
        assert results[candidate]["verified"] is verified


def test_every_rule_version_has_at_least_three_cases():
    from tdkt.law.registry import all_versions

    counts: dict[str, int] = {}
    for param in _load():
        entry = param.values[0]
        if "case" not in entry:
            continue
        answer = evaluate(_plain(entry["case"]))
        for r in answer["results"]:
            counts[r["rule"]] = counts.get(r["rule"], 0) + 1
    thin = {v.name: counts.get(v.name, 0) for v in all_versions() if counts.get(v.name, 0) < 3}
    assert thin == {}
