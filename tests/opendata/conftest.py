import datetime

import pytest
from django.utils import timezone

from tests import builders


@pytest.fixture
def listings(directory, thurrock_postcodes):
    """A home-based micro-enterprise, one with premises, a Shared Lives scheme with an
    office (still generalised), and listings the API must never show."""
    home_based = builders.build_provider(
        directory=directory,
        title="Grays Home Help",
        postcode="RM17 5SW",
        support_kinds=["personal-care"],
        audiences=["older-people"],
        languages=["pl"],
        payment_methods=["direct-payment"],
        availability=0b1111,
        phone="01375 000000",
        show_phone=True,
        email="hidden@example.org",
        show_email=False,
        councils=["E06000033"],
    )
    premises = builders.build_provider(
        directory=directory,
        title="Southend Day Club",
        postcode="SS1 1AA",
        town="Southend-on-Sea",
        premises_address="Unit 3, Victoria Avenue\nSouthend-on-Sea\nSS0 7AB",
        support_kinds=["activities-hobbies-and-day-opportunities"],
        travel_radius_miles=None,
    )
    shared_lives = builders.build_provider(
        directory=directory,
        title="Essex Shared Lives",
        kind="shared_lives",
        postcode="CM1 1QH",
        town="Chelmsford",
        premises_address="County Hall\nChelmsford\nCM1 1QH",
        support_kinds=["shared-lives-short-break"],
        travel_radius_miles=30,
    )
    hidden = [
        builders.build_provider(directory=directory, title="Draft Carer", live=False),
        builders.build_provider(
            directory=directory,
            title="Stale Carer",
            last_confirmed_at=timezone.now() - datetime.timedelta(days=400),
        ),
    ]
    return {
        "home_based": home_based,
        "premises": premises,
        "shared_lives": shared_lives,
        "hidden": hidden,
    }


@pytest.fixture
def moderator(db):
    return builders.build_user(groups=["Moderators"])


@pytest.fixture
def place(directory, thurrock_postcodes):
    """Somewhere to import listings to: the directory page and the Thurrock postcodes."""
    return directory
