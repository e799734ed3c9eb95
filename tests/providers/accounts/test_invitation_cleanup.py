"""Co-editor invitations hold an address: they go once accepted or expired."""

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from providers.accounts.models import CoEditorInvitation

from .test_co_editors import EDITORS, NEW_PASSWORD, invitation_link

pytestmark = pytest.mark.django_db


def days_later(days):
    return time_machine.travel(timezone.now() + timezone.timedelta(days=days))


def test_accepting_an_invitation_deletes_it(client, scheme):
    client.force_login(scheme[0])
    client.post(EDITORS, {"email": "staff@example.org"})
    client.logout()

    client.post(invitation_link(), {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})

    assert not CoEditorInvitation.objects.exists()


def test_the_daily_clean_up_deletes_expired_invitations_only(client, scheme, capsys):
    owner = scheme[0]
    client.force_login(owner)
    client.post(EDITORS, {"email": "old@example.org"}, follow=True)
    with days_later(6):
        client.post(EDITORS, {"email": "recent@example.org"}, follow=True)

    with days_later(8):
        call_command("delete_expired_links")
        html = client.get(EDITORS).content.decode()

    assert list(CoEditorInvitation.objects.values_list("email", flat=True)) == [
        "recent@example.org"
    ]
    assert "Deleted 1 expired co-editor invitation(s) and 0 expired" in capsys.readouterr().out
    assert "old@example.org" not in html and "recent@example.org" in html


def test_a_resent_invitation_lasts_from_when_it_was_resent(client, scheme):
    client.force_login(scheme[0])
    client.post(EDITORS, {"email": "staff@example.org"})
    with days_later(6):
        client.post(EDITORS, {"email": "staff@example.org"})
        link = invitation_link()

    with days_later(10):
        call_command("delete_expired_links")
        client.logout()
        html = client.get(link).content.decode()

    assert "Create your account" in html
