"""Arbitrary query strings and parameter values never make the search page fail."""

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import builders

NAMES = st.sampled_from(
    [
        "postcode",
        "distance",
        "q",
        "support",
        "audience",
        "pay",
        "language",
        "day",
        "time",
        "max_price",
        "new",
        "kind",
        "sort",
        "page",
        "ids",
    ]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "RM17 6SL",
            "rm17",
            "ZZ99 9ZZ",
            "10",
            "25",
            "0",
            "-1",
            "1e9",
            "NaN",
            "pets",
            "bsl",
            "sat",
            "evening",
            "price",
            "relevance",
            "99999999999999999999",
            "\x00",
            '"*)(',
        ]
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.lists(st.tuples(NAMES, VALUES), max_size=8),
    raw=st.text(max_size=60),
)
def test_any_query_string_gets_a_page_not_a_server_error(client, directory, grays, params, raw):
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params)
    for url in (
        f"/find-support/?{query}",
        f"/find-support/?{raw}",
        f"/find-support/shortlist/?{query}",
    ):
        response = client.get(url)
        assert response.status_code < 500, url


def test_the_fuzzed_search_has_listings_to_find(client, directory, grays):
    builders.build_provider(directory=directory, title="Someone")
    assert b"Someone" in client.get("/find-support/?postcode=RM17+6SL").content
