"""The plan as an official document: built from the movement, read back from the .docx (python-docx) and
the PDF (pdftotext), numbered from the register when published, downloaded from the movement page."""

import datetime as dt
import io
import subprocess

import docx
import pytest
from django.urls import reverse

from tdkt.accounts.models import AuditEntry
from tdkt.core.errors import ApplicationError
from tdkt.demo.movements import _content
from tdkt.demo.seed_plans import TTYT_KV4_2025
from tdkt.documents.docx_render import render_docx
from tdkt.documents.models import RegisterEntry
from tdkt.documents.pdf_render import render_pdf
from tdkt.documents.tests.conftest import docx_lines
from tdkt.movements.documents import plan_document, text_blocks, threshold_text
from tdkt.movements.inputs import BasisInput, PhaseInput
from tdkt.movements.models import Movement, Plan
from tdkt.movements.selectors import movement_detail_get
from tdkt.movements.services import movement_create, movement_publish
from tdkt.movements.validation import plan_warnings

from .factories import good_target, launch

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text as poppler's pdftotext reads it (layout kept)."""
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)
    return result.stdout.decode()


def loaded(movement: Movement) -> Movement:
    return movement_detail_get(pk=movement.pk, qs=Movement.objects.all())


@pytest.fixture
def seed_plan(world):
    """Seed 001 (870/KH-TTYT) entered as a movement of the test province's health centre."""
    content = _content(TTYT_KV4_2025, units={"TTYT-KV4": world.centre, "TTYT-KV4-TCHC": world.station})
    keys = [w.key for w in plan_warnings(content)]
    movement = movement_create(actor=world.so_officer, unit=world.centre, content=content, acknowledged=keys)
    return loaded(movement)


@pytest.fixture
def so_plan_doc(world, so_plan):
    """The Sở's published plan (12/KH-SYT) with its phases, a basis and a hospital plan derived from it."""
    return loaded(so_plan)


def test_the_seed_plan_reads_back_from_the_docx_as_an_official_plan(seed_plan):
    lines = [line for line in docx_lines(render_docx(plan_document(seed_plan))) if line]
    assert lines[:4] == [
        "SỞ Y TẾ TỈNH BÌNH AN",
        "TRUNG TÂM Y TẾ",
        "KHU VỰC NGỌC SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]
    assert "Số: 870/KH-TTYT" in lines
    assert "Ngọc Sơn, ngày 27 tháng 5 năm 2025" in lines
    title = lines.index("KẾ HOẠCH")
    assert lines[title + 1] == "Phát động phong trào thi đua thực hiện nhiệm vụ năm 2025"
    headings = [line for line in lines if line[:3] in {"I. ", "II.", "III", "IV.", "V. ", "VI."}]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CHỦ ĐỀ, ĐỐI TƯỢNG THI ĐUA",
        "III. NỘI DUNG THI ĐUA",
        "IV. CHỈ TIÊU THI ĐUA",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
    assert "1. Mục đích" in lines and "2. Yêu cầu" in lines
    assert "2. Phòng Tổ chức – Hành chính" in lines
    assert lines[-1] == "Lê Hữu Phúc" or "Lê Hữu Phúc" in lines
    assert "GIÁM ĐỐC" in lines and "Nơi nhận:" in lines
    assert "- Sở Y tế (để báo cáo);" in lines
    assert any(line.endswith("./.") for line in lines)


def test_the_targets_table_lists_every_target_with_its_threshold_and_who_reports(seed_plan):
    document = docx.Document(io.BytesIO(render_docx(plan_document(seed_plan))))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Chỉ tiêu", "Mức phấn đấu", "Đơn vị báo cáo, kỳ báo cáo"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == seed_plan.targets.count() == 12
    assert [r[0] for r in rows] == [str(i) for i in range(1, 13)]
    by_threshold = {r[2] for r in rows}
    assert "100 %" in by_threshold and "> 96 %" in by_threshold and "≥ 95 %" in by_threshold
    assert not any(r[2].startswith("=") for r in rows)


def test_the_pdf_carries_the_same_text(seed_plan, tmp_path):
    text = pdf_text(render_pdf(plan_document(seed_plan)), tmp_path)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 870/KH-TTYT",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "IV. CHỈ TIÊU THI ĐUA",
        "Nơi nhận:",
        "Lê Hữu Phúc",
    ):
        assert expected in text, expected


def test_a_seed_plan_is_rendered_to_png_pages_to_look_at(seed_plan, artifacts):
    pdf = artifacts / "plan-870-KH-TTYT.pdf"
    pdf.write_bytes(render_pdf(plan_document(seed_plan)))
    (artifacts / "plan-870-KH-TTYT.docx").write_bytes(render_docx(plan_document(seed_plan)))
    prefix = artifacts / "plan-870-KH-TTYT"
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True)
    pages = sorted(artifacts.glob("plan-870-KH-TTYT-*.png"))
    assert len(pages) >= 3


