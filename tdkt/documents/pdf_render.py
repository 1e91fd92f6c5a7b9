"""`render_pdf(doc)`: an `OfficialDocument` as a PDF, from the Django template of the same layout.

WeasyPrint lays out `templates/documents/official_document.html` on A4 with the decree's margins, in
Liberation Serif (Debian's fonts-liberation2, metric-compatible with Times New Roman) loaded from the
local files. Nothing is fetched from the network: only file: and data: URLs are allowed.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from tdkt.documents.layout import prepare
from tdkt.documents.metrics import FONT_FILES, font_path
from tdkt.documents.model import MOTTO, NATIONAL_NAME, ND30, Layout, OfficialDocument

PDF_CONTENT_TYPE = "application/pdf"
FONT_FAMILY = "Liberation Serif"
TEMPLATE = "documents/official_document.html"


def font_faces() -> str:
    """@font-face rules for the four Liberation Serif styles: the installed font by name, else its file."""
    rules = []
    for bold, italic in FONT_FILES:
        path = font_path(bold=bold, italic=italic)
        style = ("Bold " if bold else "") + ("Italic" if italic else "")
        local_name = f"{FONT_FAMILY} {style or 'Regular'}".strip()
        sources = [f'local("{local_name}")']
        if path is not None:
            sources.insert(0, f'url("{path.as_uri()}")')
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: {", ".join(sources)}; '
            f"font-weight: {'bold' if bold else 'normal'}; font-style: {'italic' if italic else 'normal'}; }}"
        )
    return "\n".join(rules)


def render_html(doc: OfficialDocument, layout: Layout = ND30) -> str:
    """The HTML that `render_pdf` prints (useful to preview a document in a browser)."""
    prepared = prepare(doc, layout)
    head_width = layout.header_left_mm + layout.header_right_mm
    return render_to_string(
        TEMPLATE,
        {
            "d": prepared,
            "L": layout,
            "author": doc.metadata_author or doc.issuer.name,
            "national_name": NATIONAL_NAME,
            "motto": MOTTO,
            # CSS written here from constants and installed file paths, never from document text
            "font_faces": mark_safe(font_faces()),
            "font_family": mark_safe(f'"{FONT_FAMILY}", "Times New Roman", serif'),
            "head_width": head_width,
            "head_indent": layout.text_width_mm - head_width,
        },
    )


def render_pdf(doc: OfficialDocument, layout: Layout = ND30) -> bytes:
    """The document as PDF bytes (A4, Nghị định 30/2020 layout, fonts embedded)."""
    from weasyprint import HTML  # heavy import (Pango, fonts): paid only by processes that print PDFs
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    html = HTML(string=render_html(doc, layout), base_url=None, url_fetcher=fetcher)
    return html.write_pdf(pdf_variant=None, uncompressed_pdf=False, custom_metadata=False)
