"""British National Grid (OSGB36 easting/northing, metres) to WGS84 latitude/longitude.

The Ordnance Survey's transverse Mercator inverse on the Airy 1830 ellipsoid, then a
seven-parameter Helmert shift to WGS84: within about 5 metres across Great Britain,
far finer than the outward-code centroids we publish for home-based providers."""

import math

_AIRY = (6377563.396, 6356256.909)
_GRS80 = (6378137.000, 6356752.3141)
_F0 = 0.9996012717
_LAT0 = math.radians(49)
_LON0 = math.radians(-2)
_N0, _E0 = -100000.0, 400000.0
# OSGB36 -> WGS84 (metres, arc-seconds, ppm)
_TX, _TY, _TZ = 446.448, -125.157, 542.060
_RX, _RY, _RZ = (math.radians(s / 3600) for s in (0.1502, 0.2470, 0.8421))
_S = -20.4894e-6


def _meridional_arc(b, n, lat):
    dlat, slat = lat - _LAT0, lat + _LAT0
    return (
        b
        * _F0
        * (
            (1 + n + 1.25 * n**2 + 1.25 * n**3) * dlat
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dlat) * math.cos(slat)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dlat) * math.cos(2 * slat)
            - 35 / 24 * n**3 * math.sin(3 * dlat) * math.cos(3 * slat)
        )
    )


def _grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    a, b = _AIRY
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = _LAT0, 0.0
    while True:
        lat = (northing - _N0 - m) / (a * _F0) + lat
        m = _meridional_arc(b, n, lat)
        if abs(northing - _N0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * _F0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * _F0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos_lat
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    de = easting - _E0
    lat = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon = _LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return lat, lon


def _to_cartesian(lat, lon, ellipsoid):
    a, b = ellipsoid
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return (
        nu * math.cos(lat) * math.cos(lon),
        nu * math.cos(lat) * math.sin(lon),
        (1 - e2) * nu * math.sin(lat),
    )


def _from_cartesian(x, y, z, ellipsoid):
    a, b = ellipsoid
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return lat, math.atan2(y, x)


def grid_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """(latitude, longitude) in decimal degrees, rounded to 5 places (about 1 metre)."""
    lat, lon = _grid_to_osgb36(easting, northing)
    x, y, z = _to_cartesian(lat, lon, _AIRY)
    x2 = _TX + (1 + _S) * x - _RZ * y + _RY * z
    y2 = _TY + _RZ * x + (1 + _S) * y - _RX * z
    z2 = _TZ - _RY * x + _RX * y + (1 + _S) * z
    lat, lon = _from_cartesian(x2, y2, z2, _GRS80)
    return round(math.degrees(lat), 5), round(math.degrees(lon), 5)
