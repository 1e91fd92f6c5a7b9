"""Pledge rounds: parties from the organisation, keeping them in step, signing once with the text frozen."""

import datetime as dt

import pytest

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.movements.services import movement_close
from tdkt.org.services import bloc_create
from tdkt.people.services import employment_end, employment_start
from tdkt.pledges.documents import default_text, document_text, text_hash
from tdkt.pledges.models import PartyRole, Pledge, PledgeLevel, PledgeParty, PledgeRound
from tdkt.pledges.services import (
    TextInput,
    pledge_sign,
    pledges_sign,
    round_close,
    round_create,
    round_delete,
    round_open,
    round_sync,
    round_update,
)

from .factories import DAY, launch

pytestmark = pytest.mark.django_db

STAFF_TEXT = TextInput(PledgeLevel.STAFF, "BẢN CAM KẾT", "Tôi cam kết thực hiện tốt Quy tắc ứng xử.")
HEAD_TEXT = TextInput(PledgeLevel.DEPARTMENT, "BẢN CAM KẾT CỦA TRƯỞNG KHOA", "Tôi cam kết lãnh đạo khoa.")
STAFF_HASH = text_hash(document_text(heading=STAFF_TEXT.heading, body=STAFF_TEXT.body))


def prepare(world, org, movement, *, texts=(STAFF_TEXT, HEAD_TEXT), chair=True, actor=None, open_it=False):
    pledge_round, result = round_create(
        actor=actor or world.unit_officer,
        movement=movement,
        name="Ký cam kết thi đua năm 2025",
        unit=world.hosp_a,
        texts=list(texts),
        union_chair=org.chair if chair else None,
        day=DAY,
    )
    if open_it:
        pledge_round = round_open(actor=world.unit_officer, pledge_round=pledge_round)
    return pledge_round, result


def pairs(pledge_round, level):
    """{pledger: [counterparties]} of the round's pledges at `level`, by name."""
    found = {}
    for pledge in Pledge.objects.filter(round=pledge_round, level=level).select_related("pledger"):
        others = pledge.parties.exclude(role=PartyRole.PLEDGER).select_related("person").order_by("order")
        found[pledge.pledger.full_name] = [f"{p.role}: {p.person.full_name}" for p in others]
    return found


def sign(user, pledge):
    pledge = Pledge.objects.get(pk=pledge.pk)
    text = pledge.frozen_text or document_text(
        heading=pledge.round.texts.get(level=pledge.level).heading,
        body=pledge.round.texts.get(level=pledge.level).body,
    )
    return pledge_sign(actor=user, pledge=pledge, text_hash_seen=text_hash(text))


def test_every_department_s_staff_pledge_to_its_head_and_heads_to_the_director_and_union_chair(
    world, org, so_movement
):
    pledge_round, result = prepare(world, org, so_movement)
    assert pairs(pledge_round, PledgeLevel.STAFF) == {
        "Nguyễn Thị Hoa": ["department_head: Võ Thị Hương"],
        "Bùi Văn Dũng": ["department_head: Võ Thị Hương"],
        "Lý Thị Công": ["department_head: Mai Văn Tổ"],
    }
    assert pairs(pledge_round, PledgeLevel.DEPARTMENT) == {
        "Võ Thị Hương": ["director: Đặng Văn Giám", "union_chair: Lý Thị Công"],
        "Mai Văn Tổ": ["director: Đặng Văn Giám", "union_chair: Lý Thị Công"],
    }
    assert result.created == 5
    # Khoa Ngoại has staff but no head: reported, not guessed
    assert len(result.problems) == 1 and "Khoa Ngoại" in result.problems[0]
    assert PledgeRound.objects.get().problems == result.problems
    assert pledge_round.is_draft


def test_a_deputy_head_in_charge_receives_the_pledges_of_a_department_without_head(world, org, so_movement):
    make_person(
        unit=world.hosp_a, department=org.ward_b, full_name="Đinh Văn Phó", serial=20, position="deputy_head"
    )
    pledge_round, result = prepare(world, org, so_movement, texts=[STAFF_TEXT])
    assert pairs(pledge_round, PledgeLevel.STAFF)["Hà Văn Mổ"] == ["department_head: Đinh Văn Phó"]
    assert result.problems == []


@pytest.mark.parametrize("extra", [0, 60])
def test_creating_a_round_is_set_based(world, org, so_movement, extra, django_assert_max_num_queries):
    for i in range(extra):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Điều Dưỡng {i}", serial=300 + i)
    with django_assert_max_num_queries(33):
        _round, result = prepare(world, org, so_movement)
    assert result.created == 5 + extra


