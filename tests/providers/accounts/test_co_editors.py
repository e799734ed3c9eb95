"""A Shared Lives scheme's owner adds scheme staff as co-editors; only the owner manages them."""

import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from providers.accounts.models import CoEditorInvitation
from providers.models import ListingMembership, ProviderPage
from providers.selectors import can_edit_listing, listing_for_user
from tests import builders

pytestmark = pytest.mark.django_db

EDITORS = "/manage/account/editors/"
NEW_PASSWORD = "scheme-staff-passphrase"


def invitation_link():
    return re.search(r"http://testserver(/manage/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_the_owner_invites_staff_who_accept_and_can_then_edit(client, scheme):
    owner, page = scheme
    client.force_login(owner)

    response = client.post(EDITORS, {"email": "Staff@Example.org"}, follow=True)

    assert "We have sent an invitation to staff@example.org" in response.content.decode()
    assert "Invitations not yet accepted" in response.content.decode()
    assert mail.outbox[-1].to == ["staff@example.org"]
    assert "Essex Shared Lives" in mail.outbox[-1].subject
    link = invitation_link()

    client.logout()
    html = client.get(link).content.decode()
    assert "Create your account" in html and "staff@example.org" in html
    html = client.post(link, {"password": "short", "password_confirm": "short"}).content.decode()
    assert "<title>Error: Create your account" in html
    assert get_user_model().objects.filter(username="staff@example.org").count() == 0

    response = client.post(link, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})

    assert response["Location"] == "/manage/"
    staff = get_user_model().objects.get(username="staff@example.org")
    assert staff.is_active and staff.email == "staff@example.org"
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert listing_for_user(user=staff).pk == page.pk
    assert can_edit_listing(user=staff, page=page)
    assert ListingMembership.objects.get(user=staff).role == "co_editor"
    # A second submit of the same form, or a second use of the link, adds nobody.
    again = client.post(link, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert "This invitation has expired or is not valid" in again.content.decode()
    assert get_user_model().objects.filter(username="staff@example.org").count() == 1
    client.logout()
    signed_in = client.post(
        "/manage/sign-in/", {"username": "staff@example.org", "password": NEW_PASSWORD}
    )
    assert signed_in["Location"] == "/manage/"


def test_inviting_the_same_address_again_resends_one_invitation_at_most_every_few_minutes(
    client, scheme
):
    owner, page = scheme
    client.force_login(owner)

    for _ in range(3):
        response = client.post(EDITORS, {"email": "STAFF@example.org"}, follow=True)
        assert "We have sent an invitation to staff@example.org" in response.content.decode()

    assert CoEditorInvitation.objects.filter(page=page).count() == 1
    assert len(mail.outbox) == 1
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=3)):
        client.post(EDITORS, {"email": "staff@example.org"})
    assert len(mail.outbox) == 2


def test_an_address_with_an_account_gets_the_same_response_and_is_told_by_email(
    client, scheme, directory
):
    owner, page = scheme
    builders.build_provider_account(directory=directory, email="busy@example.org", postcode=None)
    client.force_login(owner)

    responses = {
        email: client.post(EDITORS, {"email": email}, follow=True)
        for email in ("busy@example.org", "free@example.org")
    }

    for email, response in responses.items():
        assert response.redirect_chain == [(EDITORS, 302)]
        html = response.content.decode()
        assert f"We have sent an invitation to {email}" in html
        assert "already has an account" not in html
    html = client.get(EDITORS).content.decode()
    assert "busy@example.org" in html and "free@example.org" in html  # both waiting
    [told] = [m for m in mail.outbox if m.to == ["busy@example.org"]]
    assert told.subject == "Essex Shared Lives asked you to edit its listing"
    assert "already has an account" in told.body
    assert "/manage/invitation/" not in told.body  # nothing to accept with this address
    for _ in range(3):
        client.post(EDITORS, {"email": "busy@example.org"})
    assert len([m for m in mail.outbox if m.to == ["busy@example.org"]]) == 1
    busy = get_user_model().objects.get(username="busy@example.org")
    assert busy.listing_membership.role == "owner"  # still runs their own listing only


def test_someone_who_can_already_edit_the_listing_is_not_invited(client, scheme):
    owner, page = scheme
    builders.build_co_editor(page=page, email="staff@example.org")
    client.force_login(owner)

    for email in ("staff@example.org", "Scheme@Example.org"):
        html = client.post(EDITORS, {"email": email}).content.decode()
        assert "<title>Error: Who can edit this listing" in html
        assert "This person can already edit this listing" in html
    html = client.post(EDITORS, {"email": "not an email"}).content.decode()
    assert "Enter an email address in the correct format" in html
    assert 'value="not an email"' in html
    assert mail.outbox == []
    assert not CoEditorInvitation.objects.exists()


def test_an_empty_invitation_asks_for_the_address_of_the_person_to_add(client, scheme):
    client.force_login(scheme[0])

    html = client.post(EDITORS, {"email": ""}).content.decode()

    assert "Enter the email address of the person you want to add" in html
    assert "Enter your email address" not in html
    assert mail.outbox == []


