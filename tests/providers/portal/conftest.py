import pytest

from tests import builders


@pytest.fixture
def workflow(directory):
    return builders.build_moderation_workflow(directory=directory)


@pytest.fixture
def owner(db):
    return builders.build_user(email="owner@example.org")


@pytest.fixture
def listing(directory, thurrock_postcodes, owner):
    return builders.build_provider(
        directory=directory,
        title="Sunrise Support",
        owner=owner,
        support_kinds=["personal-care"],
        summary="Friendly personal care in Grays.",
    )


@pytest.fixture
def other_listing(directory, thurrock_postcodes):
    other = builders.build_user(email="other@example.org")
    page = builders.build_provider(
        directory=directory, title="Other Carers Ltd", owner=other, postcode="SS1 1AA"
    )
    page.other_user = other
    return page


@pytest.fixture
def provider_client(client, owner, listing):
    client.force_login(owner)
    return client


@pytest.fixture
def moderator(db):
    return builders.build_user(groups=["Moderators"])
