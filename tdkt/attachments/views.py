"""Attaching, downloading and removing evidence files. Every view reaches the file through its record's
access helper (registry.Target.get_for_user): out of scope is 404, and no file has a public URL."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.access import get_attachment_for_user
from tdkt.attachments.content import content_disposition
from tdkt.attachments.forms import AttachmentDeleteForm, AttachmentForm
from tdkt.attachments.registry import Target, target_by_key
from tdkt.attachments.services import attachment_add, attachment_delete, max_upload_bytes, too_large_message
from tdkt.attachments.uploads import SizeLimitUploadHandler, upload_too_large
from tdkt.core.errors import ApplicationError
from tdkt.core.forms import apply_errors


def _changed(request, target: Target, record, message: str):
    if request.htmx and target.htmx_response:
        return target.htmx_response(request, record, message)
    messages.success(request, message)
    return redirect(target.back_url(request, record))


@csrf_exempt
def attachment_upload_view(request, target: str, pk: int):
    """The size limit is enforced while the file arrives, before the CSRF check reads the body, so the
    check runs inside (csrf_protect) once the limiting handler is in place."""
    if request.method == "POST":
        request.upload_handlers.insert(0, SizeLimitUploadHandler(request, max_upload_bytes()))
    return _attachment_upload(request, target, pk)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _attachment_upload(request, target: str, pk: int):
    spec = target_by_key(target)
    record = spec.get_for_user(request, pk, manage=True)
    posted = request.method == "POST"
    form = AttachmentForm(
        request.POST if posted else None, request.FILES if posted else None, kinds=spec.kinds
    )
    if posted:
        valid = form.is_valid()
        if upload_too_large(request):
            form.errors.pop("file", None)
            form.add_error("file", too_large_message())
            valid = False
        if valid:
            data = form.cleaned_data
            try:
                attachment_add(
                    actor=request.user,
                    target=record,
                    upload=data["file"],
                    kind=data["kind"],
                    description=data["description"],
                )
            except ApplicationError as exc:
                apply_errors(form, exc)
            else:
                return _changed(request, spec, record, _("The file is attached."))
    context = {
        "form": form,
        "about": spec.describe(record),
        "back_url": spec.back_url(request, record),
        "limit_mb": max_upload_bytes() // (1024 * 1024),
    }
    if request.htmx:
        return render(request, "attachments/upload.html#form", context)
    return render(request, "attachments/upload.html", context, status=400 if posted else 200)


@require_GET
def attachment_download_view(request, pk: int):
    attachment = get_attachment_for_user(request, pk)
    try:
        handle = attachment.file.storage.open(attachment.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=attachment.media_type)
    response["Content-Disposition"] = content_disposition(attachment.download_name)
    response["Cache-Control"] = "private, no-store"
    # Shown by the browser's own viewer at most: no script of the file may run in the site's origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_http_methods(["GET", "POST"])
def attachment_delete_view(request, pk: int):
    attachment = get_attachment_for_user(request, pk, manage=True)
    spec, record = attachment.spec, attachment.record
    form = AttachmentDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        attachment_delete(actor=request.user, attachment=attachment, reason=form.cleaned_data["note"])
        return _changed(request, spec, record, _("The file is removed."))
    context = {
        "form": form,
        "attachment": attachment,
        "about": spec.describe(record),
        "back_url": spec.back_url(request, record),
    }
    if request.htmx:
        return render(request, "attachments/delete.html#form", context)
    return render(
        request, "attachments/delete.html", context, status=400 if request.method == "POST" else 200
    )
