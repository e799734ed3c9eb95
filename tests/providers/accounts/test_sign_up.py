"""Signing up: the form's messages, one account per address, the confirmation link."""

import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from providers.models import ListingMembership, ProviderPage
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_UP = "/manage/sign-up/"
PASSWORD = "correct-horse-battery-staple"


def answers(**overrides):
    data = {
        "name": "Thurrock Homecare",
        "kind": "micro_enterprise",
        "email": "New.Provider@Example.org",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
    }
    data.update(overrides)
    return data


def confirmation_link():
    body = mail.outbox[-1].body
    return re.search(r"http://testserver(/manage/sign-up/confirm/\S+/)", body).group(1)


def test_sign_up_creates_an_unconfirmed_account_and_its_draft_listing(client, directory):
    response = client.post(SIGN_UP, answers(kind="shared_lives"))

    assert response.status_code == 302
    assert response["Location"] == "/manage/sign-up/check-your-email/"
    user = get_user_model().objects.get()
    assert user.username == user.email == "new.provider@example.org"
    assert not user.is_active
    assert user.check_password(PASSWORD)
    membership = ListingMembership.objects.get(user=user)
    assert membership.role == "owner"
    page = membership.page.specific
    assert page.title == "Thurrock Homecare"
    assert page.kind == ProviderPage.Kind.SHARED_LIVES
    assert not page.live
    assert page.get_parent().pk == directory.pk
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.provider@example.org"]
    assert mail.outbox[0].subject == "Confirm your email address"
    page_html = client.get(response["Location"]).content.decode()
    assert "Check your email" in page_html
    assert "new.provider@example.org" in page_html


def test_empty_sign_up_lists_every_problem(client, directory):
    response = client.post(SIGN_UP, {})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account" in html
    for message in [
        "Enter the name of your business or scheme",
        "Select what kind of provider you are",
        "Enter your email address",
        "Enter a password",
        "Confirm your password",
    ]:
        assert message in html
    assert 'href="#id_kind_0"' in html
    assert get_user_model().objects.count() == 0


def test_a_weak_or_mismatched_password_is_refused_and_the_other_answers_kept(client, directory):
    html = client.post(
        SIGN_UP, answers(password="password", password_confirm="password")
    ).content.decode()

    assert "This password is too short" in html or "too common" in html
    assert 'value="Thurrock Homecare"' in html
    assert 'value="micro_enterprise" checked' in html
    assert 'value="New.Provider@Example.org"' in html  # as typed
    assert PASSWORD not in html and 'value="password"' not in html  # passwords are not echoed

    html = client.post(SIGN_UP, answers(password_confirm=PASSWORD + "x")).content.decode()
    assert "The passwords do not match" in html
    assert get_user_model().objects.count() == 0


def test_a_password_like_the_email_address_is_refused(client, directory):
    html = client.post(
        SIGN_UP,
        answers(
            email="harriet.jones@example.org",
            password="harriet.jones",
            password_confirm="harriet.jones",
        ),
    ).content.decode()

    assert "too similar" in html
    assert get_user_model().objects.count() == 0


def test_bad_email_and_unknown_kind_get_messages(client, directory):
    html = client.post(SIGN_UP, answers(email="not-an-email", kind="council")).content.decode()

    assert "Enter an email address in the correct format" in html
    assert "Select what kind of provider you are" in html


def test_a_double_submit_makes_one_account(client, directory):
    first = client.post(SIGN_UP, answers())
    second = client.post(SIGN_UP, answers(email="NEW.provider@example.org"))

    assert first["Location"] == second["Location"] == "/manage/sign-up/check-your-email/"
    assert get_user_model().objects.count() == 1
    assert ProviderPage.objects.count() == 1
    # One confirmation email: a repeat within a couple of minutes is not sent again.
    assert len(mail.outbox) == 1


def test_an_address_with_an_account_shows_the_same_page_and_tells_its_owner(client, directory):
    builders.build_provider_account(directory=directory, email="taken@example.org", postcode=None)
    before = ProviderPage.objects.count()

    response = client.post(SIGN_UP, answers(email="Taken@Example.org", name="Somebody Else"))

    assert response["Location"] == "/manage/sign-up/check-your-email/"
    assert get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1
    assert ProviderPage.objects.count() == before
    assert mail.outbox[-1].to == ["taken@example.org"]
    assert mail.outbox[-1].subject == "You already have an account"


def test_a_staff_address_cannot_be_taken_by_a_provider(client, directory):
    builders.build_user(username="editor", email="Staff@Example.org", superuser=True)

    client.post(SIGN_UP, answers(email="staff@example.org"))

    assert not get_user_model().objects.filter(username="staff@example.org").exists()


def test_sign_up_without_a_directory_page_explains_instead_of_failing(client, home):
    html = client.post(SIGN_UP, answers()).content.decode()

    assert "You cannot create an account yet" in html
    assert get_user_model().objects.count() == 0


