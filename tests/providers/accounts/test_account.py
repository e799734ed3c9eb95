"""Your account: change email (confirmed by a link), change password, delete account."""

import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests import builders

pytestmark = pytest.mark.django_db


def link_in_last_email(pattern=r"http://testserver(/manage/\S+/)"):
    return re.search(pattern, mail.outbox[-1].body).group(1)


def test_the_account_page_needs_a_signed_in_provider(client, provider, home):
    assert client.get("/manage/account/")["Location"].startswith("/manage/sign-in/?next=")

    moderator = builders.build_user(groups=["Moderators"])
    client.force_login(moderator)
    assert client.get("/manage/account/").status_code == 403

    client.force_login(provider[0])
    html = client.get("/manage/account/").content.decode()
    assert "owner@example.org" in html
    assert "Owner&#x27;s Care" in html


# Change email ------------------------------------------------------------------------


def test_changing_email_takes_effect_only_when_the_new_address_confirms(client, signed_in):
    user, _page = signed_in

    response = client.post(
        "/manage/account/email/", {"email": "New@Example.org", "password": builders.PASSWORD}
    )

    assert "Check your email" in response.content.decode()
    user.refresh_from_db()
    assert user.email == "owner@example.org"
    to_new, to_old = mail.outbox
    assert to_new.to == ["new@example.org"]
    assert to_old.to == ["owner@example.org"]
    link = re.search(r"http://testserver(/manage/\S+/)", to_new.body).group(1)

    response = client.get(link, follow=True)

    assert "Your email address is now new@example.org" in response.content.decode()
    user.refresh_from_db()
    assert user.email == user.username == "new@example.org"
    assert mail.outbox[-1].to == ["owner@example.org"]  # told it has changed
    client.logout()
    assert (
        client.post(
            "/manage/sign-in/", {"username": "new@example.org", "password": builders.PASSWORD}
        )["Location"]
        == "/manage/"
    )
    # The link is spent: it was made for the old address.
    client.force_login(user)
    assert "This link has expired" in client.get(link).content.decode()


def test_change_email_form_messages_and_answers_kept(client, signed_in):
    html = client.post("/manage/account/email/", {"email": "", "password": ""}).content.decode()
    assert "<title>Error: Change your email address" in html
    assert "Enter your new email address" in html
    assert "Enter your password" in html

    html = client.post(
        "/manage/account/email/", {"email": "fresh@example.org", "password": "wrong"}
    ).content.decode()
    assert "Your password is not correct" in html
    assert 'value="fresh@example.org"' in html

    html = client.post(
        "/manage/account/email/", {"email": "OWNER@example.org", "password": builders.PASSWORD}
    ).content.decode()
    assert "This is already your email address" in html
    assert mail.outbox == []


def test_changing_to_an_address_with_an_account_changes_nothing(client, signed_in, directory):
    other, _ = builders.build_provider_account(
        directory=directory, email="other@example.org", postcode=None
    )

    html = client.post(
        "/manage/account/email/", {"email": "other@example.org", "password": builders.PASSWORD}
    ).content.decode()

    assert "Check your email" in html  # the same page either way
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert "Someone tried to use your email address" in mail.outbox[0].subject


def test_asking_again_at_once_sends_the_change_email_messages_once(client, signed_in):
    """Reposting the form cannot fill someone's inbox."""
    for _ in range(2):
        html = client.post(
            "/manage/account/email/", {"email": "new@example.org", "password": builders.PASSWORD}
        ).content.decode()
        assert "Check your email" in html

    assert sorted(m.to[0] for m in mail.outbox) == ["new@example.org", "owner@example.org"]


def test_a_change_email_link_works_only_for_its_account_and_in_time(client, signed_in, directory):
    user, _page = signed_in
    client.post(
        "/manage/account/email/", {"email": "new@example.org", "password": builders.PASSWORD}
    )
    link = re.search(r"(/manage/account/email/confirm/\S+/)", mail.outbox[0].body).group(1)

    other, _ = builders.build_provider_account(directory=directory, postcode=None)
    client.force_login(other)
    assert "This link has expired" in client.get(link).content.decode()

    client.force_login(user)
    assert "This link has expired" in client.get(link[:-3] + "xx/").content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=4)):
        assert "This link has expired" in client.get(link).content.decode()
    user.refresh_from_db()
    other.refresh_from_db()
    assert user.email == "owner@example.org"
    assert other.email != "new@example.org"


def test_a_change_email_link_fails_if_the_address_was_taken_meanwhile(client, signed_in, directory):
    user, _page = signed_in
    client.post(
        "/manage/account/email/", {"email": "new@example.org", "password": builders.PASSWORD}
    )
    link = re.search(r"(/manage/account/email/confirm/\S+/)", mail.outbox[0].body).group(1)
    builders.build_provider_account(directory=directory, email="new@example.org", postcode=None)

    assert "This link has expired" in client.get(link).content.decode()
    user.refresh_from_db()
    assert user.email == "owner@example.org"


# Change password ---------------------------------------------------------------------


def test_changing_password(client, signed_in):
    user, _page = signed_in
    html = client.post(
        "/manage/account/password/",
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    ).content.decode()
    assert "Your current password is not correct" in html
    assert "too short" in html

    response = client.post(
        "/manage/account/password/",
        {
            "old_password": builders.PASSWORD,
            "new_password1": "a-brand-new-passphrase",
            "new_password2": "a-brand-new-passphrase",
        },
    )
    assert response["Location"] == "/manage/account/"
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


# Password reset ----------------------------------------------------------------------


def test_password_reset_sends_a_link_that_sets_a_new_password_once(client, provider):
    user, _page = provider

    response = client.post("/manage/reset-password/", {"email": "OWNER@example.org"})

    assert response["Location"] == "/manage/reset-password/check-your-email/"
    assert mail.outbox[0].to == ["owner@example.org"]
    assert mail.outbox[0].subject == "Reset your password"
    link = link_in_last_email()
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]

    html = client.post(
        set_password_url, {"new_password1": "abc", "new_password2": "abd"}
    ).content.decode()
    assert "<title>Error: Choose a new password" in html
    assert "too short" in html

    response = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
    )
    assert response["Location"] == "/manage/reset-password/complete/"
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")
    assert "This link has expired or is not valid" in client.get(link, follow=True).content.decode()


def test_password_reset_says_the_same_for_unknown_addresses_and_staff(client, home):
    builders.build_user(username="editor", email="staff@example.org", superuser=True)
    builders.build_user(email="moderator@example.org", groups=["Moderators"])

    for email in ["nobody@example.org", "staff@example.org", "moderator@example.org"]:
        response = client.post("/manage/reset-password/", {"email": email})
        assert response["Location"] == "/manage/reset-password/check-your-email/"
    assert mail.outbox == []

    html = client.post("/manage/reset-password/", {"email": "nope"}).content.decode()
    assert "<title>Error: Reset your password" in html
    assert "Enter an email address in the correct format" in html
