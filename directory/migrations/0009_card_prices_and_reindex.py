"""Session and night prices join the search index (cards show them when there is no
hourly price), and the index is rebuilt: it is a copy of live listings, derived entirely
from them, and providers 0005 moved every listing's grid reference to its outward
code's centre."""

from django.db import migrations, models


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

    operations = [
        migrations.AddField(
            model_name="listingindex",
            name="price_per_night",
            field=models.DecimalField(decimal_places=2, max_digits=6, null=True),
        ),
        migrations.AddField(
            model_name="listingindex",
            name="price_per_session",
            field=models.DecimalField(decimal_places=2, max_digits=6, null=True),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
