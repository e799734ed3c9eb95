"""The Open Referral API's filters: text, taxonomy terms, modified_after, and postcode
coverage and proximity, alone and combined."""

import datetime

import time_machine
from django.utils import timezone

from directory.openreferral import ids
from directory.openreferral.taxonomy import Taxonomies
from providers.models import SupportKind
from tests import builders

from .test_api import get, names


def test_text_filter(client, listings):
    assert names(get(client, "services", text="day club")[1]) == ["Southend Day Club"]
    assert names(get(client, "services", search="SHARED")[1]) == ["Essex Shared Lives"]
    assert get(client, "services", text="nothing like this")[1]["empty"] is True


def test_taxonomy_term_filter(client, listings):
    personal_care = SupportKind.objects.get(slug="personal-care")
    term = ids.term_id("support_kinds", personal_care.pk)
    assert names(get(client, "services", taxonomy_term_id=term)[1]) == ["Grays Home Help"]
    shared_lives = Taxonomies().provider_kind("shared_lives").id
    assert names(get(client, "services", taxonomy_term_id=shared_lives)[1]) == [
        "Essex Shared Lives"
    ]
    # Every term id listed by /taxonomy_terms is one the filter understands.
    listed = {t["id"] for t in get(client, "taxonomy_terms", per_page=200)[1]["contents"]}
    assert term in listed and shared_lives in listed
    unknown = "00000000-0000-4000-8000-000000000000"
    assert get(client, "services", taxonomy_term_id=unknown)[1]["total_items"] == 0


def test_modified_after(client, listings):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=30)):
        listings["premises"].save_revision().publish()  # last published a month ago
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    assert "Southend Day Club" not in names(get(client, "services", modified_after=since)[1])
    assert len(get(client, "services", modified_after="2000-01-01T00:00:00Z")[1]["contents"]) == 3
    for good in ("2000-01-01", "2000-01-01T00:00:00+01:00", "2000-01-01t00:00:00.5z"):
        assert get(client, "services", modified_after=good)[0].status_code == 200
    for bad in ("", "2000-02-30", "2000-01-01 00:00:00"):
        assert get(client, "services", modified_after=bad)[0].status_code == 400
    response, body = get(client, "services", modified_after="last tuesday")
    assert response.status_code == 400 and body["parameter"] == "modified_after"


def test_postcode_coverage_and_proximity(client, listings):
    # SS0 7AB: within Grays Home Help's councils (Southend), not its 10-mile radius;
    # within Essex Shared Lives' 30 miles of Chelmsford; Southend Day Club has no radius
    # and no councils, so it covers nobody by coverage.
    covering = names(get(client, "service_at_locations", postcode="SS0 7AB")[1])
    assert covering == ["Essex Shared Lives", "Grays Home Help"]
    near = get(client, "services", postcode="SS0 7AB", proximity="5000")[1]
    assert names(near) == ["Southend Day Club"]
    # Other filters combine with the geography (the directory search does both).
    both = get(client, "services", postcode="SS0 7AB", text="shared lives")[1]
    assert names(both) == ["Essex Shared Lives"]
    personal_care = ids.term_id("support_kinds", SupportKind.objects.get(slug="personal-care").pk)
    assert names(
        get(client, "services", postcode="SS0 7AB", taxonomy_term_id=personal_care)[1]
    ) == ["Grays Home Help"]
    since = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert get(client, "services", postcode="SS0 7AB", modified_after=since)[1]["empty"] is True
    # A well-formed postcode we do not know covers nothing; a malformed one is refused.
    response, body = get(client, "services", postcode="ZZ99 9ZZ")
    assert response.status_code == 200 and body["empty"] is True
    response, body = get(client, "services", postcode="not a postcode")
    assert response.status_code == 400 and body["parameter"] == "postcode"
    # proximity means nothing without a postcode, so it is ignored.
    assert get(client, "services", proximity="100")[1]["total_items"] == 3
    for bad in ("-1", "nan", "abc", "1e9"):
        assert get(client, "services", postcode="RM17 5SW", proximity=bad)[0].status_code == 400


def test_several_terms_of_one_taxonomy_mean_all_of_them_with_or_without_a_postcode(
    client, directory, listings
):
    builders.build_provider(
        directory=directory,
        title="Grays Care and Transport",
        postcode="RM17 5SW",
        travel_radius_miles=20,
        support_kinds=["personal-care", "transport"],
    )
    both = ",".join(
        ids.term_id("support_kinds", SupportKind.objects.get(slug=slug).pk)
        for slug in ("transport", "personal-care")
    )
    assert names(get(client, "services", taxonomy_term_id=both)[1]) == ["Grays Care and Transport"]
    for place in ({"postcode": "RM17 6SL"}, {"postcode": "RM17 6SL", "proximity": "20000"}):
        found = get(client, "services", taxonomy_term_id=both, **place)[1]
        assert names(found) == ["Grays Care and Transport"], place
