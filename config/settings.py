"""tdkt settings: one module, driven by the environment, loud on bad values.

Variables (all optional in development):
  TDKT_DEBUG           1/0 (default 1 when no TDKT_SECRET_KEY is set, else 0)
  TDKT_SECRET_KEY      required when TDKT_DEBUG=0
  DATABASE_URL         e.g. postgres://postgres@127.0.0.1:5432/tdkt (default: SQLite in var/)
  TDKT_ALLOWED_HOSTS   comma-separated host names
  TDKT_MEDIA_ROOT      where uploads are stored (default var/media)
  TDKT_MAX_UPLOAD_MB   largest evidence file accepted, in MB (whole number 1–1024, default 10)
  TDKT_TASKS_BACKEND   "database" (default) or "immediate"
  TDKT_EMAIL_BACKEND   a Django e-mail backend path (default: console)
  TDKT_SITE_URL        the address people open tdkt at, for links in e-mails (default http://127.0.0.1:8000)
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected 1/0, true/false, yes/no or on/off.")


def _env_int(name: str, default: int, *, minimum: int, maximum: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number.") from None
    if not minimum <= value <= maximum:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number from {minimum} to {maximum}.")
    return value


def _env_choice(name: str, default: str, choices: dict[str, str]) -> str:
    raw = os.environ.get(name) or default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected one of {', '.join(sorted(choices))}.")
    return choices[raw]


SECRET_KEY = os.environ.get("TDKT_SECRET_KEY", "")
DEBUG = _env_bool("TDKT_DEBUG", default=not SECRET_KEY)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("TDKT_SECRET_KEY must be set when TDKT_DEBUG=0.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
elif len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("TDKT_SECRET_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("TDKT_ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "testserver"]
elif not ALLOWED_HOSTS:
    raise ImproperlyConfigured("TDKT_ALLOWED_HOSTS must list the host names when TDKT_DEBUG=0.")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "tdkt.core",
    "tdkt.accounts",
    "tdkt.org",
    "tdkt.people",
    "tdkt.attachments",
    "tdkt.records",
    "tdkt.eligibility",
    "tdkt.documents",
    "tdkt.movements",
    "tdkt.pledges",
    "tdkt.nominations",
    "tdkt.councils",
    "tdkt.decisions",
    "tdkt.dossiers",
    "tdkt.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tdkt.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tdkt.accounts.context_processors.navigation",
            ],
            "builtins": ["tdkt.core.templatetags.tdkt", "template_partials.templatetags.partials"],
        },
    }
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'tdkt.sqlite3'}",
            conn_max_age=60,
        )
    }
except ValueError as exc:  # dj_database_url raises ValueError on unknown schemes
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the task worker write while the server reads; IMMEDIATE avoids
        # "database is locked" upgrades inside transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
elif DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point to SQLite or PostgreSQL.")
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TDKT_TEST_DATABASE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering columns of an index (INCLUDE) speed PostgreSQL up; SQLite builds the same index without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Repeated failed logins: after LOGIN_FAILURE_LIMIT failures for one user name or
# one address within LOGIN_FAILURE_WINDOW seconds, further attempts are refused.
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW = 15 * 60

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # numbers are grouped explicitly (|number) so ids stay intact

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("TDKT_MEDIA_ROOT") or VAR_DIR / "media")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
# Largest spreadsheet accepted for import (a 20,000-row people file is ~2 MB).
TDKT_IMPORT_MAX_BYTES = 25 * 1024 * 1024
# Largest evidence file (a scanned decision, a certificate) attached to a record.
TDKT_MAX_UPLOAD_MB = _env_int("TDKT_MAX_UPLOAD_MB", 10, minimum=1, maximum=1024)

TASKS = {
    "default": {
        "BACKEND": _env_choice(
            "TDKT_TASKS_BACKEND",
            "database",
            {
                "database": "django_tasks_db.DatabaseBackend",
                "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            },
        ),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get("TDKT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("TDKT_DEFAULT_FROM_EMAIL", "tdkt@localhost")
SITE_URL = (os.environ.get("TDKT_SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"TDKT_SITE_URL={SITE_URL!r}: expected an address starting with http:// or https://."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"tdkt": {"level": "INFO"}},
}
