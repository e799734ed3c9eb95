"""The Open Referral UK API: conformance to HSDS 3.0 / ORUK 3.0, filters, paging,
privacy of home-based providers, CORS and caching."""

import csv
import io
import json

import pytest

from directory.openreferral import ids
from tests import builders

from . import hsds

API = "/api/openreferral/"
needs_schemas = pytest.mark.skipif(not hsds.available(), reason=hsds.SKIP_REASON)


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def names(body):
    return sorted(item.get("name") or item["service"]["name"] for item in body["contents"])


@needs_schemas
@pytest.mark.parametrize(
    "endpoint", ["services", "service_at_locations", "taxonomies", "taxonomy_terms"]
)
def test_each_list_endpoint_conforms_to_hsds_and_oruk(client, listings, endpoint):
    response, body = get(client, endpoint, per_page=200)
    assert response.status_code == 200
    assert body["contents"], "an empty page would prove nothing"
    assert hsds.response_errors(endpoint, body) == []


@needs_schemas
def test_each_detail_endpoint_conforms(client, listings):
    for page in (listings["home_based"], listings["premises"], listings["shared_lives"]):
        response, body = get(client, f"services/{page.translation_key}")
        assert response.status_code == 200
        assert hsds.response_errors("service", body) == []
        assert body["attributes"] and body["service_at_locations"]
    taxonomy = get(client, "taxonomies")[1]["contents"][0]
    response, body = get(client, f"taxonomies/{taxonomy['id']}")
    assert response.status_code == 200 and hsds.response_errors("taxonomy", body) == []
    term = get(client, "taxonomy_terms")[1]["contents"][0]
    response, body = get(client, f"taxonomy_terms/{term['id']}")
    assert response.status_code == 200 and hsds.response_errors("taxonomy_term", body) == []


@needs_schemas
def test_schema_check_catches_a_broken_response():
    """The validator is not vacuous: a service without status, with a bad id, fails."""
    assert hsds.response_errors("service", {"id": "42", "name": "x"})


def test_index_points_at_the_openapi_description(client, db):
    response, body = get(client, "")
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/openreferral/openapi.json")
    response, openapi = get(client, "openapi.json")
    assert response.status_code == 200
    assert set(openapi["paths"]) >= {
        "/",
        "/services",
        "/services/{id}",
        "/service_at_locations",
        "/taxonomies",
        "/taxonomy_terms",
    }


def test_only_live_public_confirmed_listings(client, listings):
    _response, body = get(client, "services")
    assert names(body) == ["Essex Shared Lives", "Grays Home Help", "Southend Day Club"]
    for page in listings["hidden"]:
        response, _body = get(client, f"services/{page.translation_key}")
        assert response.status_code == 404


def test_private_listing_is_not_published(client, listings):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=listings["premises"], restriction_type="password", password="x"
    )
    _response, body = get(client, "services")
    assert "Southend Day Club" not in names(body)


def test_home_based_locations_are_generalised_to_the_outward_code(client, listings):
    _response, body = get(client, "service_at_locations", per_page=200)
    by_name = {item["service"]["name"]: item["location"] for item in body["contents"]}
    raw = json.dumps(body)
    for page in (listings["home_based"], listings["shared_lives"]):
        location = by_name[page.title]
        assert "addresses" not in location
        assert page.base_postcode not in raw  # never the full base postcode
    # Shared Lives: premises address given, but still only the area.
    assert "County Hall" not in raw
    # The coordinates are the outward-code centroid, not the base postcode's point.
    from directory.openreferral.wgs84 import grid_to_wgs84
    from providers.geography.models import OutwardCode

    rm17 = OutwardCode.objects.get(pk="RM17")
    assert (by_name["Grays Home Help"]["latitude"], by_name["Grays Home Help"]["longitude"]) == (
        grid_to_wgs84(rm17.easting, rm17.northing)
    )
    assert grid_to_wgs84(562611, 179177) != grid_to_wgs84(rm17.easting, rm17.northing)
    # Business premises are shown, at the premises' own postcode.
    premises = by_name["Southend Day Club"]
    assert premises["addresses"][0]["address_1"] == "Unit 3, Victoria Avenue"
    assert premises["addresses"][0]["postal_code"] == "SS0 7AB"
    assert (premises["latitude"], premises["longitude"]) == grid_to_wgs84(587470, 186532)


def test_contact_choices_are_respected(client, listings):
    _response, body = get(client, f"services/{listings['home_based'].translation_key}")
    assert body["phones"][0]["number"] == "01375 000000"
    assert "hidden@example.org" not in json.dumps(body)


