"""Frozen evidence: at submission the nominee's record and the engine's full answer are stored, never change,
and later edits of the record show as a visible difference on the nomination page."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from tdkt.nominations.models import EvidenceSnapshot, ImmutableError
from tdkt.records import services as records

from .conftest import nominate, take

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, round_2025):
    (n,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    return take(world, n, "submit")


def test_submission_freezes_the_record_and_the_engines_full_answer(submitted):
    snapshot = submitted.snapshots.get()
    items = {i["key"]: i for i in snapshot.record}
    assert items["rating:2025"]["text"] == "Hoàn thành xuất sắc nhiệm vụ"
    (initiative,) = [i for i in snapshot.record if i["section"] == "achievement"]
    assert (
        "«Bảng kiểm an toàn người bệnh trước phẫu thuật» — cấp cơ sở, QĐ số 45/QĐ-BVA" in initiative["text"]
    )
    assert snapshot.case["subject"]["id"] == submitted.person.cccd
    assert snapshot.case["candidates"] == ["grassroots_emulation_fighter"]
    answer = snapshot.answer
    assert answer["candidate"] == "grassroots_emulation_fighter" and answer["verdict"] == "eligible"
    assert answer["rule"] == "grassroots_emulation_fighter@2024-01-01"
    assert answer["conditions"] and all(c["cite"] for c in answer["conditions"])
    assert snapshot.guards == []
    assert snapshot.as_of == dt.date(2026, 11, 23)


def test_a_snapshot_cannot_be_saved_again_updated_or_deleted(submitted):
    snapshot = submitted.snapshots.get()
    snapshot.record = []
    with pytest.raises(ImmutableError):
        snapshot.save()
    with pytest.raises(ImmutableError):
        EvidenceSnapshot.objects.filter(pk=snapshot.pk).update(record=[])
    with pytest.raises(ImmutableError):
        snapshot.delete()
    with pytest.raises(ImmutableError):
        EvidenceSnapshot.objects.filter(pk=snapshot.pk).delete()
    assert EvidenceSnapshot.objects.get(pk=snapshot.pk).record != []


def test_the_database_itself_refuses_to_change_a_snapshot(submitted):
    snapshot = submitted.snapshots.get()
    table = EvidenceSnapshot._meta.db_table
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET as_of = %s WHERE id = %s", [dt.date(2020, 1, 1), snapshot.pk])
    assert EvidenceSnapshot.objects.get(pk=snapshot.pk).as_of == dt.date(2026, 11, 23)


def test_a_later_edit_of_the_record_shows_as_a_difference_and_never_changes_the_snapshot(
    login, world, submitted
):
    frozen = list(submitted.snapshots.get().record)
    records.rating_set(actor=None, person=world.hoa, year=2025, rating="completed", unit=world.hosp_a)
    records.discipline_create(
        actor=None, person=world.hoa, level="reprimand", start=dt.date(2025, 10, 1), end=dt.date(2025, 12, 1)
    )
    response = login("unit_officer").get(reverse("nominations:detail", args=[submitted.pk]))
    changes = {c["key"]: c for c in response.context["record_changes"]}
    rating = changes["rating:2025"]
    assert (rating["change"], rating["before"], rating["after"]) == (
        "changed",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành nhiệm vụ",
    )
    (discipline,) = [c for c in changes.values() if c["section"] == "discipline"]
    assert discipline["change"] == "added" and discipline["after"].startswith("Khiển trách từ 01/10/2025")
    assert response.context["verdict_changed"]
    assert response.context["answer"]["verdict"] == "not_eligible"
    html = response.content.decode()
    assert 'id="record-changes"' in html and 'data-change="changed"' in html and "Hoàn thành nhiệm vụ" in html
    assert submitted.snapshots.get().record == frozen


def test_an_unchanged_record_says_so(login, submitted):
    response = login("unit_officer").get(reverse("nominations:detail", args=[submitted.pk]))
    assert response.context["record_changes"] == [] and not response.context["verdict_changed"]
    assert 'id="no-record-changes"' in response.content.decode()


def test_the_decided_award_is_not_taken_for_a_change_of_the_record(login, world, submitted):
    done = submitted
    for step in ("verify", "send_to_council", "approve", "decide"):
        done = take(world, done, step)
    response = login("unit_officer").get(reverse("nominations:detail", args=[done.pk]))
    assert response.context["record_changes"] == []


def test_a_resubmission_adds_a_snapshot_beside_the_first(world, submitted):
    first = submitted.snapshots.get()
    returned = take(world, submitted, "return")
    records.rating_set(actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a)
    again = take(world, returned, "resubmit")
    first_again, second = again.snapshots.order_by("taken_at", "id")
    assert first_again.pk == first.pk and first_again.record == first.record
    assert second.step == "resubmit" and "rating:2024" in {i["key"] for i in second.record}
    assert "rating:2024" not in {i["key"] for i in first.record}
