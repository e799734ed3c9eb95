"""A moderator approving what a provider has just written counts as the provider confirming
the listing is right: it goes live fresh and findable, with no "not confirmed" or "may be
out of date" warning, and without the provider having to press "Confirm" as well."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from directory.models import ListingIndex
from providers.geography.selectors import lookup_postcode
from providers.models import ProviderPage, SupportKind
from providers.portal.services import save_draft
from providers.services import apply_location, create_draft_listing, submit_for_moderation
from tests import builders

SEARCH = "/find-support/"
NEARBY = "RM17 6SL"  # about 2 km from the listing's base, RM17 5SW


def result_titles(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*" id="result-\d+"><a [^>]*>([^<]+)</a>', html
    )


def approve_in_admin(page, moderator):
    """What a moderator does in the Wagtail admin: approve the current task."""
    client = Client()
    client.force_login(moderator)
    task_state = ProviderPage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)


def assert_fresh_and_findable(client, page):
    """The listing is in the search results for a nearby postcode with no "may be out of
    date" marker, and its index row has the listing's own confirmation date."""
    page = ProviderPage.objects.get(pk=page.pk)
    assert page.live
    assert timezone.now() - page.last_confirmed_at < timedelta(minutes=1)
    assert ListingIndex.objects.get(pk=page.pk).last_confirmed_at == page.last_confirmed_at
    html = client.get(SEARCH, {"postcode": NEARBY}).content.decode()
    assert page.title in result_titles(html)
    assert "May be out of date" not in html
    profile = client.get(page.url).content.decode()
    assert "may be out of date" not in profile.lower()


@pytest.fixture
def new_provider(client, directory, thurrock_postcodes):
    """A newly signed-up provider who has written a complete listing, not yet submitted."""
    user = builders.build_user()
    page = create_draft_listing(user=user, name="Brand New Care")

    def complete(draft):
        draft.summary = "Help at home in Grays."
        draft.travel_radius_miles = 5
        draft.support_kinds = [SupportKind.objects.first()]
        apply_location(page=draft, location=lookup_postcode("RM17 5SW"))

    save_draft(page=page, user=user, edit=complete)
    client.force_login(user)
    return user, page


def test_approving_a_new_listing_confirms_it_so_it_is_found_at_once(
    client, new_provider, moderator
):
    _user, page = new_provider
    client.post(reverse("portal:submit"))

    approve_in_admin(page, moderator)

    assert_fresh_and_findable(client, page)
    dashboard = client.get(reverse("portal:dashboard")).content.decode()
    assert "You have not confirmed your listing yet" not in dashboard
    assert "no longer appears in search results" not in dashboard
    assert "People now see a warning that it may be out of date" not in dashboard


def test_approving_changes_the_provider_submitted_confirms_a_hidden_listing_again(
    provider_client, listing, moderator
):
    ProviderPage.objects.filter(pk=listing.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=400)
    )
    provider_client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": "Now evenings."}
    )
    provider_client.post(reverse("portal:submit"))

    approve_in_admin(listing, moderator)

    assert_fresh_and_findable(provider_client, listing)
    assert ProviderPage.objects.get(pk=listing.pk).summary == "Now evenings."


def test_approving_changes_staff_submitted_is_not_the_provider_confirming(listing, moderator):
    long_ago = timezone.now() - timedelta(days=200)
    ProviderPage.objects.filter(pk=listing.pk).update(last_confirmed_at=long_ago)
    page = ProviderPage.objects.get(pk=listing.pk)
    page.summary = "Tidied by a moderator."
    page.save_revision(user=moderator)
    submit_for_moderation(page=page, user=moderator)

    approve_in_admin(page, moderator)

    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.summary == "Tidied by a moderator."
    assert page.last_confirmed_at == long_ago


def test_the_preview_of_a_never_published_draft_is_not_out_of_date(client, new_provider):
    html = client.get(reverse("portal:preview")).content.decode()

    assert "Help at home in Grays." in html
    assert "may be out of date" not in html.lower()
    assert "has not confirmed" not in html


def test_the_preview_links_to_no_form_the_unpublished_listing_does_not_have_yet(
    client, new_provider
):
    _user, page = new_provider

    html = client.get(reverse("portal:preview")).content.decode()

    assert f"{page.slug}/contact/" not in html and f"{page.slug}/report/" not in html
    assert client.get(page.url + "contact/").status_code == 404  # what the links led to
