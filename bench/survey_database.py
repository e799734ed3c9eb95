"""bench/survey.py's database side: create and migrate the bench database, and insert
synthetic responses straight into the response table."""

import json
import os
import time
from pathlib import Path

BATCH = 50_000
CHOICE_COLUMNS = [
    "provider_kind", "legal_form", "council_code", "people_supported", "workers",
    "turnover_band", "previous_employment", "intention_12m", "qualification",
    "care_certificate", "year_started_care", "year_self_employed", "disability",
    "unpaid_carer", "age_band",
]  # fmt: skip


def setup_database(fresh: bool) -> None:
    import django
    from django.core.management import call_command

    url = os.environ["DATABASE_URL"]
    if fresh and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    if url.startswith("postgres"):
        create_postgres_if_missing(url)
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

    def values(part, name):
        series = part[name].astype(object)
        return series.where(part[name].notna(), None).tolist()

    def decimals(part, name, places):
        numbers = part[name].astype(float).to_numpy(na_value=np.nan)
        return [None if v != v else f"{v:.{places}f}" for v in numbers]

    reasons_text = {}

    def batch(part, first):
        data = {name: values(part, name) for name in CHOICE_COLUMNS}
        hours, rate = decimals(part, "hours_weekly", 1), decimals(part, "hourly_rate", 2)
        reasons = [reasons_text.setdefault(id(v), json.dumps(v)) for v in part["reasons"]]
        for i in range(len(part)):
            consent = data["disability"][i] is not None or data["unpaid_carer"][i] is not None
            yield (
                wave.pk, "submitted", f"{first + i:064x}", now, now, now, "[]",
                data["provider_kind"][i], data["legal_form"][i], data["council_code"][i], "",
                data["people_supported"][i], data["workers"][i], hours[i], rate[i],
                data["turnover_band"][i], data["previous_employment"][i], reasons[i],
                data["intention_12m"][i], data["qualification"][i], data["care_certificate"][i],
                data["year_started_care"][i], data["year_self_employed"][i],
                data["disability"][i], data["unpaid_carer"][i], data["age_band"][i], consent,
            )  # fmt: skip

    table = Response._meta.db_table
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, n, BATCH):
            cursor.executemany(sql, list(batch(frame.iloc[start : start + BATCH], start)))
    with connection.cursor() as cursor:  # statistics, as autovacuum would gather them
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else f"ANALYZE {table}")
    return time.perf_counter() - started


def create_postgres_if_missing(url: str) -> None:
    """Create the bench database (only one whose name contains "bench") if it is missing."""
    from urllib.parse import urlsplit

    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
        if "bench" not in name:
            raise SystemExit(f"refusing to create {name!r}: use a database name containing 'bench'")
        conn.execute(f'CREATE DATABASE "{name}"')
