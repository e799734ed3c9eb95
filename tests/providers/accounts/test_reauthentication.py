"""Every form that asks a signed-in provider for their current password checks it the way
signing in does, so wrong guesses count towards the same lockout (django-axes)."""

import pytest
from django.conf import settings

from tests import builders

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase"


def change_password(client, old_password):
    return client.post(
        "/manage/account/password/",
        {
            "old_password": old_password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )


def test_wrong_current_passwords_on_the_password_form_lead_to_the_lockout(client, provider):
    user, _page = provider
    client.force_login(user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        html = change_password(client, "wrong-guess").content.decode()
        if "Too many sign-in attempts" not in html:
            assert "Your current password is not correct" in html

    response = change_password(client, builders.PASSWORD)

    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(builders.PASSWORD)
    assert not user.check_password(NEW_PASSWORD)
    client.logout()  # and signing in is locked out too: the guesses counted for the account
    signed_in = client.post(
        "/manage/sign-in/", {"username": user.username, "password": builders.PASSWORD}
    )
    assert signed_in.status_code == 429


def test_a_right_current_password_still_changes_it(client, provider):
    user, _page = provider
    client.force_login(user)
    change_password(client, "wrong-guess")

    response = change_password(client, builders.PASSWORD)

    assert response["Location"] == "/manage/account/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/manage/account/").status_code == 200  # still signed in


@pytest.mark.parametrize(
    "url, data",
    [
        ("/manage/account/email/", {"email": "new@example.org"}),
        ("/manage/account/delete/", {}),
    ],
)
def test_the_other_forms_that_ask_for_the_password_lock_out_too(client, provider, url, data):
    user, _page = provider
    client.force_login(user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {**data, "password": "wrong-guess"})

    response = client.post(url, {**data, "password": builders.PASSWORD})

    assert response.status_code == 429
    user.refresh_from_db()
    assert user.email == "owner@example.org"
