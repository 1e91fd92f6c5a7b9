"""Reviews: a sơ kết per phase and the tổng kết, prefilled from the latest figures; edited as a draft with
comments and proposals; issued with a number from the register and immutable after; corrected by a new
version that replaces the one before."""

import datetime as dt
import io
import subprocess
from decimal import Decimal

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import make_person
from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.documents.docx_render import render_docx
from tdkt.documents.models import RegisterEntry
from tdkt.documents.tests.conftest import docx_lines
from tdkt.movements.documents import review_document
from tdkt.movements.inputs import ProposalInput, ReviewInput
from tdkt.movements.models import Review, ReviewProposal, ReviewResult
from tdkt.movements.selectors_reviews import (
    commendation_proposals,
    movement_reviews,
    review_detail_get,
    reviews_visible,
)
from tdkt.movements.services import target_report_submit
from tdkt.movements.services_reviews import (
    review_correct,
    review_create,
    review_delete,
    review_issue,
    review_update,
)

from .factories import TODAY, launch

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def reported(world, so_plan):
    """Hospital A reports 96 then 97 (Q1, Q2) and 98 in Q3; hospital B 90 in Q2; the centre nothing."""
    target = so_plan.targets.get(frequency="quarterly")
    for unit, start, value in (
        (world.hosp_a, D(2025, 1, 1), "96"),
        (world.hosp_a, D(2025, 4, 1), "97"),
        (world.hosp_a, D(2025, 7, 1), "98"),
        (world.hosp_b, D(2025, 4, 1), "90"),
    ):
        target_report_submit(
            actor=world.so_officer,
            target=target,
            unit=unit,
            period_start=start,
            value=Decimal(value),
            today=TODAY,
        )
    return so_plan


def interim(world, movement):
    return review_create(
        actor=world.so_officer,
        movement=movement,
        kind="interim_review",
        phase=movement.phases.get(name="Đợt 1"),
        today=TODAY,
    )


def review_input(review: Review, **overrides) -> ReviewInput:
    values = {
        name: getattr(review, name)
        for name in (
            "title",
            "as_of",
            "symbol",
            "issued_on",
            "place",
            "issuer_name",
            "signer_title",
            "signer_name",
            "overview",
            "highlights",
            "shortcomings",
            "lessons",
            "next_steps",
            "number",
            "issuer_parent",
            "signer_authority",
            "distribution",
        )
    }
    values.update(overrides)
    return ReviewInput(**values)


def test_an_interim_review_starts_from_the_figures_of_its_phase(world, reported):
    review = interim(world, reported)
    assert review.is_draft and review.version == 1
    assert review.title == "Sơ kết đợt 1 phong trào thi đua năm 2025"
    assert review.heading == "Báo cáo sơ kết đợt 1 phong trào thi đua năm 2025"
    assert (review.period_start, review.period_end, review.as_of) == (
        D(2025, 1, 1),
        D(2025, 6, 30),
        D(2025, 6, 30),
    )
    assert (review.symbol, review.signer_name, review.place) == ("BC-SYT", "Nguyễn Văn Giám", "Thử nghiệm")
    quarterly, yearly = review.results.order_by("order")
    # the latest figure of each hospital by the end of June: A 97 (Q3's 98 comes later), B 90, the centre none
    assert (quarterly.value, quarterly.units_total, quarterly.units_reported, quarterly.units_met) == (
        Decimal("93.5"),
        3,
        2,
        1,
    )
    assert quarterly.met is False and quarterly.threshold == "≥ 95 %" and quarterly.is_average
    assert yearly.value is None and yearly.met is None and yearly.units_total == 1
    assert AuditEntry.objects.filter(object_type="movements.reviewresult", action="create").count() == 2


def test_the_final_review_takes_the_figures_up_to_its_day(world, reported):
    review = review_create(actor=world.so_officer, movement=reported, kind="final_review", today=TODAY)
    assert review.title == "Tổng kết phong trào thi đua năm 2025" and review.phase is None
    assert review.as_of == TODAY
    quarterly = review.results.order_by("order").first()
    assert quarterly.value == Decimal("94.0")  # A's 98 and B's 90


def test_a_review_is_started_once_and_only_for_a_published_movement(world, so_plan):
    interim(world, so_plan)
    with pytest.raises(ApplicationError):
        interim(world, so_plan)
    draft = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA")
    with pytest.raises(ApplicationError):
        review_create(actor=world.unit_officer, movement=draft, kind="final_review", today=TODAY)
    with pytest.raises(ApplicationError):
        review_create(actor=world.so_officer, movement=so_plan, kind="interim_review", today=TODAY)


