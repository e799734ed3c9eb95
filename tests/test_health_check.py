"""/healthz, for the load balancer: "ok" while the app server reaches its database."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_in_plain_text_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_healthz_answers_a_head_probe_and_refuses_a_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def in_production(code: str, **env) -> str:
    """Run `code` in a fresh process with production settings; what it prints."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "BASE_URL": "https://care.example.org",
        "ALLOWED_HOSTS": "care.example.org",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    """A fresh app server whose database is down: no site lookup or error page gets in
    the way of the answer."""
    out = in_production(
        "from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='care.example.org', secure=True); "
        "print(r.status_code, r.content.decode(), r['Cache-Control'])",
        DATABASE_URL=f"sqlite:///{tmp_path}/missing-directory/db.sqlite3",
    )

    assert out.split()[:3] == ["503", "database", "unavailable"]
    assert "no-store" in out


def production_redirect_exemptions() -> list[str]:
    return json.loads(
        in_production(
            "import json; from django.conf import settings; "
            "print(json.dumps(settings.SECURE_REDIRECT_EXEMPT))"
        )
    )


def test_a_plain_http_probe_is_not_redirected_to_https(client):
    """Production exempts its path from the HTTPS redirect. The route has no trailing
    slash, as the exemption names it, so neither APPEND_SLASH nor the HTTPS redirect sends
    the probe elsewhere."""
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=production_redirect_exemptions()
    ):
        assert client.get("/healthz").status_code == 200
        assert client.get("/robots.txt").status_code == 301  # the rest goes to HTTPS
