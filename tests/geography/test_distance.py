import pytest

from providers.geography.selectors import distance_metres, lookup_postcode, metres_to_miles
from tests.geography.grid import great_circle_metres, grid_to_latlon

# Council centroids published with both a grid reference and a WGS84 latitude and
# longitude (mySociety's uk_local_authorities.csv: x, y, lat, long), copied here so the
# test does not depend on that file: an expectation computed independently of the grid.
CENTROIDS = {
    "Thurrock": (564799.97, 181231.06, 51.5059837191, 0.3732046175),
    "Southend-on-Sea": (589327.65, 185656.06, 51.5380480893, 0.728596042),
    "Westminster": (527745.70, 180994.51, 51.5134418835, -0.1604557185),
    "Cardiff": (316844.45, 179516.76, 51.5084384278, -3.1995849946),
    "Cornwall": (199197.38, 60015.68, 50.4056210886, -4.8272121848),
    "Highland": (234361.25, 857037.43, 57.5729388377, -4.7713907804),
    "Shetland Islands": (441213.07, 1168115.77, 60.3948607564, -1.254021698),
}
CENTROID_PAIRS = [
    ("Thurrock", "Southend-on-Sea"),
    ("Thurrock", "Westminster"),
    ("Thurrock", "Cardiff"),
    ("Cornwall", "Shetland Islands"),
    ("Cardiff", "Highland"),
]
POSTCODE_PAIRS = [
    ("RM17 6SL", "SS1 1AA"),  # about 28 km
    ("RM17 5SW", "RM17 6SL"),  # under 2 km
    ("RM17 6SL", "SW1A 2AA"),  # about 32 km
    ("RM17 5SW", "CF10 1EP"),  # Thurrock to Cardiff, about 245 km
]


def _grid(a: tuple, b: tuple) -> float:
    return distance_metres(from_easting=a[0], from_northing=a[1], to_easting=b[0], to_northing=b[1])


@pytest.mark.parametrize(("first", "second"), CENTROID_PAIRS)
def test_grid_distance_within_one_percent_of_published_lat_longs(first, second):
    a, b = CENTROIDS[first], CENTROIDS[second]
    expected = great_circle_metres(a[2], a[3], b[2], b[3])
    assert _grid(a, b) == pytest.approx(expected, rel=0.01)


@pytest.mark.parametrize(("first", "second"), POSTCODE_PAIRS)
def test_postcode_distance_within_one_percent_of_great_circle(thurrock_postcodes, first, second):
    a, b = lookup_postcode(first), lookup_postcode(second)
    expected = great_circle_metres(
        *grid_to_latlon(a.easting, a.northing), *grid_to_latlon(b.easting, b.northing)
    )
    got = distance_metres(
        from_easting=a.easting,
        from_northing=a.northing,
        to_easting=b.easting,
        to_northing=b.northing,
    )
    assert got == pytest.approx(expected, rel=0.01)


def test_inverse_projection_agrees_with_published_lat_longs():
    # Guards the independent check itself: OSGB36 and WGS84 differ by ~100 m here.
    for easting, northing, lat, lon in CENTROIDS.values():
        got_lat, got_lon = grid_to_latlon(easting, northing)
        assert got_lat == pytest.approx(lat, abs=0.01)
        assert got_lon == pytest.approx(lon, abs=0.01)


def test_thurrock_to_cardiff_is_about_150_miles(thurrock_postcodes):
    a, b = lookup_postcode("RM17 5SW"), lookup_postcode("CF10 1EP")
    metres = distance_metres(
        from_easting=a.easting,
        from_northing=a.northing,
        to_easting=b.easting,
        to_northing=b.northing,
    )
    assert 240_000 < metres < 250_000
    assert metres_to_miles(metres) == pytest.approx(metres / 1609.344)
    assert 149 < metres_to_miles(metres) < 156


def test_distance_is_symmetric_and_zero_to_itself():
    assert distance_metres(from_easting=1, from_northing=2, to_easting=1, to_northing=2) == 0
    assert distance_metres(from_easting=0, from_northing=0, to_easting=3, to_northing=4) == 5
    assert distance_metres(from_easting=3, from_northing=4, to_easting=0, to_northing=0) == 5
    assert metres_to_miles(1609.344) == pytest.approx(1)
