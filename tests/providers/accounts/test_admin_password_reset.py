"""The Wagtail admin's "Forgotten password?" (/admin/password_reset/) is for staff: it
sends nothing to a provider account, and at most one email to an address in the window
the provider reset form uses, while showing the same page whatever the address."""

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


def test_staff_get_one_reset_email_however_often_they_ask(client, moderator):
    for _ in range(5):
        response = client.post(RESET, {"email": "MOD@example.org"})
        assert response.status_code == 302 and response["Location"] == DONE

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.org"]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=3)):
        client.post(RESET, {"email": "mod@example.org"})
    assert len(mail.outbox) == 2


def test_a_provider_account_gets_no_admin_reset_email_and_the_same_page(client, provider):
    for email in ("owner@example.org", "nobody@example.org"):
        for _ in range(5):
            response = client.post(RESET, {"email": email})
            assert response.status_code == 302 and response["Location"] == DONE

    assert mail.outbox == []
    # Providers reset their password at /manage/ instead, which still works.
    client.post("/manage/reset-password/", {"email": "owner@example.org"})
    assert mail.outbox[0].to == ["owner@example.org"]
    assert "/manage/reset-password/" in mail.outbox[0].body
