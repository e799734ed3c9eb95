"""Text a provider gives on one line (the service's name, its summary, town, note about
prices, a photo's description and caption, a check's reference) is kept on one line: a
line break, sent by a crafted request or pasted in, becomes a space and other control
characters are dropped. A listing's name goes into email subjects, where a line break
is refused (test_alert_emails)."""

import pytest
from django.urls import reverse

from .test_edit import about_data, latest
from .test_photos import PHOTOS, draft_photos, media, png  # noqa: F401 (fixture)


@pytest.mark.parametrize(
    ("url", "data", "field", "expected"),
    [
        (
            "portal:edit_about",
            about_data(title="Grays Home\r\nCompanions"),
            "title",
            "Grays Home Companions",
        ),
        (
            "portal:edit_about",
            about_data(title="\tGrays\x0bHome\x1b Help\x00 "),
            "title",
            "Grays Home Help",
        ),
        (
            "portal:edit_about",
            about_data(summary="Personal care in Grays.\r\n\r\nAnd in Tilbury."),
            "summary",
            "Personal care in Grays. And in Tilbury.",
        ),
        (
            "portal:edit_where",
            {"postcode": "RM17 5SW", "town": "South\r\nOckendon", "travel_radius_miles": "5"},
            "town",
            "South Ockendon",
        ),
        (
            "portal:edit_prices",
            {"price_per_hour": "20", "price_note": "Minimum two hours;\nmore on bank holidays."},
            "price_note",
            "Minimum two hours; more on bank holidays.",
        ),
    ],
    ids=["title", "title with control characters", "summary", "town", "price note"],
)
def test_a_line_break_in_one_line_listing_text_becomes_a_space(
    provider_client, listing, url, data, field, expected
):
    response = provider_client.post(reverse(url), data)

    assert response.status_code == 302
    assert getattr(latest(listing), field) == expected


def test_a_title_of_only_line_breaks_is_asked_for_again(provider_client, listing):
    response = provider_client.post(reverse("portal:edit_about"), about_data(title="\r\n\r\n"))

    assert "Enter the name of your service" in response.content.decode()
    assert latest(listing).title == "Sunrise Support"


def test_a_photo_description_and_caption_are_kept_on_one_line(provider_client, listing):
    provider_client.post(
        PHOTOS, {"image": png(), "alt_text": "A raised\r\nbed", "caption": "Our\ngarden"}
    )

    assert [(p.alt_text, p.caption) for p in draft_photos(listing)] == [
        ("A raised bed", "Our garden")
    ]


def test_the_name_of_a_quality_scheme_is_kept_on_one_line(provider_client, listing):
    url = reverse("portal:check_edit", args=["quality_scheme"])

    response = provider_client.post(url, {"reference": "Small\r\nGood Stuff", "expires_on": ""})

    assert response.status_code == 302
    assert listing.checks.get(kind="quality_scheme").reference == "Small Good Stuff"