def test_a_round_is_prepared_for_a_published_movement_an_institution_in_it_and_only_once(
    world, org, so_movement
):
    draft = launch(unit=world.hosp_a, name="Bản nháp", publish=False, symbol="KH-BVA")
    with pytest.raises(ApplicationError):
        prepare(world, org, draft)
    with pytest.raises(ApplicationError):  # a department is not an institution
        round_create(
            actor=None, movement=so_movement, name="x", unit=world.ward_a, texts=[STAFF_TEXT], day=DAY
        )
    hosp_b_plan = launch(unit=world.hosp_b, name="Phong trào của Bệnh viện B", symbol="KH-BVB")
    with pytest.raises(ApplicationError):  # hospital A is not under hospital B
        round_create(
            actor=None, movement=hosp_b_plan, name="x", unit=world.hosp_a, texts=[STAFF_TEXT], day=DAY
        )
    with pytest.raises(ApplicationError):  # a union chair from another hospital
        round_create(
            actor=None,
            movement=so_movement,
            name="x",
            unit=world.hosp_a,
            texts=[HEAD_TEXT],
            union_chair=world.binh,
            day=DAY,
        )
    prepare(world, org, so_movement, texts=[STAFF_TEXT])
    with pytest.raises(ApplicationError, match="Ký cam kết thi đua năm 2025"):
        prepare(world, org, so_movement, texts=[STAFF_TEXT, HEAD_TEXT])
    prepare(world, org, so_movement, texts=[HEAD_TEXT])  # the other level may come in a round of its own
    assert PledgeRound.objects.count() == 2


