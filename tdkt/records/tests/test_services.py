"""Writing records by hand: each kind is added, corrected and deleted through a service that checks it,
names the field at fault when it refuses, and leaves an audit entry (before → after)."""

import datetime as dt

import pytest

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.records import services
from tdkt.records.models import Achievement, AnnualRating, ConferredAward, Leave

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _refused(field: str, call, **kwargs) -> str:
    with pytest.raises(ApplicationError) as refused:
        call(today=TODAY, **kwargs)
    assert refused.value.extra.get("field") == field, refused.value.message
    return refused.value.message


def _entries(obj, action):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action)


def test_a_rating_is_added_corrected_and_deleted_with_an_audit_entry_each(world):
    officer = world.unit_officer
    rating = services.rating_create(
        actor=officer, person=world.hoa, year=2025, rating="good", unit=world.hosp_a, today=TODAY
    )
    services.rating_update(
        actor=officer,
        annual_rating=rating,
        year=2025,
        rating="excellent",
        unit=world.hosp_a,
        rated_by="Hội đồng TĐKT",
        rated_on=dt.date(2025, 12, 10),
        reason="Theo biên bản họp lại",
        today=TODAY,
    )
    update = _entries(rating, "update").get()
    assert update.changes["rating"] == ["good", "excellent"]
    assert update.changes["rated_on"] == [None, "2025-12-10"]
    assert update.reason == "Theo biên bản họp lại" and update.actor == officer
    pk = rating.pk
    services.rating_delete(actor=officer, annual_rating=rating, reason="Nhập nhầm người", today=TODAY)
    assert not AnnualRating.objects.filter(pk=pk).exists()
    deleted = AuditEntry.objects.get(object_type="records.annualrating", object_id=str(pk), action="delete")
    assert deleted.changes["rating"] == ["excellent", None] and deleted.reason == "Nhập nhầm người"


def test_a_second_rating_for_the_same_year_is_refused(world):
    services.rating_create(
        actor=None, person=world.hoa, year=2025, rating="good", unit=world.hosp_a, today=TODAY
    )
    message = _refused(
        "year",
        services.rating_create,
        actor=None,
        person=world.hoa,
        year=2025,
        rating="good",
        unit=world.hosp_a,
    )
    assert "2025" in message
    other = services.rating_create(
        actor=None, person=world.hoa, year=2024, rating="good", unit=world.hosp_a, today=TODAY
    )
    _refused(
        "year",
        services.rating_update,
        actor=None,
        annual_rating=other,
        year=2025,
        rating="good",
        unit=world.hosp_a,
    )


@pytest.mark.parametrize(
    ("year", "rated_on", "field"),
    [
        (2027, None, "year"),
        (1999, None, "year"),
        (2025, dt.date(2024, 12, 31), "rated_on"),
        (2025, dt.date(2026, 11, 24), "rated_on"),
    ],
)
def test_a_rating_year_and_date_must_make_sense(world, year, rated_on, field):
    _refused(
        field,
        services.rating_create,
        actor=None,
        person=world.hoa,
        year=year,
        rating="good",
        unit=world.hosp_a,
        rated_on=rated_on,
    )
    assert not AnnualRating.objects.exists()


def test_a_collective_rating_needs_the_unit_in_operation_that_year(world):
    world.ward_a.valid_from = dt.date(2024, 1, 1)
    world.ward_a.save()
    _refused(
        "year", services.collective_rating_create, actor=None, unit=world.ward_a, year=2023, rating="good"
    )
    rating = services.collective_rating_create(
        actor=None, unit=world.ward_a, year=2024, rating="good", today=TODAY
    )
    services.collective_rating_update(
        actor=world.unit_officer, collective_rating=rating, year=2024, rating="excellent", today=TODAY
    )
    assert _entries(rating, "update").get().changes == {"rating": ["good", "excellent"]}


def test_an_initiative_keeps_its_authors_in_the_audit_and_can_be_corrected(world):
    initiative = services.achievement_create(
        actor=world.unit_officer,
        kind="initiative",
        title="  Quy trình   tiếp đón ",
        scope="unit",
        year=2025,
        unit=world.hosp_a,
        authors=[world.hoa],
        today=TODAY,
    )
    assert initiative.title == "Quy trình tiếp đón"
    assert _entries(initiative, "create").get().changes["authors"] == [None, [world.hoa.pk]]
    services.achievement_update(
        actor=world.unit_officer,
        achievement=initiative,
        kind="initiative",
        title="Quy trình tiếp đón",
        scope="provincial",
        year=2025,
        unit=world.hosp_a,
        authors=[world.hoa, world.an],
        decision_number="45/QĐ-SYT",
        decision_date=dt.date(2025, 11, 2),
        issuer="Sở Y tế",
        today=TODAY,
    )
    changes = _entries(initiative, "update").get().changes
    assert changes["scope"] == ["unit", "provincial"]
    assert changes["authors"] == [[world.hoa.pk], sorted([world.hoa.pk, world.an.pk])]
    assert set(initiative.authors.all()) == {world.hoa, world.an}
    pk = initiative.pk
    services.achievement_delete(actor=world.unit_officer, achievement=initiative, today=TODAY)
    assert not Achievement.objects.filter(pk=pk).exists()
    deleted = AuditEntry.objects.get(object_type="records.achievement", object_id=str(pk), action="delete")
    assert deleted.changes["authors"][0] == sorted([world.hoa.pk, world.an.pk])


