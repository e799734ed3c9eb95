"""Issuing survey invitations when the mail server refuses some, and submitting twice."""

import re
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings

from survey.models import Invitation
from tests import builders

pytestmark = pytest.mark.django_db

URL = "/admin/survey/invitations/"


class RefusesOneAddress(EmailBackend):
    """Django's test backend, except that the mail server refuses refused@example.org."""

    def send_messages(self, messages):
        for message in messages:
            if "refused@example.org" in message.to:
                raise smtplib.SMTPRecipientsRefused({"refused@example.org": (550, b"No")})
        return super().send_messages(messages)


class ServerDown(EmailBackend):
    def open(self):
        raise ConnectionRefusedError


@pytest.fixture
def admin_client(client):
    client.force_login(builders.build_user(groups=("Survey administrators",)))
    return client


def batch(client):
    return re.search(r'name="batch" value="([^"]+)"', client.get(URL).content.decode()).group(1)


@override_settings(MAILERS={"default": {"BACKEND": f"{__name__}.RefusesOneAddress"}})
def test_an_address_the_mail_server_refuses_is_reported_and_the_others_are_sent(admin_client):
    wave = builders.build_wave(title="2026")
    emails = "one@example.org\nrefused@example.org\ntwo@example.org"

    response = admin_client.post(URL, {"wave": wave.pk, "emails": emails, "batch": "b1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "2 invitations sent for 2026" in html
    assert "Could not send to refused@example.org" in html
    box = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
    assert box.strip() == "refused@example.org"  # only it, to try again
    assert sorted(m.to[0] for m in mail.outbox) == ["one@example.org", "two@example.org"]
    assert Invitation.objects.filter(wave=wave).count() == 2  # none for the refused one


@override_settings(MAILERS={"default": {"BACKEND": f"{__name__}.ServerDown"}})
def test_a_mail_server_that_is_down_sends_nothing_and_says_so(admin_client):
    wave = builders.build_wave()

    response = admin_client.post(
        URL, {"wave": wave.pk, "emails": "one@example.org\ntwo@example.org", "batch": "b2"}
    )

    assert response.status_code == 200
    assert "Could not send to one@example.org, two@example.org" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_same_form_submitted_twice_sends_once(admin_client):
    wave = builders.build_wave()
    form = {"wave": wave.pk, "emails": "one@example.org", "batch": batch(admin_client)}

    admin_client.post(URL, form)
    again = admin_client.post(URL, form, follow=True)

    assert "These invitations were sent already" in again.content.decode()
    assert len(mail.outbox) == 1
    assert Invitation.objects.count() == 1
    assert batch(admin_client) != form["batch"]  # a new form is a new batch
