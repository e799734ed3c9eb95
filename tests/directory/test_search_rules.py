"""Who is found at a postcode, and in what order: distance, coverage, freshness."""

from datetime import timedelta

import pytest
from django.utils import timezone

from directory.models import ListingIndex
from directory.selectors import results_page, search_listings
from providers.geography.selectors import lookup_postcode, metres_to_miles, published_point
from providers.services import reconfirm_listing
from tests import builders
from tests.geography.grid import great_circle_metres, grid_to_latlon

from .conftest import titles

# Known pairs: grid distance from the ONS references against an independent great-circle
# distance from the same points' latitude and longitude.
PAIRS = [
    ("RM17 6SL", "RM17 5SW"),
    ("RM17 6SL", "SS1 1AA"),
    ("RM17 6SL", "CM14 4AA"),
    ("RM17 6SL", "SW1A 2AA"),
    ("RM17 6SL", "CF10 1EP"),
]


@pytest.mark.parametrize(("origin", "base"), PAIRS)
def test_result_distance_in_miles_is_within_one_percent(
    directory, thurrock_postcodes, origin, base
):
    builders.build_provider(directory=directory, title="P", postcode=base, travel_radius_miles=None)
    here = lookup_postcode(origin)
    there = published_point(location=lookup_postcode(base))  # the centre of its outward code
    expected = great_circle_metres(
        *grid_to_latlon(here.easting, here.northing), *grid_to_latlon(*there)
    )

    page = results_page(search=search_listings(location=here, distance_miles=25 * 10))
    # (25 miles is the widest the form offers; the selector takes any distance)

    assert len(page.object_list) == 1
    assert page.object_list[0].distance_miles == pytest.approx(metres_to_miles(expected), rel=0.01)


def test_listings_beyond_the_distance_are_not_found(directory, grays):
    builders.build_provider(
        directory=directory, title="Grays", postcode="RM17 5SW", travel_radius_miles=None
    )
    builders.build_provider(
        directory=directory, title="Southend", postcode="SS1 1AA", travel_radius_miles=None
    )  # about 17 miles away

    assert titles(search_listings(location=grays, distance_miles=10)) == ["Grays"]
    assert titles(search_listings(location=grays, distance_miles=25)) == ["Grays", "Southend"]


def test_a_provider_whose_travel_radius_reaches_the_postcode_covers_it(directory, grays):
    # Southend is ~17.6 miles from Grays: a 20-mile radius reaches, a 10-mile one does not.
    builders.build_provider(
        directory=directory, title="Reaches", postcode="SS1 1AA", travel_radius_miles=20
    )
    builders.build_provider(
        directory=directory, title="Short", postcode="SS0 7AB", travel_radius_miles=10
    )

    rows = list(search_listings(location=grays, distance_miles=1))

    assert [(r["title"], r["covers"]) for r in rows] == [("Reaches", True)]
    rows = list(search_listings(location=grays, distance_miles=25))
    assert [(r["title"], r["covers"]) for r in rows] == [("Reaches", True), ("Short", False)]


def test_a_provider_covering_the_postcodes_council_covers_it_from_any_distance(directory, grays):
    builders.build_provider(
        directory=directory,
        title="Council-wide",
        postcode="CF10 1EP",  # Cardiff, 150 miles away
        travel_radius_miles=None,
        councils=["E06000034"],  # Thurrock
    )
    builders.build_provider(
        directory=directory,
        title="Elsewhere",
        postcode="CF10 3NQ",
        travel_radius_miles=None,
        councils=["E06000033"],  # Southend
    )

    rows = list(search_listings(location=grays, distance_miles=1))

    assert [(r["title"], r["covers"]) for r in rows] == [("Council-wide", True)]


def test_covering_providers_come_first_then_the_rest_nearest_first(directory, grays):
    builders.build_provider(
        directory=directory, title="Near, no cover", postcode="RM17 5SW", travel_radius_miles=None
    )
    builders.build_provider(
        directory=directory, title="Far, covers", postcode="RM20 3LP", travel_radius_miles=5
    )
    builders.build_provider(
        directory=directory, title="Farther, no cover", postcode="CM14 4AA", travel_radius_miles=1
    )
    builders.build_provider(
        directory=directory,
        title="Farthest, covers council",
        postcode="SS1 1AA",
        travel_radius_miles=None,
        councils=["E06000034"],
    )

    assert titles(search_listings(location=grays, distance_miles=25)) == [
        "Far, covers",
        "Farthest, covers council",
        "Near, no cover",
        "Farther, no cover",
    ]


def test_sort_by_price_lowest_first_within_coverage_then_listings_without_a_price(directory, grays):
    for title, price in [("Dear", "30.00"), ("Cheap", "15.00"), ("Ask", None), ("Mid", "20")]:
        builders.build_provider(directory=directory, title=title, price_per_hour=price)

    assert titles(search_listings(location=grays, sort="price")) == ["Cheap", "Mid", "Dear", "Ask"]


def test_hidden_listings_never_appear_and_stale_ones_are_marked(directory, grays):
    now = timezone.now()
    builders.build_provider(directory=directory, title="Fresh", last_confirmed_at=now)
    builders.build_provider(
        directory=directory, title="Stale", last_confirmed_at=now - timedelta(days=200)
    )
    hidden = builders.build_provider(
        directory=directory, title="Hidden", last_confirmed_at=now - timedelta(days=366)
    )
    builders.build_provider(directory=directory, title="Never confirmed", last_confirmed_at=None)

    page = results_page(search=search_listings(location=grays))

    assert {r.title: r.may_be_out_of_date for r in page.object_list} == {
        "Fresh": False,
        "Stale": True,
    }
    # Reconfirming (which writes only the live row, no publish) brings it back at once.
    reconfirm_listing(page=hidden)
    assert "Hidden" in titles(search_listings(location=grays))