def test_a_sync_follows_the_organisation_and_leaves_signed_pledges_alone(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    hoa_pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    sign(world.staff, hoa_pledge)
    # Khoa Ngoại gets a head; Dũng leaves; a new head takes over Khoa Nội
    make_person(
        unit=world.hosp_a, department=org.ward_b, full_name="Tạ Văn Trưởng", serial=21, position="head"
    )
    employment_end(actor=None, employment=org.dung.employments.get(), end=dt.date(2025, 3, 1))
    employment_end(actor=None, employment=org.head.employments.get(), end=dt.date(2025, 3, 1))
    employment_start(
        actor=None, person=org.head, unit=world.hosp_a, department=org.office, start=dt.date(2025, 3, 2)
    )
    new_head = make_person(
        unit=world.hosp_a, department=world.ward_a, full_name="Phan Thị Mới", serial=22, position="head"
    )
    result = round_sync(actor=world.unit_officer, pledge_round=pledge_round, day=DAY)
    staff = pairs(pledge_round, PledgeLevel.STAFF)
    assert staff["Nguyễn Thị Hoa"] == ["department_head: Võ Thị Hương"]  # signed: kept as signed
    assert "Bùi Văn Dũng" not in staff  # left, unsigned: removed
    assert staff["Hà Văn Mổ"] == ["department_head: Tạ Văn Trưởng"]
    assert staff["Võ Thị Hương"] == ["department_head: Mai Văn Tổ"]  # now staff of the office
    heads = pairs(pledge_round, PledgeLevel.DEPARTMENT)
    assert set(heads) == {"Phan Thị Mới", "Tạ Văn Trưởng", "Mai Văn Tổ"}
    assert result.kept_signed == 1
    assert result.problems == []
    assert Pledge.objects.filter(round=pledge_round, pledger=new_head).exists()
    assert AuditEntry.objects.filter(object_type="pledges.pledge", action="delete").exists()


def test_a_party_signs_once_as_themself_and_the_text_is_frozen(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    party = sign(world.staff, pledge)
    assert party.role == PartyRole.PLEDGER and party.signed_by == world.staff
    pledge.refresh_from_db()
    expected = document_text(heading=STAFF_TEXT.heading, body=STAFF_TEXT.body)
    assert pledge.frozen_text == expected
    assert pledge.text_hash == text_hash(expected) == party.signed_hash
    with pytest.raises(ApplicationError, match="một lần"):
        sign(world.staff, pledge)
    assert PledgeParty.objects.filter(pledge=pledge, signed_at__isnull=False).count() == 1
    entry = AuditEntry.objects.get(object_type="pledges.pledgeparty", object_id=str(party.pk))
    assert entry.actor == world.staff and entry.changes["signed_hash"] == ["", pledge.text_hash]


def test_only_a_party_signs_a_pledge(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    for outsider in (org.dung_user, org.director_user, world.unit_officer):
        with pytest.raises(ApplicationError):
            sign(outsider, pledge)
    sign(org.head_user, pledge)  # the department head is the other party
    assert (
        not PledgeParty.objects.filter(pledge=pledge, signed_at__isnull=True)
        .exclude(person=world.hoa)
        .exists()
    )


def test_editing_the_text_after_a_signature_never_changes_the_signed_pledge(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    hoa_pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    sign(world.staff, hoa_pledge)
    signed_text = Pledge.objects.get(pk=hoa_pledge.pk).frozen_text
    round_update(
        actor=world.unit_officer,
        pledge_round=pledge_round,
        name=pledge_round.name,
        texts=[
            TextInput(PledgeLevel.STAFF, "BẢN CAM KẾT (SỬA)", "Nội dung mới."),
            HEAD_TEXT,
        ],
        union_chair=org.chair,
        day=DAY,
    )
    hoa_pledge.refresh_from_db()
    assert hoa_pledge.frozen_text == signed_text
    # the head signs what Hoa signed, not the new text
    head_party = sign(org.head_user, hoa_pledge)
    assert head_party.signed_hash == text_hash(signed_text)
    # a pledge nobody signed yet takes the new text
    dung_pledge = Pledge.objects.get(round=pledge_round, pledger=org.dung)
    sign(org.dung_user, dung_pledge)
    dung_pledge.refresh_from_db()
    assert dung_pledge.frozen_text == "BẢN CAM KẾT (SỬA)\n\nNội dung mới."


def test_a_signature_on_a_text_that_changed_since_it_was_read_is_refused(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    seen = text_hash(document_text(heading=STAFF_TEXT.heading, body=STAFF_TEXT.body))
    round_update(
        actor=world.unit_officer,
        pledge_round=pledge_round,
        name=pledge_round.name,
        texts=[TextInput(PledgeLevel.STAFF, "KHÁC", "Khác."), HEAD_TEXT],
        union_chair=org.chair,
        day=DAY,
    )
    with pytest.raises(ApplicationError):
        pledge_sign(actor=world.staff, pledge=pledge, text_hash_seen=seen)
    assert not Pledge.objects.get(pk=pledge.pk).is_frozen


def test_pledges_are_signed_only_while_the_round_is_open_and_the_movement_published(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    with pytest.raises(ApplicationError):  # still being prepared
        sign(world.staff, pledge)
    pledge_round = round_open(actor=world.unit_officer, pledge_round=pledge_round)
    sign(world.staff, pledge)
    round_close(actor=world.unit_officer, pledge_round=pledge_round)
    with pytest.raises(ApplicationError):
        sign(org.head_user, pledge)
    with pytest.raises(ApplicationError):  # a closed round no longer changes
        round_sync(actor=None, pledge_round=pledge_round, day=DAY)


def test_a_closed_movement_takes_no_more_signatures(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    movement_close(actor=None, movement=so_movement)
    with pytest.raises(ApplicationError):
        sign(world.staff, Pledge.objects.get(round=pledge_round, pledger=world.hoa))


def test_a_head_signs_all_their_staff_s_pledges_at_once_and_all_or_nothing(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    theirs = list(Pledge.objects.filter(round=pledge_round, level=PledgeLevel.STAFF, unit=world.ward_a))
    seen = text_hash(document_text(heading=STAFF_TEXT.heading, body=STAFF_TEXT.body))
    foreign = Pledge.objects.get(round=pledge_round, pledger=org.chair)  # the office's: not the head's
    with pytest.raises(ApplicationError):
        pledges_sign(actor=org.head_user, pledges=[*theirs, foreign], text_hash_seen=seen)
    assert not PledgeParty.objects.filter(signed_at__isnull=False).exists()
    parties = pledges_sign(actor=org.head_user, pledges=theirs, text_hash_seen=seen)
    assert len(parties) == 2 and all(p.role == PartyRole.DEPARTMENT_HEAD for p in parties)
    assert all(p.is_frozen for p in Pledge.objects.filter(pk__in=[p.pk for p in theirs]))


def test_an_account_without_a_staff_record_signs_nothing(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    with pytest.raises(ApplicationError):
        sign(world.unit_officer, Pledge.objects.get(round=pledge_round, pledger=world.hoa))


def test_a_round_being_prepared_can_be_deleted_an_open_one_cannot(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement)
    round_delete(actor=world.unit_officer, pledge_round=pledge_round)
    assert not Pledge.objects.exists()
    assert AuditEntry.objects.filter(object_type="pledges.pledgeround", action="delete").exists()
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    with pytest.raises(ApplicationError):
        round_delete(actor=world.unit_officer, pledge_round=pledge_round)


def test_a_new_union_chair_renews_the_heads_pledges_nobody_signed(world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, chair=False, open_it=True)
    assert pairs(pledge_round, PledgeLevel.DEPARTMENT)["Võ Thị Hương"] == ["director: Đặng Văn Giám"]
    sign(org.director_user, Pledge.objects.get(round=pledge_round, pledger=org.office_head))
    _round, result = round_update(
        actor=world.unit_officer,
        pledge_round=pledge_round,
        name="Ký cam kết (có Công đoàn)",
        texts=[STAFF_TEXT, HEAD_TEXT],
        union_chair=org.chair,
        day=DAY,
    )
    heads = pairs(pledge_round, PledgeLevel.DEPARTMENT)
    assert heads["Võ Thị Hương"] == ["director: Đặng Văn Giám", "union_chair: Lý Thị Công"]
    assert heads["Mai Văn Tổ"] == ["director: Đặng Văn Giám"]  # the director signed it already
    assert result.replaced == 1 and result.kept_signed == 1


@pytest.fixture
def bloc(world, org):
    return bloc_create(
        actor=None,
        owner=world.so,
        year=2025,
        name="Khối các bệnh viện",
        members=[world.hosp_a, world.hosp_b],
        leader=world.hosp_a,
    )


def test_the_units_of_a_bloc_sign_a_covenant_through_their_directors(world, org, so_movement, bloc):
    heading, body = default_text(PledgeLevel.COVENANT, movement_name=so_movement.name)
    pledge_round, result = round_create(
        actor=world.so_officer,
        movement=so_movement,
        name="Giao ước thi đua 2025",
        bloc=bloc,
        texts=[TextInput(PledgeLevel.COVENANT, heading, body)],
        day=DAY,
    )
    assert pledge_round.unit == world.so and pledge_round.is_covenant
    covenant = Pledge.objects.get(round=pledge_round)
    assert [(p.unit.code, p.person.full_name) for p in covenant.parties.all()] == [("BVA", "Đặng Văn Giám")]
    assert "Bệnh viện Phụ sản B" in result.problems[0]  # no director recorded yet
    director_b = make_person(
        unit=world.hosp_b, full_name="Châu Văn Bê", serial=30, gender="male", position="director"
    )
    round_open(actor=world.so_officer, pledge_round=pledge_round)
    sign(org.director_user, covenant)
    result = round_sync(actor=world.so_officer, pledge_round=pledge_round, day=DAY)
    assert result.created == 1 and result.problems == []
    assert list(covenant.parties.values_list("person", flat=True)) == [org.director.pk, director_b.pk]
    assert covenant.parties.get(person=org.director).is_signed  # the signature stays


def test_a_covenant_is_for_a_bloc_of_the_movement_s_years(world, org, so_movement):
    old = bloc_create(actor=None, owner=world.so, year=2024, name="Khối cũ", members=[world.hosp_a])
    heading, body = default_text(PledgeLevel.COVENANT, movement_name=so_movement.name)
    with pytest.raises(ApplicationError, match="2024"):
        round_create(
            actor=None,
            movement=so_movement,
            name="x",
            bloc=old,
            texts=[TextInput(PledgeLevel.COVENANT, heading, body)],
            day=DAY,
        )


@pytest.mark.parametrize("extra", [0, 30])
def test_signing_many_pledges_is_set_based(world, org, so_movement, extra, django_assert_max_num_queries):
    for i in range(extra):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Hộ Lý {i}", serial=600 + i)
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    theirs = list(Pledge.objects.filter(round=pledge_round, level=PledgeLevel.STAFF, unit=world.ward_a))
    with django_assert_max_num_queries(9):
        parties = pledges_sign(actor=org.head_user, pledges=theirs, text_hash_seen=STAFF_HASH)
    assert len(parties) == 2 + extra
    assert PledgeParty.objects.filter(person=org.head, signed_at__isnull=False).count() == 2 + extra
    assert AuditEntry.objects.filter(object_type="pledges.pledgeparty", action="update").count() == 2 + extra


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("Phát động phong trào thi đua năm 2025", "Thực hiện phong trào thi đua năm 2025, tôi xin cam kết"),
        ("Phong trào thi đua năm 2025", "Thực hiện phong trào thi đua năm 2025, tôi xin cam kết"),
        (
            "Triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện A",
            "Thực hiện kế hoạch «Triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện A», tôi xin",
        ),
    ],
)
def test_the_proposed_text_names_the_movement_once(name, opening):
    _heading, body = default_text(PledgeLevel.STAFF, movement_name=name)
    assert body.startswith(opening)
