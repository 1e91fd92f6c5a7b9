"""The project settings, plus a bare view for the HTTP baseline (bench/urls.py)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
