"""Rebuild providers/geography/data/councils.csv from the public reference lists.

Run by hand when local government changes (then add a data migration that reloads it):
    .venv/bin/python bench/build_councils_csv.py ../shared/reference/geography
The product never reads the reference folder at run time; only this committed CSV.
"""

import csv
import sys
from pathlib import Path

NATION_CODES = {
    "Wales": "W92000004",
    "Scotland": "S92000003",
    "Northern Ireland": "N92000002",
}
FIELDS = [
    "district_code",
    "district_name",
    "council_code",
    "council_name",
    "region_code",
    "region_name",
    "nation",
]
OUT = Path(__file__).resolve().parent.parent / "providers" / "geography" / "data" / "councils.csv"


def rows(reference: Path):
    with open(reference / "la_all_codes.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["Current"] != "TRUE":
                continue
            nation = r["CTRYNM"]
            region_code, region_name = r["RGNCD"], r["RGNNM"]
            if nation != "England":
                region_code, region_name = NATION_CODES[nation], nation
            if not (region_code and region_name and r["UTLACD"] and r["UTLANM"]):
                raise ValueError(f"incomplete row for {r['LADCD']}")
            yield {
                "district_code": r["LADCD"],
                "district_name": r["LADNM"],
                "council_code": r["UTLACD"],
                "council_name": r["UTLANM"],
                "region_code": region_code,
                "region_name": region_name,
                "nation": nation,
            }


def main(reference: Path) -> None:
    out = sorted(rows(reference), key=lambda r: r["district_code"])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} districts, {len({r['council_code'] for r in out})} councils -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/reference/geography"))
