"""The listing model's own rules: where it may live, what its postcode gives it, what a
revision may and may not carry, availability masks, badges and freshness."""

from datetime import timedelta

import pytest
from django.utils import timezone

from directory.models import DirectoryPage
from home.models import HomePage, StandardPage
from providers import availability
from providers.geography.models import OutwardCode
from providers.models import ListingMembership, ProviderPage, SupportKind
from providers.selectors import (
    current_badges,
    directory_root,
    freshness,
    listing_for_user,
    visible_listings,
)
from providers.services import create_draft_listing, reconfirm_listing
from tests import builders


def test_listings_live_only_under_the_directory_page():
    assert ProviderPage.allowed_parent_page_models() == [DirectoryPage]
    assert ProviderPage not in HomePage.allowed_subpage_models()
    assert ProviderPage not in StandardPage.allowed_subpage_models()
    assert DirectoryPage.allowed_subpage_models() == [ProviderPage]
    assert DirectoryPage in HomePage.allowed_subpage_models()


def test_the_starting_vocabularies_are_loaded(db):
    assert SupportKind.objects.count() == 16
    assert SupportKind.objects.filter(name="Personal care").exists()


def test_a_listing_derives_its_public_area_from_a_private_postcode(directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, postcode="rm175sw", town="Grays")

    assert page.base_postcode == "RM17 5SW"
    centre = OutwardCode.objects.get(pk="RM17")  # the grid reference is the district's centre
    assert (page.easting, page.northing) == (centre.easting, centre.northing)
    assert page.council_code == "E06000034"
    assert page.region_code == "E12000006"  # East of England
    assert page.area_label == "Grays, Thurrock (RM17)"


def test_sign_up_creates_an_unpublished_listing_owned_by_the_account(directory):
    user = builders.build_user()

    page = create_draft_listing(user=user, name="Sunrise Support")

    assert not page.live
    assert page.get_parent().specific == directory
    assert listing_for_user(user=user) == page
    assert ListingMembership.objects.get(user=user).role == "owner"
    assert directory_root().pk == directory.pk


def test_reconfirming_survives_publishing_an_older_revision(directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory, last_confirmed_at=timezone.now() - timedelta(days=200)
    )
    page.summary = "A change waiting for approval."
    pending = page.save_revision()

    reconfirm_listing(page=page)
    pending.publish()

    page.refresh_from_db()
    assert page.summary == "A change waiting for approval."
    assert freshness(last_confirmed_at=page.last_confirmed_at).days_since_confirmed == 0


def test_availability_masks_round_trip():
    slots = ["mon_morning", "wed_evening", "sun_overnight"]

    mask = availability.to_mask(slots)

    assert availability.from_mask(mask) == slots
    assert mask & availability.day_mask("wed")
    assert not mask & availability.day_mask("tue")
    assert mask & availability.part_mask("overnight")
    assert availability.from_mask(availability.ALL_SLOTS) == availability.SLOTS


def test_badges_disappear_on_their_expiry_date_without_a_job(directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory)
    today = timezone.localdate()
    builders.build_check(page=page, kind="insurance", expires_on=today)
    builders.build_check(page=page, kind="dbs", verified=False)

    assert [c.kind for c in current_badges(page_ids=[page.pk], today=today)[page.pk]] == [
        "insurance"
    ]
    assert current_badges(page_ids=[page.pk], today=today + timedelta(days=1))[page.pk] == []


@pytest.mark.parametrize(
    ("days", "reminder", "stale", "hidden"),
    [
        (0, False, False, False),
        (90, True, False, False),
        (180, True, True, False),
        (365, True, True, True),
    ],
)
def test_freshness_thresholds(days, reminder, stale, hidden):
    now = timezone.now()

    state = freshness(last_confirmed_at=now - timedelta(days=days), now=now)

    assert (state.needs_reminder, state.may_be_out_of_date, state.hidden) == (
        reminder,
        stale,
        hidden,
    )


def test_search_never_sees_drafts_or_listings_unconfirmed_for_a_year(directory, thurrock_postcodes):
    fresh = builders.build_provider(directory=directory)
    builders.build_provider(directory=directory, live=False)
    builders.build_provider(
        directory=directory, last_confirmed_at=timezone.now() - timedelta(days=366)
    )

    assert list(visible_listings()) == [fresh]
