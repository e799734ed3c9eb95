"""How fast `survey.selectors.response_frame` builds the planners' frame.

    .venv/bin/python bench/survey_response_frame.py [--rows 1000000] [--database-url URL]

Builds a throwaway database (SQLite file under var/ by default; any DATABASE_URL works,
e.g. postgres://postgres@127.0.0.1:5432/care_survey_bench, dropped and created afresh;
its name must contain "bench"), migrates it, inserts --rows
submitted responses with raw executemany, then times response_frame three times and
prints the figures and the frame's memory. Nothing is timed inside the test suite."""

import argparse
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-survey.sqlite3'}"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    elif args.database_url.startswith("postgres"):
        recreate_postgres(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    wave_ids = insert(args.rows, args.seed)

    from survey.selectors import response_frame

    timings, cpu = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        frame = response_frame(wave_ids=wave_ids)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    tracemalloc.start()
    response_frame(wave_ids=wave_ids)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"database: {django.db.connection.vendor}")
    print(f"rows: {len(frame):,}")
    print(f"response_frame: best {min(timings):.2f} s, median {sorted(timings)[1]:.2f} s wall")
    print(
        f"response_frame: median {sorted(cpu)[1]:.2f} s CPU in this process (excludes a DB server)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"frame memory (deep): {frame.memory_usage(deep=True).sum() / 1e6:.0f} MB")
    print(f"peak Python allocation while building: {peak / 1e6:.0f} MB")


def recreate_postgres(url: str) -> None:
    """Drop and create the bench database (only one whose name contains "bench")."""
    from urllib.parse import urlsplit

    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to recreate {name!r}: use a database name containing 'bench'")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def insert(rows: int, seed: int) -> list[int]:
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from providers.geography.models import Council
    from survey.models import Response, choices
    from tests.builders import build_wave

    rng = np.random.default_rng(seed)
    waves = [build_wave(title="bench 2025"), build_wave(title="bench 2026")]
    councils = list(Council.objects.values_list("gss_code", flat=True))
    now = timezone.now()

    def pick(values, p_null=0.0):
        out = rng.choice(np.asarray(values, dtype=object), size=rows)
        if p_null:
            out[rng.random(rows) < p_null] = None
        return out.tolist()

    reason_sets = [
        json.dumps(sorted(set(rng.choice(choices.Reason.values, size=k).tolist())))
        for k in (1, 2, 3)
        for _ in range(60)
    ]
    columns = {
        "wave_id": rng.choice([w.pk for w in waves], size=rows).tolist(),
        "status": ["submitted"] * rows,
        "receipt_hash": [f"{i:064x}" for i in range(rows)],
        "created_at": [now] * rows,
        "updated_at": [now] * rows,
        "submitted_at": [now] * rows,
        "completed_steps": ["[]"] * rows,
        "postcode_district": [""] * rows,
        "provider_kind": pick(choices.ProviderKind.values),
        "legal_form": pick(choices.LegalForm.values),
        "council_id": pick(councils),
        "people_supported": rng.integers(0, 30, size=rows).tolist(),
        "workers": rng.integers(1, 9, size=rows).tolist(),
        "hours_weekly": [
            None if h < 1 else round(float(h), 1) for h in rng.normal(32, 12, rows).clip(0, 100)
        ],
        "hourly_rate": [round(float(r), 2) for r in rng.normal(19, 4, rows).clip(0, 150)],
        "turnover_band": pick(choices.TurnoverBand.values),
        "previous_employment": pick(choices.PreviousEmployment.values),
        "reasons": pick(reason_sets),
        "intention_12m": pick(choices.Intention.values),
        "qualification": pick(choices.Qualification.values),
        "care_certificate": pick(choices.CareCertificate.values),
        "year_started_care": rng.integers(1980, 2020, size=rows).tolist(),
        "year_self_employed": rng.integers(2020, 2026, size=rows).tolist(),
        "special_category_consent": [True] * rows,
        "disability": pick(choices.YesNoPreferNot.values, p_null=0.2),
        "unpaid_carer": pick(choices.YesNoPreferNot.values, p_null=0.2),
        "age_band": pick(choices.AgeBand.values),
    }
    names = list(columns)
    table = Response._meta.db_table
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"  # noqa: S608
    started = time.perf_counter()
    batch = 50_000
    data = list(zip(*columns.values(), strict=True))
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, rows, batch):
            cursor.executemany(sql, data[start : start + batch])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
    print(f"inserted {rows:,} responses in {time.perf_counter() - started:.1f} s")
    return [w.pk for w in waves]


if __name__ == "__main__":
    main()
