"""A listing's base postcode is private: the directory places a listing at the centre of
its outward code, so no distance the search or the API gives away measures the way to
the provider's door (found by a reviewer: bisecting the API's proximity from three
postcodes recovered a sole trader's exact postcode)."""

from providers.geography.models import OutwardCode
from providers.geography.selectors import lookup_postcode, published_point
from tests import builders

SEARCH = "/find-support/"
API = "/api/openreferral/services"


def test_listings_are_placed_at_the_centre_of_their_outward_code(directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, postcode="RM17 5SW")
    centre = OutwardCode.objects.get(pk="RM17")

    assert (page.easting, page.northing) == (centre.easting, centre.northing)
    assert (page.easting, page.northing) != (562611, 179177)  # RM17 5SW's own point


def test_two_providers_in_one_outward_code_are_the_same_distance_away(
    client, directory, thurrock_postcodes
):
    builders.build_provider(directory=directory, title="At 5SW", postcode="RM17 5SW")
    builders.build_provider(directory=directory, title="At 6SL", postcode="RM17 6SL")

    html = client.get(SEARCH, {"postcode": "RM20 3LP"}).content.decode()

    assert html.count("About 3 miles away") == 2


def test_the_api_cannot_pin_a_provider_to_its_postcode(client, directory, thurrock_postcodes):
    builders.build_provider(directory=directory, title="Home Helper", postcode="RM17 6SL")

    def found(postcode, metres):
        query = {"postcode": postcode, "proximity": str(metres)}
        return client.get(API, query).json()["total_items"]

    assert found("RM17 6SL", 100) == 0  # its own postcode: 915 m from the centre of RM17
    assert found("RM17 6SL", 1000) == 1


def test_without_an_outward_code_row_the_point_is_rounded_to_2_km(thurrock_postcodes):
    location = lookup_postcode("RM17 5SW")
    OutwardCode.objects.filter(pk="RM17").delete()

    assert published_point(location=location) == (562000, 180000)
