"""A Shared Lives scheme's owner can send only so many co-editor invitations in 24 hours,
however many they cancel: each is an email to an address the owner chose."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from providers.accounts.models import CoEditorInvitation
from tests import builders

pytestmark = pytest.mark.django_db

EDITORS = "/manage/account/editors/"


def invite(client, email, at):
    with time_machine.travel(at, tick=False):
        return client.post(EDITORS, {"email": email})


def sent(response) -> bool:
    return response.status_code == 302 and response["Location"] == EDITORS


def test_cancelling_invitations_does_not_let_a_scheme_send_more_today(client, scheme):
    owner, page = scheme
    client.force_login(owner)

    for n in range(10):
        assert sent(client.post(EDITORS, {"email": f"staff{n}@example.org"}))
        invitation = CoEditorInvitation.objects.get(page=page, email=f"staff{n}@example.org")
        client.post(f"{EDITORS}invitations/{invitation.pk}/cancel/")

    html = client.post(EDITORS, {"email": "one-more@example.org"}).content.decode()

    assert "<title>Error: Who can edit this listing" in html
    assert "You have sent 10 invitations today. You can send more tomorrow" in html
    assert 'value="one-more@example.org"' in html  # the answer is kept
    assert len(mail.outbox) == 10
    assert not CoEditorInvitation.objects.filter(email="one-more@example.org").exists()


def test_resends_count_and_each_invitation_counts_for_24_hours(client, scheme, settings):
    settings.CO_EDITOR_INVITATIONS_PER_DAY = 3
    client.force_login(scheme[0])
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)

    assert sent(invite(client, "a@example.org", start))
    # A repeat within minutes sends nothing (send_email's throttle), so is not counted.
    assert sent(invite(client, "a@example.org", start + timedelta(minutes=1)))
    assert sent(invite(client, "a@example.org", start + timedelta(minutes=5)))
    assert sent(invite(client, "b@example.org", start + timedelta(hours=11)))
    assert len(mail.outbox) == 3

    for later in (timedelta(hours=11, minutes=1), timedelta(hours=23, minutes=30)):
        html = invite(client, "c@example.org", start + later).content.decode()
        assert "You have sent 3 invitations today" in html
    assert len(mail.outbox) == 3

    # 24 hours after the first two were sent, they no longer count: two more may go.
    next_day = start + timedelta(hours=24, minutes=30)
    for email in ("c@example.org", "d@example.org"):
        assert sent(invite(client, email, next_day))
        assert mail.outbox[-1].to == [email]
    html = invite(client, "e@example.org", next_day).content.decode()
    assert "You have sent 3 invitations today" in html


def test_the_limit_is_per_listing(client, scheme, directory, settings):
    settings.CO_EDITOR_INVITATIONS_PER_DAY = 1
    other, _page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    client.force_login(scheme[0])
    assert sent(client.post(EDITORS, {"email": "a@example.org"}))
    client.force_login(other)

    assert sent(client.post(EDITORS, {"email": "b@example.org"}))
    assert len(mail.outbox) == 2
