"""Sign-ups never confirmed are deleted after UNCONFIRMED_ACCOUNT_DAYS with their draft
listing; nothing else is."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from providers.accounts.models import AccountDeletion
from providers.models import ProviderPage
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_UP = "/manage/sign-up/"
PASSWORD = "correct-horse-battery-staple"


def sign_up(client, email, name):
    data = {
        "name": name,
        "kind": "micro_enterprise",
        "email": email,
        "password": PASSWORD,
        "password_confirm": PASSWORD,
    }
    assert client.post(SIGN_UP, data).status_code == 302
    return get_user_model().objects.get(username=email)


def test_old_unconfirmed_sign_ups_go_with_their_drafts_and_nothing_else(
    client, directory, thurrock_postcodes, capsys
):
    long_ago = timezone.now() - datetime.timedelta(days=31)
    with time_machine.travel(long_ago, tick=False):
        stale = sign_up(client, "never@example.org", "Never Confirmed Care")
        confirmed = sign_up(client, "confirmed@example.org", "Confirmed Care")
        staff = builders.build_user(email="staff@example.org")
    confirmed.is_active = True
    confirmed.save()
    staff.is_active, staff.is_staff = False, True
    staff.save()
    # Deactivated by staff after going live: not a sign-up to clean away.
    live_owner, live_page = builders.build_provider_account(
        directory=directory, email="live@example.org", title="Was Live", live=True
    )
    get_user_model().objects.filter(pk=live_owner.pk).update(
        is_active=False, last_login=None, date_joined=long_ago
    )
    recent = sign_up(client, "recent@example.org", "Recent Care")

    call_command("delete_unconfirmed_accounts")

    assert "Deleted 1 unconfirmed account(s) older than 30 days." in capsys.readouterr().out
    remaining = set(get_user_model().objects.values_list("username", flat=True))
    assert "never@example.org" not in remaining
    assert {confirmed.username, staff.username, live_owner.username, recent.username} <= remaining
    titles = set(ProviderPage.objects.values_list("title", flat=True))
    assert "Never Confirmed Care" not in titles
    assert {"Confirmed Care", "Was Live", "Recent Care"} <= titles
    assert AccountDeletion.objects.get().listing_removed is True
    assert stale.pk not in set(get_user_model().objects.values_list("pk", flat=True))
