"""The admin's list of listing claims."""

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
