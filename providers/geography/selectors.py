"""The geography public API: normalise and look up postcodes, measure distance.

Distances are straight lines on the British National Grid (metres), accurate to well
under 1% across Great Britain. Northern Ireland postcodes are on the same grid in
the ONS file, so the same arithmetic applies (less exactly across the Irish Sea)."""

import math
import re
from dataclasses import dataclass

from .models import OutwardCode, Postcode

METRES_PER_MILE = 1609.344

# Outward code: area (1-2 letters), district digit, then an optional digit or letter.
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
FULL_POSTCODE = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})")
OUTWARD_CODE = re.compile(_OUTWARD)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Location:
    postcode: str  # "RM17 5SW", or the outward code "RM17" for an outward-only search
    outward: str  # "RM17"
    easting: int
    northing: int
    district_code: str
    district_name: str
    council_code: str  # upper-tier GSS code, e.g. "E06000034"
    council_name: str  # "Thurrock"
    region_code: str
    region_name: str
    is_outward_only: bool  # True when the input was an outward code alone (district centroid)


def normalise_postcode(raw: str) -> str | None:
    """ " rm175sw " -> "RM17 5SW"; "rm17" -> "RM17"; anything else -> None.
    Spaces may be anywhere (or absent); only ASCII letters and digits are accepted."""
    if not isinstance(raw, str):
        return None
    compact = _WHITESPACE.sub("", raw)
    if not compact.isascii() or len(compact) > 7:
        return None
    compact = compact.upper()
    if match := FULL_POSTCODE.fullmatch(compact):
        return f"{match[1]} {match[2]}"
    if OUTWARD_CODE.fullmatch(compact):
        return compact
    return None


def _location(row, *, postcode: str, outward: str, is_outward_only: bool) -> Location:
    district = row.district
    council = district.council
    return Location(
        postcode=postcode,
        outward=outward,
        easting=row.easting,
        northing=row.northing,
        district_code=district.gss_code,
        district_name=district.name,
        council_code=council.gss_code,
        council_name=council.name,
        region_code=council.region_code,
        region_name=council.region_name,
        is_outward_only=is_outward_only,
    )


def lookup_postcode(raw: str) -> Location | None:
    """A full postcode or an outward code alone; None if malformed or unknown."""
    return lookup_postcodes(raws=[raw])[raw]


def lookup_postcodes(*, raws) -> dict[str, Location | None]:
    """lookup_postcode of each of `raws`, by the text as given: one query for the full
    postcodes and one for the outward codes alone, however many there are."""
    normalised = {raw: normalise_postcode(raw) for raw in raws}
    wanted = {postcode for postcode in normalised.values() if postcode is not None}
    full = {postcode for postcode in wanted if " " in postcode}
    outward = wanted - full
    found = {}
    if full:
        rows = Postcode.objects.select_related("district__council").filter(pk__in=full)
        for row in rows:
            found[row.pk] = _location(
                row, postcode=row.pk, outward=row.pk.split(" ")[0], is_outward_only=False
            )
    if outward:
        rows = OutwardCode.objects.select_related("district__council").filter(pk__in=outward)
        for row in rows:
            found[row.pk] = _location(row, postcode=row.pk, outward=row.pk, is_outward_only=True)
    return {raw: found.get(postcode) for raw, postcode in normalised.items()}


def published_point(*, location: Location) -> tuple[int, int]:
    """Where the directory places a listing based at `location`: the centre of its
    outward code (the most its address ever shows), never the base postcode itself.
    Distances measured from the base postcode would give it away, a search or an API
    call at a time. Without an outward-code row (a partial postcode load), the
    postcode's point rounded to the nearest 2 km."""
    centre = OutwardCode.objects.filter(pk=location.outward).values_list("easting", "northing")
    if row := centre.first():
        return row
    return (2000 * round(location.easting / 2000), 2000 * round(location.northing / 2000))


def distance_metres(
    *, from_easting: int, from_northing: int, to_easting: int, to_northing: int
) -> float:
    """Straight-line distance on the grid, in metres."""
    return math.hypot(to_easting - from_easting, to_northing - from_northing)


def metres_to_miles(metres: float) -> float:
    return metres / METRES_PER_MILE
