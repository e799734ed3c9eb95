"""Rebuild the search index (a copy of live listings, derived entirely from them) after
providers 0005 moved every listing's grid reference to its outward code's centre."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if not apps.get_model("directory", "ListingIndex").objects.exists():
        return  # a new database: nothing indexed yet
    from directory.services import rebuild_listing_index

    rebuild_listing_index()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0008_geo_index_covers_page_id"),
        ("providers", "0005_grid_reference_is_outward_centre"),
    ]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
