"""Your account: change email (confirmed by a link), change password, delete account."""

import re

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from providers.accounts import services
from providers.accounts.models import AccountDeletion, CoEditorInvitation
from providers.models import Enquiry, ListingMembership, ProviderCheck, ProviderPage
from providers.portal.services import ListingLocked
from tests import builders

pytestmark = pytest.mark.django_db


def link_in_last_email(pattern=r"http://testserver(/manage/\S+/)"):
    return re.search(pattern, mail.outbox[-1].body).group(1)


@pytest.fixture
def signed_in(client, provider):
    client.force_login(provider[0])
    return provider


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


# Delete account ----------------------------------------------------------------------


def test_deleting_an_account_asks_for_the_password(client, signed_in):
    user, page = signed_in

    html = client.get("/manage/account/delete/").content.decode()
    assert "This also deletes your listing" in html

    html = client.post("/manage/account/delete/", {"password": "wrong"}).content.decode()
    assert "Your password is not correct" in html
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert ProviderPage.objects.filter(pk=page.pk).exists()


def test_an_owner_deleting_their_account_removes_the_listing_and_their_data(
    client, directory, thurrock_postcodes
):
    user, page = builders.build_provider_account(
        directory=directory, email="gone@example.org", kind="shared_lives", title="Gone Scheme"
    )
    co_editor = builders.build_co_editor(page=page)
    CoEditorInvitation.objects.create(page=page, email="invited@example.org")
    builders.build_check(page=page)
    Enquiry.objects.create(
        page=page,
        name="Alex",
        reply_to="alex@example.org",
        message="Hi",
        consent=True,
        submission_token="t1",
    )
    client.post("/manage/sign-in/", {"username": "gone@example.org", "password": "wrong"})
    client.post("/manage/sign-in/", {"username": "gone@example.org", "password": builders.PASSWORD})
    assert page.live

    response = client.post("/manage/account/delete/", {"password": builders.PASSWORD}, follow=True)

    assert "Your account has been deleted" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Page.objects.filter(pk=page.pk).exists()
    assert not Revision.objects.filter(object_id=str(page.pk)).exists()
    assert not PageLogEntry.objects.filter(page_id=page.pk).exists()
    assert not ProviderCheck.objects.filter(page_id=page.pk).exists()
    assert not Enquiry.objects.exists()
    assert not CoEditorInvitation.objects.exists()
    assert not AccessAttempt.objects.filter(username="gone@example.org").exists()
    assert not AccessLog.objects.filter(username="gone@example.org").exists()
    assert (
        client.get(page.url_path.replace(directory.url_path, "/find-support/")).status_code == 404
    )
    # The co-editor keeps an account but no listing.
    assert get_user_model().objects.filter(pk=co_editor.pk).exists()
    assert not ListingMembership.objects.filter(user=co_editor).exists()
    # The audit record says what happened, without personal details.
    record = AccountDeletion.objects.get()
    assert (record.role, record.listing_id, record.listing_kind) == (
        "owner",
        page.pk,
        "shared_lives",
    )
    assert record.listing_removed and record.listing_was_live
    stored = " ".join(str(v) for v in AccountDeletion.objects.values().get().values())
    assert "gone" not in stored.lower() and "@" not in stored


def test_a_co_editor_deleting_their_account_leaves_the_listing(client, directory):
    owner, page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    co_editor = builders.build_co_editor(page=page)
    client.force_login(co_editor)

    html = client.get("/manage/account/delete/").content.decode()
    assert "The listing itself stays" in html
    client.post("/manage/account/delete/", {"password": builders.PASSWORD})

    assert not get_user_model().objects.filter(pk=co_editor.pk).exists()
    assert ProviderPage.objects.filter(pk=page.pk).exists()
    assert ListingMembership.objects.get(page=page).user == owner
    record = AccountDeletion.objects.get()
    assert record.role == "co_editor" and not record.listing_removed


# Delete account while a moderator has locked the listing ------------------------------


def lock(page):
    moderator = builders.build_user(groups=["Moderators"])
    ProviderPage.objects.filter(pk=page.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )


def test_an_owner_cannot_delete_their_account_while_their_listing_is_locked(
    client, signed_in, site_contact
):
    user, page = signed_in
    lock(page)

    response = client.get("/manage/account/delete/")
    html = response.content.decode()
    assert response.status_code == 423
    assert "You cannot delete your account at the moment" in html
    assert "A moderator is reviewing your listing" in html
    assert "mailto:team@council.example.org" in html and "01375 000 000" in html
    main = html.split("<main")[1]
    assert "<form" not in main and "govuk-button--warning" not in main

    response = client.post("/manage/account/delete/", {"password": builders.PASSWORD})
    assert response.status_code == 423
    assert "Your account has not been deleted." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert ProviderPage.objects.filter(pk=page.pk).exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not AccountDeletion.objects.exists()

    ProviderPage.objects.filter(pk=page.pk).update(locked=False, locked_by=None)
    assert "govuk-button--warning" in client.get("/manage/account/delete/").content.decode()


def test_a_co_editor_cannot_delete_their_account_while_the_listing_is_locked(client, directory):
    _owner, page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    co_editor = builders.build_co_editor(page=page)
    lock(page)
    client.force_login(co_editor)

    response = client.post("/manage/account/delete/", {"password": builders.PASSWORD})

    assert response.status_code == 423
    assert get_user_model().objects.filter(pk=co_editor.pk).exists()


def test_the_delete_service_refuses_a_locked_listing_too(directory):
    user, page = builders.build_provider_account(directory=directory, postcode=None)
    lock(page)

    with pytest.raises(ListingLocked):
        services.delete_account(user=user)

    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert ProviderPage.objects.filter(pk=page.pk).exists()
    assert not AccountDeletion.objects.exists()
