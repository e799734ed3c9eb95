"""A co-editor invitation goes to an address the scheme's owner chose, so it carries no
text a moderator has not approved: the listing's live name, or none before it is
published."""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from home.models import SiteSettings
from tests import builders

pytestmark = pytest.mark.django_db

EDITORS = "/manage/account/editors/"
PHISHING = "Your council tax refund of £500 is ready - claim at http://refund-gov.example/claim"


@pytest.fixture
def service_name(home):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.service_name = "Thurrock Care Finder"
    site_settings.save()
    return site_settings.service_name


def invite_new_and_taken_addresses(client, *, owner, directory):
    """The owner invites an address with no account (a link) and one with an account (a
    note instead): the two emails an invited person can get."""
    client.force_login(owner)
    builders.build_provider_account(directory=directory, email="busy@example.org", postcode=None)
    for email in ("free@example.org", "busy@example.org"):
        assert client.post(EDITORS, {"email": email}).status_code == 302
    assert len(mail.outbox) == 2


def test_a_listing_never_published_is_not_named(client, directory, service_name):
    owner, _page = builders.build_provider_account(
        directory=directory,
        email="scheme@example.org",
        kind="shared_lives",
        title=PHISHING,
        postcode=None,
        live=False,
    )
    invite_new_and_taken_addresses(client, owner=owner, directory=directory)

    for message in mail.outbox:
        text = message.subject + "\n" + message.body
        assert "refund" not in text
        assert "scheme@example.org" in message.body  # who invited them
        assert "Thurrock Care Finder" in text
    link = re.search(r"http://testserver(/manage/invitation/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    html = client.get(link).content.decode()
    assert "Create your account" in html and "refund" not in html


def test_a_published_listing_is_named_as_approved_not_as_its_draft(client, directory, service_name):
    owner, page = builders.build_provider_account(
        directory=directory,
        email="scheme@example.org",
        kind="shared_lives",
        title="Essex Shared Lives",
        postcode=None,
    )
    draft = page.get_latest_revision_as_object()
    draft.title = PHISHING  # saved for a moderator to approve: not live
    draft.save_revision(user=owner)
    invite_new_and_taken_addresses(client, owner=owner, directory=directory)

    for message in mail.outbox:
        assert "Essex Shared Lives" in message.subject
        assert "refund" not in message.subject + message.body
        assert "scheme@example.org" in message.body
