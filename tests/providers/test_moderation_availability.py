"""Moderators see a listing's weekly availability in the editor, can change it there, and
"Compare" shows a change to it in words, so they never approve it blind."""

import re

import pytest
from django.urls import reverse

from providers.availability import to_mask
from providers.models import ProviderPage
from tests import builders

from .admin_edit import publish_in_editor


@pytest.fixture
def listing(directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory, title="Sunrise Support", availability=to_mask(["mon_morning"])
    )
    page.save_revision().publish()
    return page


def test_the_editor_shows_availability_by_day_and_part_of_the_day(client, moderator, listing):
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_pages:edit", args=(listing.pk,))).content.decode()

    assert "Monday morning" in html and "Sunday overnight" in html
    checked = re.findall(r'<input [^>]*value="(\w+)"[^>]*checked', html)
    assert "mon_morning" in checked and "tue_morning" not in checked


def test_a_moderator_can_change_availability(client, moderator, listing):
    client.force_login(moderator)

    publish_in_editor(client, listing, availability=["mon_morning", "sat_evening"])

    page = ProviderPage.objects.get(pk=listing.pk)
    assert page.availability == to_mask(["mon_morning", "sat_evening"])


def test_compare_with_live_shows_an_availability_change_in_words(client, moderator, listing):
    page = ProviderPage.objects.get(pk=listing.pk)
    page.availability = to_mask(["tue_evening", "mon_morning"])
    page.save_revision()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, "live", "latest"))

    html = client.get(url).content.decode()

    assert "Weekly availability" in html
    assert re.search(r'class="addition">\s*Tuesday evening', html)
    assert "Monday morning" in html
