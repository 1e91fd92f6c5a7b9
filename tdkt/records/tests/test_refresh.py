"""A record changed by hand brings the stored verdicts of the unit list up to date at once: what is
stored after the change is exactly what a full recompute would store."""

import datetime as dt

import pytest

from tdkt.eligibility.models import EligibilityResult
from tdkt.eligibility.selectors import review_as_of
from tdkt.eligibility.services import eligibility_recompute
from tdkt.eligibility.tests.conftest import three_cstdcs_and_a_provincial_initiative
from tdkt.records import services

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)
YEARS = (2024, 2025)


def _stored() -> dict:
    return {
        (r.kind, r.subject_code, r.year, r.candidate): (r.verdict, r.first_condition, r.first_reason)
        for r in EligibilityResult.objects.all()
    }


def _recompute(world):
    for year in YEARS:
        eligibility_recompute(unit=world.hosp_a, year=year, as_of=review_as_of(year, TODAY))


@pytest.fixture
def computed(world):
    three_cstdcs_and_a_provincial_initiative(world)
    for y in YEARS:
        services.rating_set(actor=None, person=world.an, year=y, rating="good", unit=world.hosp_a)
        services.collective_rating_set(actor=None, unit=world.ward_a, year=y, rating="excellent")
    _recompute(world)
    return _stored()


def _rating_failed(world):
    rating = world.hoa.ratings.get(year=2025)
    services.rating_update(
        actor=None, annual_rating=rating, year=2025, rating="failed", unit=world.hosp_a, today=TODAY
    )


def _warning(world):
    services.discipline_create(
        actor=None, person=world.hoa, level="warning", start=dt.date(2025, 4, 1), today=TODAY
    )


def _title_removed(world):
    award = world.hoa.awards.get(year=2024, candidate="grassroots_emulation_fighter")
    services.award_delete(actor=None, award=award, today=TODAY)


def _initiative_narrowed(world):
    initiative = world.hoa.achievements.get()
    services.achievement_update(
        actor=None,
        achievement=initiative,
        kind="initiative",
        title=initiative.title,
        scope="unit",
        year=2024,
        unit=world.hosp_a,
        authors=[world.hoa],
        today=TODAY,
    )


def _collective_failed(world):
    rating = world.ward_a.ratings.get(year=2024)
    services.collective_rating_update(
        actor=None, collective_rating=rating, year=2024, rating="failed", today=TODAY
    )


def _under_review(world):
    services.review_open(
        actor=None, person=world.an, reason="Khiếu nại", start=dt.date(2025, 9, 1), today=TODAY
    )


@pytest.mark.parametrize(
    "change",
    [_rating_failed, _warning, _title_removed, _initiative_narrowed, _collective_failed, _under_review],
)
def test_the_stored_verdicts_after_a_change_are_those_a_recompute_gives(world, computed, change):
    change(world)
    after = _stored()
    assert after != computed, "the change moves at least one stored verdict"
    _recompute(world)
    assert _stored() == after


def test_a_member_disciplined_at_warning_changes_the_collectives_stored_verdicts(world, computed):
    _warning(world)
    row = EligibilityResult.objects.get(unit=world.ward_a, year=2025, candidate="advanced_collective")
    assert row.verdict == "not_eligible" and row.first_condition
    previous = computed[("collective", "BVA-NOI", 2025, "advanced_collective")]
    assert previous[0] != "not_eligible" or previous[1] != row.first_condition


def test_people_and_years_never_computed_are_left_alone(world):
    services.rating_set(actor=None, person=world.hoa, year=2025, rating="excellent", unit=world.hosp_a)
    services.discipline_create(
        actor=None, person=world.hoa, level="warning", start=dt.date(2025, 4, 1), today=TODAY
    )
    assert not EligibilityResult.objects.exists()


# -- imports: the same guarantee for a whole file, in the import's transaction -------------------------


def _import(world, kind, rows):
    from conftest import xlsx_file
    from tdkt.records.imports import KINDS, records_import

    content = xlsx_file([KINDS[kind].headers, *rows]).getvalue()
    result = records_import(
        kind=kind, actor=world.unit_officer, content=content, file_name="tep.xlsx", today=TODAY
    )
    assert result["errors"] == []


def _imported_ratings(world):
    _import(
        world,
        "ratings",
        [
            [world.hoa.cccd, "Nguyễn Thị Hoa", 2025, "Không hoàn thành nhiệm vụ", "", ""],
            [world.an.cccd, "Trần Văn An", 2024, "Không hoàn thành nhiệm vụ", "", ""],
        ],
    )


def _imported_warning(world):
    row = [world.hoa.cccd, "Nguyễn Thị Hoa", "Cảnh cáo", "12/QĐ-BVA", "01/04/2025", "01/04/2025", "", "Lý do"]
    _import(world, "discipline", [row])


def _imported_collective_title(world):
    row = ["Tập thể", "bva-noi", "Khoa Nội", 2024, "Tập thể lao động xuất sắc", "", "9/QĐ-SYT", "20/01/2025"]
    _import(world, "past_decisions", [[*row, "Giám đốc Sở Y tế"]])


@pytest.mark.parametrize("change", [_imported_ratings, _imported_warning, _imported_collective_title])
def test_an_import_leaves_the_stored_verdicts_a_recompute_gives(world, computed, change):
    change(world)
    after = _stored()
    assert after != computed, "the import moves at least one stored verdict"
    _recompute(world)
    assert _stored() == after
