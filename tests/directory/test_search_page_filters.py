"""The search page's filters: what narrows the results, how the panel shows them and
what it says of those in use, and links with filters that are wrong or gone."""

import re

import pytest

from tests import builders

from .test_search_page import URL, result_titles


def test_filters_in_use_read_as_plain_words(client, directory, grays):
    builders.build_provider(directory=directory, postcode="RM17 6SL")

    html = client.get(URL, {"postcode": "RM17 6SL", "max_price": "30.5", "q": "care"}).content
    html = html.decode()

    assert "Maximum price: £30.50 an hour <a" in html
    assert "Keywords: care <a" in html


@pytest.mark.parametrize(("max_price", "titles"), [("0", ["Free"]), ("£25", ["Free", "Mid"])])
def test_a_maximum_price_of_nothing_or_in_pounds_narrows_the_results(
    client, directory, grays, max_price, titles
):
    for title, price in (("Free", "0"), ("Mid", "20"), ("Dear", "30")):
        builders.build_provider(directory=directory, title=title, price_per_hour=price)

    response = client.get(URL, {"postcode": "RM17 6SL", "max_price": max_price, "sort": "price"})

    assert result_titles(response) == titles
    assert "£0 an hour" in response.content.decode()  # whole pounds without ".00"


def test_filters_from_the_url_narrow_the_results(client, directory, grays):
    builders.build_provider(directory=directory, title="Carer", support_kinds=["personal-care"])
    builders.build_provider(directory=directory, title="Gardener", support_kinds=["pets"])

    response = client.get(URL, {"postcode": "RM17 6SL", "support": ["pets", "transport"]})

    assert result_titles(response) == ["Gardener"]
    html = response.content.decode()
    assert 'value="pets" checked' in html
    # Each group of checkboxes folds away until it is in use.
    folds = re.findall(
        r'<details class="govuk-details app-filter"( open)?>\s*<summary[^>]*>'
        r"<span[^>]*>([^<]+)</span>",
        html,
    )
    assert ("open", "Kinds of support") in [(o.strip(), name) for o, name in folds]
    assert ("", "Who it is for") in [(o.strip(), name) for o, name in folds]


def test_the_filter_panel_follows_each_search_and_the_terms_moderators_change(
    client, directory, grays
):
    from providers.models import SupportKind

    def panel(params):
        html = client.get(URL, {"postcode": "RM17 6SL", **params}).content.decode()
        return html[html.index("Filter the results") : html.index("Apply filters")]

    assert 'value="pets" checked' in panel({"support": "pets"})
    assert 'value="pets" checked' not in panel({})
    assert 'value="pets" checked' in panel({"support": "pets", "postcode": "RM17 5SW"})
    for _ in range(2):  # an error shows each time, not only when first rendered
        html = panel({"support": "pets", "max_price": "lots"})
        assert "Enter a price in pounds, like 25 or 22.50" in html
        assert 'value="lots"' in html and 'value="pets" checked' in html
    pets = SupportKind.objects.get(slug="pets")
    old_name = pets.name
    pets.name = "Pet care and dog walking"
    pets.save()  # as a moderator does in the admin

    html = panel({"support": "pets"})
    assert "Pet care and dog walking" in html and old_name not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"max_price": "cheap"}, "Enter a price in pounds, like 25 or 22.50"),
        ({"max_price": "-1"}, "Enter a price of £0 or more"),
        ({"max_price": "9999"}, "Enter a price of £500 or less"),
        ({"distance": "7"}, "Select a distance from the list"),
        ({"sort": "cheapest"}, "Select how to sort the results"),
        ({"q": "x" * 101}, "Keywords must be 100 characters or fewer"),
    ],
)
def test_tampered_filters_get_an_error_not_a_crash(client, directory, grays, params, message):
    response = client.get(URL, {"postcode": "RM17 6SL", **params})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()


def test_a_link_to_filters_no_longer_offered_searches_without_them_and_says_so(
    client, directory, grays
):
    """A shared or bookmarked search outlives a term a moderator removes: the rest of it
    still runs, at an address without what is gone. What the link asked for is not
    repeated on the page (a link's text is not ours to show)."""
    builders.build_provider(directory=directory, title="Pets", support_kinds=["pets"])
    builders.build_provider(directory=directory, title="Garden", support_kinds=["gardening"])
    query = {
        "postcode": "RM17 6SL",
        "support": ["pets", "Call-0800-000"],
        "day": "someday",
        "page": "3",
    }

    response = client.get(URL, query, follow=True)

    assert response.redirect_chain == [(f"{URL}?postcode=RM17+6SL&support=pets", 302)]
    html = response.content.decode()
    assert "There is a problem" not in html
    assert result_titles(response) == ["Pets"]
    assert "asked for 2 filters this site no longer offers" in html
    assert "Call-0800-000" not in html and "someday" not in html
    one = client.get(URL, {**query, "day": "mon"}, follow=True)
    assert one.redirect_chain == [(f"{URL}?postcode=RM17+6SL&support=pets&day=mon", 302)]
    assert (
        "a filter this site no longer offers, so the search leaves it out" in one.content.decode()
    )
    again = client.get(URL, {"postcode": "RM17 6SL", "support": "pets"})
    assert again.status_code == 200 and "no longer offers" not in again.content.decode()
