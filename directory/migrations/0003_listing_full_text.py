"""Full-text search beside the listing index: an FTS5 table on SQLite, a weighted
tsvector column with a GIN index on PostgreSQL (see directory/fts.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from directory import fts

    fts.create_schema(schema_editor)


def backwards(apps, schema_editor):
    from directory import fts

    fts.drop_schema(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_listing_index")]

    operations = [migrations.RunPython(forwards, backwards)]
