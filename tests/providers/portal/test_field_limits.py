"""Text that is too long gets a GOV.UK message naming the field and its limit, never
Django's "Ensure this value has at most…"; the limit a browser enforces is the server's."""

import pytest
from django.urls import reverse

from .test_edit import about_data, latest


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (
            "portal:edit_about",
            about_data(title="x" * 1000),
            "Name of your service must be 255 characters or fewer",
        ),
        (
            "portal:edit_where",
            {"postcode": "RM17 5SW", "town": "x" * 1000, "travel_radius_miles": "5"},
            "Town or area must be 60 characters or fewer",
        ),
        (
            "portal:edit_prices",
            {"price_per_hour": "20", "price_note": "x" * 1000},
            "Note about prices must be 200 characters or fewer",
        ),
        (
            "portal:edit_contact",
            {"phone": "0" * 1000},
            "Phone number must be 30 characters or fewer",
        ),
    ],
)
def test_too_long_text_in_a_listing_section_names_the_field_and_its_limit(
    provider_client, listing, url, data, message
):
    response = provider_client.post(reverse(url), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Ensure this value" not in html


def test_too_long_a_policy_number_names_the_field_without_optional(provider_client, listing):
    response = provider_client.post(
        reverse("portal:check_edit", args=["insurance"]),
        {"cover_amount": "5000000", "reference": "P" * 1000, "expires_on": "31/12/2099"},
    )

    html = response.content.decode()
    assert "Policy number must be 100 characters or fewer" in html
    assert "Ensure this value" not in html


def test_the_browser_never_cuts_an_answer_short_the_server_says_what_is_too_long(
    provider_client, listing
):
    html = provider_client.get(reverse("portal:edit_about")).content.decode()
    assert " maxlength=" not in html  # pasted text would be cut off without a word
    # The limits are said instead (GOV.UK's character count: data-maxlength, no cut-off).
    assert "You can enter up to 280 characters" in html
    assert "You can enter up to 3,000 characters" in html

    name = "Sunrise Support " + "x" * 200  # longer than 100, within 255
    response = provider_client.post(reverse("portal:edit_about"), about_data(title=name))

    assert response.status_code == 302
    assert latest(listing).title == name
