"""The admin's list of listing claims."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.models import ListingClaim
from tests import builders

pytestmark = pytest.mark.django_db

CLAIMS = "/admin/listing-claims/"


def build_claim(directory, n):
    page = builders.build_provider(directory=directory, title=f"Claimed Care {n}")
    return ListingClaim.objects.create(
        page=page, claimant=builders.build_user(username=f"claimant{n}@example.org"), message="Mine"
    )


def test_the_claims_list_query_count_does_not_grow_with_the_claims(
    client, directory, thurrock_postcodes, django_assert_max_num_queries
):
    client.force_login(builders.build_user(groups=["Moderators"]))
    build_claim(directory, 0)
    client.get(CLAIMS)  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as one_claim:
        client.get(CLAIMS)
    most = len(one_claim.captured_queries)
    for n in range(1, 11):
        build_claim(directory, n)
    client.get(CLAIMS)  # publishing renewed the cached shell (and the site lookup)

    with django_assert_max_num_queries(most):
        html = client.get(CLAIMS).content.decode()

    assert html.count("Claimed Care ") == 11
    assert "claimant10@example.org" in html


def test_a_moderator_exports_the_claims_as_the_list_shows_them(
    client, directory, thurrock_postcodes
):
    claim = build_claim(directory, 1)
    claim.message = "I run it: call me on 07700 900123."
    claim.save()
    client.force_login(builders.build_user(groups=["Moderators"]))

    response = client.get(CLAIMS, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    book = openpyxl.load_workbook(io.BytesIO(client.get(CLAIMS, {"export": "xlsx"}).getvalue()))
    heading, values = book.active.iter_rows(values_only=True)

    assert 'filename="listing-claims.csv"' in response["Content-Disposition"]
    assert list(row) == ["Listing", "Claimed by", "Status", "Claimed"]
    assert row["Listing"] == "Claimed Care 1"
    assert row["Claimed by"] == "claimant1@example.org"
    assert row["Status"] == "Waiting for a decision"
    assert row["Claimed"].startswith(str(claim.created_at.date()))
    assert list(heading) == list(row)
    assert values[:3] == ("Claimed Care 1", "claimant1@example.org", "Waiting for a decision")
    assert "07700" not in text
