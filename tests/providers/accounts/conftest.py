import pytest
from django.core.cache import cache

from tests import builders


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(home):
    return builders.build_directory(home=home)


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
