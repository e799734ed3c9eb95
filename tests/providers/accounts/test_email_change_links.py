"""A change-of-email link names no address (URLs end up in access logs), only the latest
request's link works, and the address waiting for confirmation is deleted in time."""

import base64
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from providers.accounts.models import EmailChange
from tests import builders

pytestmark = pytest.mark.django_db

CONFIRM = r"http://testserver(/manage/account/email/confirm/\S+/)"


def ask_for(client, email):
    mail.outbox.clear()
    client.post("/manage/account/email/", {"email": email, "password": builders.PASSWORD})
    links = [re.search(CONFIRM, m.body) for m in mail.outbox]
    return next((link.group(1) for link in links if link), None)


def decoded_parts(link):
    """Every dot- or colon-separated part of the link, base64-decoded where it decodes."""
    for part in re.split(r"[/:.]", link):
        try:
            yield base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("latin-1")
        except ValueError:
            yield part


def test_the_link_names_neither_address(client, signed_in):
    link = ask_for(client, "New.Person@example.org")

    text = " ".join([link, *decoded_parts(link)]).lower()
    assert "new.person" not in text and "owner@" not in text
    assert "Your email address is now new.person@example.org" in (
        client.get(link, follow=True).content.decode()
    )


def test_asking_for_another_address_makes_the_earlier_link_fail(client, signed_in):
    user, _page = signed_in
    first = ask_for(client, "first@example.org")
    second = ask_for(client, "second@example.org")

    assert "This link has expired" in client.get(first).content.decode()
    user.refresh_from_db()
    assert user.email == "owner@example.org"
    client.get(second)
    user.refresh_from_db()
    assert user.email == "second@example.org"
    assert not EmailChange.objects.exists()  # applied: the address is no longer waiting


def test_asking_again_for_the_same_address_keeps_the_first_link_working(client, signed_in):
    """The repeat within two minutes sends nothing, so the first link must still work."""
    user, _page = signed_in
    first = ask_for(client, "new@example.org")
    ask_for(client, "other@example.org")
    assert ask_for(client, "new@example.org") is None  # not sent again so soon

    client.get(first)

    user.refresh_from_db()
    assert user.email == "new@example.org"


def test_the_daily_clean_up_deletes_changes_never_confirmed(client, signed_in, directory, capsys):
    ask_for(client, "old@example.org")
    later, _ = builders.build_provider_account(directory=directory, postcode=None)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=2)):
        client.force_login(later)
        ask_for(client, "recent@example.org")

    with time_machine.travel(timezone.now() + timezone.timedelta(days=4)):
        call_command("delete_expired_links")

    assert list(EmailChange.objects.values_list("new_email", flat=True)) == ["recent@example.org"]
    assert "1 expired change(s) of email address" in capsys.readouterr().out


def test_deleting_the_account_deletes_its_waiting_change(client, signed_in):
    ask_for(client, "new@example.org")

    client.post("/manage/account/delete/", {"password": builders.PASSWORD})

    assert not EmailChange.objects.exists()
