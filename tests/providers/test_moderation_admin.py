"""The moderators' admin views: the provider listing (filters, narrow search, export)
and check verification. Providers and anonymous visitors never get in."""

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import builders

from .admin_edit import edit_form_data

LISTING_URL = reverse("provider_listings:index")
CHECKS_URL = reverse("provider_checks:index")


def names(response):
    html = response.content.decode()
    titles = [
        "Grays Companions",
        "Southend Shared Lives",
        "Cardiff Care Co",
        "Draft Helpers",
        "Pending Changes Ltd",
        "Awaiting Approval",
    ]
    return {title for title in titles if title in html}


@pytest.mark.parametrize("url", [LISTING_URL, CHECKS_URL])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", [LISTING_URL, CHECKS_URL])
def test_providers_cannot_reach_the_admin_views(client, listings, url):
    provider = builders.build_user()
    client.force_login(provider)

    response = client.get(url)
    export = client.get(url, {"export": "csv"})

    assert response.status_code in (302, 403)
    assert export.status_code in (302, 403)
    assert "Grays Companions" not in response.content.decode()
    assert b"Grays Companions" not in export.getvalue()


@pytest.mark.parametrize("url", [LISTING_URL, CHECKS_URL])
def test_moderators_see_the_views(client, moderator, listings, url):
    client.force_login(moderator)

    response = client.get(url)

    assert response.status_code == 200
    assert "Grays Companions" in response.content.decode()


def test_the_listing_shows_every_provider(client, moderator, listings):
    client.force_login(moderator)

    assert names(client.get(LISTING_URL)) == {
        "Grays Companions",
        "Southend Shared Lives",
        "Cardiff Care Co",
        "Draft Helpers",
        "Pending Changes Ltd",
        "Awaiting Approval",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "shared_lives"}, {"Southend Shared Lives"}),
        ({"state": "draft"}, {"Draft Helpers"}),
        ({"state": "awaiting"}, {"Awaiting Approval"}),
        ({"state": "changes_pending"}, {"Pending Changes Ltd"}),
        (
            {"state": "live"},
            {"Grays Companions", "Southend Shared Lives", "Cardiff Care Co"},
        ),
        ({"council": "W06000015"}, {"Cardiff Care Co"}),
        ({"region": "E12000006", "kind": "shared_lives"}, {"Southend Shared Lives"}),
        ({"stale": "yes"}, {"Southend Shared Lives"}),
        ({"check_expiring": "yes"}, {"Grays Companions"}),
        ({"q": "care co"}, {"Cardiff Care Co"}),
        ({"q": "CARE CO", "kind": "micro_enterprise"}, {"Cardiff Care Co"}),
    ],
)
def test_filters_and_search(client, moderator, listings, params, expected):
    client.force_login(moderator)

    response = client.get(LISTING_URL, params)

    assert response.status_code == 200
    assert names(response) == expected


def test_rejected_listings_can_be_found(client, moderator, listings):
    page = listings["awaiting"]
    page.current_workflow_task_state.reject(user=moderator, comment="Add prices.")
    client.force_login(moderator)

    assert names(client.get(LISTING_URL, {"state": "rejected"})) == {"Awaiting Approval"}
    assert "Awaiting Approval" not in names(client.get(LISTING_URL, {"state": "awaiting"}))


