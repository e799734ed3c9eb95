"""Loading postcodes into the database: raw, batched and in one transaction.

SQLite: executemany into the WITHOUT ROWID table, rows sorted by key.
PostgreSQL: COPY ... FROM STDIN through psycopg 3. Anything else: executemany.
Each run replaces the tables' whole contents, so a second run leaves identical rows."""

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Avg, Count

from . import ons
from .models import District, OutwardCode, Postcode

POSTCODE_TABLE = "geography_postcode"
OUTWARD_TABLE = "geography_outwardcode"
POSTCODE_COLUMNS = "(postcode, easting, northing, district_code)"
OUTWARD_COLUMNS = "(outward, easting, northing, district_code)"


@dataclass
class LoadResult:
    postcodes: int
    outward_codes: int
    seconds: float


@dataclass
class _OutwardTotals:
    easting: int = 0
    northing: int = 0
    count: int = 0
    districts: Counter = field(default_factory=Counter)


def _mode(districts: Counter) -> str:
    """The district holding most postcodes; the lowest code on a tie (deterministic)."""
    return min(districts.items(), key=lambda item: (-item[1], item[0]))[0]


def _accumulate(totals: dict[str, _OutwardTotals], rows: list[ons.Row]) -> None:
    for postcode, easting, northing, district in rows:
        t = totals.get(postcode[:-4])
        if t is None:
            t = totals[postcode[:-4]] = _OutwardTotals()
        t.easting += easting
        t.northing += northing
        t.count += 1
        t.districts[district] += 1


def _outward_rows(totals: dict[str, _OutwardTotals]) -> list[ons.Row]:
    return [
        (outward, round(t.easting / t.count), round(t.northing / t.count), _mode(t.districts))
        for outward, t in sorted(totals.items())
    ]


def _insert(cursor, table: str, columns: str, rows: list[ons.Row]) -> None:
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} {columns} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    batch = settings.GEOGRAPHY_LOAD_BATCH_SIZE
    sql = f"INSERT INTO {table} {columns} VALUES (%s, %s, %s, %s)"  # noqa: S608 (constants)
    for start in range(0, len(rows), batch):
        cursor.executemany(sql, rows[start : start + batch])


def _empty(cursor) -> None:
    if connection.vendor == "postgresql":
        cursor.execute(f"TRUNCATE {POSTCODE_TABLE}, {OUTWARD_TABLE}")
    else:
        cursor.execute(f"DELETE FROM {POSTCODE_TABLE}")  # noqa: S608
        cursor.execute(f"DELETE FROM {OUTWARD_TABLE}")  # noqa: S608


def _analyze(cursor) -> None:
    if connection.vendor in ("sqlite", "postgresql"):
        cursor.execute(f"ANALYZE {POSTCODE_TABLE}")
        cursor.execute(f"ANALYZE {OUTWARD_TABLE}")


def load_postcodes(*, areas: Iterable[str] | None = None) -> LoadResult:
    """Replace the postcode and outward code tables with the package's postcodes
    (only those in `areas`, e.g. {"RM", "SS"}, when given)."""
    started = time.perf_counter()
    wanted = frozenset(a.strip().upper() for a in areas) if areas is not None else None
    districts = frozenset(District.objects.values_list("gss_code", flat=True))
    data_dir = ons.package_data_dir()
    totals: dict[str, _OutwardTotals] = {}
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        _empty(cursor)
        for letter in ons.letters_for(wanted):
            rows = sorted(
                ons.iter_letter_rows(
                    letter=letter, areas=wanted, districts=districts, data_dir=data_dir
                )
            )
            _insert(cursor, POSTCODE_TABLE, POSTCODE_COLUMNS, rows)
            _accumulate(totals, rows)
            count += len(rows)
        outward = _outward_rows(totals)
        _insert(cursor, OUTWARD_TABLE, OUTWARD_COLUMNS, outward)
    with connection.cursor() as cursor:
        _analyze(cursor)
    return LoadResult(count, len(outward), time.perf_counter() - started)


def refresh_outward_code(outward: str) -> OutwardCode | None:
    """Recompute one outward code from the postcodes now stored (used when postcodes
    are added one at a time, e.g. by test builders). Deletes it if none remain."""
    postcodes = Postcode.objects.filter(postcode__startswith=f"{outward} ")
    centre = postcodes.aggregate(easting=Avg("easting"), northing=Avg("northing"))
    if centre["easting"] is None:
        OutwardCode.objects.filter(outward=outward).delete()
        return None
    counts = postcodes.values("district").annotate(n=Count("postcode"))
    district = _mode(Counter({c["district"]: c["n"] for c in counts}))
    obj, _created = OutwardCode.objects.update_or_create(
        outward=outward,
        defaults={
            "easting": round(centre["easting"]),
            "northing": round(centre["northing"]),
            "district_id": district,
        },
    )
    return obj
