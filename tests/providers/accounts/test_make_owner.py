"""A Shared Lives scheme's owner hands the listing to a co-editor (someone else takes
over the scheme's listing): only the owner can, only to this listing's co-editors."""

import pytest
from django.core import mail

from providers.models import ListingMembership, ProviderPage
from providers.selectors import can_edit_listing
from tests import builders

from .test_co_editors import EDITORS

pytestmark = pytest.mark.django_db


def _roles(page):
    return dict(ListingMembership.objects.filter(page=page).values_list("user__email", "role"))


def test_the_owner_makes_a_co_editor_the_owner_after_confirming(client, scheme):  # noqa: F811
    owner, page = scheme
    staff = builders.build_co_editor(page=page, email="manager@example.org")
    membership = ListingMembership.objects.get(user=staff)
    url = f"{EDITORS}{membership.pk}/make-owner/"
    client.force_login(owner)

    listed = client.get(EDITORS).content.decode()
    asked = client.get(url).content.decode()
    response = client.post(url, follow=True)

    assert f'href="{url}"' in listed
    assert "Make manager@example.org the owner?" in asked
    assert _roles(page) == {"scheme@example.org": "co_editor", "manager@example.org": "owner"}
    assert ProviderPage.objects.get(pk=page.pk).owner_id == staff.pk
    assert "manager@example.org is now the owner of this listing" in response.content.decode()
    (email,) = mail.outbox
    assert email.to == ["manager@example.org"] and "now the owner" in email.subject
    # The old owner still edits the listing but no longer manages who can.
    assert can_edit_listing(user=owner, page=page)
    assert client.get(EDITORS).status_code == 403
    # The new owner manages it, and deleting the old owner's account keeps the listing.
    client.post("/manage/account/delete/", {"password": builders.PASSWORD})
    assert ProviderPage.objects.filter(pk=page.pk).exists()
    client.force_login(staff)
    assert client.get(EDITORS).status_code == 200


def test_a_double_submit_changes_nothing_more(client, scheme):  # noqa: F811
    owner, page = scheme
    staff = builders.build_co_editor(page=page, email="manager@example.org")
    url = f"{EDITORS}{ListingMembership.objects.get(user=staff).pk}/make-owner/"
    client.force_login(owner)

    client.post(url)
    second = client.post(url)

    assert second.status_code == 403  # no longer the owner
    assert _roles(page) == {"scheme@example.org": "co_editor", "manager@example.org": "owner"}
    assert len(mail.outbox) == 1


def test_only_the_owner_and_only_to_this_listings_co_editors(client, scheme, directory):  # noqa: F811
    owner, page = scheme
    staff = builders.build_co_editor(page=page, email="staff@example.org")
    other_staff = builders.build_co_editor(page=page, email="other@example.org")
    other_owner, other_page = builders.build_provider_account(
        directory=directory, email="rival@example.org", kind="shared_lives", postcode=None
    )
    rival_staff = builders.build_co_editor(page=other_page, email="rival-staff@example.org")
    mine = ListingMembership.objects.get(user=other_staff).pk
    before = (_roles(page), _roles(other_page))

    client.force_login(staff)  # a co-editor cannot hand over, nor take over
    for pk in (mine, ListingMembership.objects.get(user=staff).pk):
        assert client.post(f"{EDITORS}{pk}/make-owner/").status_code == 403
    client.force_login(other_owner)  # another scheme's owner
    assert client.post(f"{EDITORS}{mine}/make-owner/").status_code == 404
    client.force_login(owner)  # not another listing's co-editor, nor the owner itself
    theirs = ListingMembership.objects.get(user=rival_staff).pk
    for pk in (theirs, ListingMembership.objects.get(user=owner).pk):
        assert client.get(f"{EDITORS}{pk}/make-owner/").status_code == 404
        assert client.post(f"{EDITORS}{pk}/make-owner/").status_code == 404
    client.logout()
    assert client.post(f"{EDITORS}{mine}/make-owner/").status_code == 302  # to sign in

    assert (_roles(page), _roles(other_page)) == before
    assert mail.outbox == []


def test_the_delete_page_offers_to_hand_the_listing_over_first(client, scheme):  # noqa: F811
    owner, page = scheme
    client.force_login(owner)
    alone = client.get("/manage/account/delete/").content.decode()
    builders.build_co_editor(page=page)

    html = client.get("/manage/account/delete/").content.decode()

    assert "To keep the listing, make one of them its owner first" in html
    assert "make one of them its owner" not in alone