def test_drafts_unpublished_and_deleted_listings_leave_the_index(directory, grays):
    draft = builders.build_provider(directory=directory, title="Draft", live=False)
    gone = builders.build_provider(directory=directory, title="Unpublished")
    deleted = builders.build_provider(directory=directory, title="Deleted")
    kept = builders.build_provider(directory=directory, title="Kept")

    gone.unpublish()
    deleted.delete()

    assert titles(search_listings(location=grays)) == ["Kept"]
    assert set(ListingIndex.objects.values_list("pk", flat=True)) == {kept.pk}
    assert not ListingIndex.objects.filter(pk=draft.pk).exists()


def test_a_published_change_updates_the_index(directory, grays):
    page = builders.build_provider(directory=directory, title="Old name", summary="Old.")
    page.title = "New name"
    page.summary = "Gardening and pets."
    page.save_revision().publish()

    assert titles(search_listings(location=grays)) == ["New name"]
    assert titles(search_listings(location=grays, keywords="gardening")) == ["New name"]
    assert titles(search_listings(location=grays, keywords="old")) == []


def test_listings_behind_a_view_restriction_are_not_indexed(directory, grays):
    from wagtail.models import PageViewRestriction

    page = builders.build_provider(directory=directory, title="Private")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    page.save_revision().publish()

    assert titles(search_listings(location=grays)) == []


def test_a_restriction_added_after_publishing_hides_the_listing_until_it_is_lifted(
    directory, grays, client, django_capture_on_commit_callbacks
):
    """Wagtail's privacy setting takes effect without a publish: the index follows it
    (restricted listings leave it at once and come back, words and councils included,
    when the restriction is lifted)."""
    from wagtail.models import PageViewRestriction

    builders.build_provider(directory=directory, title="Open")
    private = builders.build_provider(
        directory=directory, title="Private later", summary="Gardening.", councils=["E06000034"]
    )
    assert titles(search_listings(location=grays)) == ["Open", "Private later"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(search_listings(location=grays)) == ["Open"]
    page = client.get(directory.url, {"postcode": "RM17 6SL"}).content.decode()
    assert "Open" in page and "Private later" not in page
    api = client.get("/api/openreferral/services", {"postcode": "RM17 6SL", "proximity": 5000})
    assert [s["name"] for s in api.json()["contents"]] == ["Open"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert titles(search_listings(location=grays)) == ["Open", "Private later"]

    # A restriction on the directory itself covers every listing below it; lifting it
    # brings them all back as they were.
    before = list(search_listings(location=grays, keywords="gardening"))
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=directory, restriction_type="login")
    assert titles(search_listings(location=grays)) == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert titles(search_listings(location=grays)) == ["Open", "Private later"]
    assert list(search_listings(location=grays, keywords="gardening")) == before
    assert [r["covers"] for r in before] == [True]


def test_lifting_a_restriction_reindexes_the_listings_below_it_in_bulk(
    directory, grays, django_capture_on_commit_callbacks
):
    """The same number of queries for 2 listings below the page as for 6 (not a few
    for each listing, and never a rebuild of the whole index)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    def queries_to_lift(listings: int) -> int:
        section = builders.build_directory(home=directory.get_parent(), slug=f"area-{listings}")
        for n in range(listings):
            builders.build_provider(directory=section, title=f"Area {listings} listing {n}")
        with django_capture_on_commit_callbacks(execute=True):
            restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
        with (
            CaptureQueriesContext(connection) as lifted,
            django_capture_on_commit_callbacks(execute=True),
        ):
            restriction.delete()
        return len(lifted.captured_queries)

    assert queries_to_lift(2) == queries_to_lift(6)
    assert len(titles(search_listings(location=grays))) == 8


def test_rebuilding_the_index_gives_the_same_rows_and_results(directory, grays):
    from directory.models import ListingCouncil
    from directory.services import rebuild_listing_index

    builders.build_provider(
        directory=directory,
        title="A",
        support_kinds=["personal-care"],
        languages=["pl"],
        summary="Gardening.",
        availability=0b1011,
        price_per_hour="19.75",
    )
    builders.build_provider(
        directory=directory, title="B", postcode="RM20 3LP", councils=["E06000034", "E06000033"]
    )
    builders.build_provider(directory=directory, title="Draft", live=False)
    rows = list(ListingIndex.objects.order_by("pk").values())
    councils = sorted(ListingCouncil.objects.values_list("listing_id", "council_code"))
    before = list(search_listings(location=grays, keywords="garden"))
    everything = list(search_listings(location=grays))

    result = rebuild_listing_index()

    assert result.listings == 2
    # Row for row what publishing wrote, one listing at a time.
    assert list(ListingIndex.objects.order_by("pk").values()) == rows
    assert sorted(ListingCouncil.objects.values_list("listing_id", "council_code")) == councils
    assert len(councils) == 2
    assert list(search_listings(location=grays, keywords="garden")) == before
    assert list(search_listings(location=grays)) == everything
