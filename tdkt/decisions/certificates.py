"""Certificates (Giấy khen, Bằng khen, the certificate of an emulation title): one landscape A4 page per
award with the national header, the issuing authority, the award, the awardee, the achievement, the decision's
number and date, the signer and a QR code that opens the public verification page.

There is no current official design (documents-format.md §4): the layout follows the old decree's order
(Quốc hiệu, issuing title in red, "TẶNG", the award in red, awardee, achievement; decision number bottom left;
place, date and signer bottom right) on a framed page, in Liberation Serif, printed by WeasyPrint.

A batch lays out all its pages once and writes each page as its own PDF (`certificates_pdfs`)."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from tdkt.documents.formatting import vn_date
from tdkt.documents.model import MOTTO, NATIONAL_NAME
from tdkt.documents.pdf_render import FONT_FAMILY, font_faces
from tdkt.law.vocabulary import FORMS, LABELS_VI

from .models import Decision, DecisionLine

TEMPLATE = "decisions/certificate.html"
CHUNK = 100  # pages laid out together


@dataclass(frozen=True)
class Certificate:
    filename: str
    authority: str  # "GIÁM ĐỐC BỆNH VIỆN ĐA KHOA A"
    verb: str  # "TẶNG" / "CÔNG NHẬN DANH HIỆU"
    award: str  # "GIẤY KHEN" / "CHIẾN SĨ THI ĐUA CƠ SỞ"
    name: str
    unit: str
    achievement: str
    decision: str  # "Quyết định số 01/QĐ-BVĐKA ngày 10/12/2026"
    place_date: str
    signer_lines: tuple[str, ...]
    signer_name: str
    code: str
    url: str
    qr: str  # data: URI of the QR code (SVG)


def verification_url(line: DecisionLine) -> str:
    return settings.SITE_URL + reverse("verify:certificate", args=[line.code])


# A fixed mask pattern: choosing the best of the eight costs more than the rest of the code (every mask is
# valid; phones read them all).
def certificate_of(line: DecisionLine, decision: Decision) -> Certificate:
    is_form = line.candidate in FORMS
    label = LABELS_VI.get(line.candidate, line.candidate)
    url = verification_url(line)
    signer = (
        (f"KT. {decision.signer_for.upper()}", decision.signer_position.upper())
        if decision.signer_for
        else (decision.signer_position.upper(),)
    )
    achievement = decision.achievement or f"Đã có thành tích trong năm {line.year}"
    return Certificate(
        filename=f"{line.position:04d}-{line.code.hex[:8]}.pdf",
        authority=decision.authority.upper(),
        verb="TẶNG" if is_form else "CÔNG NHẬN DANH HIỆU",
        award=label.upper(),
        name=line.name,
        unit=line.unit_label,
        achievement=achievement[0].upper() + achievement[1:],
        decision=f"Quyết định số {decision.symbol} ngày {decision.date:%d/%m/%Y}",
        place_date=f"{decision.place}, {vn_date(decision.date)}"
        if decision.place
        else vn_date(decision.date),
        signer_lines=signer,
        signer_name=decision.signer_name,
        code=str(line.code).upper()[:8],
        url=url,
        qr=segno.make(url, error="m", micro=False, mask=0).png_data_uri(scale=6, border=0, dark="#7a0f0f"),
    )


# The frame, drawn once for every page: a double gold border, a thin red inner line, diamonds at the corners.
_DIAMONDS = "".join(
    f'<rect x="{x - 4.5}" y="{y - 4.5}" width="9" height="9" transform="rotate(45 {x} {y})" '
    'fill="#fffaf0" stroke="#a8841f" stroke-width="0.6"/>'
    for x, y in ((15, 15), (282, 15), (15, 195), (282, 195))
)
FRAME_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 297 210">'
    '<rect x="9.6" y="9.6" width="277.8" height="190.8" fill="none" stroke="#a8841f" stroke-width="0.8"/>'
    '<rect x="11.2" y="11.2" width="274.6" height="187.6" fill="none" stroke="#a8841f" stroke-width="0.8"/>'
    '<rect x="14" y="14" width="269" height="182" fill="none" stroke="#7a0f0f" stroke-width="0.5"/>'
    f"{_DIAMONDS}</svg>"
)
FRAME_URI = "data:image/svg+xml;base64," + base64.b64encode(FRAME_SVG.encode()).decode()


def certificates_html(certificates: Iterable[Certificate]) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "frame": FRAME_URI,
            "certificates": list(certificates),
            "national_name": NATIONAL_NAME,
            "motto": MOTTO,
            "font_faces": mark_safe(font_faces()),
            "font_family": mark_safe(f'"{FONT_FAMILY}", "Times New Roman", serif'),
        },
    )


def _html(content: str):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    return HTML(string=content, base_url=None, url_fetcher=fetcher)


def certificate_pdf(line: DecisionLine, decision: Decision) -> bytes:
    """One award's certificate as a one-page PDF."""
    return _html(certificates_html([certificate_of(line, decision)])).write_pdf()


def certificates_pdfs(lines: list[DecisionLine], decision: Decision) -> Iterator[tuple[str, bytes]]:
    """(file name, PDF) for each line, laid out CHUNK pages at a time and written page by page."""
    for start in range(0, len(lines), CHUNK):
        chunk = [certificate_of(line, decision) for line in lines[start : start + CHUNK]]
        document = _html(certificates_html(chunk)).render()
        for certificate, page in zip(chunk, document.pages, strict=True):
            yield certificate.filename, document.copy([page]).write_pdf()


def certificates_zip(lines: list[DecisionLine], decision: Decision, progress=None) -> bytes:
    """Every certificate of the decision in one zip; `progress(done)` is told as pages are written."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for done, (name, content) in enumerate(certificates_pdfs(lines, decision), start=1):
            archive.writestr(name, content)
            if progress is not None and (done % 20 == 0 or done == len(lines)):
                progress(done)
    return buffer.getvalue()