def test_phases_bases_and_a_higher_plan_are_written_as_plans_write_them(world, so_plan):
    hospital = launch(
        actor=world.unit_officer,
        unit=world.hosp_a,
        parent=so_plan,
        symbol=f"KH-{world.hosp_a.document_abbreviation}",
        issuer_name="Bệnh viện Đa khoa A",
        issuer_parent="Sở Y tế Thử nghiệm",
        signer_authority="KT. Giám đốc",
        signer_title="Phó Giám đốc",
        basis=[BasisInput(verb="pursuant", reference="Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022")],
        phases=[
            PhaseInput(
                name="Đợt 1",
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 6, 30),
                theme="Mừng Đảng quang vinh.",
                description="- Thi đua lập thành tích chào mừng ngày 27/2\n- Tổ chức hội thi tay nghề",
            )
        ],
    )
    lines = [line for line in docx_lines(render_docx(plan_document(loaded(hospital)))) if line]
    bases = lines.index("Phát động phong trào thi đua năm 2025") + 1  # the title, then the bases
    assert lines[bases : bases + 2] == [
        "Thực hiện Kế hoạch số 12/KH-SYT ngày 02 tháng 01 năm 2025 của Sở Y tế Thử nghiệm về phát động "
        "phong trào thi đua năm 2025;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.",
    ]
    assert "1. Đợt 1 (từ ngày 01/01/2025 đến ngày 30/06/2025)" in lines
    assert "Chủ đề: “Mừng Đảng quang vinh”." in lines
    assert "- Tổ chức hội thi tay nghề" in lines
    assert {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"} <= set(lines)


def test_free_text_becomes_paragraphs_and_dash_lists():
    blocks = text_blocks("Mở đầu.\n- Một;\n+ Hai.\n\nKết thúc.")
    assert [b.block for b in blocks] == ["paragraph", "list", "paragraph"]
    assert [run.text for item in blocks[1].items for run in item] == ["Một;", "Hai."]


def test_an_exact_threshold_is_written_without_its_equals_sign(world):
    movement = launch(actor=None, unit=world.so, targets=[good_target(comparator="eq", threshold=100)])
    assert threshold_text(movement.targets.get()) == "100 %"


# ---------------------------------------------------------------------------------------------------
# The number: from the register when published, or as entered for a plan signed earlier
# ---------------------------------------------------------------------------------------------------


def test_publishing_a_plan_without_a_number_takes_the_next_number_of_the_units_register(world):
    symbol = f"KH-{world.so.document_abbreviation}"
    movement = launch(actor=world.so_officer, unit=world.so, number=None, symbol=symbol)
    assert Plan.objects.get(movement=movement).number is None
    movement_publish(actor=world.so_officer, movement=movement)
    plan = Plan.objects.get(movement=movement)
    entry = RegisterEntry.objects.get(issuer=world.so, kind="plan", year=2025)
    assert plan.number == entry.number == 1 and entry.series == ""
    assert entry.symbol == plan.reference == f"01/{symbol}"
    assert entry.subject == movement.name and entry.allocated_by == world.so_officer
    audit = AuditEntry.objects.get(object_type="movements.plan", object_id=str(plan.pk), action="update")
    assert audit.changes == {"number": [None, 1]} and "01/" in audit.reason


def test_a_council_plan_takes_its_number_from_the_councils_own_series(world):
    movement = launch(actor=world.so_officer, unit=world.so, number=None, symbol="KH-HĐTĐKT")
    movement_publish(actor=world.so_officer, movement=movement)
    entry = RegisterEntry.objects.get(issuer=world.so, kind="plan")
    assert entry.series == "HĐTĐKT" and entry.symbol == "01/KH-HĐTĐKT"
    assert Plan.objects.get(movement=movement).reference == "01/KH-HĐTĐKT"


def test_a_number_entered_by_hand_is_kept_and_takes_nothing_from_the_register(world):
    movement = launch(actor=world.so_officer, unit=world.so, number=215, publish=True)
    assert Plan.objects.get(movement=movement).number == 215
    assert not RegisterEntry.objects.exists()


def test_a_register_number_already_entered_by_hand_stops_the_publication_and_writes_nothing(world):
    symbol = f"KH-{world.so.document_abbreviation}"
    launch(actor=None, unit=world.so, number=1, symbol=symbol, name="Kế hoạch nhập tay", publish=True)
    movement = launch(actor=world.so_officer, unit=world.so, number=None, symbol=symbol)
    with pytest.raises(ApplicationError, match="Kế hoạch nhập tay"):
        movement_publish(actor=world.so_officer, movement=movement)
    movement.refresh_from_db()
    assert movement.is_draft and not RegisterEntry.objects.exists()


# ---------------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------------


def test_the_movement_page_offers_the_plan_as_docx_and_pdf(login, so_plan):
    client = login("unit_officer")
    page = client.get(reverse("movements:detail", args=[so_plan.pk])).content.decode()
    assert reverse("movements:plan_docx", args=[so_plan.pk]) in page
    assert reverse("movements:plan_pdf", args=[so_plan.pk]) in page

    response = client.get(reverse("movements:plan_docx", args=[so_plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-12-kh-syt.docx"'
    assert "Số: 12/KH-SYT" in docx_lines(response.content)

    response = client.get(reverse("movements:plan_pdf", args=[so_plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_draft_plan_downloads_only_for_those_who_manage_it_and_shows_a_blank_number(login, world):
    draft = launch(actor=world.unit_officer, unit=world.hosp_a, number=None, symbol="KH-BVA")
    response = login("unit_officer").get(reverse("movements:plan_docx", args=[draft.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="ke-hoach-du-thao-{draft.pk}.docx"'
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-BVA" in docx_lines(response.content)
    assert login("unit_head").get(reverse("movements:plan_docx", args=[draft.pk])).status_code == 404
