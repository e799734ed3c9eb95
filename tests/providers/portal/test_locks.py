"""A listing a moderator has locked (Wagtail's page lock): its provider sees why and can
change nothing, by any route, until it is unlocked."""

import re
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from providers.models import ProviderCheck, ProviderPage
from providers.portal import services
from tests import builders

from .test_photos import media, png  # noqa: F401 (fixture)

EDIT_ABOUT = reverse("portal:edit_about")
ABOUT = {"title": "Sunrise Support", "summary": "Changed while locked.", "description": "x"}
CQC = {"reference": "1-123456789"}


@pytest.fixture
def locked(listing, moderator):
    ProviderPage.objects.filter(pk=listing.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )
    listing.refresh_from_db()
    return listing


def revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_the_dashboard_says_the_listing_is_locked(provider_client, locked):
    page = provider_client.get(reverse("portal:dashboard")).content.decode()
    assert "A moderator has locked your listing while they look at it." in page


@pytest.mark.parametrize(
    "name", ["portal:edit_about", "portal:edit_prices", "portal:edit_where", "portal:photos"]
)
def test_edit_pages_explain_the_lock_instead_of_a_form(provider_client, locked, name):
    response = provider_client.get(reverse(name))
    assert response.status_code == 423
    page = response.content.decode()
    assert "Your listing is locked" in page and "<form" not in page.split("<main")[1]
    assert "has not been saved" not in page  # nothing was sent


def test_nothing_posted_while_locked_is_saved(provider_client, locked, workflow):
    before = revisions(locked)
    posts = [
        (EDIT_ABOUT, ABOUT),
        (reverse("portal:photos"), {"image": png(), "alt_text": "A garden"}),
        (reverse("portal:photo_remove"), {"image": "1"}),
        (reverse("portal:submit"), {}),
        (reverse("portal:reconfirm"), {}),
    ]
    confirmed_at = ProviderPage.objects.get(pk=locked.pk).last_confirmed_at
    for url, data in posts:
        response = provider_client.post(url, data)
        assert response.status_code == 423, url
        assert "What you sent has not been saved." in response.content.decode()

    assert revisions(locked) == before
    assert ProviderPage.objects.get(pk=locked.pk).summary == "Friendly personal care in Grays."
    assert ProviderPage.objects.get(pk=locked.pk).last_confirmed_at == confirmed_at
    assert not locked.workflow_states.exists()


def test_the_services_refuse_a_locked_listing_too(locked, owner):
    def change(draft):
        draft.summary = "Changed behind the portal's back."

    with pytest.raises(services.ListingLocked):
        services.save_draft(page=locked, user=owner, edit=change)
    with pytest.raises(services.ListingLocked):
        services.submit_for_approval(page=locked, user=owner)
    confirmed_at = ProviderPage.objects.get(pk=locked.pk).last_confirmed_at
    with pytest.raises(services.ListingLocked):
        services.confirm_up_to_date(page=locked, user=owner)
    assert revisions(locked) == 1
    assert ProviderPage.objects.get(pk=locked.pk).last_confirmed_at == confirmed_at


def test_checks_cannot_be_added_changed_or_removed_while_locked(provider_client, locked):
    dbs = builders.build_check(
        page=locked, kind="dbs", dbs_level="basic", issued_on=date(2025, 2, 14)
    )
    before = list(ProviderCheck.objects.filter(page=locked).values())
    dbs_url = reverse("portal:check_edit", args=["dbs"])

    assert provider_client.get(dbs_url).status_code == 423
    assert provider_client.get(reverse("portal:check_remove", args=["dbs"])).status_code == 423
    responses = [
        provider_client.post(dbs_url, {"dbs_level": "enhanced", "issued_on": "1/3/2025"}),
        provider_client.post(reverse("portal:check_edit", args=["regulator"]), CQC),
        provider_client.post(reverse("portal:check_remove", args=["dbs"])),
    ]

    assert [response.status_code for response in responses] == [423, 423, 423]
    assert "Your listing is locked" in responses[0].content.decode()
    assert list(ProviderCheck.objects.filter(page=locked).values()) == before
    assert ProviderCheck.objects.get(pk=dbs.pk).verified_at is not None


def test_the_check_services_refuse_a_locked_listing_too(locked):
    builders.build_check(page=locked, kind="insurance", cover_amount=1_000_000)
    before = list(ProviderCheck.objects.filter(page=locked).values())

    with pytest.raises(services.ListingLocked):
        services.record_check(page=locked, kind="insurance", cover_amount=2_000_000)
    with pytest.raises(services.ListingLocked):
        services.record_check(page=locked, kind="regulator", reference="1-123456789")
    with pytest.raises(services.ListingLocked):
        services.remove_check(page=locked, kind="insurance")

    assert list(ProviderCheck.objects.filter(page=locked).values()) == before


