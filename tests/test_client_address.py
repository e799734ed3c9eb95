"""Behind the load balancer (TRUSTED_PROXY_COUNT), every per-address rule counts the
client, not the proxy: the rate limits, the sign-in lockout (django-axes) and the survey's
receipt-code limit. Only the entries our own proxies appended to X-Forwarded-For are
believed; with no proxy the header is ignored (home.middleware.ClientAddressMiddleware)."""

import pytest
from axes.models import AccessAttempt

from home.middleware import forwarded_client_address
from providers.models import Enquiry
from tests import builders
from tests.providers.public_forms import (
    enquiry_data,
    listing_with_owner_and_co_editor,
    send_enquiry,
)

PROXY = "10.0.0.1"  # the load balancer: every request reaches the app server from it


def via_proxy(forwarded_for: str) -> dict:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy of ours: the header is the client's own
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1, 203.0.113.5", "203.0.113.5"),  # left entry came from the client
        (2, "198.51.100.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"),  # a CDN, then the LB
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: as the server saw it
        (1, "", PROXY),
        (1, "203.0.113.5, not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_count_th_forwarded_address_from_the_right(
    count, forwarded_for, expected
):
    meta = via_proxy(forwarded_for)

    assert forwarded_client_address(meta, count) == expected


@pytest.fixture
def listing(directory, thurrock_postcodes):
    return listing_with_owner_and_co_editor(directory)


def test_behind_the_proxy_each_client_has_its_own_enquiry_limit(client, listing, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ENQUIRY_RATE_LIMIT = 1
    assert (
        send_enquiry(client, listing, enquiry_data(), **via_proxy("203.0.113.5")).status_code == 302
    )

    again = send_enquiry(
        client, listing, enquiry_data(message="Another one."), **via_proxy("203.0.113.5")
    )
    other = send_enquiry(
        client, listing, enquiry_data(message="From elsewhere."), **via_proxy("198.51.100.7")
    )

    assert again.status_code == 429
    assert other.status_code == 302
    assert Enquiry.objects.count() == 2


def test_a_client_cannot_choose_its_address_with_its_own_forwarded_for(client, listing, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ENQUIRY_RATE_LIMIT = 1
    assert (
        send_enquiry(client, listing, enquiry_data(), **via_proxy("203.0.113.5")).status_code == 302
    )

    # The client sent "X-Forwarded-For: 192.0.2.99"; the load balancer appended its address.
    forged = send_enquiry(
        client,
        listing,
        enquiry_data(message="Another one."),
        **via_proxy("192.0.2.99, 203.0.113.5"),
    )

    assert forged.status_code == 429
    assert Enquiry.objects.count() == 1


def test_with_no_proxy_forwarded_for_is_ignored(client, listing, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.ENQUIRY_RATE_LIMIT = 1
    assert (
        send_enquiry(client, listing, enquiry_data(), **via_proxy("203.0.113.5")).status_code == 302
    )

    other = send_enquiry(
        client, listing, enquiry_data(message="Another one."), **via_proxy("198.51.100.7")
    )

    assert other.status_code == 429


def test_a_lockout_from_one_client_does_not_lock_the_account_for_another(client, home, settings):
    """django-axes locks a username from an address (AXES_LOCKOUT_PARAMETERS is username and
    address together): behind the proxy that address is the client's, so someone guessing
    a password locks only themselves out."""
    settings.TRUSTED_PROXY_COUNT = 1
    builders.build_user(username="editor", superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}, **via_proxy("203.0.113.5")
        )
    locked = client.post(
        "/admin/login/",
        {"username": "editor", "password": builders.PASSWORD},
        **via_proxy("203.0.113.5"),
    )
    assert locked.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}

    owner = client.post(
        "/admin/login/",
        {"username": "editor", "password": builders.PASSWORD},
        **via_proxy("198.51.100.7"),
    )

    assert owner.status_code == 302
    assert client.session["_auth_user_id"]


def test_behind_the_proxy_each_client_has_its_own_receipt_code_attempts(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    builders.build_wave(title="2026")
    for _ in range(10):
        client.post("/survey/resume/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, **via_proxy("203.0.113.5"))

    guesser = client.post("/survey/resume/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, **via_proxy("203.0.113.5"))
    other = client.post("/survey/resume/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, **via_proxy("198.51.100.7"))

    assert "Too many receipt codes tried" in guesser.content.decode()
    assert "Too many receipt codes tried" not in other.content.decode()
    assert "We could not find a response with that receipt code" in other.content.decode()
