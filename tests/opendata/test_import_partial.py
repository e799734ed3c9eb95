"""Bulk import of a file with only some of the columns (or a feed with only some of the
fields): a column left out leaves that field of an existing listing as it is; a column
given with an empty cell clears it."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from providers.imports import services
from providers.models import ProviderPage
from tests import builders


def existing_listing(place):
    page = builders.build_provider(
        directory=place,
        title="Grays Helping Hands",
        external_id="part-1",
        summary="Help at home.",
        description="<p>We help at home.</p>",
        travel_radius_miles=12,
        phone="01375 111111",
        show_phone=True,
        email="hands@example.org",
        show_email=True,
        website="https://hands.example.org/",
        support_kinds=["personal-care"],
        councils=["E06000034"],
        price_per_hour="20.00",
    )
    page.save_revision().publish()
    return page


def dry_run_then_import(client, content, *, name="listings.csv"):
    dry_run = client.post(
        "/admin/import-listings/",
        {"file": SimpleUploadedFile(name, content), "publish": "live"},
    ).content.decode()
    token = client.session["providers_import"]["token"]
    client.post("/admin/import-listings/", {"token": token, "mode": services.ALL_OR_NOTHING})
    return dry_run


def test_columns_left_out_of_a_csv_leave_those_fields_as_they_are(client, place, moderator):
    existing_listing(place)
    client.force_login(moderator)
    content = (
        b"external_id,name,postcode,summary,town,price_per_hour\n"
        b"part-1,Grays Helping Hands,RM17 5SW,Help at home and in the garden.,Grays,25.00\n"
    )

    dry_run = dry_run_then_import(client, content)

    assert "summary, price_per_hour" in dry_run
    page = ProviderPage.objects.get(external_id="part-1")
    assert page.summary == "Help at home and in the garden." and str(page.price_per_hour) == "25.00"
    assert page.description == "<p>We help at home.</p>"
    assert page.travel_radius_miles == 12
    assert (page.phone, page.show_phone) == ("01375 111111", True)
    assert (page.email, page.show_email) == ("hands@example.org", True)
    assert page.website == "https://hands.example.org/"
    assert [k.slug for k in page.support_kinds.all()] == ["personal-care"]
    assert [c.pk for c in page.councils_covered.all()] == ["E06000034"]


def test_an_empty_cell_in_a_column_given_still_clears_the_field(client, place, moderator):
    existing_listing(place)
    client.force_login(moderator)
    content = (
        b"external_id,name,postcode,website,support_kinds\npart-1,Grays Helping Hands,RM17 5SW,,\n"
    )

    dry_run = dry_run_then_import(client, content)

    assert "website, support_kinds" in dry_run
    page = ProviderPage.objects.get(external_id="part-1")
    assert page.website == "" and not page.support_kinds.exists()
    assert page.summary == "Help at home." and page.phone == "01375 111111"


def test_fields_left_out_of_an_oruk_service_leave_those_fields_as_they_are(
    client, place, moderator
):
    existing_listing(place)
    client.force_login(moderator)
    service = {
        "id": "part-1",
        "name": "Grays Helping Hands",
        "alternate_name": "Help at home and in the garden.",
        "service_at_locations": [
            {"location": {"addresses": [{"postal_code": "RM17 5SW", "city": "Grays"}]}}
        ],
    }

    dry_run = dry_run_then_import(
        client, json.dumps({"contents": [service]}).encode(), name="feed.json"
    )

    assert "<td>summary</td>" in dry_run
    page = ProviderPage.objects.get(external_id="part-1")
    assert page.summary == "Help at home and in the garden."
    assert page.description == "<p>We help at home.</p>"
    assert (page.phone, page.email, page.website) == (
        "01375 111111",
        "hands@example.org",
        "https://hands.example.org/",
    )
    assert page.travel_radius_miles == 12 and str(page.price_per_hour) == "20.00"
    assert [k.slug for k in page.support_kinds.all()] == ["personal-care"]
    assert [c.pk for c in page.councils_covered.all()] == ["E06000034"]


def test_an_oruk_service_with_empty_phones_clears_the_phone(client, place, moderator):
    existing_listing(place)
    client.force_login(moderator)
    service = {
        "id": "part-1",
        "name": "Grays Helping Hands",
        "phones": [],
        "service_at_locations": [
            {"location": {"addresses": [{"postal_code": "RM17 5SW", "city": "Grays"}]}}
        ],
    }

    dry_run_then_import(client, json.dumps([service]).encode(), name="feed.json")

    page = ProviderPage.objects.get(external_id="part-1")
    assert page.phone == "" and page.email == "hands@example.org"