def test_the_draft_takes_comments_and_proposals_and_keeps_comments_when_refreshed(world, reported):
    review = interim(world, reported)
    quarterly = review.results.order_by("order").first()
    content = review_input(
        review,
        highlights="Các bệnh viện tổ chức ký cam kết sớm.",
        comments={quarterly.pk: "Trung tâm chưa báo cáo"},
        proposals=[
            ProposalInput(
                kind="role_model", subject_kind="person", person=world.hoa, summary="Tận tụy với người bệnh."
            ),
            ProposalInput(
                kind="commendation",
                subject_kind="collective",
                unit=world.ward_a,
                candidate="commendation_certificate",
                summary="Hoàn thành xuất sắc các chỉ tiêu đợt 1.",
            ),
        ],
    )
    review_update(actor=world.so_officer, review=review, content=content)
    review.refresh_from_db()
    assert review.highlights == "Các bệnh viện tổ chức ký cam kết sớm."
    assert [(p.kind, p.name, p.candidate) for p in review.proposals.order_by("order")] == [
        ("role_model", "Nguyễn Thị Hoa", ""),
        ("commendation", "Khoa Nội", "commendation_certificate"),
    ]
    assert ReviewResult.objects.get(pk=quarterly.pk).comment == "Trung tâm chưa báo cáo"

    target = reported.targets.get(frequency="quarterly")
    target_report_submit(
        actor=world.so_officer,
        target=target,
        unit=world.centre,
        period_start=D(2025, 4, 1),
        value=Decimal("99"),
        today=TODAY,
    )
    proposals = [
        ProposalInput(
            id=p.pk,
            kind=p.kind,
            subject_kind=p.subject_kind,
            person=p.person,
            unit=p.unit,
            candidate=p.candidate,
            summary=p.summary,
        )
        for p in review.proposals.order_by("order")
    ]
    review_update(
        actor=world.so_officer,
        review=review,
        content=review_input(
            review, refresh=True, comments={quarterly.pk: "Đã đủ báo cáo"}, proposals=proposals
        ),
    )
    refreshed = review.results.order_by("order").first()
    assert refreshed.value == Decimal("95.3") and refreshed.units_reported == 3
    assert refreshed.comment == "Đã đủ báo cáo"


def test_proposals_name_someone_of_the_movement_and_a_fitting_title(world, reported):
    review = interim(world, reported)
    stranger = make_person(unit=world.hosp_b, full_name="Người Khác Tỉnh", serial=77)
    wrong = review_input(
        review,
        proposals=[
            ProposalInput(
                kind="commendation",
                subject_kind="person",
                person=world.hoa,
                candidate="excellent_collective",
                summary="x",
            ),
            ProposalInput(kind="role_model", subject_kind="collective", unit=world.ward_a, summary=" "),
        ],
    )
    with pytest.raises(ValidationError) as exc:
        review_update(actor=world.so_officer, review=review, content=wrong)
    assert len(exc.value.message_dict["proposals"]) == 2
    assert stranger  # hospital B is under the Sở: its staff may be proposed by the Sở's review
    own = launch(actor=None, unit=world.hosp_a, symbol="KH-BVA", publish=True)
    own_review = review_create(actor=world.unit_officer, movement=own, kind="final_review", today=TODAY)
    with pytest.raises(ValidationError, match="Người Khác Tỉnh"):
        review_update(
            actor=world.unit_officer,
            review=own_review,
            content=review_input(
                own_review,
                proposals=[
                    ProposalInput(kind="role_model", subject_kind="person", person=stranger, summary="x")
                ],
            ),
        )
    assert not ReviewProposal.objects.exists()


def test_issuing_numbers_the_report_from_the_register_and_freezes_it(world, reported):
    review = interim(world, reported)
    review_issue(actor=world.so_officer, review=review)
    review.refresh_from_db()
    assert review.is_issued and review.number == 1 and review.reference == "01/BC-SYT"
    entry = RegisterEntry.objects.get(kind="report")
    assert entry.symbol == "01/BC-SYT" and entry.subject == review.title
    before = (review.title, review.highlights, list(review.results.values_list("value", "comment")))
    for attempt in (
        lambda: review_update(
            actor=world.so_officer, review=review, content=review_input(review, title="Sửa")
        ),
        lambda: review_issue(actor=world.so_officer, review=review),
        lambda: review_delete(actor=world.so_officer, review=review),
    ):
        with pytest.raises(ApplicationError):
            attempt()
    review.refresh_from_db()
    assert (review.title, review.highlights, list(review.results.values_list("value", "comment"))) == before
    assert RegisterEntry.objects.count() == 1


