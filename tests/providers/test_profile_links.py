"""Links on a profile that depend on how the visitor got there: back to the search results
they came from, and the address a printed profile names."""

import re

import pytest

from tests import builders

BACK = "Back to search results"


def _back_href(html: str) -> str | None:
    found = re.search(r'<a href="([^"]*)" class="govuk-back-link">', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_a_profile_opened_from_results_links_back_to_that_page_and_card(
    client, directory, thurrock_postcodes
):
    page = builders.build_provider(directory=directory, title="Grays Companions")
    search = "/find-support/?postcode=RM17+6SL&distance=10&sort=price&page=1"
    results = client.get(search).content.decode()
    assert f'href="{page.url}">Grays Companions' in results

    response = client.get(page.url, HTTP_REFERER="http://testserver" + search)
    html = response.content.decode()

    assert _back_href(html) == f"{search}#result-{page.pk}"
    assert f'id="result-{page.pk}"' in results  # the anchor is the card's heading
    assert BACK in html
    # GOV.UK: never a back link together with breadcrumbs.
    assert "govuk-breadcrumbs" not in html
    assert "Referer" in response["Vary"]


@pytest.mark.parametrize(
    "referrer",
    [
        None,  # typed in, a bookmark, or a browser that withholds the referrer
        "http://testserver/find-support/",  # the empty search form
        "http://testserver/",
        "http://testserver/find-support/shortlist/add/",
        "http://testserver/find-support/elsewhere/?postcode=RM17+6SL",
        "https://evil.example/find-support/?postcode=RM17+6SL",
        "//evil.example/find-support/?postcode=RM17+6SL",
        "javascript:alert(1)//testserver/find-support/?x=1",
        "http://[::1/find-support/?postcode=RM17",  # malformed
    ],
)
def test_otherwise_the_profile_keeps_its_breadcrumbs(
    client, directory, thurrock_postcodes, referrer
):
    page = builders.build_provider(directory=directory)
    headers = {"HTTP_REFERER": referrer} if referrer is not None else {}

    html = client.get(page.url, **headers).content.decode()

    assert _back_href(html) is None and BACK not in html
    assert "govuk-breadcrumbs" in html


@pytest.mark.parametrize("query", ["", "?ids=3,1"])
def test_a_profile_opened_from_a_shortlist_links_back_to_it(
    client, directory, thurrock_postcodes, query
):
    page = builders.build_provider(directory=directory)
    shortlist = f"/find-support/shortlist/{query}"

    html = client.get(page.url, HTTP_REFERER="http://testserver" + shortlist).content.decode()

    assert _back_href(html) == f"{shortlist}#result-{page.pk}"
    assert "Back to the shortlist" in html and BACK not in html


def test_adding_to_the_shortlist_from_the_profile_keeps_the_back_link(
    client, directory, thurrock_postcodes
):
    page = builders.build_provider(directory=directory, title="Grays Companions")
    search = "/find-support/?postcode=RM17+6SL&distance=10&page=1"
    profile = client.get(page.url, HTTP_REFERER="http://testserver" + search).content.decode()
    next_url = re.search(r'name="next" value="([^"]*)"', profile).group(1).replace("&amp;", "&")

    # The form comes back to the profile, whose Referer is then the profile itself.
    added = client.post(
        "/find-support/shortlist/add/",
        {"page_id": page.pk, "next": next_url},
        HTTP_REFERER="http://testserver" + page.url,
    )
    assert added.status_code == 302
    html = client.get(
        added["Location"], HTTP_REFERER="http://testserver" + page.url
    ).content.decode()

    assert "Added to your shortlist." in html
    assert _back_href(html) == f"{search}#result-{page.pk}"


@pytest.mark.parametrize(
    "handed_on",
    [
        "https://evil.example/find-support/?postcode=RM17+6SL",
        "//evil.example/find-support/?postcode=RM17+6SL",
        "/elsewhere/?postcode=RM17+6SL",
        "/find-support/",
        "http://[::1/find-support/?postcode=RM17",
    ],
)
def test_a_handed_on_list_address_must_be_one_of_the_sites_lists(
    client, directory, thurrock_postcodes, handed_on
):
    page = builders.build_provider(directory=directory)

    html = client.get(page.url, {"from": handed_on}).content.decode()

    assert _back_href(html) is None
    assert "govuk-breadcrumbs" in html


def test_the_back_link_is_escaped(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory)
    search = 'http://testserver/find-support/?q="><script>alert(1)</script>'

    html = client.get(page.url, HTTP_REFERER=search).content.decode()

    assert "<script>alert(1)" not in html
    assert _back_href(html).startswith("/find-support/?q=&quot;&gt;&lt;script&gt;")


def test_a_printed_profile_names_the_address_the_visitor_used(
    client, directory, thurrock_postcodes
):
    # Not the Site record's hostname (localhost on a fresh install).
    page = builders.build_provider(directory=directory)

    html = client.get(page.url, HTTP_HOST="127.0.0.1").content.decode()

    assert f"Printed from http://127.0.0.1{page.url}" in html
