"""A bad setting stops the program at start with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _start(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_") and k != "DATABASE_URL"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TDKT_DEBUG": "maybe"}, "TDKT_DEBUG='maybe'"),
        ({"TDKT_DEBUG": "0"}, "TDKT_SECRET_KEY must be set"),
        ({"TDKT_SECRET_KEY": "short"}, "at least 32 characters"),
        ({"TDKT_SECRET_KEY": "x" * 40, "TDKT_DEBUG": "0"}, "TDKT_ALLOWED_HOSTS"),
        ({"DATABASE_URL": "mysql://root@127.0.0.1/tdkt"}, "SQLite or PostgreSQL"),
        ({"DATABASE_URL": "nonsense://"}, "DATABASE_URL"),
        ({"TDKT_TASKS_BACKEND": "redis"}, "TDKT_TASKS_BACKEND='redis'"),
        ({"TDKT_MAX_UPLOAD_MB": "ten"}, "TDKT_MAX_UPLOAD_MB='ten': expected a whole number"),
        ({"TDKT_MAX_UPLOAD_MB": "0"}, "TDKT_MAX_UPLOAD_MB='0': expected a whole number from 1 to 1024"),
        ({"TDKT_MAX_UPLOAD_MB": "2.5"}, "TDKT_MAX_UPLOAD_MB='2.5'"),
        ({"TDKT_SITE_URL": "tdkt.syt.gov.vn"}, "TDKT_SITE_URL='tdkt.syt.gov.vn'"),
    ],
)
def test_a_bad_value_fails_at_start_with_a_clear_message(env, message):
    result = _start(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_the_defaults_start_on_sqlite():
    result = _start()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    result = _start(DATABASE_URL="postgres://postgres@127.0.0.1:5432/tdkt")
    assert result.stdout.strip() == "django.db.backends.postgresql"


def _print(expression: str, **env) -> str:
    """What `expression` evaluates to once Django is set up with `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_") and k != "DATABASE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {expression}",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_upload_limit_defaults_to_ten_megabytes_and_follows_the_environment():
    assert _print("print(settings.TDKT_MAX_UPLOAD_MB)") == "10"
    assert _print("print(settings.TDKT_MAX_UPLOAD_MB)", TDKT_MAX_UPLOAD_MB=" 25 ") == "25"


def test_uploaded_files_have_no_public_url_even_in_development():
    code = (
        "from django.urls import Resolver404, resolve\n"
        "try:\n    resolve('/media/attachments/2026/11/0123456789abcdef.pdf'); print('served')\n"
        "except Resolver404:\n    print('not found')"
    )
    assert _print(f"print(settings.DEBUG)\n{code}", TDKT_DEBUG="1") == "True\nnot found"
