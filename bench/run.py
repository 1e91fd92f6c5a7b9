#!/usr/bin/env python
"""tdkt benchmark (`make bench`): demo build, people import and people-list load on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tdkt .venv/bin/python bench/run.py [--people N]

Uses (drops and recreates) the database "tdkt_bench" on DATABASE_URL's server; DATABASE_URL's own
database is never touched. Prints a summary and writes it to bench/out/latest.json.
See bench/README.md.
"""

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, sys.path[0] is bench/ itself; import from the project root instead.
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import build, common, web  # noqa: E402
from bench.common import BenchError, heading, log  # noqa: E402

DEMO_UNIT_OFFICER = ("bvdk.thidua", "tdkt-demo-2026")
DEMO_SO_OFFICER = "so.thidua"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=20_000, help="people in the demo province (20000)")
    parser.add_argument("--seed", type=int, default=None, help="demo seed (the demo command's default)")
    parser.add_argument("--import-rows", type=int, default=20_000, help="rows in the import file (20000)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run (15)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk warm-up before each run (3)")
    parser.add_argument("--connections", type=int, default=50, help="concurrent wrk connections (50)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (4)")
    parser.add_argument("--skip-build", action="store_true", help="reuse the existing bench database")
    parser.add_argument("--skip-import", action="store_true", help="leave out the import benchmark")
    parser.add_argument("--skip-http", action="store_true", help="leave out the HTTP benchmark")
    parser.add_argument("--database", default="tdkt_bench", help="bench database name (tdkt_bench)")
    args = parser.parse_args(argv)
    if not 1 <= args.people <= 2_000_000:
        parser.error("--people must be between 1 and 2,000,000")
    if not 1 <= args.import_rows <= 50_000:
        parser.error("--import-rows must be between 1 and 50,000 (the import's limit)")
    if args.duration < 1 or args.warmup < 0 or args.connections < 1:
        parser.error("--duration and --connections must be positive, --warmup not negative")
    return args


