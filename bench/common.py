"""Shared bits: progress lines, the bench database URL, errors that stop the run."""

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "bench" / "out"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tdkt"
_START = time.monotonic()


class BenchError(RuntimeError):
    """A step failed: the run stops with this message (exit status 1)."""


def log(message: str) -> None:
    print(f"[{time.monotonic() - _START:7.1f}s] {message}", flush=True)


def heading(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


def bench_database_url(base_url: str, name: str) -> str:
    """`base_url` with its database name replaced by `name` (same server, user and options)."""
    parts = urlsplit(base_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise BenchError(f"DATABASE_URL must point to PostgreSQL (got scheme {parts.scheme!r}).")
    base_name = parts.path.lstrip("/")
    if base_name == name:
        raise BenchError(f"The bench database {name!r} must differ from DATABASE_URL's database.")
    return urlunsplit(parts._replace(path="/" + name))


def libpq_url(url: str) -> str:
    """A URL psycopg accepts (libpq knows postgres:// and postgresql:// only)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def maintenance_url(url: str) -> str:
    """The same server's "postgres" database, to create and drop the bench database from."""
    return urlunsplit(urlsplit(libpq_url(url))._replace(path="/postgres"))


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def fail(message: str) -> None:
    print(f"\nBENCH FAILED: {message}", file=sys.stderr, flush=True)
