"""Pages meant for one person stay out of shared and browser caches: the provider area and
anything served to a signed-in user. Public pages for everyone stay cacheable."""

import pytest
from django.core import signing

from providers.accounts import editors
from providers.accounts.models import CoEditorInvitation
from tests import builders

pytestmark = pytest.mark.django_db


def never_cached(response):
    value = response.get("Cache-Control", "")
    return "no-store" in value and "private" in value


@pytest.mark.parametrize(
    "path",
    [
        "/manage/account/",
        "/manage/account/email/",
        "/manage/account/password/",
        "/manage/account/delete/",
        "/manage/",
        "/find-support/",  # the header names the account
    ],
)
def test_pages_served_to_a_signed_in_provider_are_never_cached(client, directory, path):
    user, _page = builders.build_provider_account(directory=directory, postcode=None)
    client.force_login(user)

    response = client.get(path)

    assert response.status_code == 200
    assert never_cached(response)


def test_an_invitation_page_shows_the_invited_address_and_is_never_cached(client, directory):
    _owner, page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    invitation = CoEditorInvitation.objects.create(page=page, email="invited@example.org")
    token = signing.dumps(invitation.pk, salt=editors.INVITATION_SALT)

    response = client.get(f"/manage/invitation/{token}/")

    assert "invited@example.org" in response.content.decode()
    assert never_cached(response)


def test_the_sign_up_page_is_never_cached(client, directory):
    assert never_cached(client.get("/manage/sign-up/"))


def test_public_pages_for_anonymous_visitors_are_not_forced_out_of_caches(client, directory):
    assert "no-store" not in client.get("/find-support/").get("Cache-Control", "")
