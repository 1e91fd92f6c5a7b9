"""Downloads of the official documents of a movement: its plan (and its reviews) as .docx and PDF."""

from django.http import HttpResponse

from tdkt.accounts.access import get_movement_for_user
from tdkt.documents.docx_render import DOCX_CONTENT_TYPE, render_docx
from tdkt.documents.pdf_render import PDF_CONTENT_TYPE, render_pdf
from tdkt.movements.documents import plan_document, plan_filename

RENDERERS = {"docx": (render_docx, DOCX_CONTENT_TYPE), "pdf": (render_pdf, PDF_CONTENT_TYPE)}


def document_response(doc, *, extension: str, filename: str) -> HttpResponse:
    render, content_type = RENDERERS[extension]
    response = HttpResponse(render(doc), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def plan_download_view(request, pk: int, extension: str):
    """The plan as it stands (a draft prints "Số:      /KH-…"), for whoever sees the movement."""
    movement = get_movement_for_user(request, pk)
    return document_response(
        plan_document(movement), extension=extension, filename=plan_filename(movement, extension)
    )
