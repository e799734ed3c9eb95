"""Invitation links: unguessable, emailed, one response each, never linked to a person."""

import re

import pytest
from django.core import mail

from survey import services
from survey.models import Invitation, Response
from tests import builders

from .conftest import answer_all

pytestmark = pytest.mark.django_db


def invite(wave, email="provider@example.org"):
    invitation = services.create_invitation(wave=wave, email=email)
    link = re.search(r"http://testserver(/survey/invitation/[^/\s]+/)", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    return invitation, link.group(1)


def test_create_invitation_emails_a_link_and_stores_no_address(wave):
    invitation, path = invite(wave, email="someone@example.org")

    assert mail.outbox[0].to == ["someone@example.org"]
    assert "2026" in mail.outbox[0].subject
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    stored = Invitation.objects.get(pk=invitation.pk)
    assert token not in stored.token_hash
    assert "someone" not in str([getattr(stored, f.attname) for f in Invitation._meta.fields])


def test_an_invitation_sends_exactly_one_response(client, wave):
    invitation, path = invite(wave)

    assert "Start now" in client.get(path).content.decode()
    client.post(path)
    answer_all(client)
    client.post("/survey/check-answers/")

    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert Response.objects.filter(status="submitted").count() == 1

    other = client.__class__()  # someone else opens the same link
    page = other.get(path)
    assert "This invitation has already been used" in page.content.decode()
    assert "Start now" not in page.content.decode()
    other.post(path)
    assert Response.objects.count() == 1


def test_two_drafts_from_one_invitation_send_only_one_response(client, wave):
    _invitation, path = invite(wave)
    second = client.__class__()
    for browser in (client, second):
        browser.post(path)
        answer_all(browser)

    client.post("/survey/check-answers/")
    page = second.post("/survey/check-answers/")

    assert "This invitation has already been used" in page.content.decode()
    assert Response.objects.filter(status="submitted").count() == 1

    # The second person's answers are not lost: they go through the open link instead.
    assert "Continue with my answers" in page.content.decode()
    assert second.post("/survey/").url == "/survey/check-answers/"
    assert second.post("/survey/check-answers/").url == "/survey/confirmation/"
    sent = Response.objects.filter(status="submitted")
    assert sent.count() == 2 and sent.filter(invitation__isnull=True).count() == 1


def test_an_unknown_token_is_refused(client, wave):
    page = client.get("/survey/invitation/not-a-real-token/")

    assert page.status_code == 404
    assert "We do not recognise this invitation link" in page.content.decode()
    client.post("/survey/invitation/not-a-real-token/")
    assert Response.objects.count() == 0


def test_a_response_from_an_invitation_is_not_linked_to_any_account(client, wave):
    _invitation, path = invite(wave)
    client.force_login(builders.build_user())

    client.post(path)
    answer_all(client)
    client.post("/survey/check-answers/")

    field_names = [f.name for f in Response._meta.get_fields()]
    assert not any("user" in name or "owner" in name or "email" in name for name in field_names)


def test_an_invitation_to_a_wave_whose_title_has_a_line_break_is_sent():
    wave = builders.build_wave(title="2026\r\nSpring")

    invite(wave)

    email = mail.outbox[-1]
    subject = "Your invitation to the workforce survey 2026 Spring"
    assert email.subject == email.message()["Subject"] == subject
