import pytest


@pytest.fixture
def grays(thurrock_postcodes):
    from providers.geography.selectors import lookup_postcode

    return lookup_postcode("RM17 6SL")


def titles(queryset) -> list[str]:
    return [row["title"] for row in queryset]
