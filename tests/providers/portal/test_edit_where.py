"""Editing where a provider works: the base postcode (full postcodes only, with the area
derived from it), the travel radius and the councils covered."""

import pytest
from django.urls import reverse

from providers.geography.models import Council
from providers.models import ProviderPage

from .test_edit import latest

WHERE = reverse("portal:edit_where")


def test_where_derives_the_area_from_a_full_postcode(provider_client, listing):
    council = Council.objects.get(gss_code="E06000033")

    response = provider_client.post(
        WHERE,
        {"postcode": "ss0 7ab", "town": "Westcliff", "councils_covered": [council.pk]},
    )

    assert response.status_code == 302
    draft = latest(listing)
    assert draft.base_postcode == "SS0 7AB"
    assert draft.area_label == "Westcliff, Southend-on-Sea (SS0)"
    assert draft.council_code == "E06000033"
    assert [c.pk for c in draft.councils_covered.all()] == ["E06000033"]
    assert ProviderPage.objects.get(pk=listing.pk).base_postcode == "RM17 5SW"


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("RM17", "Enter a full postcode, like RM17 6SL"),
        ("ZZ99 9ZZ", "We could not find that postcode. Check it and try again"),
        ("not a postcode", "Enter a real postcode, like RM17 6SL"),
        ("", "Enter a postcode, like RM17 6SL"),
    ],
)
def test_where_refuses_unknown_or_partial_postcodes(provider_client, listing, postcode, message):
    response = provider_client.post(
        WHERE, {"postcode": postcode, "town": "Tilbury", "travel_radius_miles": "12"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Tilbury"' in html and 'value="12"' in html
    assert latest(listing).base_postcode == "RM17 5SW"


def test_where_needs_a_radius_or_councils(provider_client, listing):
    response = provider_client.post(WHERE, {"postcode": "RM17 5SW", "travel_radius_miles": ""})
    assert "Enter how far you will travel, or choose the councils you cover" in (
        response.content.decode()
    )


def test_a_shared_lives_scheme_is_not_asked_for_a_premises_address(provider_client, listing):
    assert 'name="premises_address"' in provider_client.get(WHERE).content.decode()
    ProviderPage.objects.filter(pk=listing.pk).update(kind=ProviderPage.Kind.SHARED_LIVES)

    html = provider_client.get(WHERE).content.decode()

    assert 'name="premises_address"' not in html


def test_the_council_list_folds_away_until_the_provider_uses_it(provider_client, listing):
    html = provider_client.get(WHERE).content.decode()

    details = html[html.index('<details class="govuk-details"') : html.index("</details>")]
    assert "Choose whole council areas you cover" in details
    assert 'name="councils_covered"' in details  # every council checkbox is inside it
    assert html.count('name="councils_covered"') == details.count('name="councils_covered"')
    assert " open>" not in details[:60]  # folded: the listing covers no council yet
