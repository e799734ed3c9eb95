"""Full text: English stemming, and (SQLite) a `places` column so keyword searches are
narrowed by geography inside FTS5. The index is rebuilt from the live listings."""

from django.db import migrations


def rebuild(apps, schema_editor):
    from directory import fts

    fts.drop_schema(schema_editor)
    fts.create_schema(schema_editor)
    # Listings indexed before this migration are re-read by
    # `manage.py rebuild_listing_index` (deploys run it; the table is new on this branch).


def backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_listing_grid_cells")]

    operations = [migrations.RunPython(rebuild, backwards)]