def configure_environment(args) -> str:
    """Point this process (and the servers and commands it starts) at the bench database, DEBUG off."""
    base_url = os.environ.get("DATABASE_URL") or common.DEFAULT_DATABASE_URL
    url = common.bench_database_url(base_url, args.database)
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "TDKT_DEBUG": "0",
            "TDKT_SECRET_KEY": os.environ.get("TDKT_BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
            "TDKT_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return url


def _describe_database(args, url: str) -> dict:
    from django.db import connection

    from tdkt.accounts.models import User
    from tdkt.org.models import Unit
    from tdkt.people.models import Person

    info = {
        "database": common.database_name(url),
        "people": Person.objects.count(),
        "units": Unit.objects.count(),
        "users": User.objects.count(),
    }
    version = connection.pg_version  # e.g. 150020
    info["postgresql"] = f"{version // 10000}.{version % 10000}"
    return info


def _visible_people(username: str) -> int | None:
    """How many people the people-list page counts for `username` (its first page shows 50)."""
    from django.test import RequestFactory

    from tdkt.accounts.models import User
    from tdkt.people.views import _filtered_people

    user = User.objects.filter(username=username).first()
    if user is None:
        return None
    request = RequestFactory().get("/people/")
    request.user = user
    return _filtered_people(request)[2].count()


def _load() -> float | None:
    """The 1-minute load average: other work on the machine skews every figure here."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _n(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def summary_text(report: dict) -> str:
    lines = ["", "=" * 78, "tdkt bench — summary", "=" * 78]
    m, db = report["machine"], report["database"]
    lines.append(
        f"Machine        {m['cpus']} CPUs, Python {m['python']}, PostgreSQL {db['postgresql']}, {m['when']}"
    )
    loads = f"load average {m['load_average_at_start']} at start"
    if m.get("load_average_before_http") is not None:
        loads += f", {m['load_average_before_http']} before the load test"
    lines.append(f"               {loads}")
    lines.append(
        f"Bench database {db['database']}: {_n(db['people'])} people, {_n(db['units'])} units, "
        f"{_n(db['users'])} users"
    )
    b = report.get("build")
    lines.append("")
    if b:
        lines.append(f"1. Demo province build ({_n(report['people_requested'])} people requested)")
        lines.append(
            f"   total {b['total_s']:.1f} s  (create database {b['create_database_s']:.1f} s, "
            f"migrate {b['migrate_s']:.1f} s, demo command {b['demo_s']:.1f} s, "
            f"VACUUM ANALYZE {b['vacuum_analyze_s']:.1f} s)"
        )
    else:
        lines.append("1. Demo province build: skipped (--skip-build, existing database reused)")
    i = report.get("import")
    lines.append("")
    if i:
        lines.append(
            f"2. Import of {_n(i['rows'])} rows ({i['file_bytes'] / 1e6:.2f} MB .xlsx, "
            f"{i['units_in_file']} units) by {i['actor']!r}"
        )
        created = _n(i["created"])
        lines.append(f"   people_import               {i['import_s']:8.2f} s  ({created} people created)")
        lines.append(
            f"   calamine read + COPY        {i['baseline_s']:8.2f} s  "
            f"(read {i['baseline_read_s']:.2f} s + COPY {i['baseline_copy_s']:.2f} s)"
        )
        lines.append(f"   import / (calamine + COPY) = {i['ratio']:.1f}×")
    else:
        lines.append("2. Import: skipped")
    h = report.get("http")
    lines.append("")
    if h:
        g = h["gunicorn"]
        lines.append(
            f"3. HTTP: gunicorn {g['workers']} workers × {g['threads']} threads ({g['worker_class']}), "
            f"wrk {h['connections']} connections, {h['duration_s']} s (+{h['warmup_s']} s warm-up)"
        )
        visible = h.get("people_visible")
        lines.append(
            f"   /people/ as {h['user']!r}"
            + (f" ({_n(visible)} people in scope, 50 a page)" if visible else "")
        )
        columns = ("req/s", "p50 ms", "p95 ms", "p99 ms", "requests", "non-2xx")
        lines.append("   " + " " * 16 + "".join(f"{c:>10}" for c in columns))
        for label, key in (("people list", "people_list"), ("bare view", "bare")):
            r = h[key]
            lines.append(
                f"   {label:16}{r['requests_per_s']:10.1f}{r['p50_ms']:10.1f}{r['p95_ms']:10.1f}"
                f"{r['p99_ms']:10.1f}{r['requests']:10,}{r['non2xx']:10}"
            )
        lines.append(
            f"   people-list : bare req/s = {h['rps_ratio']:.3f} (1 : {1 / h['rps_ratio']:.1f}); "
            f"latency people-list / bare: p50 {h['p50_ratio']:.1f}×, p95 {h['p95_ratio']:.1f}×"
        )
    else:
        lines.append("3. HTTP: skipped")
    lines += ["=" * 78, f"JSON: {report['json_path']}", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so the servers' finally blocks still stop them.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return _main(args)
    except BenchError as exc:
        common.fail(str(exc))
        return 1
    except KeyboardInterrupt:
        common.fail("interrupted")
        return 130


def _main(args) -> int:
    url = configure_environment(args)
    report: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "load_average_at_start": _load(),
        },
        "options": vars(args),
        "people_requested": None if args.skip_build else args.people,
        "build": None,
        "import": None,
        "http": None,
    }

    if not args.skip_http:
        web.preflight()
    heading("1. Demo province")
    if args.skip_build:
        if not build.database_exists(url):
            raise BenchError(
                f"--skip-build: database {args.database!r} does not exist; run without it first."
            )
        log(f"Reusing database {args.database!r}")
    else:
        result = build.build(url, people=args.people, seed=args.seed)
        output = result.pop("demo_output")
        report["build"] = {**result, "demo_output_tail": output[-40:]}
        log(f"Build total: {result['total_s']:.1f} s")

    import django

    django.setup()
    report["database"] = _describe_database(args, url)
    log(f"Bench database: {report['database']['people']:,} people, {report['database']['units']:,} units")

    if not args.skip_import:
        from bench import import_bench

        heading(f"2. Import of {args.import_rows:,} rows")
        report["import"] = {
            "actor": DEMO_SO_OFFICER,
            **import_bench.run(
                rows_wanted=args.import_rows, actor_username=DEMO_SO_OFFICER, database_url=url
            ),
        }
        i = report["import"]
        log(f"import {i['import_s']:.2f} s / (calamine + COPY) {i['baseline_s']:.2f} s = {i['ratio']:.1f}×")

    if not args.skip_http:
        heading("3. People list under load")
        from django.db import connections

        username, password = DEMO_UNIT_OFFICER
        report["machine"]["load_average_before_http"] = _load()
        log(f"Load average (1 min) before the load test: {_load()}")
        visible = _visible_people(username)
        connections.close_all()
        report["http"] = web.run(
            username=username,
            password=password,
            duration=args.duration,
            warmup=args.warmup,
            connections=args.connections,
            wrk_threads=args.wrk_threads,
            workers=args.workers,
            threads=args.threads,
        )
        report["http"]["people_visible"] = visible

    common.OUT_DIR.mkdir(parents=True, exist_ok=True)
    json_path = common.OUT_DIR / "latest.json"
    report["json_path"] = str(json_path.relative_to(ROOT))
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    print(summary_text(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
