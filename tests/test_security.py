"""Security baseline: headers on public and admin pages, CSP, admin login lockout."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests import builders

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client, home):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_csp_is_strict_and_its_nonce_matches_the_page(client, home):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())
    assert scripts, "the page has its js-enabled inline script"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts)


def test_public_pages_have_no_inline_style_or_third_party_urls(client, home):
    builders.build_standard_page(parent=home, title="About", show_in_menus=True)

    html = client.get("/").content.decode()

    assert " style=" not in html
    assert "<style" not in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []


def test_admin_has_its_own_csp_and_is_never_cached(client, home):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # Wagtail's preview panel


def test_public_pages_are_not_marked_no_store(client, home):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


def test_admin_login_locks_after_repeated_failures(client, home):
    staff = builders.build_user(username="editor", superuser=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    response = client.post("/admin/login/", {"username": "editor", "password": builders.PASSWORD})

    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    staff.refresh_from_db()
    assert staff.last_login is None


def test_admin_login_works_before_the_limit(client, home):
    builders.build_user(username="editor", superuser=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    response = client.post("/admin/login/", {"username": "editor", "password": builders.PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_a_sign_in_leaves_no_access_log_row(client, home):
    """Lockouts count AccessAttempt rows; a log of every sign-in (email, address, browser)
    would be kept forever and nothing reads it (AXES_DISABLE_ACCESS_LOG)."""
    from axes.models import AccessLog

    builders.build_user(username="editor", superuser=True)

    response = client.post("/admin/login/", {"username": "editor", "password": builders.PASSWORD})

    assert response.status_code == 302
    assert not AccessLog.objects.exists()


def manage_py(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "directory.example.org",
        "BASE_URL": "https://directory.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # (not contacted by the check)
    }
    result = manage_py("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECRET_KEY", None),
        # Emails link to BASE_URL: without it they would point at 127.0.0.1.
        ("BASE_URL", None),
        ("BASE_URL", ""),
        ("BASE_URL", "care.example.org"),
    ],
)
def test_production_settings_refuse_to_start_without_a_secret_key_or_public_address(name, value):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "BASE_URL": "https://directory.example.org",
    }
    del env[name]
    if value is not None:
        env[name] = value

    result = manage_py("check", env=env)

    assert result.returncode != 0
    assert f"Set the {name} environment variable" in result.stderr


# Wagtail's page choosers (design decision 2) ----------------------------------------------


@pytest.fixture
def chooser_pages(directory, thurrock_postcodes):
    return {
        "live": builders.build_provider(directory=directory, title="Zebrafinch Care"),
        "draft": builders.build_provider(directory=directory, title="Zebrafinch Draft", live=False),
    }


@pytest.mark.parametrize("groups", [("Analysts",), ("Survey administrators",)])
def test_staff_without_page_permissions_get_nothing_from_the_page_choosers(
    client, directory, chooser_pages, groups
):
    client.force_login(builders.build_user(groups=groups))

    search = client.get("/admin/choose-page/search/", {"q": "zebrafinch"})
    root = client.get("/admin/choose-page/")
    children = client.get(f"/admin/choose-page/{directory.pk}/")
    draft = client.get(f"/admin/choose-page/{chooser_pages['draft'].pk}/")

    assert search.status_code == root.status_code == 200  # the modal still opens
    for response in (search, root, children, draft):
        body = response.content.decode()
        assert "Zebrafinch" not in body
        assert "Find support" not in body
    assert children.status_code in (302, 403) and draft.status_code in (302, 403)


@pytest.mark.parametrize("kwargs", [{"groups": ("Moderators",)}, {"superuser": True}])
def test_moderators_and_superusers_keep_the_page_choosers(client, directory, chooser_pages, kwargs):
    client.force_login(builders.build_user(**kwargs))

    search = client.get("/admin/choose-page/search/", {"q": "zebrafinch"}).content.decode()
    children = client.get(f"/admin/choose-page/{directory.pk}/").content.decode()

    assert "Zebrafinch Care" in search and "Zebrafinch Draft" in search
    assert "Zebrafinch Care" in children
