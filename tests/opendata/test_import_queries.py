"""The bulk import's dry run makes as many queries for a long file as for a short one:
postcodes are looked up all at once, and the listings the file updates are read with
their vocabularies all at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.imports import services
from providers.imports.readers import read
from providers.models import ProviderPage

from .test_import import upload

HEADER = (
    "external_id,name,postcode,kind,summary,town,support_kinds,audiences,access_features,"
    "languages,payment_methods,councils_covered,price_per_hour,travel_radius_miles\n"
)
POSTCODES = ["RM17 5SW", "ss1 1aa", "RM203LP", "RM17 6SL", "CM1 1QH", "SW1A 2AA", "EC1A 1BB"]


def rows(count: int) -> bytes:
    lines = [
        f"q-{n},Carer {n},{POSTCODES[n % len(POSTCODES)]},micro_enterprise,Help at home.,"
        "Grays,personal-care;transport,older-people,bsl,pl,direct-payment,Thurrock;E06000033,"
        f"{20 + n}.50,10\n"
        for n in range(count)
    ]
    return (HEADER + "".join(lines)).encode()


def dry_run_queries(client, content: bytes, *, publish: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = upload(client, content, publish=publish)
    assert response.status_code == 200
    assert "Dry run of listings.csv" in response.content.decode()
    return len(queries)


def test_a_dry_run_of_new_rows_makes_as_many_queries_for_8_rows_as_for_2(client, place, moderator):
    client.force_login(moderator)
    upload(client, rows(1))  # session and caches filled

    two = dry_run_queries(client, rows(2), publish="live")
    eight = dry_run_queries(client, rows(8), publish="live")

    assert eight == two
    assert services.plan(read(rows(8), filename="x.csv"), publish=True).counts["create"] == 8


@pytest.mark.parametrize("change", [False, True])
def test_a_dry_run_of_existing_rows_makes_as_many_queries_for_8_rows_as_for_2(
    client, place, moderator, change
):
    services.apply(
        read(rows(8), filename="x.csv"), mode=services.ALL_OR_NOTHING, publish=True, user=moderator
    )
    if change:  # every listing's vocabularies differ from the file's
        for page in ProviderPage.objects.filter(external_id__startswith="q-"):
            page.languages = []
            page.save_revision().publish()
    client.force_login(moderator)
    upload(client, rows(1))

    two = dry_run_queries(client, rows(2), publish="live")
    eight = dry_run_queries(client, rows(8), publish="live")

    assert eight == two
    result = services.plan(read(rows(8), filename="x.csv"), publish=True)
    expected = "update" if change else "unchanged"
    assert result.counts[expected] == 8
    if change:
        assert {tuple(item.changes) for item in result.rows} == {("languages",)}
        services.apply(
            read(rows(8), filename="x.csv"), mode=services.VALID_ROWS, publish=True, user=None
        )
        pages = ProviderPage.objects.filter(external_id__startswith="q-")
        assert {page.languages.get().slug for page in pages} == {"pl"}
