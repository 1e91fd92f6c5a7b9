"""Step 1: a fresh bench database holding a demo province (drop, create, migrate, `manage.py demo`)."""

import os
import subprocess
import sys
import time

import psycopg
from psycopg import sql

from bench.common import ROOT, BenchError, database_name, libpq_url, log, maintenance_url


def _manage(args: list[str], *, label: str) -> list[str]:
    """Run `manage.py <args>` with the bench environment, echoing its output; its lines."""
    command = [sys.executable, "manage.py", *args]
    log(f"$ {' '.join(command[1:])}")
    lines = []
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip("\n")
            lines.append(line)
            print(f"    | {line}", flush=True)
        status = proc.wait()
    if status != 0:
        raise BenchError(f"{label} failed (manage.py {' '.join(args)} exited with status {status}).")
    return lines


def recreate_database(url: str) -> None:
    name = database_name(url)
    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(url: str) -> bool:
    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database_name(url)]).fetchone()
    return row is not None


def analyze(url: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def build(url: str, *, people: int, seed: int | None) -> dict:
    """Drop and rebuild the bench database; the timings of each part and the demo's output."""
    timings = {}
    total = time.perf_counter()

    started = time.perf_counter()
    log(f"Recreating database {database_name(url)!r}")
    recreate_database(url)
    timings["create_database_s"] = time.perf_counter() - started

    started = time.perf_counter()
    _manage(["migrate", "--noinput", "-v", "0"], label="migrate")
    timings["migrate_s"] = time.perf_counter() - started
    log(f"Migrated in {timings['migrate_s']:.1f} s")

    started = time.perf_counter()
    args = ["demo", "--people", str(people)]
    if seed is not None:
        args += ["--seed", str(seed)]
    output = _manage(args, label="demo")
    timings["demo_s"] = time.perf_counter() - started
    log(f"Demo province built in {timings['demo_s']:.1f} s")

    started = time.perf_counter()
    analyze(url)
    timings["vacuum_analyze_s"] = time.perf_counter() - started
    timings["total_s"] = time.perf_counter() - total
    return {**timings, "demo_output": output}
