import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(**env):
    """Run `check --deploy --fail-level WARNING` in a fresh process with production settings."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "NEWSROOM_"))
    }
    base |= {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "news.example.com",
        "NEWSROOM_SITE_URL": "https://news.example.com",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_on_fails_the_deploy_check():
    result = deploy_check(DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def test_empty_host_list_fails_the_deploy_check():
    result = deploy_check(DJANGO_ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "newsroom.E001" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = deploy_check(DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("url", ["/", "/privacy/", "/admin/login/"])
def test_strict_content_security_policy(client, url, article):
    policy = client.get(url)["Content-Security-Policy"]

    # Scripts and styles from our origin (or with the request's nonce) only.
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_usual_security_headers_on_every_response(client, article):
    for url in ("/", article.get_absolute_url(), "/missing/"):
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "geolocation=()" in response["Permissions-Policy"]


def test_https_settings_redirect_and_send_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    assert client.get("/").status_code == 301
    assert "max-age=31536000" in client.get("/", secure=True)["Strict-Transport-Security"]


def test_admin_login_locks_out_after_repeated_failures(client):
    make_user(username="editor", password="the-right-password-123", is_staff=True)
    login = reverse("admin:login")
    for _ in range(4):
        response = client.post(login, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    assert client.post(login, {"username": "editor", "password": "wrong"}).status_code == 429

    locked = client.post(login, {"username": "editor", "password": "the-right-password-123"})

    assert locked.status_code == 429
    assert "Too many failed login attempts" in locked.content.decode()


def test_lockout_is_per_username_and_address_not_the_whole_office(client):
    make_user(username="editor", password="the-right-password-123", is_staff=True)
    make_user(username="colleague", password="another-good-password-45", is_staff=True)
    login = reverse("admin:login")
    for _ in range(5):
        client.post(login, {"username": "editor", "password": "wrong"})

    # A colleague behind the same address still gets in.
    response = client.post(login, {"username": "colleague", "password": "another-good-password-45"})
    assert response.status_code == 302


def test_staff_passwords_are_validated(admin_client):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newbie",
            "password1": "12345",
            "password2": "12345",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
