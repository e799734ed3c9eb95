"""Each filter alone and combined: AND across groups, OR within a group."""

import pytest

from directory.selectors import search_listings
from providers import availability
from tests import builders

from .conftest import titles


@pytest.fixture
def listings(directory, grays):
    """Four providers near Grays with different vocabularies, hours, prices and kinds."""
    return {
        "Alpha": builders.build_provider(
            directory=directory,
            title="Alpha",
            summary="Personal care at home.",
            support_kinds=["personal-care"],
            audiences=["older-people"],
            payment_methods=["direct-payment"],
            languages=["pl"],
            availability=availability.to_mask(["mon_morning", "tue_morning"]),
            price_per_hour="18.00",
            taking_new_people=True,
        ),
        "Bravo": builders.build_provider(
            directory=directory,
            title="Bravo",
            summary="Gardening and home maintenance.",
            support_kinds=["gardening-and-home-maintenance", "pets"],
            audiences=["older-people", "autistic-people"],
            payment_methods=["self-funded"],
            access_features=["bsl"],
            availability=availability.to_mask(["sat_afternoon"]),
            price_per_hour="25.00",
            taking_new_people=False,
        ),
        "Charlie": builders.build_provider(
            directory=directory,
            title="Charlie",
            kind="shared_lives",
            summary="Shared Lives short breaks.",
            support_kinds=["shared-lives-short-break"],
            audiences=["people-with-a-learning-disability"],
            payment_methods=["direct-payment", "self-funded"],
            languages=["cy"],
            availability=availability.to_mask(["sat_evening", "sun_overnight"]),
            price_per_hour=None,
        ),
        "Delta": builders.build_provider(
            directory=directory,
            title="Delta",
            summary="Companionship and befriending for people living with dementia.",
            support_kinds=["companionship-and-befriending"],
            audiences=["people-living-with-dementia"],
            payment_methods=[],
            availability=availability.to_mask(["wed_evening"]),
            price_per_hour="30.00",
        ),
    }


def found(grays, **filters) -> set[str]:
    return set(titles(search_listings(location=grays, **filters)))


def test_the_vocabulary_slugs_used_here_exist(listings):
    assert listings["Alpha"].support_kinds.count() == 1
    assert listings["Bravo"].support_kinds.count() == 2
    assert listings["Bravo"].access_features.count() == 1


def test_no_filter_finds_everyone(grays, listings):
    assert found(grays) == {"Alpha", "Bravo", "Charlie", "Delta"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"support_kinds": ["personal-care"]}, {"Alpha"}),
        ({"support_kinds": ["personal-care", "pets"]}, {"Alpha", "Bravo"}),
        ({"audiences": ["older-people"]}, {"Alpha", "Bravo"}),
        ({"audiences": ["autistic-people", "people-living-with-dementia"]}, {"Bravo", "Delta"}),
        ({"payment_methods": ["self-funded"]}, {"Bravo", "Charlie"}),
        ({"languages": ["pl"]}, {"Alpha"}),
        ({"languages": ["bsl"]}, {"Bravo"}),
        ({"languages": ["cy", "bsl"]}, {"Bravo", "Charlie"}),
        ({"days": ["sat"]}, {"Bravo", "Charlie"}),
        ({"parts": ["evening"]}, {"Charlie", "Delta"}),
        ({"days": ["sat"], "parts": ["evening", "overnight"]}, {"Charlie"}),
        ({"days": ["mon", "wed"], "parts": ["morning"]}, {"Alpha"}),
        ({"max_price_per_hour": 25}, {"Alpha", "Bravo"}),
        ({"max_price_per_hour": 10}, set()),
        ({"taking_new_people": True}, {"Alpha", "Charlie", "Delta"}),
        ({"provider_kinds": ["shared_lives"]}, {"Charlie"}),
        (
            {"provider_kinds": ["shared_lives", "micro_enterprise"]},
            {"Alpha", "Bravo", "Charlie", "Delta"},
        ),
        ({"keywords": "dementia"}, {"Delta"}),
        ({"keywords": "GARDEN"}, {"Bravo"}),  # any case; stemmed: gardening
        ({"keywords": "short breaks"}, {"Charlie"}),  # every word must match
        ({"keywords": "breaks gardening"}, set()),
        ({"keywords": "\"'*)(:^-"}, {"Alpha", "Bravo", "Charlie", "Delta"}),  # no words
        ({"keywords": 'care" OR NEAR(x'}, set()),  # FTS syntax is only ever words
    ],
)
def test_each_filter_alone(grays, listings, filters, expected):
    assert found(grays, **filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"audiences": ["older-people"], "payment_methods": ["self-funded"]}, {"Bravo"}),
        ({"audiences": ["older-people"], "taking_new_people": True}, {"Alpha"}),
        ({"support_kinds": ["personal-care", "pets"], "max_price_per_hour": 20}, {"Alpha"}),
        ({"payment_methods": ["direct-payment"], "days": ["sat"]}, {"Charlie"}),
        ({"languages": ["pl", "bsl"], "keywords": "gardening"}, {"Bravo"}),
        (
            {
                "audiences": ["older-people"],
                "payment_methods": ["direct-payment"],
                "languages": ["cy"],
            },
            set(),
        ),
    ],
)
def test_filters_combine_with_and_across_groups(grays, listings, filters, expected):
    assert found(grays, **filters) == expected


def test_relevance_puts_name_matches_before_description_matches(directory, grays):
    builders.build_provider(
        directory=directory, title="Helpers", summary="We help.", description="<p>Gardens.</p>"
    )
    builders.build_provider(directory=directory, title="Garden Friends", summary="Outdoors.")
    builders.build_provider(directory=directory, title="Outdoor", summary="Garden visits.")

    rows = titles(search_listings(location=grays, keywords="garden", sort="relevance"))

    assert rows == ["Garden Friends", "Outdoor", "Helpers"]


def test_term_ids_beyond_the_bitmask_still_filter(directory, grays):
    from providers.models import SupportKind

    SupportKind.objects.create(id=90, name="Music therapy", slug="music-therapy")
    builders.build_provider(directory=directory, title="Music", support_kinds=["music-therapy"])
    builders.build_provider(directory=directory, title="Other", support_kinds=["pets"])

    assert found(grays, support_kinds=["music-therapy"]) == {"Music"}
    assert found(grays, support_kinds=["music-therapy", "pets"]) == {"Music", "Other"}
