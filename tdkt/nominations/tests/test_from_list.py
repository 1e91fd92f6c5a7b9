"""Nominations from the unit's eligibility list: ticked subjects become drafts in one transaction; a nominee
the engine does not find eligible needs a written reason and stays flagged as an exception everywhere."""

import pytest
from django.urls import reverse

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.models import Nomination, NominationEvent
from tdkt.nominations.services_disclosure import disclosure_publish
from tdkt.records import services as records

from .conftest import TODAY, YEAR, nominate, take

pytestmark = pytest.mark.django_db


def _add(client, round, candidate, subjects, reasons=None, **extra):
    data = {"candidate": candidate, "verdict": "", "category": "merit", "subject": subjects, **extra}
    for key, reason in (reasons or {}).items():
        data[f"reason-{key}"] = reason
    return client.post(reverse("nominations:round_add", args=[round.pk]), data)


def test_the_list_page_shows_the_units_eligible_people_for_a_title(login, round_2025, world):
    response = login("unit_officer").get(
        reverse("nominations:round_add", args=[round_2025.pk]), {"candidate": "grassroots_emulation_fighter"}
    )
    assert response.status_code == 200
    assert [r.key for r in response.context["rows"]] == [f"person:{world.hoa.pk}"]  # eligible only by default
    html = response.content.decode()
    assert f'value="person:{world.hoa.pk}"' in html and world.an.full_name not in html


def test_eligible_people_are_nominated_in_one_step(login, round_2025, world):
    client = login("unit_officer")
    response = _add(
        client, round_2025, "advanced_worker", [f"person:{world.hoa.pk}", f"person:{world.an.pk}"]
    )
    assert response.status_code == 302
    created = list(Nomination.objects.order_by("name"))
    assert [(n.name, n.status, n.is_exception, n.verdict_at_creation) for n in created] == [
        ("Nguyễn Thị Hoa", "draft", False, "eligible"),
        ("Trần Văn An", "draft", False, "eligible"),
    ]
    assert created[0].home == world.ward_a and created[1].home == world.hosp_a
    assert NominationEvent.objects.filter(step="create").count() == 2
    assert AuditEntry.objects.filter(object_type="nominations.nomination", action="create").count() == 2
    page = client.get(
        reverse("nominations:round_add", args=[round_2025.pk]), {"candidate": "advanced_worker"}
    )
    assert all(r.taken for r in page.context["rows"])


def test_the_years_initiatives_are_attached_to_a_title_that_rests_on_them(round_2025, world):
    (fighter,) = nominate(world, round_2025, "grassroots_emulation_fighter", world.hoa)
    (worker,) = nominate(world, round_2025, "advanced_worker", world.hoa)
    assert [a.title for a in fighter.achievements.all()] == ["Bảng kiểm an toàn người bệnh trước phẫu thuật"]
    assert list(worker.achievements.all()) == []


def test_a_nominee_the_engine_does_not_find_eligible_needs_a_written_reason(login, round_2025, world):
    client = login("unit_officer")
    an, hoa = f"person:{world.an.pk}", f"person:{world.hoa.pk}"
    refused = _add(client, round_2025, "grassroots_emulation_fighter", [hoa, an], {hoa: "", an: "  "})
    assert refused.status_code == 400
    assert not Nomination.objects.exists()  # one row wrong: nothing written
    rows = {r.key: r for r in refused.context["rows"]}
    assert "cần ghi lý do đề nghị ngoại lệ" in rows[an].error and rows[an].picked
    assert rows[hoa].picked and not rows[hoa].error  # the ticks are kept
    reason = "Có đề tài cấp cơ sở nghiệm thu tháng 12"
    done = _add(client, round_2025, "grassroots_emulation_fighter", [hoa, an], {an: reason})
    assert done.status_code == 302
    exception = Nomination.objects.get(person=world.an)
    assert (exception.is_exception, exception.exception_reason) == (True, reason)
    assert exception.verdict_at_creation == "not_eligible"
    assert Nomination.objects.get(person=world.hoa).is_exception is False


def test_a_refused_selection_keeps_the_ticks_and_reasons_typed(login, round_2025, world):
    an, binh = f"person:{world.an.pk}", f"person:{world.binh.pk}"
    reason = "Hoàn thành xuất sắc nhiệm vụ chống dịch"
    refused = _add(
        login("unit_officer"), round_2025, "grassroots_emulation_fighter", [an, binh], {an: reason}
    )
    assert refused.status_code == 400 and not Nomination.objects.exists()
    (row,) = [r for r in refused.context["rows"] if r.key == an]
    assert (row.picked, row.reason, row.error) == (True, reason, "")
    assert reason in refused.content.decode()