def test_a_number_entered_by_hand_is_kept(world, reported):
    review = interim(world, reported)
    review_update(actor=world.so_officer, review=review, content=review_input(review, number=45))
    review_issue(actor=world.so_officer, review=review)
    assert Review.objects.get(pk=review.pk).reference == "45/BC-SYT" and not RegisterEntry.objects.exists()


def test_a_correction_is_a_new_version_that_replaces_the_issued_one_once_issued(world, reported):
    review = interim(world, reported)
    review_update(
        actor=world.so_officer,
        review=review,
        content=review_input(
            review,
            proposals=[
                ProposalInput(
                    kind="commendation",
                    subject_kind="person",
                    person=world.hoa,
                    candidate="advanced_worker",
                    summary="Hoàn thành xuất sắc.",
                )
            ],
        ),
    )
    review_issue(actor=world.so_officer, review=review)
    final_draft = review_create(actor=world.so_officer, movement=reported, kind="final_review", today=TODAY)
    with pytest.raises(ApplicationError):  # a draft is edited, not corrected
        review_correct(actor=world.so_officer, review=final_draft, today=TODAY)
    correction = review_correct(actor=world.so_officer, review=review, today=TODAY)
    assert (correction.version, correction.previous, correction.number, correction.is_draft) == (
        2,
        review,
        None,
        True,
    )
    assert correction.results.count() == 2 and correction.proposals.count() == 1
    assert [p.review_id for p in commendation_proposals(unit_ids=[world.so.pk], year=2025)] == [review.pk]
    with pytest.raises(ApplicationError):
        review_correct(actor=world.so_officer, review=review, today=TODAY)

    review_issue(actor=world.so_officer, review=correction)
    shown = {r.pk: r for r in movement_reviews(movement=reported, user=world.so_officer)}
    assert shown[review.pk].replaced and not shown[correction.pk].replaced
    assert [p.review_id for p in commendation_proposals(unit_ids=[world.so.pk], year=2025)] == [correction.pk]
    assert Review.objects.get(pk=correction.pk).reference == "02/BC-SYT"


def test_drafts_are_seen_by_those_who_manage_the_movement_issued_reviews_by_all_who_see_it(world, reported):
    review = interim(world, reported)

    def sees(user) -> bool:
        return reviews_visible(user).filter(pk=review.pk).exists()

    assert sees(world.so_officer)
    assert not sees(world.unit_officer) and not sees(world.staff)
    review_issue(actor=world.so_officer, review=review)
    assert sees(world.unit_officer) and sees(world.staff) and sees(world.outsider)


def test_a_draft_is_deleted_with_an_audit_entry(world, reported):
    review = interim(world, reported)
    review_delete(actor=world.so_officer, review=review)
    assert not Review.objects.exists() and not ReviewResult.objects.exists()
    assert AuditEntry.objects.filter(object_type="movements.review", action="delete").exists()


# ---------------------------------------------------------------------------------------------------
# Pages and the report document
# ---------------------------------------------------------------------------------------------------


def review_post(review, **overrides) -> dict:
    """The POST of the review page: its fields, a comment per result, the proposals formset."""
    data = {
        "title": review.title,
        "as_of": review.as_of.strftime("%d/%m/%Y"),
        "overview": "Sở đã quán triệt kế hoạch tới các đơn vị.",
        "highlights": "- Ký cam kết sớm\n- Báo cáo đúng hạn",
        "shortcomings": "Một đơn vị chưa báo cáo.",
        "lessons": "",
        "next_steps": "Đôn đốc báo cáo quý.",
        "number": "",
        "symbol": review.symbol,
        "issued_on": "10/07/2025",
        "place": review.place,
        "issuer_parent": "UBND tỉnh Thử nghiệm",
        "issuer_name": review.issuer_name,
        "signer_authority": "",
        "signer_title": review.signer_title,
        "signer_name": review.signer_name,
        "distribution": "Các đơn vị trực thuộc;\nLưu: VT, TCCB.",
        "proposals-TOTAL_FORMS": "0",
        "proposals-INITIAL_FORMS": "0",
        "proposals-MIN_NUM_FORMS": "0",
        "proposals-MAX_NUM_FORMS": "1000",
    }
    for result in review.results.all():
        data[f"comment_{result.pk}"] = ""
    data.update(overrides)
    return data


def proposal_fields(n: int, **values) -> dict:
    return {f"proposals-{n}-{k}": v for k, v in values.items()}