def test_a_locked_listing_offers_no_links_that_would_be_refused(provider_client, locked):
    builders.build_check(page=locked, kind="dbs")
    dashboard = provider_client.get(reverse("portal:dashboard")).content.decode()
    checks = provider_client.get(reverse("portal:checks")).content.decode()

    for name in [
        "portal:edit_about",
        "portal:edit_prices",
        "portal:photos",
        "portal:submit",
        "portal:reconfirm",
    ]:
        assert f'href="{reverse(name)}"' not in dashboard
        assert f'action="{reverse(name)}"' not in dashboard
    assert f'href="{reverse("portal:checks")}"' in dashboard  # still viewable
    assert reverse("portal:check_edit", args=["dbs"]) not in checks
    assert reverse("portal:check_edit", args=["insurance"]) not in checks
    assert "You cannot add, change or remove checks until they unlock it" in checks

    ProviderPage.objects.filter(pk=locked.pk).update(locked=False, locked_by=None)
    dashboard = provider_client.get(reverse("portal:dashboard")).content.decode()
    checks = provider_client.get(reverse("portal:checks")).content.decode()
    assert f'href="{EDIT_ABOUT}"' in dashboard
    assert f'action="{reverse("portal:reconfirm")}"' in dashboard
    assert reverse("portal:check_edit", args=["dbs"]) in checks


def test_unlocking_lets_the_provider_edit_again(provider_client, locked):
    ProviderPage.objects.filter(pk=locked.pk).update(locked=False, locked_by=None)
    response = provider_client.get(EDIT_ABOUT)
    assert response.status_code == 200 and "<form" in response.content.decode()


def test_a_locked_listing_that_is_not_live_is_not_said_to_be_found(
    client, directory, thurrock_postcodes, moderator
):
    owner = builders.build_user(email="draft@example.org")
    draft = builders.build_provider(
        directory=directory, title="Not Yet Live", owner=owner, live=False
    )
    ProviderPage.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )
    client.force_login(owner)

    dashboard = client.get(reverse("portal:dashboard")).content.decode()
    locked_page = client.get(EDIT_ABOUT).content.decode()

    for page in (dashboard, locked_page):
        assert "People can still find your live listing" not in page
        assert "Your listing is not published, so people cannot see it." in page


def test_a_locked_live_listing_is_still_said_to_be_found(provider_client, locked):
    dashboard = provider_client.get(reverse("portal:dashboard")).content.decode()
    locked_page = provider_client.get(EDIT_ABOUT).content.decode()

    for page in (dashboard, locked_page):
        assert "People can still find your live listing and contact you." in page


@pytest.fixture
def locked_mid_request(listing, moderator):
    """The moderator's lock lands while the portal handles a POST: after the view has seen
    the listing unlocked, just as the service asks the database whether it is locked."""

    landed = []

    def lock_first(execute, sql, params, many, context):
        if not landed and re.search(r'WHERE .*"wagtailcore_page"\."locked"', sql):
            landed.append(True)
            ProviderPage.objects.filter(pk=listing.pk).update(
                locked=True, locked_by=moderator, locked_at=timezone.now()
            )
        return execute(sql, params, many, context)

    with connection.execute_wrapper(lock_first):
        yield landed


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("portal:edit_about", [], ABOUT),
        ("portal:photos", [], {"alt_text": "A garden"}),
        ("portal:photo_remove", [], {"image": "1"}),
        ("portal:check_edit", ["regulator"], CQC),
        ("portal:check_remove", ["regulator"], {}),
        ("portal:submit", [], {}),
        ("portal:reconfirm", [], {}),
        ("portal:discard", [], {}),
    ],
)
def test_a_lock_that_lands_during_a_post_shows_the_locked_page_and_saves_nothing(
    provider_client, listing, workflow, locked_mid_request, name, args, data
):
    builders.build_check(page=listing, kind="regulator", reference="1-000000001")
    if name == "portal:photos":
        data = {**data, "image": png()}
    before = revisions(listing)
    confirmed_at = ProviderPage.objects.get(pk=listing.pk).last_confirmed_at

    response = provider_client.post(reverse(name, args=args), data)

    assert response.status_code == 423
    assert "What you sent has not been saved." in response.content.decode()
    assert locked_mid_request == [True]  # (undone with the service's transaction)
    assert revisions(listing) == before
    assert ProviderCheck.objects.get(page=listing).reference == "1-000000001"
    assert ProviderPage.objects.get(pk=listing.pk).last_confirmed_at == confirmed_at
    assert not listing.workflow_states.exists()
