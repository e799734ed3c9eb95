import pytest

from providers.geography.selectors import Location, lookup_postcode, lookup_postcodes
from tests import builders


def test_full_postcode_in_thurrock(thurrock_postcodes):
    assert lookup_postcode(" rm175sw ") == Location(
        postcode="RM17 5SW",
        outward="RM17",
        easting=562611,
        northing=179177,
        district_code="E06000034",
        district_name="Thurrock",
        council_code="E06000034",
        council_name="Thurrock",
        region_code="E12000006",
        region_name="East of England",
        is_outward_only=False,
    )


def test_outward_code_gives_centroid_of_its_postcodes(thurrock_postcodes):
    location = lookup_postcode("rm17")
    assert location.is_outward_only
    assert (location.postcode, location.outward) == ("RM17", "RM17")
    # RM17 5SW and RM17 6SL are the fixture's only RM17 postcodes.
    assert location.easting == round((562611 + 561480) / 2)
    assert location.northing == round((179177 + 177737) / 2)
    assert location.council_code == "E06000034"


def test_two_tier_district_gives_county_council(thurrock_postcodes):
    location = lookup_postcode("CM1 1QH")
    assert (location.district_code, location.district_name) == ("E07000070", "Chelmsford")
    assert (location.council_code, location.council_name) == ("E10000012", "Essex")
    assert (location.region_code, location.region_name) == ("E12000006", "East of England")


def test_london_borough(thurrock_postcodes):
    location = lookup_postcode("SW1A 2AA")
    assert location.council_code == "E09000033"
    assert (location.region_code, location.region_name) == ("E12000007", "London")


def test_welsh_postcode_has_nation_as_region(thurrock_postcodes):
    location = lookup_postcode("cf10 1ep")
    assert (location.council_code, location.council_name) == ("W06000015", "Cardiff")
    assert (location.region_code, location.region_name) == ("W92000004", "Wales")


def test_scottish_and_northern_irish_regions(db):
    builders.build_postcode(
        postcode="ZE1 0AA", easting=447759, northing=1141280, district_code="S12000027"
    )
    builders.build_postcode(
        postcode="BT1 5GS", easting=333832, northing=374014, district_code="N09000003"
    )
    shetland, belfast = lookup_postcode("ZE1 0AA"), lookup_postcode("BT1 5GS")
    assert (shetland.council_name, shetland.region_code) == ("Shetland Islands", "S92000003")
    assert (belfast.council_name, belfast.region_name) == ("Belfast", "Northern Ireland")


@pytest.mark.parametrize("raw", ["ZZ1 1ZZ", "RM99 9ZZ", "ZZ9", "RM18"])
def test_unknown_postcodes_and_outward_codes(thurrock_postcodes, raw):
    assert lookup_postcode(raw) is None


@pytest.mark.parametrize("raw", ["", "not a postcode", "RM17 5S", "12345", "RM17-5SW"])
def test_malformed_input(thurrock_postcodes, raw):
    assert lookup_postcode(raw) is None


def test_lookup_uses_one_query(thurrock_postcodes, django_assert_num_queries):
    with django_assert_num_queries(1):
        lookup_postcode("RM17 5SW")
    with django_assert_num_queries(1):
        lookup_postcode("RM17")


def test_many_lookups_take_two_queries_and_match_one_at_a_time(
    thurrock_postcodes, django_assert_num_queries
):
    raws = [" rm175sw ", "RM17 5SW", "ss1 1aa", "rm17", "CF10", "ZZ1 1ZZ", "RM18", "", "12345"]

    with django_assert_num_queries(2):
        found = lookup_postcodes(raws=raws)

    assert found == {raw: lookup_postcode(raw) for raw in raws}
    assert found["rm17"].is_outward_only and found["ZZ1 1ZZ"] is None
