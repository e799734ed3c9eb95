import pytest
from django.core.cache import cache

from tests import builders


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # selectors cache the largest travel radius
    yield
    cache.clear()


@pytest.fixture
def directory(home):
    return builders.build_directory(home=home)


@pytest.fixture
def grays(thurrock_postcodes):
    from providers.geography.selectors import lookup_postcode

    return lookup_postcode("RM17 6SL")


def titles(queryset) -> list[str]:
    return [row["title"] for row in queryset]