def test_an_unconfirmed_account_cannot_sign_in_and_is_sent_a_new_link(client, directory):
    client.post(SIGN_UP, answers())
    mail.outbox.clear()
    cache.clear()  # as if a few minutes had passed since the first email

    html = client.post(
        "/manage/sign-in/", {"username": "new.provider@example.org", "password": PASSWORD}
    ).content.decode()

    assert "You need to confirm your email address" in html
    assert "We have sent you a new link" in html
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1

    html = client.post(  # straight away: no second email, and no claim that one was sent
        "/manage/sign-in/", {"username": "new.provider@example.org", "password": PASSWORD}
    ).content.decode()
    assert "We sent you a link a few minutes ago" in html and "new link" not in html
    assert len(mail.outbox) == 1

    html = client.post(
        "/manage/sign-in/", {"username": "new.provider@example.org", "password": "wrong"}
    ).content.decode()
    assert "The email address or password is not correct" in html
    assert len(mail.outbox) == 1


def test_the_confirmation_link_asks_for_the_password_then_signs_in_once(client, directory):
    client.post(SIGN_UP, answers())
    link = confirmation_link()

    page = client.get(link).content.decode()
    assert "Confirm your email address" in page and "new.provider@example.org" in page
    assert not get_user_model().objects.get().is_active  # following the link is not enough

    wrong = client.post(link, {"password": "not-the-password-1"}).content.decode()
    assert "<title>Error: Confirm your email address" in wrong
    assert "The password is not right" in wrong
    assert not get_user_model().objects.get().is_active

    response = client.post(link, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/manage/"
    assert "Your email address is confirmed" in response.content.decode()
    assert get_user_model().objects.get().is_active
    assert "_auth_user_id" in client.session
    client.logout()
    assert "This link has expired or is not valid" in client.get(link).content.decode()


def test_a_tampered_confirmation_link_does_nothing(client, directory):
    client.post(SIGN_UP, answers())
    link = confirmation_link()
    tampered = link[:-3] + ("a" if link[-3] != "a" else "b") + link[-2:]
    other_user = re.sub(r"confirm/[^/]+/", "confirm/OTk5/", link)

    for bad in [tampered, other_user, "/manage/sign-up/confirm/!!!/x-y/"]:
        response = client.get(bad)
        assert response.status_code == 200
        assert "This link has expired or is not valid" in response.content.decode()
    assert not get_user_model().objects.get().is_active


def test_an_expired_confirmation_link_does_nothing(client, directory):
    client.post(SIGN_UP, answers())
    link = confirmation_link()

    with time_machine.travel(timezone.now() + timezone.timedelta(days=4)):
        html = client.get(link).content.decode()

    assert "This link has expired or is not valid" in html
    assert not get_user_model().objects.get().is_active


def test_repeated_submits_do_not_flood_an_inbox(client, directory, settings):
    settings.SIGN_UPS_PER_ADDRESS_PER_HOUR = 10  # the email throttle, not the sign-up limit
    builders.build_provider_account(directory=directory, email="taken@example.org", postcode=None)

    for _ in range(5):
        client.post(SIGN_UP, answers(email="taken@example.org"))
        client.post("/manage/reset-password/", {"email": "taken@example.org"})

    assert sorted(m.subject for m in mail.outbox) == [
        "Reset your password",
        "You already have an account",
    ]
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=3)):
        client.post(SIGN_UP, answers(email="taken@example.org"))
    assert len(mail.outbox) == 3


def test_too_many_sign_ups_from_one_address_are_refused_with_the_answers_kept(
    client, directory, settings
):
    settings.SIGN_UPS_PER_ADDRESS_PER_HOUR = 2
    for n in range(2):
        response = client.post(SIGN_UP, answers(email=f"provider{n}@example.org"))
        assert response.status_code == 302

    response = client.post(SIGN_UP, answers(email="sixth@example.org", name="Sixth Care"))

    html = response.content.decode()
    assert response.status_code == 429
    assert "<title>Error: Create an account" in html
    assert "You have created as many accounts as we accept from one connection in an hour" in html
    assert 'value="Sixth Care"' in html and 'value="sixth@example.org"' in html
    assert PASSWORD not in html
    assert get_user_model().objects.count() == ProviderPage.objects.count() == 2
    assert len(mail.outbox) == 2
    # Another address is not affected, and the limit lifts after the hour.
    other = client.post(SIGN_UP, answers(email="other@example.org"), REMOTE_ADDR="192.0.2.55")
    assert other.status_code == 302
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=1)):
        assert client.post(SIGN_UP, answers(email="sixth@example.org")).status_code == 302
    assert get_user_model().objects.count() == 4


def test_the_name_signed_up_with_is_kept_on_one_line(client, directory):
    client.post(SIGN_UP, answers(name="Thurrock\r\nHomecare"))

    assert ProviderPage.objects.get().title == "Thurrock Homecare"
