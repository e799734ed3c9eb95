import pytest

from tests import builders


@pytest.fixture
def directory(home):
    return builders.build_directory(home=home)


@pytest.fixture
def grays(thurrock_postcodes):
    from providers.geography.selectors import lookup_postcode

    return lookup_postcode("RM17 6SL")
