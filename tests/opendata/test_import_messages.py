"""The import report reads as plain sentences: no field name before a problem with the
whole row, values in typographic quotes, and files in the wrong form (semicolons, a huge
cell, an Excel workbook) told apart with what to do."""

import html
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.models import ListingMembership
from tests import builders


def upload(client, content, *, name="listings.csv"):
    response = client.post(
        "/admin/import-listings/",
        {"file": SimpleUploadedFile(name, content), "publish": "draft"},
    )
    return html.unescape(response.content.decode())


def test_a_claimed_listing_is_reported_without_a_field_name_before_it(client, place, moderator):
    page = builders.build_provider(directory=place, title="Claimed Carer", external_id="msg-1")
    ListingMembership.objects.create(user=builders.build_user(), page=page, role="owner")
    client.force_login(moderator)

    report = upload(client, b"external_id,name,postcode\nmsg-1,Claimed Carer,RM17 5SW\n")

    assert "This listing has been claimed by its provider" in report
    assert "external_id this listing" not in report


def test_values_are_quoted_typographically_not_as_python_reprs(client, place, moderator):
    client.force_login(moderator)

    report = upload(
        client,
        b"external_id,name,postcode,support_kinds\nmsg-2,Ann,RM17,No Such Term\nmsg-2,Bob,RM17 5SW,\n",
    )

    assert "“RM17” is not a known full UK postcode" in report
    assert "“No Such Term” is not one of our terms" in report
    assert "“msg-2” is also on line 2" in report
    assert "'RM17'" not in report


def test_a_semicolon_separated_file_is_told_to_be_comma_separated(client, place, moderator):
    client.force_login(moderator)

    report = upload(client, b"external_id;name;postcode\nmsg-3;Ann;RM17 5SW\n")

    assert "comma-separated" in report and "semicolons" in report
    assert "missing the column" not in report


def test_a_cell_over_the_csv_field_limit_is_reported_with_its_line(client, place, moderator):
    client.force_login(moderator)
    huge = b"x" * 140_000

    report = upload(
        client, b"external_id,name,postcode,description\nmsg-4,Ann,RM17 5SW," + huge + b"\n"
    )

    assert "Line 2 has a cell longer than 128 KB" in report
    assert "field limit" not in report


def test_an_excel_workbook_is_told_to_be_saved_as_csv(client, place, moderator):
    client.force_login(moderator)
    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")

    report = upload(client, workbook.getvalue(), name="listings.xlsx")

    assert "looks like an Excel workbook" in report and "CSV UTF-8" in report
    assert "not UTF-8" not in report


MILES = "must be a whole number of miles from 1 to 50"


@pytest.mark.parametrize(
    ("radius", "message"),
    [("²", MILES), ("١٠", MILES), ("9" * 5000, "is longer than 1000 characters")],
    ids=["superscript", "arabic", "too long"],
)
def test_a_travel_radius_that_is_not_plain_digits_is_a_bad_row(
    client, place, moderator, radius, message
):
    client.force_login(moderator)
    content = f"external_id,name,postcode,travel_radius_miles\nr-1,Ann,RM17 5SW,{radius}\n"

    report = upload(client, content.encode())

    assert message in report