def test_search_uses_a_plain_title_match_not_the_relevance_index(client, moderator, listings):
    client.force_login(moderator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(LISTING_URL, {"q": "grays"})

    assert names(response) == {"Grays Companions"}
    sql = " ".join(q["sql"].lower() for q in queries.captured_queries)
    assert "wagtailsearch" not in sql


def test_an_unknown_filter_value_is_ignored_not_an_error(client, moderator, listings):
    client.force_login(moderator)

    response = client.get(LISTING_URL, {"state": "nonsense", "council": "X", "ordering": "y"})

    assert response.status_code == 200


def test_the_listing_query_count_does_not_grow_with_the_page(
    client, moderator, directory, thurrock_postcodes, django_assert_max_num_queries
):
    client.force_login(moderator)
    builders.build_provider(directory=directory)
    client.get(LISTING_URL)  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get(LISTING_URL)
    one_listing = len(few.captured_queries)
    assert one_listing <= 25
    for _ in range(15):
        builders.build_provider(directory=directory)
    client.get(LISTING_URL)  # publishing renewed the cached shell (and the site lookup)

    with django_assert_max_num_queries(one_listing):
        response = client.get(LISTING_URL)

    assert response.content.decode().count("Provider ") >= 16


def test_csv_export_has_the_filtered_rows_and_neutralises_formulas(
    client, moderator, directory, listings
):
    builders.build_provider(
        directory=directory, title='=HYPERLINK("http://evil.example","Click")', phone="+441234"
    )
    client.force_login(moderator)

    response = client.get(LISTING_URL, {"export": "csv", "kind": "micro_enterprise"})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    titles = {row["Name"] for row in rows}
    assert "Southend Shared Lives" not in titles
    assert "Grays Companions" in titles
    assert '\'=HYPERLINK("http://evil.example","Click")' in titles
    evil = next(row for row in rows if row["Name"].startswith("'="))
    assert evil["Phone"] == "'+441234"
    grays = next(row for row in rows if row["Name"] == "Grays Companions")
    assert grays["Kind"] == "Micro-enterprise"
    assert grays["State"] == "Live"
    assert grays["Council"] == "Thurrock"
    assert grays["Region"] == "East of England"
    assert "base_postcode" not in rows[0] and "RM17 5SW" not in response.getvalue().decode()


def test_xlsx_export_neutralises_formulas(client, moderator, directory, thurrock_postcodes):
    builders.build_provider(directory=directory, title="=1+2")
    client.force_login(moderator)

    response = client.get(LISTING_URL, {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert values[0] == "'=1+2"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("groups", [("Analysts",), ("Survey administrators",)])
def test_staff_who_cannot_use_the_listings_menu_do_not_see_it(client, home, groups):
    client.force_login(builders.build_user(groups=groups))

    html = client.get("/admin/").content.decode()

    assert client.get("/admin/provider-listings/").status_code in (302, 403)
    assert '"label": "Provider listings"' not in html
    assert '"label": "Listings"' not in html


def test_moderators_see_every_item_of_the_listings_menu(client, home, moderator):
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    for label in ("Listings", "Provider listings", "Checks to verify", "Problem reports"):
        assert f'"label": "{label}"' in html


def test_csv_export_opens_cleanly_in_excel(client, moderator, directory, thurrock_postcodes):
    listing = builders.build_provider(
        directory=directory,
        title="Café £5",
        last_confirmed_at=datetime(2026, 12, 7, 14, 5, 33, 123456, tzinfo=UTC),
    )
    builders.build_provider(directory=directory, title="Full Up", taking_new_people=False)
    client.force_login(moderator)

    body = client.get(LISTING_URL, {"export": "csv"}).getvalue()

    assert body.startswith("\ufeff".encode())
    rows = {row["Name"]: row for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))}
    assert rows["Café £5"]["Taking on new people"] == "Yes"
    assert rows["Full Up"]["Taking on new people"] == "No"
    assert rows["Café £5"]["Last confirmed"] == "7 December 2026 14:05"
    assert ".123456" not in body.decode("utf-8-sig")
    assert rows["Café £5"]["Public address"] == f"http://testserver{listing.url}"


def test_live_listings_with_draft_changes_not_submitted_can_be_found(client, moderator, listings):
    """A draft saved over a live listing (by a draft import, or in the editor) is neither
    plain "Live" nor awaiting approval: it has its own state, to filter by."""
    client.force_login(moderator)
    page = listings["cardiff"]
    data = edit_form_data(client, page, summary="A draft change.")
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    found = client.get(LISTING_URL, {"state": "unapproved_changes"})

    assert names(found) == {"Cardiff Care Co"}
    assert "Live, with changes not yet approved" in found.content.decode()
    assert "Cardiff Care Co" not in names(client.get(LISTING_URL, {"state": "live"}))