def test_an_officer_starts_writes_and_issues_an_interim_review_on_the_pages(login, world, reported):
    client = login("so_officer")
    page = client.get(reverse("movements:detail", args=[reported.pk])).content.decode()
    assert "Đợt 1 · 01/01/2025 – 30/06/2025" in page
    phase = reported.phases.get(name="Đợt 1")
    response = client.post(
        reverse("movements:review_create", args=[reported.pk]), {"kind": "interim_review", "phase": phase.pk}
    )
    review = Review.objects.get()
    assert response["Location"] == reverse("movements:review_edit", args=[review.pk])
    quarterly = review.results.order_by("order").first()
    edit = reverse("movements:review_edit", args=[review.pk])
    assert client.get(edit).status_code == 200
    data = review_post(
        review,
        **{f"comment_{quarterly.pk}": "Trung tâm khu vực C chưa báo cáo"},
        **{"proposals-TOTAL_FORMS": "2"},
        **proposal_fields(
            0, kind="role_model", subject_kind="person", person_cccd="000000000000", summary="Tận tụy."
        ),
        **proposal_fields(
            1,
            kind="commendation",
            subject_kind="collective",
            unit=str(world.ward_a.pk),
            candidate="advanced_collective",
            summary="Dẫn đầu khối nội.",
        ),
    )
    response = client.post(edit, data)
    assert response.status_code == 400  # no such citizen ID: the page comes back as typed
    text = response.content.decode()
    assert "Dẫn đầu khối nội." in text and "Trung tâm khu vực C chưa báo cáo" in text
    data["proposals-0-person_cccd"] = world.hoa.cccd
    response = client.post(edit, data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.proposals.count() == 2 and review.issuer_parent == "UBND tỉnh Thử nghiệm"
    assert review.results.get(pk=quarterly.pk).comment == "Trung tâm khu vực C chưa báo cáo"

    response = client.post(reverse("movements:review_issue", args=[review.pk]))
    review.refresh_from_db()
    assert review.is_issued and review.reference == "01/BC-SYT"
    assert client.get(edit)["Location"] == reverse("movements:review_detail", args=[review.pk])
    detail = client.get(reverse("movements:review_detail", args=[review.pk])).content.decode()
    assert "01/BC-SYT" in detail and "Nguyễn Thị Hoa" in detail and "Tập thể lao động tiên tiến" in detail

    response = client.post(reverse("movements:review_correct", args=[review.pk]))
    correction = Review.objects.get(previous=review)
    assert response["Location"] == reverse("movements:review_detail", args=[correction.pk])


def test_the_review_report_reads_back_from_the_docx_and_the_pdf(login, world, reported, tmp_path, artifacts):
    review = interim(world, reported)
    quarterly = review.results.order_by("order").first()
    review_update(
        actor=world.so_officer,
        review=review,
        content=review_input(
            review,
            highlights="Các bệnh viện ký cam kết sớm.",
            shortcomings="Trung tâm khu vực C chưa báo cáo.",
            next_steps="Đôn đốc các đơn vị báo cáo đúng hạn.",
            comments={quarterly.pk: "Một đơn vị chưa báo cáo"},
            proposals=[
                ProposalInput(kind="role_model", subject_kind="person", person=world.hoa, summary="Tận tụy."),
                ProposalInput(
                    kind="commendation",
                    subject_kind="collective",
                    unit=world.ward_a,
                    candidate="advanced_collective",
                    summary="Dẫn đầu khối nội.",
                ),
            ],
        ),
    )
    review_issue(actor=world.so_officer, review=review)
    client = login("unit_officer")  # issued: every unit that sees the movement reads it
    page = client.get(reverse("movements:detail", args=[reported.pk])).content.decode()
    assert "Báo cáo sơ kết đợt 1 phong trào thi đua năm 2025" in page
    assert reverse("movements:review_docx", args=[review.pk]) in page
    assert reverse("movements:review_pdf", args=[review.pk]) in page
    detail = client.get(reverse("movements:review_detail", args=[review.pk])).content.decode()
    assert "<h1>Báo cáo sơ kết đợt 1 phong trào thi đua năm 2025</h1>" in detail
    assert "Số 01/BC-SYT · Thử nghiệm" in detail
    response = client.get(reverse("movements:review_docx", args=[review.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-01-bc-syt.docx"'
    lines = [line for line in docx_lines(response.content) if line]
    assert "Số: 01/BC-SYT" in lines and "BÁO CÁO" in lines
    assert lines[lines.index("BÁO CÁO") + 1] == "Sơ kết đợt 1 phong trào thi đua năm 2025"
    assert (
        "Thực hiện Kế hoạch số 12/KH-SYT ngày 02 tháng 01 năm 2025 của Sở Y tế Thử nghiệm về phát động "
        "phong trào thi đua năm 2025." in lines
    )
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế",
        "1. Điển hình tiên tiến",
        "2. Đề nghị khen thưởng",
    ):
        assert heading in lines, heading
    assert (
        "Tính đến ngày 30/06/2025, đạt 0/2 chỉ tiêu thi đua; 1 chỉ tiêu chưa đủ số liệu để đánh giá." in lines
    )
    tables = docx.Document(io.BytesIO(response.content)).tables
    results = next(t for t in tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    assert [c.text for c in results.rows[1].cells] == [
        "1",
        "Tỷ lệ viên chức ký cam kết thi đua",
        "≥ 95 %",
        "93,5 % (bình quân 2/3 đơn vị có số liệu)",
        "Chưa đạt",
        "Một đơn vị chưa báo cáo",
    ]
    assert [c.text for c in results.rows[2].cells][3:5] == ["Chưa có số liệu", "Chưa đánh giá"]
    awards = next(t for t in tables if t.rows[0].cells[1].text == "Cá nhân, tập thể")
    assert [c.text for c in awards.rows[1].cells] == [
        "1",
        "Khoa Nội",
        "Tập thể lao động tiên tiến",
        "Dẫn đầu khối nội.",
    ]
    for table in (results, awards):  # "STT" on one line, also in LibreOffice's wider cell margins
        assert table.rows[0].cells[0].width.cm >= 1.1

    pdf = client.get(reverse("movements:review_pdf", args=[review.pk])).content
    (artifacts / "review-01-BC-SYT.pdf").write_bytes(pdf)
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True
    ).stdout.decode()
    for expected in ("Số: 01/BC-SYT", "BÁO CÁO", "Sơ kết đợt 1", "ĐỀ XUẤT, KIẾN NGHỊ", "Nguyễn Văn Giám"):
        assert expected in text, expected


def test_a_correction_names_the_report_it_replaces(world, reported):
    review = review_issue(actor=world.so_officer, review=interim(world, reported))
    correction = review_correct(actor=world.so_officer, review=review, today=D(2025, 8, 1))
    lines = docx_lines(
        render_docx(review_document(review_detail_get(pk=correction.pk, qs=Review.objects.all())))
    )
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SYT" in lines
    assert any(line.startswith("Báo cáo này thay thế Báo cáo số 01/BC-SYT ngày") for line in lines)


def test_a_draft_review_is_not_shown_to_the_units_below(login, world, reported):
    review = interim(world, reported)
    for name in ("review_detail", "review_docx", "review_edit", "review_issue"):
        assert login("unit_officer").get(reverse(f"movements:{name}", args=[review.pk])).status_code == 404
    page = login("unit_officer").get(reverse("movements:detail", args=[reported.pk])).content.decode()
    assert review.title not in page and "review_create" not in page
    own = login("so_officer").get(reverse("movements:detail", args=[reported.pk])).content.decode()
    assert review.heading in own  # its author sees the draft, not yet any report to download
    assert reverse("movements:review_docx", args=[review.pk]) not in own
    assert reverse("movements:review_create", args=[reported.pk]) not in page


def test_review_pages_take_a_fixed_number_of_queries(login, world, reported, django_assert_max_num_queries):
    review = interim(world, reported)
    review_update(
        actor=world.so_officer,
        review=review,
        content=review_input(
            review,
            proposals=[
                ProposalInput(
                    kind="role_model", subject_kind="collective", unit=u, summary=f"Câu chuyện {u.name}"
                )
                for u in (world.hosp_a, world.hosp_b, world.centre, world.ward_a, world.station)
            ],
        ),
    )
    client = login("so_officer")
    for name, budget in (("review_detail", 14), ("review_edit", 16)):
        url = reverse(f"movements:{name}", args=[review.pk])
        client.get(url)
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count("Câu chuyện") >= 5
    final = review_create(actor=world.so_officer, movement=reported, kind="final_review", today=TODAY)
    issued = review_issue(actor=world.so_officer, review=final)
    review_correct(actor=world.so_officer, review=issued, today=TODAY)
    url = reverse("movements:detail", args=[reported.pk])
    client.get(url)
    with django_assert_max_num_queries(28):
        response = client.get(url)
    assert len(response.context["reviews"]) == 3
