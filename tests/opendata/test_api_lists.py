"""The API's lists count and page over the directory's listing index: the same listings
as the live pages give, in a fixed number of queries, following reconfirmation and
publishing at once."""

import datetime
import json

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import ListingIndex
from directory.openreferral.taxonomy import Taxonomies
from providers.selectors import visible_listings
from providers.services import reconfirm_listing
from tests import builders

API = "/api/openreferral/"


@pytest.fixture(autouse=True)
def _no_response_cache(settings):
    settings.API_CACHE_SECONDS = 0
    settings.API_COUNT_CACHE_SECONDS = 0


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content[:200]
    return json.loads(response.content)


def names(body):
    return [item.get("name") or item["service"]["name"] for item in body["contents"]]


def everything(client, **params):
    """Every page of a list, one listing per page: the order the API pages in."""
    first = get(client, "services", per_page=1, **params)
    pages = [first] + [
        get(client, "services", per_page=1, page=n, **params)
        for n in range(2, first["total_pages"] + 1)
    ]
    return [name for body in pages for name in names(body)]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"text": "care"},
        {"taxonomy_term_id": "support_kinds"},
        {"modified_after": "2000-01-01"},
    ],
)
def test_a_page_takes_the_same_queries_whatever_its_size(
    client, listings, params, django_assert_max_num_queries
):
    directory = listings["premises"].get_parent()
    for n in range(12):
        builders.build_provider(
            directory=directory, title=f"Extra care {n}", support_kinds=["personal-care"]
        )
    if "taxonomy_term_id" in params:
        term = next(t for t in Taxonomies().terms if t.slug == "personal-care")
        params = {"taxonomy_term_id": term.id}
    get(client, "services", per_page=1, **params)  # fills the cached site root paths
    # and view restrictions; then: listings without a grid reference, count, page ids,
    # listings, badges, outward codes, premises postcodes, councils (+ 5 vocabularies).
    most = 10 + (5 if "taxonomy_term_id" in params else 0)
    counts = []
    for per_page in (2, 200):
        with django_assert_max_num_queries(most) as captured:
            body = get(client, "services", per_page=per_page, **params)
        assert len(body["contents"]) == min(per_page, body["total_items"])
        counts.append(len(captured.captured_queries))
    assert body["total_items"] >= 12
    assert counts[0] == counts[1]


def test_the_lists_hold_the_listings_whose_name_or_summary_holds_the_text(
    client, listings, directory
):
    builders.build_provider(directory=directory, title="Care at 100% Ltd", summary="")
    builders.build_provider(directory=directory, title="Care_Bear", summary="Under_score.")
    builders.build_provider(directory=directory, title="Café Société", summary="ÉTÉ crème")
    builders.build_provider(directory=directory, title="Back\\slash", summary="")
    for text in (
        "care",
        "CARE",
        "are",
        "Care at",
        "at Care",
        "100%",
        "%",
        "_",
        "e_s",
        "\\",
        "café",
        "CAFÉ",
        "été",
        "x",
    ):
        expected = [
            p.title
            for p in visible_listings()
            .filter(Q(title__icontains=text) | Q(summary__icontains=text))
            .order_by("pk")
        ]
        assert everything(client, text=text) == expected, text
        # Near a postcode (here within reach of every listing) the same test, nearest first.
        near = get(client, "services", text=text, per_page=200, postcode="SS0 7AB", proximity=1e5)
        assert sorted(names(near)) == sorted(expected), text
    assert everything(client) == [p.title for p in visible_listings().order_by("pk")]


def test_a_listing_without_a_grid_reference_is_listed_in_its_place(client, listings, directory):
    """The index holds listings with a grid reference; the rare one without is still
    listed, counted and filtered like the rest."""
    first = builders.build_provider(directory=directory, title="Before")
    nowhere = builders.build_provider(directory=directory, title="Nowhere Care", postcode=None)
    builders.build_provider(directory=directory, title="After")
    assert not ListingIndex.objects.filter(pk=nowhere.pk).exists()

    order = everything(client)

    assert order == [p.title for p in visible_listings().order_by("pk")]
    assert order.index("Nowhere Care") == order.index("Before") + 1 and first.pk < nowhere.pk
    assert get(client, "services")["total_items"] == 6
    assert names(get(client, "services", text="nowhere")) == ["Nowhere Care"]
    assert "Nowhere Care" in names(get(client, "service_at_locations", per_page=200))


def test_reconfirming_a_hidden_listing_lists_it_again_at_once(client, listings, directory):
    hidden = builders.build_provider(
        directory=directory,
        title="Back Again",
        last_confirmed_at=timezone.now() - datetime.timedelta(days=400),
    )
    assert "Back Again" not in names(get(client, "services", per_page=200))

    reconfirm_listing(page=hidden)  # writes the live row only: no revision, no publish

    assert ListingIndex.objects.get(pk=hidden.pk).last_confirmed_at == hidden.last_confirmed_at
    assert "Back Again" in names(get(client, "services", per_page=200))


def test_modified_after_follows_each_publish(client, listings):
    page = listings["home_based"]
    since = timezone.now()
    assert get(client, "services", modified_after=since.isoformat())["total_items"] == 0

    page.save_revision().publish()

    indexed = ListingIndex.objects.get(pk=page.pk)
    page.refresh_from_db()
    assert indexed.last_published_at == page.last_published_at >= since
    assert names(get(client, "services", modified_after=since.isoformat())) == [page.title]


def test_paging_through_one_set_of_results_counts_it_once(client, listings, settings):
    settings.API_COUNT_CACHE_SECONDS = 60

    def counts(**params):
        with CaptureQueriesContext(connection) as captured:
            body = get(client, "services", per_page=1, **params)
        return body, sum("COUNT(" in q["sql"].upper() for q in captured.captured_queries)

    assert counts(page=1)[1] == 1
    body, counted = counts(page=2)
    assert counted == 0 and body["total_items"] == 3
    assert counts(page=2, text="shared")[1] == 1  # other filters: another count
    listings["premises"].unpublish()  # a change to what is listed counts afresh
    body, counted = counts(page=2)
    assert counted == 1 and body["total_items"] == 2


def test_a_postcode_page_and_its_count_come_from_one_search(client, listings):
    """Near a postcode the directory search gives the page and the total in one query,
    and a page past the end still knows the total."""
    covering = ["Essex Shared Lives", "Grays Home Help"]  # see test_api: SS0 7AB
    with CaptureQueriesContext(connection) as captured:
        first = get(client, "service_at_locations", postcode="SS0 7AB", per_page=1)
    assert not any(
        "COUNT(" in q["sql"].upper() and "OVER" not in q["sql"].upper()
        for q in captured.captured_queries
    )
    second = get(client, "service_at_locations", postcode="SS0 7AB", per_page=1, page=2)
    beyond = get(client, "service_at_locations", postcode="SS0 7AB", per_page=1, page=9)
    assert sorted(names(first) + names(second)) == covering
    assert first["total_items"] == second["total_items"] == beyond["total_items"] == 2
    assert beyond["contents"] == [] and beyond["total_pages"] == 2


def test_each_service_links_to_its_own_public_profile(client, listings, directory):
    extra = builders.build_provider(directory=directory, title="Another helper")
    body = get(client, "services", per_page=200)
    by_name = {item["name"]: item["url"] for item in body["contents"]}
    pages = [listings["home_based"], listings["premises"], listings["shared_lives"], extra]
    assert {by_name[page.title] for page in pages} == {
        f"http://testserver{page.url}" for page in pages
    }
