"""Tables published before the base row ("All answering") carried its percentage had None
there, which files show as suppressed ([c]). Fill it in as the tables are now built: the
percentage of the rounded base in itself (100, or 0 for an empty column) wherever the base
count is published. Suppressed cells stay as they are."""

from django.db import migrations

BASE = "base"


def fill_base_percentages(apps, schema_editor):
    PublishedTable = apps.get_model("survey", "PublishedTable")
    for table in PublishedTable.objects.all().iterator():
        rows = table.data.get("rows", [])
        base_rows = [row for row in rows if row.get("key") == BASE and row.get("is_total")]
        changed = False
        for row in base_rows:
            for cell in row["cells"]:
                if "percent" in cell and cell["percent"] is None and not cell["suppressed"]:
                    cell["percent"] = 100.0 if cell["count"] else 0.0
                    changed = True
        if changed:
            table.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("survey", "0003_download_record")]

    operations = [migrations.RunPython(fill_base_percentages, migrations.RunPython.noop)]
