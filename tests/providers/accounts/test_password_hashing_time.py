"""Sign-up and sign-in take as long whether or not an address has an account: each
hashes a password as many times on every path (hashing is what makes them slow; a
password hasher takes a deliberate fraction of a second). Timing itself is too noisy to
test, so a hasher that counts how often it hashes stands in for the clock."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher

from tests import builders

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


class CountingHasher(MD5PasswordHasher):
    """The test settings' fast hasher, counting each hash it computes (checking a
    password computes one too)."""

    algorithm = "counting_md5"
    hashes = 0

    def encode(self, password, salt):
        CountingHasher.hashes += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def counting_hasher(settings):
    """Before any account is made, so that every password is hashed by it."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]


def hashes(client, url, data) -> int:
    before = CountingHasher.hashes
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    return CountingHasher.hashes - before


def sign_up(email):
    return {
        "name": "Thurrock Homecare",
        "kind": "micro_enterprise",
        "email": email,
        "password": PASSWORD,
        "password_confirm": PASSWORD,
    }


def test_signing_up_hashes_the_password_once_whether_or_not_the_address_has_an_account(
    client, provider
):
    counts = {
        "new address": hashes(client, "/manage/sign-up/", sign_up("new@example.org")),
        "confirmed account": hashes(client, "/manage/sign-up/", sign_up("owner@example.org")),
        "a double submit": hashes(client, "/manage/sign-up/", sign_up("new@example.org")),
    }

    assert counts == {"new address": 1, "confirmed account": 1, "a double submit": 1}
    assert get_user_model().objects.filter(username="new@example.org").count() == 1


def test_a_failed_sign_in_hashes_as_often_whether_or_not_the_address_has_an_account(
    client, provider
):
    builders.build_user(username="waiting@example.org", email="waiting@example.org")
    get_user_model().objects.filter(username="waiting@example.org").update(is_active=False)
    wrong = "not-the-password-at-all"

    counts = {
        email: hashes(client, "/manage/sign-in/", {"username": email, "password": wrong})
        for email in ("nobody@example.org", "owner@example.org", "waiting@example.org")
    }

    assert len(set(counts.values())) == 1, counts
