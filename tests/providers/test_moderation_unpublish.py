"""A moderator taking a live listing off the site (Wagtail's "Unpublish"): every person
running it is told by email, as for approvals; nobody is emailed when the provider
removed it themselves (deleting their account)."""

import pytest
from django.urls import reverse

from providers.models import ListingMembership, ProviderPage
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(directory, thurrock_postcodes):
    owner = builders.build_user(email="owner@example.org")
    page = builders.build_provider(directory=directory, title="Sunrise Support", owner=owner)
    co_editor = builders.build_user(email="staff@example.org")
    ListingMembership.objects.create(user=co_editor, page=page, role="co_editor")
    return page


def unpublish(client, moderator, page):
    client.force_login(moderator)
    return client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))


def test_a_moderator_unpublishing_a_listing_tells_everyone_who_runs_it(
    client, moderator, listing, site_contact, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = unpublish(client, moderator, listing)

    assert response.status_code == 302
    assert not ProviderPage.objects.get(pk=listing.pk).live
    (email,) = mailoutbox
    assert set(email.to + email.bcc) == {"owner@example.org", "staff@example.org"}
    assert email.subject == 'Your listing "Sunrise Support" is no longer shown'
    assert "is no longer shown on" in email.body
    assert "http://testserver/manage/" in email.body
    assert "team@council.example.org" in email.body and "01375 000 000" in email.body
    assert "/admin/" not in email.body


def test_only_an_unpublish_by_someone_else_is_emailed(
    client, moderator, listing, directory, mailoutbox, django_capture_on_commit_callbacks
):
    leaving, own_listing = builders.build_provider_account(
        directory=directory, email="leaving@example.org", title="Closing Down"
    )
    assert own_listing.live
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(leaving)
        client.post("/manage/account/delete/", {"password": builders.PASSWORD})
    assert not ProviderPage.objects.filter(pk=own_listing.pk).exists()
    assert mailoutbox == []  # they removed it themselves

    with django_capture_on_commit_callbacks(execute=True):
        unpublish(client, moderator, listing)

    (email,) = mailoutbox
    assert "Sunrise Support" in email.subject
