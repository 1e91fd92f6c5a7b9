import datetime as dt

import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.people.services import employment_start, person_update

pytestmark = pytest.mark.django_db


def test_a_person_change_records_who_when_and_before_after(world):
    person_update(
        actor=world.unit_officer, person=world.hoa, full_name="Nguyễn Thị Hòa", reason="Sửa chính tả"
    )
    entry = AuditEntry.objects.filter(
        object_type="people.person", object_id=str(world.hoa.pk), action="update"
    ).get()
    assert entry.actor == world.unit_officer
    assert entry.changes == {"full_name": ["Nguyễn Thị Hoa", "Nguyễn Thị Hòa"]}
    assert entry.reason == "Sửa chính tả"
    assert entry.at is not None


def test_an_update_that_changes_nothing_leaves_no_entry(world):
    before = AuditEntry.objects.count()
    person_update(actor=world.unit_officer, person=world.hoa, full_name="Nguyễn Thị Hoa")
    assert AuditEntry.objects.count() == before


def test_a_move_closes_the_old_post_and_audits_both(world):
    employment_start(actor=world.so_officer, person=world.hoa, unit=world.hosp_b, start=dt.date(2026, 2, 1))
    posts = list(world.hoa.employments.order_by("start"))
    assert posts[0].end == dt.date(2026, 1, 31)
    assert posts[1].unit == world.hosp_b and posts[1].end is None
    assert AuditEntry.objects.filter(object_type="people.employment", actor=world.so_officer).count() == 2


def test_the_history_is_shown_on_the_page_to_those_in_scope_only(login, world):
    person_update(actor=world.unit_officer, person=world.hoa, profession="midwife")
    page = login("unit_head").get(reverse("people:detail", args=[world.hoa.pk])).content.decode()
    assert "Lịch sử thay đổi" in page and "profession" in page
    own = login("staff").get(reverse("people:detail", args=[world.hoa.pk])).content.decode()
    assert "Lịch sử thay đổi" not in own
