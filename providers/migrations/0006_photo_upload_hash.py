"""Photos keep the hash of the file as uploaded, so the same upload again is found
without decoding it (portal.services.add_photo)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0005_grid_reference_is_outward_centre"),
    ]

    operations = [
        migrations.AddField(
            model_name="providerphoto",
            name="upload_hash",
            field=models.CharField(blank=True, editable=False, max_length=40),
        ),
    ]
