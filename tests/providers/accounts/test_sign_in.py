"""Signing in at /manage/sign-in/ with the email address, signing out, lockout."""

import re

import pytest

from tests import builders

pytestmark = pytest.mark.django_db

SIGN_IN = "/manage/sign-in/"


def test_a_provider_signs_in_with_their_email_address_and_lands_on_the_portal(client, provider):
    user, _page = provider

    response = client.post(
        SIGN_IN, {"username": "Owner@Example.org", "password": builders.PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/manage/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_in_follows_next_on_this_site_only(client, provider):
    response = client.post(
        SIGN_IN + "?next=/manage/account/",
        {
            "username": "owner@example.org",
            "password": builders.PASSWORD,
            "next": "/manage/account/",
        },
    )
    assert response["Location"] == "/manage/account/"

    client.logout()
    response = client.post(
        SIGN_IN,
        {
            "username": "owner@example.org",
            "password": builders.PASSWORD,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/manage/"


def test_the_sign_in_page_has_the_fields_the_browser_stage_uses(client, home):
    html = client.get(SIGN_IN).content.decode()

    assert 'name="username"' in html
    assert 'name="password"' in html
    assert "<title>Sign in to manage your listing" in html


def test_empty_fields_get_govuk_messages_and_an_error_title(client, home):
    html = client.post(SIGN_IN, {"username": "", "password": ""}).content.decode()

    assert "<title>Error: Sign in" in html
    assert "There is a problem" in html
    assert 'href="#id_username">Enter your email address' in html
    assert 'href="#id_password">Enter your password' in html


def test_a_wrong_password_is_refused_with_the_answer_kept(client, provider):
    response = client.post(SIGN_IN, {"username": "owner@example.org", "password": "nope"})

    html = response.content.decode()
    assert response.status_code == 200
    # In the error summary, linked to the password box, and by that box, which is marked
    # invalid (it gives nothing away: the message names both).
    assert '<li><a href="#id_password">The email address or password is not correct</a>' in html
    assert html.count("The email address or password is not correct") == 2
    assert re.search(r'<input[^>]*name="password"[^>]*aria-invalid="true"', html)
    assert 'value="owner@example.org"' in html
    assert "_auth_user_id" not in client.session


def test_sign_in_locks_after_repeated_failures_even_with_the_case_changed(client, provider):
    user, _page = provider
    for username in ["owner@example.org", "OWNER@example.org", "Owner@Example.org"] * 2:
        client.post(SIGN_IN, {"username": username, "password": "wrong"})

    response = client.post(
        SIGN_IN, {"username": "owner@example.org", "password": builders.PASSWORD}
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many sign-in attempts" in html
    assert "reset your password" in html
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.last_login is None


def test_sign_out_is_a_post_and_ends_the_session(client, provider):
    user, _page = provider
    client.force_login(user)

    assert client.get("/manage/sign-out/").status_code == 405
    response = client.post("/manage/sign-out/", follow=True)

    assert "_auth_user_id" not in client.session
    assert "You have signed out" in response.content.decode()


def test_a_provider_signing_in_at_the_admin_gets_no_admin(client, provider):
    client.post("/admin/login/", {"username": "owner@example.org", "password": builders.PASSWORD})

    for path in ["/admin/", "/admin/pages/", "/admin/users/", "/admin/snippets/"]:
        response = client.get(path)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), path


def test_the_header_offers_sign_in_then_the_listing_and_sign_out(client, provider):
    html = client.get("/").content.decode()
    assert 'href="/manage/sign-in/"' in html
    assert "Sign out" not in html

    client.force_login(provider[0])
    html = client.get("/").content.decode()
    assert 'href="/manage/"' in html and "Manage your listing" in html
    assert 'href="/manage/account/"' in html
    assert 'action="/manage/sign-out/"' in html
    assert 'href="/manage/sign-in/"' not in html


def test_staff_are_not_offered_a_listing_in_the_header(client, home):
    client.force_login(builders.build_user(superuser=True))

    html = client.get("/").content.decode()

    assert "Manage your listing" not in html
    assert 'action="/manage/sign-out/"' in html
