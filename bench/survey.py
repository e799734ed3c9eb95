"""Survey tables at national scale: 1,000,000 synthetic responses inserted into the real
response table, then every disclosure-controlled table computed from it; the same core
aggregation in DuckDB (fed the pandas frame) side by side.

    .venv/bin/python bench/survey.py [--rows 1000000] [--seed 2026]

Uses DATABASE_URL when set (e.g. postgres://postgres@127.0.0.1:5432/care_bench), else a
fresh SQLite file in var/. Targets: tables under 5 s and 1.5 GB peak; within 2x of DuckDB.
"""

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-survey.sqlite3'}"

BATCH = 50_000
GROUPINGS = [("council", "kind"), ("council",), ("region", "kind"), ("region",), ("kind",), ()]


def setup_database(fresh: bool) -> None:
    import django
    from django.core.management import call_command

    url = os.environ["DATABASE_URL"]
    if fresh and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    django.setup()
    call_command("migrate", verbosity=0)


def insert_responses(frame, wave) -> float:
    """executemany in batches straight into the response table (no model instances)."""
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from survey.models import Response

    now = timezone.now()
    n = len(frame)
    columns = [
        "wave_id", "status", "receipt_hash", "created_at", "updated_at", "submitted_at",
        "completed_steps", "provider_kind", "legal_form", "council_id", "postcode_district",
        "people_supported", "workers", "hours_weekly", "hourly_rate", "turnover_band",
        "previous_employment", "reasons", "intention_12m", "qualification", "care_certificate",
        "year_started_care", "year_self_employed", "disability", "unpaid_carer", "age_band",
        "special_category_consent",
    ]  # fmt: skip

    def values(name):
        series = frame[name].astype(object)
        return series.where(frame[name].notna(), None).tolist()

    reasons_text = {}
    reasons = [reasons_text.setdefault(id(v), json.dumps(v)) for v in frame["reasons"]]
    decimals = {
        name: [
            None if v != v else f"{v:.{places}f}"
            for v in frame[name].astype(float).to_numpy(na_value=np.nan)
        ]
        for name, places in (("hours_weekly", 1), ("hourly_rate", 2))
    }
    data = {
        "provider_kind": values("provider_kind"),
        "legal_form": values("legal_form"),
        "council_id": values("council_code"),
        "people_supported": values("people_supported"),
        "workers": values("workers"),
        "turnover_band": values("turnover_band"),
        "previous_employment": values("previous_employment"),
        "intention_12m": values("intention_12m"),
        "qualification": values("qualification"),
        "care_certificate": values("care_certificate"),
        "year_started_care": values("year_started_care"),
        "year_self_employed": values("year_self_employed"),
        "disability": values("disability"),
        "unpaid_carer": values("unpaid_carer"),
        "age_band": values("age_band"),
    }
    consent = [
        d is not None or u is not None
        for d, u in zip(data["disability"], data["unpaid_carer"], strict=True)
    ]
    table = Response._meta.db_table
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, n, BATCH):
            rows = [
                (
                    wave.pk,
                    "submitted",
                    f"{i:064x}",
                    now,
                    now,
                    now,
                    "[]",
                    data["provider_kind"][i],
                    data["legal_form"][i],
                    data["council_id"][i],
                    "",
                    data["people_supported"][i],
                    data["workers"][i],
                    decimals["hours_weekly"][i],
                    decimals["hourly_rate"][i],
                    data["turnover_band"][i],
                    data["previous_employment"][i],
                    reasons[i],
                    data["intention_12m"][i],
                    data["qualification"][i],
                    data["care_certificate"][i],
                    data["year_started_care"][i],
                    data["year_self_employed"][i],
                    data["disability"][i],
                    data["unpaid_carer"][i],
                    data["age_band"][i],
                    consent[i],
                )  # fmt: skip
                for i in range(start, min(start + BATCH, n))
            ]
            cursor.executemany(sql, rows)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def ours_core(frame, geography):
    """Our core aggregation: counts, quartiles, median and mean of hours and hourly rate at
    every level of the region x kind and council x kind tables (no disclosure control)."""
    import numpy as np

    from survey.tables.microdata import Microdata
    from survey.tables.statistics import item_values, statistics_by_cell

    data = Microdata(frame, geography)
    out = {}
    for item, fmt in (("hours_weekly", "hours"), ("hourly_rate", "money")):
        values = item_values(frame, item)
        answered = data.in_scope & ~np.isnan(values)
        data.council_kind_counts(answered)
        every_cell = {
            (level, code, kind)
            for level, codes in (
                ("council", [c for c, _n, _r in geography.councils]),
                ("region", [r for r, _n in geography.regions]),
                ("all", ["all"]),
            )
            for code in codes
            for kind in [
                "micro_enterprise",
                "shared_lives_carer",
                "shared_lives_staff",
                "personal_assistant",
                "all",
            ]
        }
        out[item] = statistics_by_cell(data, values, answered, every_cell, fmt=fmt)
    return out


