"""Signing up again with an address that is not confirmed yet: the new sign-up wins, so
nobody can set up an account for somebody else's address in advance (pre-hijacking)."""

import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from providers.models import ListingMembership, ProviderPage
from tests import builders

pytestmark = pytest.mark.django_db

SIGN_UP = "/manage/sign-up/"
SIGN_IN = "/manage/sign-in/"
VICTIM = "victim@example.org"
ATTACKER_PASSWORD = "attackers-own-password-9"
VICTIM_PASSWORD = "victims-own-password-7"


def answers(*, name, password, kind="micro_enterprise", email=VICTIM):
    return {
        "name": name,
        "kind": kind,
        "email": email,
        "password": password,
        "password_confirm": password,
    }


def latest_confirmation_link():
    body = mail.outbox[-1].body
    return re.search(r"http://testserver(/manage/sign-up/confirm/\S+/)", body).group(1)


def signs_in(client, password, email=VICTIM):
    response = client.post(SIGN_IN, {"username": email, "password": password})
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return response.status_code == 302 and signed_in


def test_the_owner_of_the_address_signing_up_later_replaces_an_earlier_sign_up(client, directory):
    client.post(SIGN_UP, answers(name="Attacker Care", password=ATTACKER_PASSWORD))
    attackers_link = latest_confirmation_link()

    later = timezone.now() + timezone.timedelta(days=2)
    with time_machine.travel(later, tick=False):
        response = client.post(
            SIGN_UP, answers(name="Victim Homecare", password=VICTIM_PASSWORD, kind="shared_lives")
        )
        assert response["Location"] == "/manage/sign-up/check-your-email/"
        confirmed = client.post(
            latest_confirmation_link(), {"password": VICTIM_PASSWORD}, follow=True
        )

    assert "Your email address is confirmed" in confirmed.content.decode()
    client.logout()
    assert signs_in(client, VICTIM_PASSWORD)
    assert not signs_in(client, ATTACKER_PASSWORD)
    user = get_user_model().objects.get()
    assert user.date_joined >= later  # the cleanup counts its age from the new sign-up
    page = ListingMembership.objects.get(user=user, role="owner").page.specific
    assert page.title == page.draft_title == "Victim Homecare"
    assert page.slug == "victim-homecare"
    assert page.kind == ProviderPage.Kind.SHARED_LIVES
    assert ProviderPage.objects.count() == 1
    assert not Revision.objects.filter(content__title="Attacker Care").exists()
    assert not PageLogEntry.objects.filter(label="Attacker Care").exists()
    # The earlier sign-up's link confirmed the earlier password: it no longer works.
    client.logout()
    assert "This link has expired or is not valid" in client.get(attackers_link).content.decode()


def test_a_link_sent_before_someone_else_signed_up_again_no_longer_works(client, directory):
    client.post(SIGN_UP, answers(name="Victim Homecare", password=VICTIM_PASSWORD))
    victims_link = latest_confirmation_link()
    client.post(SIGN_UP, answers(name="Attacker Care", password=ATTACKER_PASSWORD))

    html = client.get(victims_link).content.decode()

    assert "This link has expired or is not valid" in html
    assert not get_user_model().objects.get().is_active


def test_the_same_sign_up_twice_keeps_the_first_link_working(client, directory):
    client.post(SIGN_UP, answers(name="Victim Homecare", password=VICTIM_PASSWORD))
    client.post(SIGN_UP, answers(name="Victim Homecare", password=VICTIM_PASSWORD))

    assert len(mail.outbox) == 1  # the repeat is within the email throttle's window
    client.post(latest_confirmation_link(), {"password": VICTIM_PASSWORD})
    client.logout()
    assert signs_in(client, VICTIM_PASSWORD)


def test_a_sign_up_after_the_owners_cannot_be_confirmed_with_its_password(client, directory):
    client.post(SIGN_UP, answers(name="Victim Homecare", password=VICTIM_PASSWORD))
    later = timezone.now() + timezone.timedelta(minutes=5)  # past the email throttle
    with time_machine.travel(later, tick=False):
        client.post(SIGN_UP, answers(name="Attacker Care", password=ATTACKER_PASSWORD))
        newest = latest_confirmation_link()  # in the owner's inbox, not the attacker's

        html = client.post(newest, {"password": VICTIM_PASSWORD}).content.decode()

    assert "The password is not right" in html  # the owner cannot confirm it unknowingly
    assert not get_user_model().objects.get().is_active
    assert not signs_in(client, ATTACKER_PASSWORD)


def test_a_confirmed_account_is_not_replaced(client, directory):
    builders.build_provider_account(
        directory=directory, email=VICTIM, password=VICTIM_PASSWORD, postcode=None, title="Mine"
    )

    client.post(SIGN_UP, answers(name="Attacker Care", password=ATTACKER_PASSWORD))

    assert signs_in(client, VICTIM_PASSWORD)
    assert not signs_in(client, ATTACKER_PASSWORD)
    assert ProviderPage.objects.get().title == "Mine"


@pytest.mark.parametrize("how", ["deactivated after going live", "moderator", "staff"])
def test_an_inactive_account_that_is_not_a_sign_up_is_not_replaced(client, directory, how):
    if how == "deactivated after going live":
        user, _page = builders.build_provider_account(
            directory=directory, email=VICTIM, password=VICTIM_PASSWORD, postcode=None
        )
    else:
        user = builders.build_user(
            username=VICTIM,
            email=VICTIM,
            password=VICTIM_PASSWORD,
            groups=["Moderators"] if how == "moderator" else (),
            superuser=how == "staff",
        )
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    pages_before = ProviderPage.objects.count()

    client.post(SIGN_UP, answers(name="Attacker Care", password=ATTACKER_PASSWORD))

    user.refresh_from_db()
    assert user.check_password(VICTIM_PASSWORD)
    assert not user.check_password(ATTACKER_PASSWORD)
    assert ProviderPage.objects.count() == pages_before


def test_an_account_staff_deactivated_cannot_reactivate_itself_with_a_link(
    client, directory, thurrock_postcodes
):
    user, _page = builders.build_provider_account(
        directory=directory, email="was.active@example.org", password=VICTIM_PASSWORD
    )
    assert signs_in(client, VICTIM_PASSWORD, email=user.email)
    client.logout()
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)  # staff step in

    client.post(SIGN_IN, {"username": user.email, "password": VICTIM_PASSWORD})
    client.post(SIGN_UP, answers(name="Back Again", password=VICTIM_PASSWORD, email=user.email))
    links = [m.body for m in mail.outbox if "/manage/sign-up/confirm/" in m.body]
    for body in links:
        link = re.search(r"http://testserver(/manage/sign-up/confirm/\S+/)", body).group(1)
        assert "This link has expired or is not valid" in client.get(link).text

    assert not get_user_model().objects.get(pk=user.pk).is_active


def test_the_clean_up_leaves_a_colleague_given_admin_access_who_has_not_signed_in(
    directory, thurrock_postcodes
):
    from providers.accounts.unconfirmed import delete_unconfirmed_accounts

    moderator = builders.build_user(groups=["Moderators"])
    get_user_model().objects.filter(pk=moderator.pk).update(
        is_active=False, date_joined=timezone.now() - timezone.timedelta(days=90)
    )

    delete_unconfirmed_accounts()

    assert get_user_model().objects.filter(pk=moderator.pk).exists()
