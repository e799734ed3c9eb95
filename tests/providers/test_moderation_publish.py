"""A moderator who presses "Publish" on a listing with changes awaiting approval, rather
than approving the workflow task, has approved them: the provider is told, as on approval,
and it counts as the provider confirming the listing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from providers.models import ProviderPage
from providers.services import submit_for_moderation
from tests import builders

from .admin_edit import press_in_editor, publish_in_editor

LONG_AGO = timezone.now() - timedelta(days=200)


@pytest.fixture
def owner(db):
    return builders.build_user(email="owner@example.org")


@pytest.fixture
def listing(directory, thurrock_postcodes, owner):
    return builders.build_provider(
        directory=directory, title="Sunrise Support", owner=owner, last_confirmed_at=LONG_AGO
    )


def submit(page, *, user, summary="Now also evenings."):
    page = ProviderPage.objects.get(pk=page.pk)
    page.summary = summary
    page.save_revision(user=user)
    submit_for_moderation(page=page, user=user)
    return page


def approved_emails():
    return [
        m for m in mail.outbox if "owner@example.org" in m.to + m.bcc and "approved" in m.subject
    ]


def test_publishing_changes_awaiting_approval_tells_the_provider_and_confirms(
    client, moderator, owner, listing
):
    submit(listing, user=owner)
    mail.outbox.clear()
    client.force_login(moderator)

    response = publish_in_editor(client, listing)

    assert response.status_code == 302
    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.summary == "Now also evenings." and not page.has_unpublished_changes
    assert page.current_workflow_state is None
    (email,) = approved_emails()
    assert "Sunrise Support" in email.subject and "/manage/" in email.body
    assert timezone.now() - page.last_confirmed_at < timedelta(minutes=1)

    # Publishing again, with nothing awaiting approval, is the moderator's own edit.
    publish_in_editor(client, listing, summary="Tidied by a moderator.")

    assert ProviderPage.objects.get(pk=listing.pk).summary == "Tidied by a moderator."
    assert len(approved_emails()) == 1


def test_publishing_staff_changes_awaiting_approval_tells_the_provider_but_does_not_confirm(
    client, moderator, listing
):
    submit(listing, user=moderator)
    mail.outbox.clear()
    client.force_login(moderator)

    publish_in_editor(client, listing)

    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.summary == "Now also evenings." and page.last_confirmed_at == LONG_AGO
    assert len(approved_emails()) == 1


def test_cancelling_the_workflow_without_publishing_sends_nothing(
    client, moderator, owner, listing
):
    submit(listing, user=owner)
    mail.outbox.clear()
    client.force_login(moderator)

    press_in_editor(client, listing, "cancel-workflow")

    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.current_workflow_state is None and page.has_unpublished_changes
    assert approved_emails() == []
    assert ProviderPage.objects.get(pk=listing.pk).last_confirmed_at == LONG_AGO


def test_a_title_a_moderator_gives_is_kept_on_one_line(client, moderator, listing):
    client.force_login(moderator)

    response = publish_in_editor(client, listing, title="Grays Home\r\nCompanions")

    assert response.status_code == 302
    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.title == page.draft_title == "Grays Home Companions"
    assert page.get_latest_revision_as_object().title == "Grays Home Companions"