def test_the_browser_does_not_offer_your_own_address_for_the_person_to_add(client, scheme):
    client.force_login(scheme[0])

    html = client.get(EDITORS).content.decode()

    box = re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
    assert 'autocomplete="off"' in box  # WCAG 1.3.5: "email" means the user's own


def test_a_scheme_may_have_only_so_many_invitations_waiting(client, scheme, settings):
    settings.CO_EDITOR_INVITATIONS_WAITING = 2
    owner, _page = scheme
    client.force_login(owner)
    for n in (1, 2):
        assert client.post(EDITORS, {"email": f"staff{n}@example.org"}).status_code == 302

    html = client.post(EDITORS, {"email": "staff3@example.org"}).content.decode()

    assert "You have 2 invitations waiting. Cancel one you no longer need" in html
    assert 'value="staff3@example.org"' in html  # the answer is kept
    assert len(mail.outbox) == 2
    # Inviting a waiting address again is a resend, not a new invitation: still allowed.
    assert client.post(EDITORS, {"email": "staff1@example.org"}).status_code == 302


def test_the_owner_removes_a_co_editor_and_cancels_an_invitation(client, scheme):
    owner, page = scheme
    staff = builders.build_co_editor(page=page, email="staff@example.org")
    client.force_login(owner)
    client.post(EDITORS, {"email": "pending@example.org"})
    link = invitation_link()
    membership = ListingMembership.objects.get(user=staff)
    invitation = CoEditorInvitation.objects.get()

    html = client.get(EDITORS).content.decode()
    assert "staff@example.org" in html and "pending@example.org" in html

    client.post(f"{EDITORS}{membership.pk}/remove/")
    client.post(f"{EDITORS}invitations/{invitation.pk}/cancel/")

    assert listing_for_user(user=staff) is None
    assert get_user_model().objects.filter(pk=staff.pk).exists()  # the account stays
    assert not CoEditorInvitation.objects.exists()
    client.logout()
    assert "This invitation has expired" in client.get(link).content.decode()
    # The owner cannot be removed through the co-editor route.
    client.force_login(owner)
    owner_membership = ListingMembership.objects.get(user=owner)
    assert client.post(f"{EDITORS}{owner_membership.pk}/remove/").status_code == 404
    assert ListingMembership.objects.filter(pk=owner_membership.pk).exists()


def test_co_editors_cannot_manage_editors_or_delete_the_listing(client, scheme):
    owner, page = scheme
    staff = builders.build_co_editor(page=page)
    other_staff = builders.build_co_editor(page=page)
    client.force_login(staff)

    assert client.get(EDITORS).status_code == 403
    assert client.post(EDITORS, {"email": "friend@example.org"}).status_code == 403
    other = ListingMembership.objects.get(user=other_staff)
    owner_membership = ListingMembership.objects.get(user=owner)
    for pk in (other.pk, owner_membership.pk):
        assert client.post(f"{EDITORS}{pk}/remove/").status_code == 403
    assert ListingMembership.objects.filter(page=page).count() == 3
    assert not CoEditorInvitation.objects.exists()
    # Deleting their own account leaves the listing (tested in test_account too).
    response = client.post("/manage/account/delete/", {"password": builders.PASSWORD}, follow=True)
    assert page.__class__.objects.filter(pk=page.pk).exists()
    assert "A listing you helped someone else run stays" in response.content.decode()


def test_micro_enterprises_have_no_co_editors(client, directory):
    owner, _page = builders.build_provider_account(directory=directory, postcode=None)
    client.force_login(owner)

    assert client.get(EDITORS).status_code == 403
    assert "Who can edit this listing" not in client.get("/manage/account/").content.decode()


def test_invitation_links_expire_and_cannot_be_forged(client, scheme):
    owner, _page = scheme
    client.force_login(owner)
    client.post(EDITORS, {"email": "staff@example.org"})
    link = invitation_link()
    client.logout()

    assert "not valid" in client.get(link[:-4] + "abc/").content.decode()
    assert "not valid" in client.get("/manage/invitation/1/").content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=8)):
        response = client.post(link, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
        assert "not valid" in response.content.decode()
    assert not get_user_model().objects.filter(username="staff@example.org").exists()


def test_an_invitation_cannot_be_used_once_the_address_has_an_account(client, scheme, directory):
    owner, _page = scheme
    client.force_login(owner)
    client.post(EDITORS, {"email": "staff@example.org"})
    link = invitation_link()
    builders.build_provider_account(directory=directory, email="staff@example.org", postcode=None)
    client.logout()

    html = client.post(
        link, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    ).content.decode()

    assert "This email address already has an account" in html
    assert get_user_model().objects.filter(username="staff@example.org").count() == 1


def test_an_invitation_from_a_listing_whose_title_has_a_line_break_is_sent(client, scheme):
    owner, page = scheme
    # A title saved before titles were kept to one line.
    ProviderPage.objects.filter(pk=page.pk).update(title="Essex\rShared Lives")
    client.force_login(owner)

    response = client.post(EDITORS, {"email": "staff@example.org"})

    assert response.status_code == 302
    email = mail.outbox[-1]
    subject = "You have been invited to edit the listing of Essex Shared Lives"
    assert email.subject == email.message()["Subject"] == subject
