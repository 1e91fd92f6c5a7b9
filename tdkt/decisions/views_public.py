"""The public verification page a certificate's QR code opens: no login; it shows whether the award is valid
or revoked, with the awardee's name and unit and the award — nothing else about them."""

import uuid

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from .selectors import verification_of


@login_not_required
def certificate_verify_view(request, code: str):
    try:
        parsed = uuid.UUID(code)
    except ValueError:
        parsed = None
    result = verification_of(parsed) if parsed else None
    return render(request, "decisions/verify.html", {"result": result, "code": code[:40]})