def test_full_service_describes_terms_prices_schedules_and_coverage(client, listings):
    _response, body = get(client, f"services/{listings['home_based'].translation_key}")
    terms = {a["taxonomy_term"]["name"] for a in body["attributes"]}
    assert {
        "Personal care",
        "Older people",
        "Polish",
        "Direct Payment",
        "Micro-enterprise",
    } <= terms
    assert body["cost_options"][0]["amount"] == 22.5
    assert body["schedules"][0]["byday"] == "MO" and body["schedules"][0]["opens_at"] == "08:00:00"
    areas = {a["name"] for a in body["service_areas"]}
    assert "Southend-on-Sea" in areas
    assert any(a.startswith("Within 10 miles of") for a in areas)


def test_paging_envelope(client, listings):
    first = get(client, "services", per_page=2)[1]
    assert {k: first[k] for k in first if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    second = get(client, "services", per_page=2, page=2)[1]
    assert second["size"] == 1 and second["last_page"] is True and second["first_page"] is False
    seen = {s["id"] for s in first["contents"]} | {s["id"] for s in second["contents"]}
    assert len(seen) == 3
    beyond = get(client, "services", per_page=2, page=9)[1]
    assert beyond["contents"] == [] and beyond["size"] == 0 and beyond["empty"] is False
    for bad in (
        {"page": "0"},
        {"page": "x"},
        {"page": ""},
        {"page": " 2"},
        {"per_page": "1000"},
        {"per_page": "-5"},
    ):
        response, body = get(client, "services", **bad)
        assert response.status_code == 400 and body["error"]


def test_empty_directory(client, directory):
    body = get(client, "services")[1]
    assert body["empty"] is True and body["total_pages"] == 0 and body["last_page"] is True


def test_open_access_headers_and_cache(client, listings):
    response, body = get(client, "services")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public, max-age=")
    # A second request is served from the cache ...
    listings["premises"].unpublish()  # ... until a listing is unpublished
    assert "Southend Day Club" not in names(get(client, "services")[1])
    for refused in (client.post(API + "services"), client.generic("QUERY", API + "services")):
        assert refused.status_code == 405 and refused["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("path", ["services", "services/some-id", "taxonomy_terms", ""])
def test_a_cors_preflight_is_answered_so_browsers_may_call_the_api(client, db, path):
    response = client.options(
        API + path,
        headers={
            "Origin": "https://other-council.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept-language, x-requested-with",
        },
    )

    assert response.status_code == 204 and response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept-language, x-requested-with"
    assert int(response["Access-Control-Max-Age"]) >= 600
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_a_preflight_asking_for_malformed_headers_is_not_echoed(client, db):
    response = client.options(
        API + "services",
        headers={"Origin": "https://x.example", "Access-Control-Request-Headers": "a b, (c)"},
    )

    assert response.status_code == 204
    assert "(c)" not in response.get("Access-Control-Allow-Headers", "")


def test_unknown_ids_are_404_json(client, listings):
    for path in (
        "services/not-a-uuid",
        f"services/{ids.NAMESPACE}",
        "taxonomies/x",
        "taxonomy_terms/x",
    ):
        response, body = get(client, path)
        assert response.status_code == 404 and body["error"]


def test_list_pages_use_a_bounded_number_of_queries(
    client, listings, django_assert_max_num_queries
):
    for n in range(12):
        builders.build_provider(directory=listings["premises"].get_parent(), title=f"Extra {n}")
    with django_assert_max_num_queries(16):
        assert len(get(client, "services", per_page=200)[1]["contents"]) == 15
    with django_assert_max_num_queries(16):
        assert len(get(client, "service_at_locations", per_page=200)[1]["contents"]) == 15


def test_descriptions_are_plain_text_with_entities_decoded(client, directory, thurrock_postcodes):
    page = builders.build_provider(
        directory=directory,
        title="Tidy & Bright",
        description=(
            '<h2 data-block-key="a">Help at home</h2><p data-block-key="b">Cleaning &amp; '
            'shopping, <b>Monday</b>–Friday.<br/>Ask about "5 &lt; 10" hours.</p>'
            '<ul><li data-block-key="c">Gardening</li><li data-block-key="d">Pets</li></ul>'
        ),
    )
    expected = (
        'Help at home Cleaning & shopping, Monday–Friday. Ask about "5 < 10" hours. Gardening Pets'
    )
    assert get(client, "services")[1]["contents"][0]["description"] == expected
    assert get(client, f"services/{page.translation_key}")[1]["description"] == expected
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/data/providers.csv").getvalue().decode("utf-8-sig"))
        )
    )
    assert rows[0]["description"] == expected