def test_an_initiative_needs_an_author_a_unit_in_operation_and_a_sensible_decision_date(world):
    common = {"actor": None, "kind": "research", "title": "Đề tài", "scope": "unit", "unit": world.hosp_a}
    _refused("authors", services.achievement_create, year=2025, authors=[], **common)
    _refused(
        "decision_date",
        services.achievement_create,
        year=2025,
        authors=[world.hoa],
        decision_date=dt.date(2024, 5, 1),
        **common,
    )
    world.hosp_a.valid_from = dt.date(2020, 1, 1)
    world.hosp_a.save()
    _refused("unit", services.achievement_create, year=2019, authors=[world.hoa], **common)


def test_a_discipline_ending_before_it_starts_is_refused(world):
    message = _refused(
        "end",
        services.discipline_create,
        actor=None,
        person=world.hoa,
        level="warning",
        start=dt.date(2025, 5, 1),
        end=dt.date(2025, 4, 1),
    )
    assert "01/04/2025" in message and "01/05/2025" in message
    discipline = services.discipline_create(
        actor=None, person=world.hoa, level="warning", start=dt.date(2025, 5, 1), today=TODAY
    )
    services.discipline_update(
        actor=world.unit_officer,
        discipline=discipline,
        level="reprimand",
        start=dt.date(2025, 5, 1),
        end=dt.date(2025, 11, 1),
        reason="Vi phạm quy chế",
        change_reason="Sửa theo quyết định",
        today=TODAY,
    )
    entry = _entries(discipline, "update").get()
    assert entry.changes["level"] == ["warning", "reprimand"] and entry.reason == "Sửa theo quyết định"


def test_overlapping_leave_is_refused_but_a_leave_may_be_corrected_in_place(world):
    leave = services.leave_create(
        actor=None,
        person=world.hoa,
        kind="maternity",
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 6, 30),
        today=TODAY,
    )
    message = _refused(
        "start",
        services.leave_create,
        actor=None,
        person=world.hoa,
        kind="sick",
        start=dt.date(2025, 6, 1),
        end=dt.date(2025, 7, 31),
    )
    assert "30/06/2025" in message
    services.leave_create(
        actor=None,
        person=world.an,
        kind="sick",
        start=dt.date(2025, 6, 1),
        end=dt.date(2025, 7, 31),
        today=TODAY,
    )
    services.leave_update(
        actor=None,
        leave=leave,
        kind="maternity",
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 7, 15),
        today=TODAY,
    )
    assert Leave.objects.get(pk=leave.pk).end == dt.date(2025, 7, 15)


def test_a_review_is_opened_then_closed(world):
    review = services.review_open(
        actor=None, person=world.hoa, reason="Đơn khiếu nại", start=dt.date(2025, 10, 1), today=TODAY
    )
    services.review_close(actor=world.unit_officer, review=review, end=dt.date(2026, 2, 1), today=TODAY)
    assert _entries(review, "update").get().changes == {"end": [None, "2026-02-01"]}


def test_an_award_twice_for_the_same_year_and_category_is_refused(world):
    services.award_record(
        actor=None,
        person=world.hoa,
        year=2024,
        candidate="advanced_worker",
        decision_number="1/QĐ",
        today=TODAY,
    )
    message = _refused(
        "candidate",
        services.award_record,
        actor=None,
        person=world.hoa,
        year=2024,
        candidate="advanced_worker",
        decision_number="2/QĐ",
    )
    assert "Lao động tiên tiến" in message
    _refused("candidate", services.award_record, actor=None, person=world.hoa, year=2024, candidate="medal")


def test_an_award_from_a_tdkt_decision_is_not_changed_by_hand(world):
    award = services.award_record(
        actor=None,
        person=world.hoa,
        year=2024,
        candidate="provincial_merit_certificate",
        decision_number="9/QĐ-UBND",
        decision_date=dt.date(2025, 3, 1),
        source="decision",
        today=TODAY,
    )
    with pytest.raises(ApplicationError, match="tdkt"):
        services.award_update(
            actor=None,
            award=award,
            year=2024,
            candidate="provincial_merit_certificate",
            category="merit",
            decision_number="10/QĐ-UBND",
            decision_date=dt.date(2025, 3, 1),
            today=TODAY,
        )
    with pytest.raises(ApplicationError):
        services.award_delete(actor=None, award=award, today=TODAY)
    assert ConferredAward.objects.get(pk=award.pk).decision_number == "9/QĐ-UBND"
