"""The pledge pages: preparing a round, the signing page, one's own pledges, progress and its scope."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.pledges.documents import text_hash
from tdkt.pledges.models import PartyRole, Pledge, PledgeLevel, PledgeParty, PledgeRound
from tdkt.pledges.services import TextInput, pledge_sign, round_update

from .factories import DAY
from .test_pledge_services import HEAD_TEXT, STAFF_HASH, prepare

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "kind": "unit",
        "name": "Ký cam kết thi đua năm 2025",
        "unit": None,
        "levels": ["staff", "department"],
        "union_chair": "",
        "staff_heading": "BẢN CAM KẾT",
        "staff_body": "Tôi cam kết thực hiện tốt Quy tắc ứng xử.",
        "department_heading": "BẢN CAM KẾT CỦA TRƯỞNG KHOA",
        "department_body": "Tôi cam kết lãnh đạo khoa.",
    }
    data.update(overrides)
    return data


def test_an_officer_prepares_a_round_on_the_page_and_sees_what_could_not_be_derived(
    login, world, org, so_movement
):
    client = login("unit_officer")
    url = reverse("pledges:round_create", args=[so_movement.pk])
    page = client.get(url).content.decode()
    assert "BẢN CAM KẾT THI ĐUA CỦA VIÊN CHỨC, NGƯỜI LAO ĐỘNG" in page  # the proposed text
    response = client.post(url, _form(unit=world.hosp_a.pk, union_chair=org.chair.cccd), follow=True)
    pledge_round = PledgeRound.objects.get()
    assert response.redirect_chain[-1][0] == reverse("pledges:round", args=[pledge_round.pk])
    page = response.content.decode()
    assert "Khoa Ngoại: chưa có trưởng khoa hoặc phó khoa phụ trách; 1 người chưa có bản cam kết." in page
    assert "Chủ tịch Công đoàn: Lý Thị Công" in page
    assert pledge_round.pledges.count() == 5 and pledge_round.is_draft


def test_a_refused_round_keeps_what_was_typed(login, world, org, so_movement):
    response = login("unit_officer").post(
        reverse("pledges:round_create", args=[so_movement.pk]),
        _form(unit=world.hosp_a.pk, union_chair="079999999999", staff_body="Nội dung riêng của bệnh viện"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Không có viên chức nào có số CCCD này." in page
    assert "Nội dung riêng của bệnh viện" in page
    assert not PledgeRound.objects.exists()


def test_a_level_without_text_is_refused_on_its_field(login, world, org, so_movement):
    response = login("unit_officer").post(
        reverse("pledges:round_create", args=[so_movement.pk]), _form(unit=world.hosp_a.pk, staff_body="  ")
    )
    assert response.status_code == 400
    assert "Hãy nhập nội dung của bản cam kết này." in response.content.decode()


@pytest.mark.parametrize("persona", ["staff", "unit_head", "council_member"])
def test_only_officers_prepare_rounds(login, world, org, so_movement, persona):
    assert login(persona).get(reverse("pledges:round_create", args=[so_movement.pk])).status_code == 404


def test_a_staff_member_finds_their_pledge_confirms_and_signs_it_once(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    client = login("staff")
    mine = client.get(reverse("pledges:mine")).content.decode()
    assert "1 bản cam kết chờ bạn ký" in mine
    page = client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()
    assert "Tôi cam kết thực hiện tốt Quy tắc ứng xử." in page and "Võ Thị Hương" in page
    assert "Ký cam kết" in page
    confirm = client.get(
        reverse("pledges:sign", args=[pledge.pk]), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="sign-box"
    ).content.decode()
    assert "<html" not in confirm and "Xác nhận ký" in confirm and STAFF_HASH in confirm
    response = client.post(reverse("pledges:sign", args=[pledge.pk]), {"text_hash": STAFF_HASH}, follow=True)
    page = response.content.decode()
    assert "Bạn đã ký cam kết. Xin cảm ơn!" in page
    assert "Bạn đã ký bản cam kết này với tư cách Người cam kết" in page
    party = PledgeParty.objects.get(pledge=pledge, person=world.hoa)
    assert party.signed_by == world.staff
    assert AuditEntry.objects.filter(object_type="pledges.pledgeparty", object_id=str(party.pk)).count() == 1
    again = client.post(reverse("pledges:sign", args=[pledge.pk]), {"text_hash": STAFF_HASH}, follow=True)
    assert "mỗi bên chỉ ký một lần" in again.content.decode()
    assert "Không có bản cam kết nào chờ bạn ký." in client.get(reverse("pledges:mine")).content.decode()


def test_someone_who_sees_a_pledge_but_is_not_its_party_cannot_sign_it(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    client = login("unit_officer")
    page = client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()
    assert "Nguyễn Thị Hoa" in page and reverse("pledges:sign", args=[pledge.pk]) not in page
    response = client.post(reverse("pledges:sign", args=[pledge.pk]), {"text_hash": STAFF_HASH}, follow=True)
    assert "Tài khoản của bạn chưa gắn với hồ sơ nhân sự" in response.content.decode()
    client.force_login(org.director_user)  # a staff record, and the hospital in scope: still not a party
    assert client.get(reverse("pledges:detail", args=[pledge.pk])).status_code == 200
    response = client.post(reverse("pledges:sign", args=[pledge.pk]), {"text_hash": STAFF_HASH}, follow=True)
    assert "Bạn không phải là một bên của bản cam kết này" in response.content.decode()
    assert not PledgeParty.objects.filter(signed_at__isnull=False).exists()
    client.force_login(org.dung_user)  # a colleague in the same ward sees nothing of it
    assert client.get(reverse("pledges:detail", args=[pledge.pk])).status_code == 404
    assert (
        client.post(reverse("pledges:sign", args=[pledge.pk]), {"text_hash": STAFF_HASH}).status_code == 404
    )


def test_the_signed_page_shows_the_frozen_text_after_the_round_s_text_changes(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge = Pledge.objects.get(round=pledge_round, pledger=world.hoa)
    pledge_sign(actor=world.staff, pledge=pledge, text_hash_seen=STAFF_HASH)
    round_update(
        actor=world.unit_officer,
        pledge_round=pledge_round,
        name=pledge_round.name,
        texts=[TextInput(PledgeLevel.STAFF, "BẢN MỚI", "Nội dung đã sửa."), HEAD_TEXT],
        union_chair=org.chair,
        day=DAY,
    )
    client = login("staff")
    page = client.get(reverse("pledges:detail", args=[pledge.pk])).content.decode()
    assert "Tôi cam kết thực hiện tốt Quy tắc ứng xử." in page and "Nội dung đã sửa." not in page
    assert STAFF_HASH in page
    other = Pledge.objects.get(round=pledge_round, pledger=org.dung)
    client.force_login(org.dung_user)
    assert "Nội dung đã sửa." in client.get(reverse("pledges:detail", args=[other.pk])).content.decode()


def test_a_head_signs_the_whole_department_s_pledges_from_their_list(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    client = login("staff")  # any persona logs the client in; the head's account is the org fixture's
    client.force_login(org.head_user)
    mine = client.get(reverse("pledges:mine")).content.decode()
    assert "3 bản cam kết chờ bạn ký" in mine  # two staff pledges to receive, her own to the directorate
    assert "Ký cả 2 bản" in mine
    key = mine.split("?group=")[1].split('"')[0]
    page = client.get(reverse("pledges:sign_many"), {"group": key}).content.decode()
    assert "Nguyễn Thị Hoa" in page and "Bùi Văn Dũng" in page
    ids = list(
        Pledge.objects.filter(round=pledge_round, level="staff", unit=world.ward_a).values_list(
            "pk", flat=True
        )
    )
    response = client.post(
        reverse("pledges:sign_many"), {"group": key, "text_hash": STAFF_HASH, "pledge": ids}, follow=True
    )
    assert "Bạn đã ký 2 bản cam kết." in response.content.decode()
    assert (
        PledgeParty.objects.filter(
            person=org.head, role=PartyRole.DEPARTMENT_HEAD, signed_at__isnull=False
        ).count()
        == 2
    )


def test_the_round_page_shows_progress_per_department(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge_sign(
        actor=world.staff,
        pledge=Pledge.objects.get(round=pledge_round, pledger=world.hoa),
        text_hash_seen=STAFF_HASH,
    )
    client = login("unit_head")
    page = client.get(reverse("pledges:round", args=[pledge_round.pk])).content.decode()
    ward_row = page.split('data-unit="BVA-NOI"')[1].split("</tr>")[0]
    assert "1 / 2" in ward_row and "50,0 %" in ward_row
    fragment = client.get(
        reverse("pledges:round", args=[pledge_round.pk]),
        {"department": world.ward_a.pk, "level": "staff", "status": "pending"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="round-pledges",
    ).content.decode()
    assert "<html" not in fragment and "2 bản cam kết" in fragment
    assert "Nguyễn Thị Hoa" in fragment and "Bùi Văn Dũng" in fragment and "Mai Văn Tổ" not in fragment


def test_the_round_export_lists_every_party_and_signature(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge_sign(
        actor=world.staff,
        pledge=Pledge.objects.get(round=pledge_round, pledger=world.hoa),
        text_hash_seen=STAFF_HASH,
    )
    response = login("unit_officer").get(reverse("pledges:round_export", args=[pledge_round.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    hoa = next(r for r in rows if r[4] == "Nguyễn Thị Hoa")
    assert hoa[3] == "Người cam kết" and hoa[7] == STAFF_HASH
    assert len(rows) == 1 + 3 * 2 + 2 * 3  # three staff pledges of two parties, two heads' of three


def test_an_officer_opens_and_closes_a_round_on_the_page(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement)
    client = login("unit_officer")
    assert (
        client.get(reverse("pledges:round_open", args=[pledge_round.pk])).status_code == 302
    )  # GET: nothing
    assert PledgeRound.objects.get().is_draft
    client.post(reverse("pledges:round_open", args=[pledge_round.pk]))
    assert PledgeRound.objects.get().is_open
    client.post(reverse("pledges:round_close", args=[pledge_round.pk]))
    assert PledgeRound.objects.get().is_closed
    response = client.post(reverse("pledges:round_sync", args=[pledge_round.pk]), follow=True)
    assert "đã kết thúc" in response.content.decode()
    client.force_login(world.unit_head)  # sees the round, does not run it
    assert client.post(reverse("pledges:round_close", args=[pledge_round.pk])).status_code == 404


def test_the_movement_page_shows_each_unit_s_share_to_the_so(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    pledge_sign(
        actor=world.staff,
        pledge=Pledge.objects.get(round=pledge_round, pledger=world.hoa),
        text_hash_seen=STAFF_HASH,
    )
    client = login("so_officer")
    page = client.get(reverse("pledges:movement", args=[so_movement.pk])).content.decode()
    row = page.split('data-unit="BVA"')[1].split("</tr>")[0]
    # hospital A: 8 people, the director left out → 7 expected, Hoa signed
    assert ">7<" in row and ">1<" in row and "14,3 %" in row
    total = page.split('data-unit="SYT"')[1].split("</tr>")[0]
    assert ">9<" in total and "11,1 %" in total  # the whole Sở: B's and C's one person each too
    assert "Ký cam kết thi đua năm 2025" in page  # the round
    drill = client.get(
        reverse("pledges:movement", args=[so_movement.pk]),
        {"unit": world.hosp_a.pk},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="pledge-progress",
    ).content.decode()
    assert "<html" not in drill and 'data-unit="BVA-NOI"' in drill and "33,3 %" in drill


def test_a_staff_member_opening_the_progress_lands_on_their_own_pledges(login, world, so_movement):
    response = login("staff").get(reverse("pledges:movement", args=[so_movement.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("pledges:mine")


@pytest.mark.parametrize("extra", [0, 30])
def test_the_round_page_uses_a_fixed_number_of_queries(
    login, world, org, so_movement, extra, django_assert_max_num_queries
):
    for i in range(extra):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Điều Dưỡng {i}", serial=500 + i)
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    client = login("unit_officer")
    with django_assert_max_num_queries(20):
        assert client.get(reverse("pledges:round", args=[pledge_round.pk])).status_code == 200


@pytest.mark.parametrize("extra", [0, 30])
def test_the_progress_and_my_pledges_use_a_fixed_number_of_queries(
    login, world, org, so_movement, extra, django_assert_max_num_queries
):
    for i in range(extra):
        make_person(unit=world.hosp_a, department=world.ward_a, full_name=f"Điều Dưỡng {i}", serial=500 + i)
    prepare(world, org, so_movement, open_it=True)
    client = login("so_officer")
    with django_assert_max_num_queries(17):
        assert client.get(reverse("pledges:movement", args=[so_movement.pk])).status_code == 200
    client.force_login(org.head_user)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("pledges:mine")).status_code == 200


def test_the_so_prepares_a_bloc_s_covenant_and_a_director_signs_it_for_his_hospital(
    login, world, org, so_movement
):
    from tdkt.org.services import bloc_create

    bloc = bloc_create(
        actor=None, owner=world.so, year=2025, name="Khối các bệnh viện", members=[world.hosp_a, world.hosp_b]
    )
    client = login("so_officer")
    url = reverse("pledges:round_create", args=[so_movement.pk])
    page = client.get(url, {"kind": "bloc"}).content.decode()
    assert "GIAO ƯỚC THI ĐUA CỦA CÁC ĐƠN VỊ TRONG KHỐI" in page
    response = client.post(
        url,
        {
            "kind": "bloc",
            "name": "Giao ước thi đua khối bệnh viện 2025",
            "bloc": bloc.pk,
            "covenant_heading": "GIAO ƯỚC THI ĐUA",
            "covenant_body": "Các đơn vị cùng giao ước hoàn thành vượt mức chỉ tiêu.",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Bệnh viện Phụ sản B: chưa có Giám đốc hoặc Phó Giám đốc phụ trách" in page
    pledge_round = PledgeRound.objects.get(bloc=bloc)
    client.post(reverse("pledges:round_open", args=[pledge_round.pk]))
    covenant = Pledge.objects.get(round=pledge_round)
    client.force_login(org.director_user)
    page = client.get(reverse("pledges:detail", args=[covenant.pk])).content.decode()
    assert "Các đơn vị cùng giao ước hoàn thành vượt mức chỉ tiêu." in page and "Đơn vị thành viên" in page
    digest = text_hash("GIAO ƯỚC THI ĐUA\n\nCác đơn vị cùng giao ước hoàn thành vượt mức chỉ tiêu.")
    client.post(reverse("pledges:sign", args=[covenant.pk]), {"text_hash": digest})
    assert covenant.parties.get(person=org.director).is_signed
    # hospital A's officer follows the covenant through it, not the Sở's round page
    client.force_login(world.unit_officer)
    assert client.get(reverse("pledges:round", args=[pledge_round.pk])).status_code == 404
    assert client.get(reverse("pledges:detail", args=[covenant.pk])).status_code == 404


def test_an_officer_edits_the_texts_and_the_change_is_logged(login, world, org, so_movement):
    pledge_round, _result = prepare(world, org, so_movement, open_it=True)
    client = login("unit_officer")
    url = reverse("pledges:round_edit", args=[pledge_round.pk])
    page = client.get(url).content.decode()
    assert "Tôi cam kết thực hiện tốt Quy tắc ứng xử." in page and org.chair.cccd in page
    response = client.post(
        url,
        {
            "name": "Ký cam kết năm 2025 (bản sửa)",
            "union_chair": org.chair.cccd,
            "staff_heading": "BẢN CAM KẾT",
            "staff_body": "Tôi cam kết thực hiện tốt Quy tắc ứng xử và văn hóa công sở.",
            "department_heading": HEAD_TEXT.heading,
            "department_body": HEAD_TEXT.body,
            "reason": "Bổ sung văn hóa công sở",
        },
    )
    assert response.status_code == 302
    text = pledge_round.texts.get(level="staff")
    assert text.body.endswith("văn hóa công sở.")
    entry = AuditEntry.objects.get(object_type="pledges.pledgetext", object_id=str(text.pk), action="update")
    assert entry.actor == world.unit_officer
    refused = client.post(url, {"name": "", "staff_heading": "", "staff_body": "Giữ nguyên", "reason": ""})
    assert refused.status_code == 400 and "Giữ nguyên" in refused.content.decode()


def test_the_home_page_lists_the_pledges_waiting_for_the_user_in_a_fixed_number_of_queries(
    client, world, org, so_movement, django_assert_max_num_queries
):
    from tdkt.core import views as core_views

    client.force_login(org.head_user)
    home = client.get(reverse("home")).content.decode()
    assert 'id="pledges-to-sign"' not in home  # no round open yet
    prepare(world, org, so_movement, open_it=True)
    client.get(reverse("home"))
    with django_assert_max_num_queries(8):
        home = client.get(reverse("home")).content.decode()
    assert "Cam kết chờ ký" in home and "Ký 3 bản cam kết" in home
    assert reverse("pledges:mine") in home
    assert "Nguyễn Thị Hoa" in home and "Bùi Văn Dũng" in home and "Võ Thị Hương" in home
    assert "bạn ký với tư cách trưởng khoa/phòng" in home and "bạn ký với tư cách người cam kết" in home
    for pledge in Pledge.objects.filter(parties__person=org.head):
        assert reverse("pledges:detail", args=[pledge.pk]) in home
    # more pledges than the page lists: five shown, the count and a link to all of them
    for n in range(4):
        person = make_person(
            unit=world.hosp_a, department=world.ward_a, full_name=f"Điều Dưỡng {n}", serial=40 + n
        )
        assert person.pk
    round_ = PledgeRound.objects.get()
    from tdkt.pledges.services import round_sync

    round_sync(actor=world.unit_officer, pledge_round=round_, day=DAY)
    with django_assert_max_num_queries(8):
        home = client.get(reverse("home")).content.decode()
    assert "Ký 7 bản cam kết" in home and "Tất cả 7 bản cam kết đang chờ bạn" in home
    assert home.count("bạn ký với tư cách") == core_views.HOME_PLEDGES
    client.force_login(org.dung_user)  # a colleague's home lists only his own
    home = client.get(reverse("home")).content.decode()
    assert "Ký 1 bản cam kết" in home and "Nguyễn Thị Hoa" not in home


def test_the_home_page_of_someone_without_pledges_has_no_such_section(login, world, org, so_movement):
    prepare(world, org, so_movement, open_it=True)
    assert 'id="pledges-to-sign"' not in login("unit_officer").get(reverse("home")).content.decode()
