import pytest
from django.urls import reverse

from tdkt.accounts.models import LoginFailure

pytestmark = pytest.mark.django_db


def _post(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_user_logs_in_and_lands_on_the_overview(client, world):
    response = _post(client, "unit_officer", world.password)
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_wrong_password_is_refused_in_vietnamese_and_keeps_the_user_name(client, world):
    response = _post(client, "unit_officer", "sai-mat-khau")
    text = response.content.decode()
    assert response.status_code == 400
    assert "Sai tên đăng nhập hoặc mật khẩu" in text
    assert 'value="unit_officer"' in text


def test_repeated_failures_block_even_the_right_password(client, world, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _post(client, "unit_officer", "sai-mat-khau")
    response = _post(client, "unit_officer", world.password)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "15 phút" in response.content.decode()


def test_a_success_clears_earlier_failures(client, world, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _post(client, "unit_head", "sai-mat-khau")
    assert _post(client, "unit_head", world.password).status_code == 302
    assert not LoginFailure.objects.filter(username="unit_head").exists()


def test_login_does_not_redirect_to_another_site(client, world):
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": "unit_head", "password": world.password, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("home")


def test_weak_passwords_are_refused_by_the_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678")


def test_logout_needs_a_post(login):
    client = login("staff")
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_the_login_page_can_be_switched_to_english_before_logging_in(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    assert response["Location"] == reverse("accounts:login")
    assert "Log in" in client.get(reverse("accounts:login")).content.decode()
