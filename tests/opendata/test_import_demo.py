"""seed_demo's example import (docs/examples/listings.csv) follows the import's rules: its
micro-enterprises go live, its Shared Lives scheme (no CQC registration recorded) is
imported as a draft; a second run adds nothing."""

from providers.imports.demo import seed_imported_listings
from providers.models import ProviderPage
from tests import builders


def test_the_example_file_is_imported_live_but_its_shared_lives_scheme_as_a_draft(place):
    builders.build_postcode(postcode="RM18 7AA", easting=564600, northing=176000)

    first = seed_imported_listings()
    again = seed_imported_listings()

    imported = ProviderPage.objects.filter(external_id__startswith="example-")
    assert set(imported.filter(live=True).values_list("kind", flat=True)) == {"micro_enterprise"}
    assert imported.filter(live=True).count() == 4
    scheme = imported.get(kind="shared_lives")
    assert not scheme.live and scheme.title == "Essex Shared Lives"
    assert first.startswith("Example import: 5 created, 0 already there; 1 Shared Lives")
    assert again.startswith("Example import: 0 created, 5 already there; 1 Shared Lives")
