"""Load the committed councils table (data/councils.csv). When local government
changes, rebuild the CSV (bench/build_councils_csv.py) and add a migration that
calls load_councils again: it replaces the rows in place."""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "councils.csv"


def load_councils(apps, schema_editor):
    Council = apps.get_model("geography", "Council")
    District = apps.get_model("geography", "District")
    with open(CSV_PATH, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    councils = {
        r["council_code"]: Council(
            gss_code=r["council_code"],
            name=r["council_name"],
            region_code=r["region_code"],
            region_name=r["region_name"],
            nation=r["nation"],
        )
        for r in rows
    }
    Council.objects.bulk_create(
        councils.values(),
        update_conflicts=True,
        unique_fields=["gss_code"],
        update_fields=["name", "region_code", "region_name", "nation"],
    )
    District.objects.bulk_create(
        [
            District(
                gss_code=r["district_code"], name=r["district_name"], council_id=r["council_code"]
            )
            for r in rows
        ],
        update_conflicts=True,
        unique_fields=["gss_code"],
        update_fields=["name", "council"],
    )
    District.objects.exclude(gss_code__in=[r["district_code"] for r in rows]).delete()
    Council.objects.exclude(gss_code__in=councils).delete()


def unload_councils(apps, schema_editor):
    apps.get_model("geography", "District").objects.all().delete()
    apps.get_model("geography", "Council").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]

    operations = [migrations.RunPython(load_councils, unload_councils)]
