"""Reading generated documents back: .docx with python-docx, PDF with pypdf and poppler."""

import io

import docx
import pytest
from docx.oxml.ns import qn


def docx_paragraphs(content: bytes) -> list:
    """Every paragraph of the body in order, those inside tables included (python-docx objects)."""
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(content))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def docx_lines(content: bytes) -> list[str]:
    return [p.text for p in docx_paragraphs(content)]


def docx_paragraph(content: bytes, text: str):
    """The first paragraph whose text is `text`."""
    found = [p for p in docx_paragraphs(content) if p.text == text]
    assert found, f"no paragraph {text!r}"
    return found[0]


def pdf_text(content: bytes) -> list[str]:
    """The text of each page (pypdf)."""
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def artifacts():
    """test-artifacts/ at the project root: pictures of rendered pages, kept for people to look at."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
