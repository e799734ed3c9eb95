import pytest

from tests import builders


@pytest.fixture
def provider(directory):
    """(user, listing): a confirmed micro-enterprise account with a draft listing."""
    return builders.build_provider_account(
        directory=directory,
        email="owner@example.org",
        title="Owner's Care",
        postcode=None,
        live=False,
    )


@pytest.fixture
def signed_in(client, provider):
    """The provider account, signed in: (user, listing)."""
    client.force_login(provider[0])
    return provider


@pytest.fixture
def scheme(directory):
    """(user, listing): a Shared Lives scheme's owner account, whose staff are co-editors."""
    return builders.build_provider_account(
        directory=directory,
        email="scheme@example.org",
        kind="shared_lives",
        title="Essex Shared Lives",
        postcode=None,
    )
