"""Nominations before the council go on a meeting's agenda; a closed ballot approves or turns them down, with
the tally as the reason; the minutes read back as .docx and PDF."""

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.councils import services
from tdkt.councils.models import Ballot
from tdkt.councils.nominations import meeting_add_nominations, nominations_for_agenda
from tdkt.eligibility.services import eligibility_recompute
from tdkt.nominations.tests.conftest import TODAY, nominate, open_round, records_2025, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def before_council(world):
    """Hoa (CSTĐCS) and An (LĐTT) of hospital A, both before the council."""
    records_2025(world)
    eligibility_recompute(unit=world.hosp_a, year=2025, as_of=TODAY)
    round = open_round(world)
    (hoa,) = nominate(world, round, "grassroots_emulation_fighter", world.hoa)
    (an,) = nominate(world, round, "advanced_worker", world.an)
    return walk(world, hoa, "to_council"), walk(world, an, "to_council")


def _vote(cw, item, choice):
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=item))
    for member in cw.everyone:
        services.ballot_cast(actor=member.user, ballot=ballot, choice=choice)
    return services.ballot_close(actor=cw.secretary_user, ballot=ballot)


def test_a_closed_ballot_moves_the_nomination_with_the_tally_as_the_reason(
    council_world, attend, before_council
):
    cw = council_world
    hoa, an = before_council
    assert list(nominations_for_agenda(cw.meeting)) == [hoa, an]
    hoa_item, an_item = meeting_add_nominations(
        actor=cw.secretary_user, meeting=cw.meeting, nominations=[hoa, an]
    )
    assert (hoa_item.target, hoa_item.subject_person, hoa_item.candidate) == (hoa, hoa.person, hoa.candidate)
    assert list(nominations_for_agenda(cw.meeting)) == []
    with pytest.raises(ApplicationError, match="không chờ Hội đồng này"):
        meeting_add_nominations(actor=cw.secretary_user, meeting=cw.meeting, nominations=[hoa])

    attend(*cw.everyone)
    assert _vote(cw, hoa_item, "agree").passed
    assert not _vote(cw, an_item, "disagree").passed

    hoa.refresh_from_db()
    an.refresh_from_db()
    assert (hoa.status, an.status) == ("approved", "not_approved")
    event = hoa.events.last()
    assert (event.step, event.from_status, event.to_status) == ("approve", "to_council", "approved")
    assert event.reason.startswith("Hội đồng đồng ý (bỏ phiếu kín ngày 20/12/2025): 7/7 phiếu đồng ý")
    assert an.events.last().reason.startswith("Hội đồng không đồng ý")
    entry = AuditEntry.objects.filter(object_type="nominations.nomination", object_id=str(an.pk)).latest("id")
    assert entry.changes["status"] == ["to_council", "not_approved"] or "not_approved" in str(entry.changes)


def test_a_nomination_no_longer_before_the_council_keeps_the_ballot_open(
    council_world, attend, before_council, world
):
    cw = council_world
    hoa, _ = before_council
    (item,) = meeting_add_nominations(actor=cw.secretary_user, meeting=cw.meeting, nominations=[hoa])
    attend(*cw.everyone)
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=item))
    services.ballot_cast(actor=cw.chair.user, ballot=ballot, choice="agree")
    type(hoa).objects.filter(pk=hoa.pk).update(status="approved")  # recorded by hand meanwhile
    with pytest.raises(ApplicationError, match="không còn chờ Hội đồng xét"):
        services.ballot_close(actor=cw.secretary_user, ballot=ballot)
    assert Ballot.objects.get(pk=ballot.pk).status == "open"


def test_the_secretary_ticks_nominations_onto_the_agenda(client, council_world, before_council):
    cw = council_world
    hoa, an = before_council
    client.force_login(cw.secretary_user)
    url = reverse("councils:items_add_nominations", args=[cw.meeting.pk])
    page = client.get(url)
    assert page.status_code == 200 and hoa.name in page.content.decode()
    response = client.post(url, {"nomination": [hoa.pk]})
    assert response.status_code == 302
    assert cw.meeting.items.filter(object_id=str(hoa.pk)).exists()
    assert not cw.meeting.items.filter(object_id=str(an.pk)).exists()
    assert client.post(url, {"nomination": [hoa.pk]}).status_code == 400


def test_the_minutes_read_back_as_docx_and_pdf(client, council_world, attend, before_council, world):
    cw = council_world
    hoa, an = before_council
    hoa_item, an_item = meeting_add_nominations(
        actor=cw.secretary_user, meeting=cw.meeting, nominations=[hoa, an]
    )
    attend(*cw.everyone)
    services.conflict_declare(
        actor=cw.vice.user, item=an_item, member=cw.vice, reason="relative", detail="em họ"
    )
    _vote(cw, hoa_item, "agree")
    ballot = services.ballot_open(actor=cw.secretary_user, ballot=Ballot.objects.get(item=an_item))
    for member in cw.everyone:
        if member != cw.vice:
            services.ballot_cast(actor=member.user, ballot=ballot, choice="disagree")
    services.ballot_close(actor=cw.secretary_user, ballot=ballot)
    services.meeting_close(actor=cw.secretary_user, meeting=cw.meeting)

    client.force_login(world.unit_officer)
    response = client.get(reverse("councils:minutes", args=[cw.meeting.pk, "docx"]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "BIÊN BẢN" in text and "Họp xét khen thưởng năm 2025" in text
    assert "Thành phần tham dự: 07/07 thành viên Hội đồng có mặt" in text
    assert "Uyvien1 là người thân của người được đề nghị (em họ), không tham gia biểu quyết." in text
    assert hoa.name in " ".join(cells) and "Chiến sĩ thi đua cơ sở" in cells
    (votes,) = [t for t in document.tables if t.rows[0].cells[-1].text == "Kết quả"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in votes.rows}
    assert rows["1"][2:] == ["Chiến sĩ thi đua cơ sở", "", "", "", "Chưa biểu quyết"]
    assert rows["3"][1:] == [f"{hoa.name} (Khoa Nội)", "Chiến sĩ thi đua cơ sở", "07", "00", "00", "Đạt"]
    assert rows["4"][3:] == ["00", "06", "00", "Không đạt"]
    assert "THƯ KÝ" in " ".join([*cells, text]) and "CHỦ TỌA" in " ".join([*cells, text])

    response = client.get(reverse("councils:minutes", args=[cw.meeting.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "BIÊN BẢN" in pdf_text and an.name in pdf_text and "Không đạt" in pdf_text


def test_the_dossier_lists_the_minutes_once_the_ballot_is_closed(council_world, attend, before_council):
    from tdkt.dossiers.hooks import minutes_for

    cw = council_world
    hoa, an = before_council
    hoa_item, _ = meeting_add_nominations(actor=cw.secretary_user, meeting=cw.meeting, nominations=[hoa, an])
    assert minutes_for([hoa, an]) == {}, "no minutes while the ballot is not closed"
    attend(*cw.everyone)
    _vote(cw, hoa_item, "agree")
    found = minutes_for([hoa, an])
    assert list(found) == [hoa.pk]
    assert found[hoa.pk].date == f"{cw.meeting.date:%d/%m/%Y}"
    assert found[hoa.pk].url == reverse("councils:minutes", args=[cw.meeting.pk, "pdf"])
    assert cw.meeting.council.name in found[hoa.pk].label
