"""Law engine benchmark: the year-end run over a generated population, no database, no Django.

    .venv/bin/python bench/law_bench.py                   # 20,000 people, history 2019–2025
    .venv/bin/python bench/law_bench.py --people 500000
    .venv/bin/python bench/law_bench.py --people 20000 --years 7 --scalar-sample 1000 --repeat 5

Generates a deterministic population (case format of shared/domain/case-format.md), parses it, then times
tdkt.law.batch.evaluate_population for every candidate (as_of 2025-12-20) and, for comparison, the scalar
tdkt.law.engine.evaluate_many on a sample, scaled up to the whole population. Prints people/second, seconds
and peak memory (the batch call's own allocations by tracemalloc in a separate run, and the process's peak
resident set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tdkt.law.batch import evaluate_population
from tdkt.law.engine import evaluate_many
from tdkt.law.facts import parse_case

AS_OF = dt.date(2025, 12, 20)
LAST = AS_OF.year


def _date(rng: random.Random, first: int, last: int) -> str:
    return dt.date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28)).isoformat()


def person(rng: random.Random, i: int, years: int) -> dict:
    """A health worker: ≈80 % LĐTT and ≈12 % CSTĐCS a year, some provincial titles, awards (some thematic),
    initiatives and research at every scope, a little discipline and review."""
    first = LAST - years + 1
    start = rng.randint(1985, LAST)
    history, gef_run, prior_awards = [], 0, 0
    for y in range(max(first, start), LAST + 1):
        roll = rng.random()
        rating = (
            "excellent"
            if roll < 0.18
            else "good"
            if roll < 0.86
            else "completed"
            if roll < 0.95
            else "failed"
            if roll < 0.97
            else None
        )
        entry: dict = {"year": y}
        if rating:
            entry["rating"] = rating
        titles = []
        good = rating in ("excellent", "good")
        if good and rng.random() < 0.93:
            titles.append("advanced_worker")
            if rng.random() < (0.45 if rating == "excellent" else 0.07):
                titles.append("grassroots_emulation_fighter")
        gef_run = gef_run + 1 if "grassroots_emulation_fighter" in titles else 0
        if gef_run >= 3 and rng.random() < 0.5:
            titles.append("provincial_emulation_fighter")
            gef_run = 0
        if titles:
            entry["titles"] = titles
        awards = []
        if good and rng.random() < 0.10:
            awards.append({"form": "commendation_certificate", "decided_on": f"{y}-12-15"})
        if good and rng.random() < 0.03 + 0.05 * ("grassroots_emulation_fighter" in titles):
            category = "thematic" if rng.random() < 0.2 else "merit"
            awards.append(
                {"form": "provincial_merit_certificate", "decided_on": f"{y}-11-20", "category": category}
            )
            prior_awards += 1
        if prior_awards and rng.random() < 0.02:
            awards.append({"form": "prime_minister_merit_certificate", "decided_on": f"{y}-10-02"})
        if rng.random() < 0.003:
            awards.append({"form": "labor_order_third", "decided_on": f"{y}-09-02"})
        if rng.random() < 0.002:
            awards.append({"form": rng.choice(["meritorious_physician", "health_commemorative_medal"])})
        if awards:
            entry["awards"] = awards
        if "grassroots_emulation_fighter" in titles or rng.random() < 0.04:
            scope = rng.choices(["unit", "provincial", "national"], weights=[80, 18, 2])[0]
            entry["initiatives"] = [{"scope": scope, "recognised_on": f"{y}-10-15"}]
            if rng.random() < 0.3:
                entry["research"] = [
                    {"scope": rng.choice(["unit", "provincial"]), "accepted_on": f"{y}-06-30"}
                ]
        if rng.random() < 0.004:
            begin = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
            end = None if rng.random() < 0.2 else begin + dt.timedelta(days=rng.randint(90, 400))
            entry["discipline"] = [
                {
                    "level": rng.choice(["reprimand", "warning", "salary_downgrade"]),
                    "from": begin.isoformat(),
                    "to": end.isoformat() if end else None,
                }
            ]
        if y == LAST and rng.random() < 0.005:
            entry["under_review"] = True
        history.append(entry)
    sector = dt.date(start, rng.randint(1, 12), rng.randint(1, 28))
    subject = {
        "kind": "person",
        "id": f"096{i:09d}",
        "gender": rng.choice(["male", "female", "female", None]),
        "is_manager": rng.choice([False, False, False, True, None]),
        "employed_since": sector.isoformat(),
        "health_sector_since": sector.isoformat() if rng.random() < 0.95 else None,
        "direct_professional_since": sector.isoformat() if rng.random() < 0.9 else None,
        "hazardous_specialty": rng.choice([False, False, False, False, True, None]),
        "history": history,
    }
    return {"as_of": AS_OF.isoformat(), "subject": subject}


def collective(rng: random.Random, i: int, years: int) -> dict:
    history = []
    for y in range(LAST - years + 1, LAST + 1):
        total = rng.randint(5, 60)
        advanced = rng.randint(total // 2, total)
        entry = {
            "year": y,
            "rating": rng.choices(["excellent", "good", "completed"], weights=[30, 60, 10])[0],
            "members": {
                "total": total,
                "completed_tasks": total if rng.random() < 0.8 else total - 1,
                "advanced_workers": advanced,
                "grassroots_emulation_fighters": rng.randint(0, max(advanced // 5, 1)),
                "disciplined_warning_or_above": 1 if rng.random() < 0.05 else 0,
            },
        }
        titles = []
        if entry["rating"] == "excellent" and rng.random() < 0.6:
            titles.append("excellent_collective")
            if rng.random() < 0.15:
                titles.append("provincial_emulation_flag")
        elif entry["rating"] != "completed":
            titles.append("advanced_collective")
        entry["titles"] = titles
        history.append(entry)
    return {
        "as_of": AS_OF.isoformat(),
        "subject": {"kind": "collective", "id": f"unit-{i:06d}", "history": history},
    }


def population(people: int, years: int, collectives: int, seed: int = 2025) -> list[dict]:
    rng = random.Random(seed)
    found = [person(rng, i, years) for i in range(people)]
    found += [collective(rng, i, years) for i in range(collectives)]
    return found


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=7, help="years of history ending with 2025")
    parser.add_argument("--collectives", type=int, default=None, help="default: one per 50 people")
    parser.add_argument("--scalar-sample", type=int, default=500, help="cases for the scalar comparison")
    parser.add_argument("--repeat", type=int, default=3, help="batch runs; the best is reported")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    collectives = args.people // 50 if args.collectives is None else args.collectives
    total = args.people + collectives

    t = time.perf_counter()
    raws = population(args.people, args.years, collectives, args.seed)
    print(
        f"generated {args.people:,} people + {collectives:,} collectives, {args.years} years of history "
        f"({time.perf_counter() - t:.1f} s)",
        flush=True,
    )
    t = time.perf_counter()
    subjects = [parse_case(raw).subject for raw in raws]
    parse_seconds = time.perf_counter() - t
    print(
        f"parse_case for every case: {parse_seconds:.2f} s ({total / parse_seconds:,.0f} cases/s; "
        "not part of the batch figure: the app builds Subjects from its rows)",
        flush=True,
    )

    best, result = float("inf"), None
    for _ in range(max(args.repeat, 1)):
        gc.collect()
        t = time.perf_counter()
        result = evaluate_population(subjects, as_of=AS_OF)
        best = min(best, time.perf_counter() - t)
    pairs = int((result.verdicts >= 0).sum())
    print(f"\nbatch evaluate_population, all candidates, as_of {AS_OF}: best of {args.repeat}")
    print(f"  subjects            {total:,} ({args.people:,} people, {collectives:,} collectives)")
    print(f"  (subject, candidate) {pairs:,} verdicts, {len(result.candidates)} candidates")
    print(f"  total seconds       {best:.3f} s")
    print(f"  people/second       {total / best:,.0f}")

    gc.collect()
    tracemalloc.start()
    evaluate_population(subjects, as_of=AS_OF)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory (call)  {_mib(peak)} allocated by the call (tracemalloc, separate run)")

    sample = raws[: max(1, min(args.scalar_sample, total))]
    t = time.perf_counter()
    evaluate_many(sample)
    scalar = time.perf_counter() - t
    per = scalar / len(sample)
    print(
        f"\nscalar evaluate_many on a sample of {len(sample):,} cases (parse + full explanations): "
        f"{scalar:.2f} s = {per * 1e6:,.0f} µs/case"
    )
    print(
        f"  SCALED UP (estimate) to {total:,}: {per * total:.1f} s, {1 / per:,.0f} people/second "
        f"→ batch is {per * total / best:,.0f}× faster"
    )

    counts = result.counts()
    print("\nverdicts (eligible / not_eligible / unknown):")
    for candidate, found in counts.items():
        print(f"  {candidate:34} {found['eligible']:>8,} {found['not_eligible']:>8,} {found['unknown']:>8,}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"\npeak resident set of the process (population, parsed subjects and all): {_mib(rss)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
