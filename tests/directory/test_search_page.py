"""The search page as a visitor uses it: GET parameters in, results, errors and pages out."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import builders

URL = "/find-support/"


def result_titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*" id="result-\d+"><a [^>]*>([^<]+)</a>',
        response.content.decode(),
    )


def test_the_page_without_a_search_shows_the_form_and_no_errors(client, directory):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="postcode"' in html
    assert "There is a problem" not in html
    assert "How the search works" in html
    assert "Skip the filters" not in html  # no results to skip to


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("", "Enter a postcode, like RM17 6SL"),
        ("not a postcode", "Enter a real postcode, like RM17 6SL"),
        ("ZZ99 9ZZ", "We could not find that postcode"),
    ],
)
def test_a_missing_malformed_or_unknown_postcode_gets_a_clear_error(
    client, directory, thurrock_postcodes, postcode, message
):
    response = client.get(URL, {"postcode": postcode, "support": "personal-care"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_postcode">' in html
    assert message in html
    assert "<title>Error:" in html
    assert 'value="personal-care" checked' in html  # answers are kept


def test_results_show_name_summary_distance_price_badges_and_freshness(client, directory, grays):
    page = builders.build_provider(
        directory=directory,
        title="Grays Helpers",
        summary="Help at home in Grays.",
        postcode="RM17 5SW",
        price_per_hour="21.50",
        last_confirmed_at=timezone.now() - timedelta(days=3),
    )
    builders.build_check(page=page, kind="dbs")
    builders.build_check(page=page, kind="insurance", verified=False)
    stale = builders.build_provider(
        directory=directory,
        title="Old News",
        postcode="RM20 3LP",
        last_confirmed_at=timezone.now() - timedelta(days=200),
    )

    response = client.get(URL, {"postcode": "rm17 6sl"})

    html = response.content.decode()
    assert result_titles(response) == ["Grays Helpers", "Old News"]
    assert "2 providers near RM17 6SL" in html
    assert "<title>2 results near RM17 6SL" in html
    assert "Help at home in Grays." in html
    assert "About 1 mile away" in html  # to the centre of RM17, not to RM17 5SW
    assert "About 2 miles away" in html
    assert "Grays, Thurrock (RM17)" in html and "(RM17))" not in html  # its own row
    assert "£21.50 an hour" in html
    assert "DBS check" in html and "Public liability insurance" not in html
    assert re.search(r"Last confirmed</dt>\s*<dd[^>]*>3 days ago</dd>", html)
    assert html.count("May be out of date") == 1
    assert f'href="/find-support/{stale.slug}/"' in html
    assert "Covers your area" in html
    assert "RM17 5SW" not in html  # a base postcode is never shown


def test_a_provider_in_the_searched_outward_code_is_less_than_a_mile_away(client, directory, grays):
    builders.build_provider(directory=directory, title="Next Door", postcode="RM17 6SL")

    html = client.get(URL, {"postcode": "RM17"}).content.decode()

    assert "Less than 1 mile away" in html and "About 0 miles" not in html


@pytest.mark.parametrize(("distance", "words"), [("1", "1 mile."), ("3", "3 miles.")])
def test_the_results_say_how_far_they_reach(client, directory, grays, distance, words):
    builders.build_provider(directory=directory, postcode="RM17 6SL")

    html = client.get(URL, {"postcode": "RM17 6SL", "distance": distance}).content.decode()

    assert f"Providers that cover your area come first, then others within {words}" in html
    assert (
        '<a class="govuk-link" href="#results-heading">Skip the filters and see the 1 provider found</a>'
        in html
    )


@pytest.mark.parametrize(
    ("params", "order"),
    [
        ({}, "Each group is sorted by distance, nearest first."),
        ({"sort": "price"}, "Each group is sorted by price per hour, lowest first;"),
        ({"sort": "relevance", "q": "care"}, "how well it matches your keywords"),
    ],
)
def test_the_results_say_how_they_are_sorted(client, directory, grays, params, order):
    builders.build_provider(directory=directory, summary="Personal care in Grays.")

    html = client.get(URL, {"postcode": "RM17 6SL", **params}).content.decode()

    assert order in html


def test_printed_results_say_what_was_searched_and_where_from(client, directory, grays):
    builders.build_provider(directory=directory, price_per_hour="20")
    query = {"postcode": "RM17 6SL", "max_price": "25"}

    html = client.get(URL, query).content.decode()

    # The filters print (only their "Remove" links do not), the download link does not.
    assert '<p class="govuk-body">Filters in use:</p>' in html
    assert re.search(r'<a class="govuk-link app-no-print" href="[^"]*">Remove', html)
    assert re.search(
        r'<p class="govuk-body app-no-print"><a class="govuk-link" href="[^"]*export', html
    )
    today = timezone.localdate().strftime("%-d %B %Y")
    printed = f"Printed from http://testserver{URL}?postcode=RM17+6SL&amp;max_price=25 on {today}"
    assert printed in html


def test_an_outward_code_alone_searches_from_the_district_centre(client, directory, grays):
    builders.build_provider(directory=directory, title="Nearby")

    response = client.get(URL, {"postcode": "RM17"})

    assert result_titles(response) == ["Nearby"]


def test_pagination_keeps_the_filters_and_pages_through_everyone(client, directory, grays):
    for n in range(23):
        builders.build_provider(
            directory=directory, title=f"Provider {n:02}", support_kinds=["pets"]
        )

    first = client.get(URL, {"postcode": "RM17 6SL", "support": "pets"})
    html = first.content.decode()
    assert len(result_titles(first)) == 20
    assert "23 providers near RM17 6SL" in html
    next_link = re.search(r'href="([^"]+)" rel="next"', html)[1].replace("&amp;", "&")
    assert "support=pets" in next_link and "page=2" in next_link

    second = client.get(URL + next_link)
    assert len(result_titles(second)) == 3
    assert set(result_titles(first)) | set(result_titles(second)) == {
        f"Provider {n:02}" for n in range(23)
    }
    past_the_end = client.get(URL, {"postcode": "RM17 6SL", "support": "pets", "page": "99"})
    assert result_titles(past_the_end) == result_titles(second)


def test_no_results_suggests_a_wider_distance_and_dropping_each_filter(client, directory, grays):
    builders.build_provider(
        directory=directory,
        title="Southend",
        postcode="SS1 1AA",
        travel_radius_miles=None,
        support_kinds=["pets"],
    )

    response = client.get(
        URL, {"postcode": "RM17 6SL", "distance": "3", "support": "pets", "new": "on"}
    )

    html = response.content.decode().replace("&amp;", "&")
    assert "No providers found near RM17 6SL" in html
    assert "No providers found: skip the filters and see what you can change</a>" in html
    wider = re.search(r'href="(\?[^"]*distance=5[^"]*)"', html)[1]
    assert "support=pets" in wider
    assert re.search(r'href="\?postcode=RM17\+6SL&distance=3&new=on"', html)  # drop "pets"
    assert re.search(r'href="\?postcode=RM17\+6SL&distance=3&support=pets"', html)  # drop "new"
    assert result_titles(client.get(URL, {"postcode": "RM17 6SL", "distance": "25"})) == [
        "Southend"
    ]


def _count_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_results_page_makes_a_fixed_number_of_queries_whatever_its_size(
    client, directory, grays
):
    params = {"postcode": "RM17 6SL", "support": "pets"}
    for n in range(2):
        page = builders.build_provider(directory=directory, title=f"A{n}", support_kinds=["pets"])
        builders.build_check(page=page, kind="dbs")
    client.get(URL, params)
    few = _count_queries(client, params)
    for n in range(25):
        page = builders.build_provider(directory=directory, title=f"B{n}", support_kinds=["pets"])
        builders.build_check(page=page, kind="insurance")
    client.get(URL, params)  # (the first search after a publish reads the largest radius)
    many = _count_queries(client, params)
    baseline = _count_queries(client, {})  # the same page with no search

    assert few == many
    # The search itself: postcode, ids with their count, rows, badges (the vocabularies
    # and the site shell come from the cache).
    assert many - baseline <= 4
    # With Wagtail's routing (site, home page, directory page as a page and as itself).
    assert many <= 8


def test_keywords_and_relevance_sort_from_the_url(client, directory, grays):
    builders.build_provider(directory=directory, title="Helpers", description="<p>Dementia.</p>")
    builders.build_provider(directory=directory, title="Dementia Friends")
    builders.build_provider(directory=directory, title="Cleaners")

    response = client.get(URL, {"postcode": "RM17 6SL", "q": "dementia", "sort": "relevance"})

    assert result_titles(response) == ["Dementia Friends", "Helpers"]


def test_relevance_without_keywords_sorts_by_distance(client, directory, grays):
    builders.build_provider(directory=directory, title="Far", postcode="RM20 3LP")
    builders.build_provider(directory=directory, title="Near", postcode="RM17 5SW")

    response = client.get(URL, {"postcode": "RM17 6SL", "sort": "relevance"})

    assert result_titles(response) == ["Near", "Far"]


def test_a_card_without_an_hourly_price_shows_the_session_or_night_price(client, directory, grays):
    builders.build_provider(
        directory=directory, title="Sessions", kind="shared_lives", price_per_hour=None,
        price_per_session="74.50", price_per_night="109",
    )  # fmt: skip
    builders.build_provider(
        directory=directory, title="Nights", kind="shared_lives", price_per_hour=None,
        price_per_night="109",
    )  # fmt: skip
    builders.build_provider(directory=directory, title="Unpriced", price_per_hour=None)

    html = client.get(URL, {"postcode": "RM17 6SL"}).content.decode()

    assert "£74.50 a session" in html and "£109 a night" in html
    assert html.count("Ask the provider") == 1
    assert "Providers who do not give an hourly price are left out." in html


def test_a_link_with_filters_but_no_postcode_presets_the_form_without_an_error(
    client, directory, grays
):
    # A guidance page's "Find Shared Lives schemes near you".
    html = client.get(URL, {"kind": "shared_lives", "pay": ["direct-payment", "nonsense"]}).text

    assert "govuk-error-summary" not in html and "results-heading" not in html
    assert re.search(r'name="kind"[^>]*value="shared_lives"[^>]*checked', html)
    assert re.search(r'name="pay"[^>]*value="direct-payment"[^>]*checked', html)
    assert not re.search(r'name="kind"[^>]*value="micro_enterprise"[^>]*checked', html)


def test_the_search_page_links_to_the_open_data(client, directory):
    html = client.get(URL).text

    assert '<a class="govuk-link" href="/data/providers.csv">' in html
    assert '<a class="govuk-link" href="/api/openreferral/">' in html
