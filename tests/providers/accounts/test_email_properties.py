"""Rules that hold for every way of writing an address: one account per address, whatever
its case or surrounding spaces."""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from providers.accounts import services
from providers.models import ProviderPage

pytestmark = pytest.mark.django_db

ADDRESS = "Jo.Bloggs+care@Example.org"


def variants():
    """The address with each letter's case chosen freely, and optional spaces around it."""
    return st.tuples(
        st.lists(st.booleans(), min_size=len(ADDRESS), max_size=len(ADDRESS)),
        st.sampled_from(["", " ", "  "]),
        st.sampled_from(["", " ", "\t"]),
    ).map(
        lambda t: (
            t[1]
            + "".join(c.upper() if up else c.lower() for c, up in zip(ADDRESS, t[0], strict=True))
            + t[2]
        )
    )


@given(variants())
def test_normalising_an_address_is_idempotent_and_ignores_case(address):
    normal = services.normalise_email(address)

    assert normal == ADDRESS.lower()
    assert services.normalise_email(normal) == normal


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(address=variants())
def test_any_spelling_of_an_address_in_use_makes_no_second_account(directory, address):
    if not get_user_model().objects.exists():
        services.sign_up(
            email=ADDRESS, password="pw-not-checked-here", name="First", kind="micro_enterprise"
        )

    user, created = services.sign_up(
        email=address, password="pw-not-checked-here", name="Second", kind="micro_enterprise"
    )

    assert not created
    assert user.username == ADDRESS.lower()
    assert get_user_model().objects.count() == 1
    assert ProviderPage.objects.count() == 1
