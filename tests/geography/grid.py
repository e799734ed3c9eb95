"""An independent check on grid distances: British National Grid -> OSGB36 latitude and
longitude (Ordnance Survey, "A guide to coordinate systems in Great Britain", annex C),
then great-circle distance on a sphere."""

import math

A, B = 6377563.396, 6356256.909  # Airy 1830
F0 = 0.9996012717
LAT0, LON0 = math.radians(49), math.radians(-2)
N0, E0 = -100_000, 400_000
E2 = 1 - (B * B) / (A * A)
N = (A - B) / (A + B)
EARTH_RADIUS = 6_371_008.8  # mean radius, metres


def _meridional_arc(lat: float) -> float:
    d, s = lat - LAT0, lat + LAT0
    return (
        B
        * F0
        * (
            (1 + N + 1.25 * N**2 + 1.25 * N**3) * d
            - (3 * N + 3 * N**2 + 21 / 8 * N**3) * math.sin(d) * math.cos(s)
            + (15 / 8 * N**2 + 15 / 8 * N**3) * math.sin(2 * d) * math.cos(2 * s)
            - 35 / 24 * N**3 * math.sin(3 * d) * math.cos(3 * s)
        )
    )


def grid_to_latlon(easting: float, northing: float) -> tuple[float, float]:
    lat, m = LAT0, 0.0
    while True:
        lat = (northing - N0 - m) / (A * F0) + lat
        m = _meridional_arc(lat)
        if abs(northing - N0 - m) < 0.00001:
            break
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = A * F0 / math.sqrt(1 - E2 * sin**2)
    rho = A * F0 * (1 - E2) / (1 - E2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    de = easting - E0
    lat = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon = LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return math.degrees(lat), math.degrees(lon)


def great_circle_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(h))
