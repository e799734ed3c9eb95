"""Editing a listing in sections: every save is a new revision built on the latest one;
the live version never changes until a moderator approves; bad input gets a clear
field error with the answers kept; a crafted POST cannot reach moderator-only fields."""

from decimal import Decimal

import pytest
from django.urls import reverse

from providers import availability
from providers.models import ProviderPage, SupportKind
from tests import builders

ABOUT = reverse("portal:edit_about")


def latest(page):
    return ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def about_data(**overrides):
    data = {
        "title": "Sunrise Support",
        "summary": "Personal care and companionship in Grays and Tilbury.",
        "description": "We are a small team.\n\n- Personal care\n- Shopping",
    }
    return {**data, **overrides}


def test_saving_a_section_makes_a_draft_revision_and_leaves_the_live_listing(
    provider_client, listing
):
    revisions_before = listing.revisions.count()

    response = provider_client.post(ABOUT, about_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
    live = ProviderPage.objects.get(pk=listing.pk)
    assert live.summary == "Friendly personal care in Grays."
    assert live.live and live.has_unpublished_changes
    assert listing.revisions.count() == revisions_before + 1
    draft = latest(listing)
    assert draft.summary == "Personal care and companionship in Grays and Tilbury."
    assert draft.description == (
        "<p>We are a small team.</p><ul><li>Personal care</li><li>Shopping</li></ul>"
    )
    assert listing.revisions.order_by("-pk").first().user.email == "owner@example.org"


def test_each_section_starts_from_the_latest_draft_not_the_live_version(provider_client, listing):
    provider_client.post(ABOUT, about_data(summary="Draft summary, not yet approved."))

    response = provider_client.get(ABOUT)

    assert "Draft summary, not yet approved." in response.content.decode()
    # ... and saving another section keeps the first section's draft work.
    provider_client.post(
        reverse("portal:edit_prices"),
        {"price_per_hour": "24.00", "price_per_session": "", "price_per_night": ""},
    )
    draft = latest(listing)
    assert draft.summary == "Draft summary, not yet approved."
    assert draft.price_per_hour == Decimal("24.00")


def test_saving_without_changes_makes_no_revision(provider_client, listing):
    provider_client.post(ABOUT, about_data())
    count = listing.revisions.count()

    provider_client.post(ABOUT, about_data())

    assert listing.revisions.count() == count


def test_a_crafted_post_cannot_set_moderator_only_fields(provider_client, listing, owner):
    stranger = builders.build_user()
    provider_client.post(
        ABOUT,
        about_data(
            kind="shared_lives",
            live="false",
            owner=stranger.pk,
            external_id="HACK",
            last_confirmed_at="2000-01-01T00:00:00Z",
            slug="hijacked",
            base_postcode="SW1A 2AA",
        ),
    )

    draft = latest(listing)
    live = ProviderPage.objects.get(pk=listing.pk)
    for page in (draft, live):
        assert page.kind == "micro_enterprise"
        assert page.owner_id == owner.pk
        assert page.external_id == ""
        assert page.slug == listing.slug
        assert page.base_postcode == "RM17 5SW"
        assert page.last_confirmed_at.year > 2000
    assert live.live


def test_what_you_offer_sets_the_vocabularies(provider_client, listing):
    kinds = list(SupportKind.objects.filter(slug__in=["personal-care", "transport"]))

    provider_client.post(
        reverse("portal:edit_offer"), {"support_kinds": [k.pk for k in kinds], "languages": []}
    )

    assert {k.slug for k in latest(listing).support_kinds.all()} == {"personal-care", "transport"}
    live = ProviderPage.objects.get(pk=listing.pk)
    assert [k.slug for k in live.support_kinds.all()] == ["personal-care"]


@pytest.mark.parametrize(
    ("price", "message"),
    [
        ("500.01", "Enter a price between £0 and £500"),
        ("-1", "Enter a price between £0 and £500"),
        ("twenty", "Enter a price in pounds, like 22.50"),
        ("12.345", "Enter a price in pounds and pence, like 22.50"),
    ],
)
def test_prices_out_of_range_get_a_field_error_and_keep_the_answers(
    provider_client, listing, price, message
):
    response = provider_client.post(
        reverse("portal:edit_prices"),
        {"price_per_hour": price, "price_per_night": "80", "price_note": "Minimum 2 hours"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<title>Error:" in html
    assert 'href="#id_price_per_hour"' in html  # error summary links to the field
    assert f'value="{price}"' in html
    assert "Minimum 2 hours" in html
    assert latest(listing).price_per_hour == Decimal("22.50")


def test_prices_accept_pounds_signs_and_spaces(provider_client, listing):
    provider_client.post(
        reverse("portal:edit_prices"), {"price_per_hour": "£25", "price_per_night": "£ 80.50"}
    )
    assert latest(listing).price_per_hour == Decimal("25")
    assert latest(listing).price_per_night == Decimal("80.50")


def test_availability_ticks_become_the_weekly_mask(provider_client, listing):
    response = provider_client.post(
        reverse("portal:edit_availability"),
        {
            "mon": ["morning", "evening"],
            "sat": ["overnight"],
            "taking_new_people": "no",
            "taking_new_people_from": "1/1/2099",
        },
    )

    assert response.status_code == 302
    draft = latest(listing)
    assert availability.from_mask(draft.availability) == [
        "mon_morning",
        "mon_evening",
        "sat_overnight",
    ]
    assert draft.taking_new_people is False
    assert draft.taking_new_people_from.year == 2099
    page = provider_client.get(reverse("portal:edit_availability")).content.decode()
    assert 'id="id_mon_0" name="mon" type="checkbox" value="morning" checked' in page


def test_a_past_date_for_taking_new_people_is_refused(provider_client, listing):
    response = provider_client.post(
        reverse("portal:edit_availability"),
        {"taking_new_people": "no", "taking_new_people_from": "1/1/2001"},
    )
    assert "The date must be today or in the future" in response.content.decode()


def test_contact_details_are_checked(provider_client, listing):
    response = provider_client.post(
        reverse("portal:edit_contact"),
        {"phone": "call me", "show_email": "on", "website": "not a site"},
    )

    html = response.content.decode()
    assert "Enter a phone number, like" in html
    assert "Enter an email address to show it on your listing" in html
    assert "Enter a web address, like https://www.example.org" in html


def test_contact_details_are_saved(provider_client, listing):
    provider_client.post(
        reverse("portal:edit_contact"),
        {"phone": "01375 123456", "show_phone": "on", "email": "hello@example.org"},
    )
    draft = latest(listing)
    assert (draft.phone, draft.show_phone, draft.email, draft.show_email) == (
        "01375 123456",
        True,
        "hello@example.org",
        False,
    )


def test_preview_shows_the_draft_with_a_not_published_banner(provider_client, listing):
    provider_client.post(ABOUT, about_data(summary="A brand new summary."))

    response = provider_client.get(reverse("portal:preview"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview – not published" in html
    assert "A brand new summary." in html
    assert "RM17 5SW" not in html
    assert "shortlist" not in html  # a visitor's shortlist is no part of a provider's preview
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_save_and_preview_goes_to_the_preview(provider_client, listing):
    response = provider_client.post(ABOUT, {**about_data(summary="Changed."), "preview": "1"})
    assert response["Location"] == reverse("portal:preview")


def test_a_long_summary_is_refused_with_its_text_kept(provider_client, listing):
    text = "x" * 281
    response = provider_client.post(ABOUT, about_data(summary=text))
    html = response.content.decode()
    assert "Summary must be 280 characters or fewer" in html
    assert text in html


def test_an_untouched_description_sent_with_browser_line_endings_is_not_a_change(
    provider_client, listing
):
    provider_client.post(ABOUT, about_data())
    count = listing.revisions.count()

    response = provider_client.post(
        ABOUT,
        about_data(description="We are a small team.\r\n\r\n- Personal care\r\n- Shopping"),
        follow=True,
    )

    assert "You did not change anything" in response.content.decode()
    assert listing.revisions.count() == count


def test_a_co_editor_edits_the_same_listing(client, listing):
    co_editor = builders.build_co_editor(page=listing)
    client.force_login(co_editor)

    client.post(ABOUT, about_data(summary="Written by scheme staff."))

    assert latest(listing).summary == "Written by scheme staff."
    assert listing.revisions.order_by("-pk").first().user == co_editor


def test_the_about_page_speaks_to_providers_not_to_wagtail_editors(provider_client, listing):
    html = provider_client.get(ABOUT).content.decode()

    assert "Name of your service" in html
    assert "As people know it, for example Grays Home Help" in html
    assert "The page title" not in html
