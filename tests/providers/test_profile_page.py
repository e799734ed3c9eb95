"""The public profile of a listing: what it shows, what it never shows, and how many
queries it takes."""

import re
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from providers import availability
from tests import builders


def _image(n=1):
    from io import BytesIO

    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (900, 600), (40 * n % 255, 120, 200)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=f"Photo {n}", file=ImageFile(buffer, name=f"photo-{n}.png")
    )


def _add_photos(page, count):
    from providers.models import ProviderPhoto

    for n in range(count):
        ProviderPhoto.objects.create(
            page=page,
            image=_image(n + 1),
            alt_text=f"Carer and client number {n + 1} planting tomatoes",
            caption=f"Caption {n + 1}" if n % 2 else "",
            sort_order=n,
        )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_profile_never_shows_the_base_postcode(client, directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory, title="Sunrise Support", postcode="RM17 6SL", town="Grays"
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert page.base_postcode == "RM17 6SL"
    assert "RM17 6SL" not in html
    assert "RM176SL" not in html.replace(" ", "")
    assert "6SL" not in html
    # Under the summary, and in "Where they work": the same words as on a result card.
    assert "Based in:</span> Grays, Thurrock (RM17)" in html


def test_the_profile_shows_what_the_provider_offers(client, directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory,
        title="Sunrise Support",
        summary="Personal care in Grays.",
        support_kinds=["personal-care"],
        audiences=["older-people", "people-living-with-dementia"],
        access_features=["bsl"],
        payment_methods=["direct-payment"],
        councils=["E06000034", "E10000012"],
        travel_radius_miles=8,
        price_per_hour="22.50",
        price_per_night="95",
        price_note="Minimum visit one hour.",
        availability=availability.to_mask(["mon_morning", "sat_evening"]),
        taking_new_people=True,
        taking_new_people_from=timezone.localdate() + timedelta(days=30),
        phone="01375 123456",
        show_phone=True,
        email="hidden@example.org",
        show_email=False,
        website="https://sunrise.example.org/",
    )

    text = _text(client.get(page.url).content.decode())

    assert "Sunrise Support" in text
    assert "Micro-enterprise" in text
    assert "Personal care" in text
    assert "British Sign Language" in text
    assert "Direct Payment" in text
    assert "£22.50" in text and "£95" in text
    assert "Minimum visit one hour." in text
    assert "Up to 8 miles from Grays" in text
    assert "Covers Thurrock, Essex" in text
    assert "01375 123456" in text
    assert "hidden@example.org" not in text  # the provider chose not to show it
    assert "https://sunrise.example.org/" in text
    assert "Contact this provider" in text
    assert "Report a problem with this listing" in text
    assert "Yes, from" in text
    assert "Languages as well as English None" in text  # none given


def test_availability_is_a_table_with_words_not_only_ticks(client, directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory, availability=availability.to_mask(["mon_morning"])
    )

    html = client.get(page.url).content.decode()

    table = html[html.index("<table") : html.index("</table>")]
    assert 'aria-labelledby="availability-title"' in table  # named by the heading above it
    assert 'id="availability-title">When they can usually offer support</h3>' in html
    assert "{#" not in html and "{%" not in html  # no template comment shows as text
    assert table.count('scope="col"') == 5
    assert table.count('scope="row"') == 7
    assert table.count(">Available<") == 1
    assert table.count(">Not available<") == 27


@pytest.mark.parametrize("days", [1, 400])  # 400: a hidden listing, with its banner
def test_headings_go_in_order(client, directory, thurrock_postcodes, days):
    page = builders.build_provider(
        directory=directory, last_confirmed_at=timezone.now() - timedelta(days=days)
    )
    builders.build_check(page=page, kind="dbs", dbs_level="enhanced")
    _add_photos(page, 1)

    html = client.get(page.url).content.decode()

    main = html[html.index("<main") : html.index("</main>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_badges_show_only_while_current(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory)
    today = timezone.localdate()
    builders.build_check(
        page=page, kind="insurance", cover_amount=5_000_000, expires_on=today + timedelta(days=9)
    )
    builders.build_check(page=page, kind="regulator", reference="1-234567890")
    builders.build_check(page=page, kind="dbs", dbs_level="enhanced", verified=False)
    builders.build_check(
        page=page,
        kind="quality_scheme",
        reference="Small Good Stuff",
        expires_on=today - timedelta(days=1),
    )

    text = _text(client.get(page.url).content.decode())

    assert "Public liability insurance" in text
    assert "£5,000,000 cover" in text
    expiry = today + timedelta(days=9)
    assert f"valid until {expiry.day} {expiry:%B %Y}" in text  # as every date on the page
    assert "Registered with the Care Quality Commission (CQC)" in text
    assert "1-234567890" in text
    assert "Checked by our moderators on" in text
    assert "DBS check" not in text  # not verified
    assert "Small Good Stuff" not in text  # expired yesterday


def test_photos_have_their_alt_text_and_bounded_size(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory)
    _add_photos(page, 2)

    html = client.get(page.url).content.decode()

    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 2
    assert 'alt="Carer and client number 1 planting tomatoes"' in images[0]
    assert 'width="600" height="400"' in images[0]
    assert "Caption 2" in html


@pytest.mark.parametrize(
    ("days", "warning", "banner"),
    [(10, False, False), (200, True, False), (400, False, True)],
)
def test_freshness_warnings(client, directory, thurrock_postcodes, days, warning, banner):
    page = builders.build_provider(
        directory=directory, last_confirmed_at=timezone.now() - timedelta(days=days, hours=1)
    )

    response = client.get(page.url)

    text = _text(response.content.decode())
    assert response.status_code == 200  # a hidden listing still answers people with the link
    assert f"Last confirmed by the provider {days} days ago" in text
    assert (
        "This information may be out of date. The provider last confirmed it" in text
    ) == warning
    assert ("It no longer appears in search results" in text) == banner
    assert ('<meta name="robots" content="noindex">' in response.content.decode()) == banner


def test_a_draft_listing_has_no_public_profile(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, live=False)

    assert client.get(f"/find-support/{page.slug}/").status_code == 404


def test_the_profile_takes_a_bounded_number_of_queries(
    client, directory, thurrock_postcodes, django_assert_max_num_queries
):
    def full_listing(n):
        page = builders.build_provider(
            directory=directory,
            support_kinds=["personal-care", "companionship-and-befriending", "transport"][:n],
            audiences=["older-people", "autistic-people"][:n],
            languages=["pl", "pa"][:n],
            councils=["E06000034", "E10000012", "E06000033"][:n],
        )
        for kind in ["dbs", "insurance", "regulator", "quality_scheme"][:n]:
            builders.build_check(page=page, kind=kind, reference="ref")
        _add_photos(page, n)
        client.get(page.url)  # renditions are made on the first view
        return page

    small, large = full_listing(1), full_listing(3)

    with django_assert_max_num_queries(30) as small_queries:
        client.get(small.url)
    with django_assert_max_num_queries(30) as large_queries:
        response = client.get(large.url)

    assert response.status_code == 200
    assert len(large_queries.captured_queries) == len(small_queries.captured_queries)


def test_the_profile_reads_a_draft_revision_for_the_portal_preview(directory, thurrock_postcodes):
    from providers.models import SupportKind
    from providers.profile import profile_context

    page = builders.build_provider(directory=directory, support_kinds=["personal-care"])
    page.support_kinds = list(SupportKind.objects.filter(slug="transport"))
    page.summary = "A change waiting for approval."
    page.save_revision()

    draft = page.get_latest_revision_as_object()
    profile = profile_context(page=draft)

    assert profile.support_kinds == ["Transport"]
    assert profile_context(page=ProviderPageLive(page)).support_kinds == ["Personal care"]
    assert draft.subpage_url("contact").endswith("/contact/")


def ProviderPageLive(page):  # noqa: N802 - reads like the model it returns
    from providers.models import ProviderPage

    return ProviderPage.objects.get(pk=page.pk)


@pytest.mark.parametrize("days", [30, -1])  # a date to come, or one that has passed
def test_a_provider_not_taking_on_new_people_says_until_when(
    client, directory, thurrock_postcodes, days
):
    when = timezone.localdate() + timedelta(days=days)
    page = builders.build_provider(
        directory=directory,
        taking_new_people=False,
        taking_new_people_from=when,
        owner=builders.build_user(),  # someone to read messages: the contact button shows
    )

    text = _text(client.get(page.url).content.decode())

    expected = f"Not until {when:%-d %B %Y}" if days > 0 else "Not at the moment"
    assert f"Taking on new people: {expected}" in text
    # Said again before the contact button, and on the contact form itself.
    said = (
        f"is not taking on new people until {when:%-d %B %Y}."
        if days > 0
        else "is not taking on new people at the moment."
    )
    assert text.index(said) < text.index("Contact this provider")
    contact = _text(client.get(page.url + "contact/").content.decode())
    assert said in contact and "You can still contact them" in contact
    taking = builders.build_provider(directory=directory, taking_new_people=True)
    assert "not taking on new people" not in _text(client.get(taking.url).content.decode())


@pytest.mark.parametrize(
    ("level", "shown"),
    [("basic", "Basic check"), ("enhanced_barred", "Enhanced check with barred list")],
)
def test_a_dbs_badge_names_its_level_once(client, directory, thurrock_postcodes, level, shown):
    page = builders.build_provider(directory=directory)
    builders.build_check(page=page, kind="dbs", dbs_level=level)

    text = _text(client.get(page.url).content.decode())

    assert shown in text and "check check" not in text
