"""Timeliness: each step's date is kept; the round shows what is overdue and how long nominations stay in
each state (median and longest, in days)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.core.timeutil import VN
from tdkt.nominations.models import NominationEvent
from tdkt.nominations.selectors import round_page_get
from tdkt.nominations.services_disclosure import disclosure_publish, objection_file
from tdkt.nominations.services_rounds import guard_acknowledge

from .conftest import AFTER_DISCLOSURE, TODAY, nominate, open_round, take

pytestmark = pytest.mark.django_db


def _at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=VN)


def _set_times(nomination, *times):
    """Give the nomination's events (oldest first) the given times."""
    for event, at in zip(nomination.events.order_by("at", "id"), times, strict=True):
        NominationEvent.objects.filter(pk=event.pk).update(at=at)


def test_drafts_past_the_deadline_are_overdue_and_late_submissions_are_flagged(world, year_2025):
    round = open_round(world, deadline=dt.date(2026, 11, 10))
    (late,) = nominate(world, round, "advanced_worker", world.hoa)
    (waiting,) = nominate(world, round, "advanced_worker", world.an)
    guard_acknowledge(
        actor=world.unit_officer, nomination=late, code="late", reason="Chờ kết quả xếp loại", today=TODAY
    )
    take(world, late, "submit")
    _set_times(late, _at(1), _at(12))
    timeliness = round_page_get(round=round, today=TODAY, now=timezone.now())["timeliness"]
    assert [n.pk for n in timeliness.overdue] == [waiting.pk]
    assert [n.pk for n in timeliness.late] == [late.pk]
    assert timeliness.submitted_on[late.pk] == dt.date(2026, 11, 12)


def test_a_disclosure_ended_with_unanswered_objections_is_overdue(world, round_2025):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    take(world, n, "submit")
    disclosure = disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=False, today=TODAY)
    objection_file(
        actor=world.staff, disclosure=disclosure, nomination=n, text="?", anonymous=True, today=TODAY
    )
    assert round_page_get(round=round_2025, today=TODAY, now=timezone.now())["timeliness"].unanswered == []
    after = round_page_get(round=round_2025, today=AFTER_DISCLOSURE, now=timezone.now())["timeliness"]
    assert [x.pk for x in after.unanswered] == [n.pk]


def test_dwell_time_per_step_is_the_median_and_the_longest_in_days(world, round_2025):
    (a,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    (b,) = nominate(world, round_2025, "advanced_worker", world.an)
    for n in (a, b):
        take(world, take(world, n, "submit"), "verify")
    # a: draft 2 days, submitted 1 day; b: draft 4 days, submitted 3.5 days; both verified since
    _set_times(a, _at(1), _at(3), _at(4))
    _set_times(b, _at(1), _at(5), _at(8, 21))
    now = _at(10, 9)
    dwell = {d.status: d for d in round_page_get(round=round_2025, today=TODAY, now=now)["timeliness"].dwell}
    assert (dwell["draft"].count, dwell["draft"].median_days, dwell["draft"].max_days) == (2, 3.0, 4.0)
    assert (dwell["submitted"].median_days, dwell["submitted"].max_days) == (2.2, 3.5)
    # still verified: counted up to now (6 and 1.5 days)
    assert (dwell["verified"].median_days, dwell["verified"].max_days) == (3.8, 6.0)


def test_a_final_state_has_no_dwell_time(world, round_2025):
    (n,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    take(world, n, "withdraw")
    dwell = round_page_get(round=round_2025, today=TODAY, now=timezone.now())["timeliness"].dwell
    assert [d.status for d in dwell] == ["draft"]


def test_the_round_page_shows_overdue_items_and_the_dwell_table(login, world, year_2025):
    round = open_round(world, deadline=dt.date(2026, 11, 10))
    (n,) = nominate(world, round, "advanced_worker", world.hoa)
    html = login("unit_officer").get(reverse("nominations:round_detail", args=[round.pk])).content.decode()
    assert f'data-overdue="{n.pk}"' in html and 'data-dwell="draft"' in html
