"""Listings' grid references become the centre of their outward code (see
providers.geography.selectors.published_point): distances measured from the private
base postcode gave it away. directory 0009 then rebuilds the search index from them."""

from django.db import migrations


def to_outward_centres(apps, schema_editor):
    ProviderPage = apps.get_model("providers", "ProviderPage")
    OutwardCode = apps.get_model("geography", "OutwardCode")
    centres = {
        o: (e, n) for o, e, n in OutwardCode.objects.values_list("outward", "easting", "northing")
    }
    pages = ProviderPage.objects.exclude(base_postcode="").filter(easting__isnull=False)
    changed = []
    for page in pages.only("pk", "base_postcode", "easting", "northing").iterator():
        outward = page.base_postcode.split(" ")[0]
        # Without an outward-code row (a partial postcode load): rounded to 2 km.
        point = centres.get(outward) or (
            2000 * round(page.easting / 2000),
            2000 * round(page.northing / 2000),
        )
        if point != (page.easting, page.northing):
            page.easting, page.northing = point
            changed.append(page)
    ProviderPage.objects.bulk_update(changed, ["easting", "northing"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0004_listing_claim"),
        ("geography", "0002_load_councils"),
    ]

    operations = [migrations.RunPython(to_outward_centres, migrations.RunPython.noop)]