def test_the_exception_flag_follows_the_nomination_through_every_page_and_step(login, round_2025, world):
    (n,) = nominate(
        world,
        round_2025,
        "grassroots_emulation_fighter",
        world.an,
        reasons={world.an.pk: "Thành tích đột xuất"},
    )
    client = login("unit_officer")
    pages = [
        reverse("nominations:round_detail", args=[round_2025.pk]),
        reverse("nominations:detail", args=[n.pk]),
        reverse("nominations:step", args=[n.pk, "submit"]),
    ]
    for url in pages:
        assert "Đề nghị ngoại lệ" in client.get(url).content.decode(), url
    n = take(world, n, "submit")
    n = take(world, n, "verify")
    disclosure = disclosure_publish(actor=world.unit_officer, round=round_2025, is_public=False, today=TODAY)
    assert (
        "Đề nghị ngoại lệ"
        in login("staff").get(reverse("nominations:disclosure", args=[disclosure.pk])).content.decode()
    )
    html = login("so_officer").get(reverse("nominations:detail", args=[n.pk])).content.decode()
    assert "Đề nghị ngoại lệ" in html and "Thành tích đột xuất" in html
    n.refresh_from_db()
    assert n.is_exception


def test_the_same_subject_twice_for_a_title_in_the_round_is_refused(round_2025, world):
    nominate(world, round_2025, "advanced_worker", world.hoa)
    with pytest.raises(ApplicationError) as refused:
        nominate(world, round_2025, "advanced_worker", world.hoa, world.an)
    assert refused.value.extra["rows"] == {
        f"person:{world.hoa.pk}": "Đã có đề nghị «Lao động tiên tiến» trong đợt này."
    }
    assert Nomination.objects.count() == 1


def test_a_subject_outside_the_units_list_is_refused(round_2025, world):
    eligibility_recompute(unit=world.hosp_b, year=YEAR, as_of=TODAY)
    with pytest.raises(ApplicationError) as refused:
        nominate(world, round_2025, "advanced_worker", world.binh)
    assert "Không có trong danh sách xét" in refused.value.extra["rows"][f"person:{world.binh.pk}"]


def test_a_title_that_does_not_fit_the_subject_or_the_round_is_refused(round_2025, world):
    with pytest.raises(ApplicationError, match="không áp dụng cho cá nhân"):
        nominate(world, round_2025, "excellent_collective", world.hoa)
    with pytest.raises(ApplicationError, match="không nhận đề nghị loại"):
        nominate(world, round_2025, "advanced_worker", world.hoa, category="thematic")


def test_officers_without_the_round_in_scope_cannot_add(login, round_2025, world):
    assert login("outsider").get(reverse("nominations:round_add", args=[round_2025.pk])).status_code == 404
    assert login("unit_head").get(reverse("nominations:round_add", args=[round_2025.pk])).status_code == 404
    response = _add(login("outsider"), round_2025, "advanced_worker", [f"person:{world.hoa.pk}"])
    assert response.status_code == 404 and not Nomination.objects.exists()


def test_a_foreign_nominee_has_no_citizen_id_and_describes_the_achievement(login, round_2025, world):
    client = login("unit_officer")
    url = reverse("nominations:round_add_foreign", args=[round_2025.pk])
    data = {
        "kind": "person",
        "name": "John Smith",
        "nationality": "Úc",
        "organisation": "Tổ chức Y tế Thế giới",
        "candidate": "provincial_merit_certificate",
        "achievement_summary": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400 and "achievement_summary" in refused.context["form"].errors
    assert refused.context["form"]["name"].value() == "John Smith"
    data["achievement_summary"] = "Hỗ trợ đào tạo cấp cứu ngoại viện cho 12 trạm y tế"
    assert client.post(url, data).status_code == 302
    foreign = Nomination.objects.get()
    assert foreign.is_foreign and foreign.category == "foreign" and foreign.person_id is None
    assert (foreign.foreign_nationality, foreign.home) == ("Úc", world.hosp_a)
    submitted = take(world, foreign, "submit")
    snapshot = submitted.snapshots.get()
    assert (snapshot.case, snapshot.answer, snapshot.record) == (None, None, [])


@pytest.mark.parametrize("extra", [0, 20])
def test_creating_from_the_list_takes_a_fixed_number_of_queries(
    world, round_2025, extra, django_assert_max_num_queries
):
    people = [
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Lý Thị Nga {i}", serial=60 + i)
        for i in range(extra)
    ]
    for person in people:
        records.rating_set(actor=None, person=person, year=YEAR, rating="good", unit=world.hosp_a)
    eligibility_recompute(unit=world.hosp_a, year=YEAR, as_of=TODAY)
    with django_assert_max_num_queries(14):
        created = nominate(world, round_2025, "advanced_worker", world.hoa, world.an, *people)
    assert len(created) == 2 + extra
