from directory.selectors import results_page, search_listings
from tests import builders


def test_smoke(directory, grays):
    near = builders.build_provider(directory=directory, title="Near", postcode="RM17 5SW")
    builders.build_provider(directory=directory, title="Far", postcode="CF10 1EP")
    page = results_page(queryset=search_listings(location=grays, distance_miles=10))
    assert [r.title for r in page.object_list] == ["Near"]
    assert page.object_list[0].page_id == near.pk
