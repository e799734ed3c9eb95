"""The profile's contact details, regulator, sitemap entry and the portal's preview of it."""

from datetime import timedelta

from django.utils import timezone

from tests import builders

from .test_profile_page import _text


def test_contact_details_show_only_when_the_provider_chose_to(
    client, directory, thurrock_postcodes
):
    page = builders.build_provider(
        directory=directory,
        phone="01375 999888",
        show_phone=False,
        email="shown@example.org",
        show_email=True,
        premises_address="Unit 4, Grays Business Centre",
    )

    html = client.get(page.url).content.decode()

    assert "01375 999888" not in html
    assert "mailto:shown@example.org" in html
    assert "Unit 4, Grays Business Centre" in html


def test_a_phone_number_links_to_a_number_that_dials(client, directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory, phone="+44 (0) 1632-960001", show_phone=True
    )

    html = client.get(page.url).content.decode()

    assert '<a class="govuk-link" href="tel:+441632960001">+44 (0) 1632-960001</a>' in html
    assert "tel:+44(0)" not in html


def test_a_shared_lives_scheme_never_shows_a_premises_address(
    client, directory, thurrock_postcodes
):
    # As its Open Referral location and its export row: its area only.
    page = builders.build_provider(
        directory=directory,
        kind="shared_lives",
        town="Chelmsford",
        postcode="CM1 1QH",
        premises_address="County Hall, Chelmsford, CM1 1QH",
    )

    html = client.get(page.url).content.decode()

    assert "County Hall" not in html and "CM1 1QH" not in html
    assert "Premises address" not in html


def test_a_wales_listing_names_its_own_regulator(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, postcode="CF10 1EP", town="Cardiff")
    builders.build_check(page=page, kind="regulator", reference="SIN-00012345")

    text = _text(client.get(page.url).content.decode())

    assert "Registered with the Care Inspectorate Wales (CIW)" in text
    assert "CF10 1EP" not in text


def test_a_hidden_listing_leaves_the_sitemap(client, directory, thurrock_postcodes):
    fresh = builders.build_provider(directory=directory)
    stale = builders.build_provider(
        directory=directory, last_confirmed_at=timezone.now() - timedelta(days=400)
    )

    xml = client.get("/sitemap.xml").content.decode()

    assert fresh.slug in xml
    assert f"/{stale.slug}/" not in xml


def test_the_portal_preview_renders_the_draft_profile(directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, summary="The live summary.")
    page.summary = "The summary waiting for approval."
    page.save_revision()
    draft = page.get_latest_revision_as_object()

    response = draft.make_preview_request()

    html = response.content.decode()
    assert response.status_code == 200
    assert "The summary waiting for approval." in html
    assert page.base_postcode not in html
