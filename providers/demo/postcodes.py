"""The demo's own postcodes (postcodes.csv, committed): so the demo runs on an empty
postcode table, its rows are inserted when absent; a full ONS load is left untouched."""

import csv
from pathlib import Path

from providers.geography.models import OutwardCode, Postcode
from providers.geography.services import refresh_outward_code

from .records import PostcodeRow

POSTCODES_CSV = Path(__file__).with_name("postcodes.csv")


def read_postcodes() -> list[PostcodeRow]:
    with POSTCODES_CSV.open(newline="") as handle:
        return [
            PostcodeRow(r["postcode"], int(r["easting"]), int(r["northing"]), r["district_code"])
            for r in csv.DictReader(handle)
        ]


def ensure_postcodes(rows: list[PostcodeRow]) -> int:
    """Insert the demo postcodes that are not loaded yet (and their outward codes when
    missing); a full ONS load is left untouched. Returns the number inserted."""
    present = set(
        Postcode.objects.filter(postcode__in=[r.postcode for r in rows]).values_list(
            "postcode", flat=True
        )
    )
    missing = [r for r in rows if r.postcode not in present]
    Postcode.objects.bulk_create(
        [Postcode(r.postcode, r.easting, r.northing, r.district_code) for r in missing]
    )
    outwards = {r.postcode.split(" ")[0] for r in missing}
    known = set(OutwardCode.objects.filter(outward__in=outwards).values_list("outward", flat=True))
    for outward in sorted(outwards - known):
        refresh_outward_code(outward)
    return len(missing)
