"""Deleting a provider account: what goes with it, what stays, and never while a moderator
has the listing locked."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from providers.accounts import deletion
from providers.accounts.models import AccountDeletion, CoEditorInvitation
from providers.models import Enquiry, ListingMembership, ProviderCheck, ProviderPage
from providers.portal.services import ListingLocked
from tests import builders

pytestmark = pytest.mark.django_db


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


def test_deleting_an_account_deletes_invitations_to_its_address(client, directory):
    _owner, page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    co_editor = builders.build_co_editor(page=page, email="staff@example.org")
    _other_owner, other_page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    CoEditorInvitation.objects.create(page=other_page, email="Staff@Example.org")  # waiting
    CoEditorInvitation.objects.create(page=page, email="someone@example.org")
    client.force_login(co_editor)

    client.post("/manage/account/delete/", {"password": builders.PASSWORD})

    assert list(CoEditorInvitation.objects.values_list("email", flat=True)) == [
        "someone@example.org"
    ]


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
        deletion.delete_account(user=user)

    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert ProviderPage.objects.filter(pk=page.pk).exists()
    assert not AccountDeletion.objects.exists()