DUCKDB_SQL = """
SELECT council_code, region_code, provider_kind, count({item}) AS n,
       quantile_cont({item}, [0.25, 0.5, 0.75]) AS quartiles, avg({item}) AS mean
FROM frame WHERE {item} IS NOT NULL
GROUP BY GROUPING SETS ((council_code, provider_kind), (council_code),
                        (region_code, provider_kind), (region_code), (provider_kind), ())
"""


def duckdb_core(frame):
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    view = frame[["council_code", "region_code", "provider_kind", "hours_weekly", "hourly_rate"]]
    con.register("frame", view)
    return {
        item: con.execute(DUCKDB_SQL.format(item=item)).fetchall()
        for item in ("hours_weekly", "hourly_rate")
    }


def timed(function, *args, repeat=3):
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="reuse an existing SQLite file")
    args = parser.parse_args()

    setup_database(fresh=not args.keep)
    import datetime

    from survey.models import Response, Wave
    from survey.selectors import response_frame
    from survey.synthetic import synthetic_frame
    from survey.tables.build import build_wave_tables, wave_dict
    from survey.tables.geography import reference_geography

    geography = reference_geography()
    today = datetime.date.today()
    wave, created = Wave.objects.get_or_create(
        title=f"Benchmark {args.rows}",
        defaults={"opens_on": today, "closes_on": today, "privacy_notice": "<p>Benchmark.</p>"},
    )
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")
    if created or not Response.objects.filter(wave=wave).exists():
        started = time.perf_counter()
        frame = synthetic_frame(args.rows, geography=geography, seed=args.seed, wave_ids=(wave.pk,))
        print(f"generate {args.rows:,} synthetic responses: {time.perf_counter() - started:.2f} s")
        print(f"insert (executemany, {BATCH:,} a batch): {insert_responses(frame, wave):.2f} s")
        del frame

    started = time.perf_counter()
    frame = response_frame(wave_ids=[wave.pk])
    read = time.perf_counter() - started
    started = time.perf_counter()
    tables = build_wave_tables(frame, geography, wave=wave_dict(wave))
    build = time.perf_counter() - started
    suppressed = sum(
        c["suppressed"] for t in tables.values() for r in t["rows"] for c in r["cells"]
    )
    cells = sum(len(r["cells"]) for t in tables.values() for r in t["rows"])
    print(
        f"responses read: {len(frame):,}; tables: {len(tables)}; cells: {cells:,} ({suppressed} suppressed)"
    )
    print(f"read response_frame from the database: {read:.2f} s")
    print(f"build every disclosure-controlled table: {build:.2f} s")
    print(f"read + build: {read + build:.2f} s (target < 5 s)")
    del frame, tables
    tracemalloc.start()  # a second pass, traced (tracing slows it down: not timed)
    frame = response_frame(wave_ids=[wave.pk])
    build_wave_tables(frame, geography, wave=wave_dict(wave))
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory of read + build: {traced_peak / 2**20:,.0f} MiB")

    ours, _ = timed(ours_core, frame, geography)
    theirs, _ = timed(duckdb_core, frame)
    print("core aggregation (hours and rate: count, quartiles, mean at 6 levels), best of 3:")
    print(
        f"  ours (numpy): {ours:.3f} s   DuckDB on the pandas frame: {theirs:.3f} s   ratio ours/DuckDB: {ours / theirs:.2f} (target <= 2)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak resident memory of the whole run (incl. generation and insert): {rss:,.0f} MiB (target < 1,536)"
    )


if __name__ == "__main__":
    main()
