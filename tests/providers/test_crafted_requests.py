"""Crafted requests the security matrix does not make: extra fields posted to sign-up,
invitation and change-email forms (mass assignment), and providers reaching the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core import signing

from providers.accounts import editors as accounts_editors
from providers.models import (
    ListingMembership,
    ProviderPage,
)
from tests import builders
from tests.providers.matrix_world import VICTIM_EMAIL, VICTIM_INVITED_EMAIL, build_world

pytestmark = pytest.mark.django_db


def test_a_crafted_sign_up_cannot_make_staff_publish_or_skip_confirmation(client, home):
    directory = builders.build_directory(home=home)

    client.post(
        "/manage/sign-up/",
        {
            "name": "Crafty Care",
            "kind": "micro_enterprise",
            "email": "crafty@example.org",
            "password": "a-long-crafty-password",
            "password_confirm": "a-long-crafty-password",
            "is_staff": "on",
            "is_superuser": "on",
            "is_active": "on",
            "groups": "1",
            "live": "on",
            "owner": "1",
            "role": "owner",
            "page": str(directory.pk),
        },
    )

    user = get_user_model().objects.get(username="crafty@example.org")
    assert not (user.is_staff or user.is_superuser or user.is_active)
    assert not user.groups.exists()
    page = ProviderPage.objects.get()
    assert not page.live and page.owner_id == user.pk
    assert ListingMembership.objects.get(user=user).page_id == page.pk


def test_a_crafted_invitation_acceptance_cannot_choose_its_role_or_listing(client, home):
    world = build_world(home)
    token = signing.dumps(world.victim_invitation.pk, salt=accounts_editors.INVITATION_SALT)

    client.post(
        f"/manage/invitation/{token}/",
        {
            "password": "a-long-staff-password",
            "password_confirm": "a-long-staff-password",
            "role": "owner",
            "page": str(world.attacker_page.pk),
            "email": "someone.else@example.org",
            "is_staff": "on",
        },
    )

    user = get_user_model().objects.get(username=VICTIM_INVITED_EMAIL)
    assert not user.is_staff
    membership = ListingMembership.objects.get(user=user)
    assert (membership.page_id, membership.role) == (world.victim_page.pk, "co_editor")
    assert not get_user_model().objects.filter(email="someone.else@example.org").exists()


def test_a_crafted_change_email_cannot_set_the_username_or_staff(client, home):
    world = build_world(home)
    client.force_login(world.attacker)

    client.post(
        "/manage/account/email/",
        {
            "email": "new@example.org",
            "password": builders.PASSWORD,
            "username": VICTIM_EMAIL,
            "is_staff": "on",
        },
    )

    world.attacker.refresh_from_db()
    assert world.attacker.username != VICTIM_EMAIL and not world.attacker.is_staff


ADMIN_PATHS = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/snippets/", "/admin/images/"]


def test_providers_cannot_reach_the_admin(client, home):
    world = build_world(home)
    paths = ADMIN_PATHS + [
        f"/admin/pages/{world.victim_page.pk}/edit/",
        f"/admin/pages/{world.attacker_page.pk}/edit/",
        f"/admin/pages/{world.victim_page.pk}/history/",
        f"/admin/pages/{world.directory.pk}/",
    ]
    for user in (world.attacker, world.victim_co_editor):
        client.force_login(user)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"].startswith("/admin/login/"), path
    # Signing in at the admin's own login page gives no admin either.
    client.logout()
    client.post(
        "/admin/login/", {"username": world.attacker.username, "password": builders.PASSWORD}
    )
    for path in paths:
        assert client.get(path).status_code == 302, path
