"""/healthz, for the load balancer: "ok" while the app server reaches its database."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import OperationalError
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


def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("home.views.connection", Unreachable())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]


def production_redirect_exemptions() -> list[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "BASE_URL": "https://care.example.org",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings; "
            "print(json.dumps(settings.SECURE_REDIRECT_EXEMPT))",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_a_plain_http_probe_is_not_redirected_to_https(client):
    """Production exempts its path from the HTTPS redirect. The route has no trailing
    slash, as the exemption names it, so neither APPEND_SLASH nor the HTTPS redirect sends
    the probe elsewhere."""
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=production_redirect_exemptions()
    ):
        assert client.get("/healthz").status_code == 200
        assert client.get("/robots.txt").status_code == 301  # the rest goes to HTTPS
