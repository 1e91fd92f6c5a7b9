from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts import services
from tdkt.accounts.forms import LoginForm


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@login_not_required
def login_view(request):
    form = LoginForm(request, data=request.POST or None)
    blocked = False
    if request.method == "POST":
        username = (request.POST.get("username") or "").strip()
        ip = _client_ip(request)
        if services.login_blocked(username=username, ip=ip):
            blocked = True
            form.is_valid()  # keeps what was typed; no password check while blocked
            form.errors.clear()
            form.add_error(None, _("Too many failed attempts. Please wait 15 minutes and try again."))
        elif form.is_valid():
            services.login_succeeded(username=username)
            login(request, form.get_user())
            target = request.POST.get("next") or request.GET.get("next")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
                target = "home"
            return redirect(target)
        else:
            services.login_failed(username=username, ip=ip)
    status = 429 if blocked else (400 if request.method == "POST" else 200)
    return render(
        request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")}, status=status
    )


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")
