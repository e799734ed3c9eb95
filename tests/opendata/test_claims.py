"""Claiming an unowned listing: who may, who may not, and what approval does."""

import pytest

from providers.claims import services
from providers.models import ListingClaim, ListingMembership
from providers.selectors import listing_for_user
from tests import builders


@pytest.fixture
def unowned(directory, thurrock_postcodes):
    return builders.build_provider(
        directory=directory, title="Imported Gardeners", external_id="imp-1"
    )


@pytest.fixture
def claimant(db):
    return builders.build_user(email="gardener@example.org")


@pytest.fixture
def moderator(db):
    return builders.build_user(groups=["Moderators"])


def claim_url(page):
    return f"/claim-listing/{page.slug}/"


def test_profile_shows_the_claim_link_only_on_unowned_listings(client, unowned, directory):
    assert "Is this your business?" in client.get(unowned.url).content.decode()
    owned = builders.build_provider(directory=directory, owner=builders.build_user())
    assert "Is this your business?" not in client.get(owned.url).content.decode()


def test_an_account_without_a_listing_is_told_how_to_claim_one(client, unowned, claimant):
    client.force_login(claimant)

    response = client.get("/manage/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "There is no listing for this account" in html
    assert f'href="{unowned.get_parent().url}">find it in the directory</a>' in html
    assert "Is this your business?" in html


def test_provider_without_listing_claims_and_moderator_approves(
    client, unowned, claimant, moderator
):
    client.force_login(claimant)
    response = client.get(claim_url(unowned))
    assert response.status_code == 200 and "Is this your business?" in response.content.decode()
    response = client.post(claim_url(unowned), {"message": "I am the owner; phone 01375 000000."})
    assert response.status_code == 302 and response.url.endswith("/sent/")
    assert "Claim sent" in client.get(response.url).content.decode()
    # A double submit creates no second claim.
    client.post(claim_url(unowned), {"message": "I am the owner; phone 01375 000000."})
    assert ListingClaim.objects.count() == 1
    claim = ListingClaim.objects.get()
    assert claim.status == "pending" and claim.claimant == claimant
    assert listing_for_user(user=claimant) is None  # nothing until a moderator approves
    response = client.get("/manage/")  # not a dead end, nor an error: it says why
    waiting = response.content.decode()
    assert response.status_code == 200
    assert "Your claim is waiting for a moderator" in waiting
    assert "If you think it should" not in waiting
    assert "You asked to run the listing “Imported Gardeners”" in waiting

    client.force_login(moderator)
    assert client.get("/admin/listing-claims/").status_code == 200
    assert (
        "Imported Gardeners"
        in client.get(f"/admin/listing-claims/decide/{claim.pk}/").content.decode()
    )
    client.post(f"/admin/listing-claims/decide/{claim.pk}/", {"approve": "1"})
    claim.refresh_from_db()
    assert claim.status == "approved" and claim.decided_by == moderator and claim.decided_at
    assert listing_for_user(user=claimant).pk == unowned.pk
    assert ListingMembership.objects.get(user=claimant).role == "owner"
    # Now it has an owner: no more claim link.
    client.logout()
    assert "Is this your business?" not in client.get(unowned.url).content.decode()


def test_form_errors_keep_the_answer(client, unowned, claimant):
    client.force_login(claimant)
    response = client.post(claim_url(unowned), {"message": "short"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    assert "at least 10 characters" in page and "short</textarea>" in page
    assert not ListingClaim.objects.exists()


def test_rejection(client, unowned, claimant, moderator):
    claim = services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    client.force_login(moderator)
    client.post(
        f"/admin/listing-claims/decide/{claim.pk}/", {"reject": "1", "note": "Cannot verify."}
    )
    claim.refresh_from_db()
    assert claim.status == "rejected" and claim.decision_note == "Cannot verify."
    assert not ListingMembership.objects.filter(user=claimant).exists()


def test_anonymous_is_sent_to_sign_in(client, unowned):
    response = client.post(claim_url(unowned), {"message": "I own this business honestly."})
    assert response.status_code == 302 and response.url.startswith("/manage/sign-in/")
    assert not ListingClaim.objects.exists()


def test_provider_who_already_has_a_listing_is_refused(client, unowned, directory):
    owner = builders.build_user()
    builders.build_provider(directory=directory, owner=owner)
    client.force_login(owner)
    response = client.post(claim_url(unowned), {"message": "I own this business honestly."})
    assert (
        response.status_code == 403
        and "already runs a published listing" in response.content.decode()
    )
    assert not ListingClaim.objects.exists()


def test_a_new_account_claims_and_its_unpublished_draft_gives_way(
    client, unowned, directory, moderator
):
    user, draft = builders.build_provider_account(
        directory=directory, email="new@example.org", live=False
    )
    client.force_login(user)

    page = client.get(claim_url(unowned)).content.decode()
    client.post(claim_url(unowned), {"message": "We were imported from the council's list."})
    services.approve_claim(claim=ListingClaim.objects.get(), moderator=moderator)

    assert "draft is deleted" in page
    assert listing_for_user(user=user).pk == unowned.pk
    assert not type(draft).objects.filter(pk=draft.pk).exists()


def test_a_claim_never_replaces_a_listing_that_was_published(client, unowned, directory):
    user, listing = builders.build_provider_account(directory=directory, email="pub@example.org")
    listing.unpublish()
    client.force_login(user)

    response = client.post(claim_url(unowned), {"message": "I own this business honestly."})

    assert response.status_code == 403
    assert listing_for_user(user=user).pk == listing.pk


def test_second_claim_on_the_same_listing_is_refused(client, unowned, claimant):
    services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    other = builders.build_user()
    client.force_login(other)
    response = client.post(claim_url(unowned), {"message": "No, it is mine really."})
    assert response.status_code == 403 and "already claimed" in response.content.decode()
    assert ListingClaim.objects.count() == 1
    with pytest.raises(services.ClaimRefused):
        services.submit_claim(user=other, page=unowned, message="Still mine.")


def test_claim_on_a_listing_with_an_owner_is_refused(
    client, directory, thurrock_postcodes, claimant
):
    owned = builders.build_provider(directory=directory, owner=builders.build_user())
    client.force_login(claimant)
    response = client.post(claim_url(owned), {"message": "I own this business honestly."})
    assert (
        response.status_code == 403 and "already run by its provider" in response.content.decode()
    )
    assert not ListingClaim.objects.exists()


def test_draft_or_unknown_listing_is_404(client, directory, thurrock_postcodes, claimant):
    draft = builders.build_provider(directory=directory, live=False)
    client.force_login(claimant)
    assert client.get(claim_url(draft)).status_code == 404
    assert client.get("/claim-listing/no-such-listing/").status_code == 404


def test_staff_cannot_claim(client, unowned, moderator):
    client.force_login(builders.build_user(superuser=True))
    assert (
        client.post(claim_url(unowned), {"message": "I own this business honestly."}).status_code
        == 403
    )
    assert not ListingClaim.objects.exists()


def test_approval_is_refused_if_the_listing_got_an_owner_meanwhile(unowned, claimant, moderator):
    claim = services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    ListingMembership.objects.create(user=builders.build_user(), page=unowned, role="owner")
    with pytest.raises(services.ClaimRefused):
        services.approve_claim(claim=claim, moderator=moderator)
    assert not ListingMembership.objects.filter(user=claimant).exists()


def test_only_moderators_see_and_decide_claims(client, unowned, claimant):
    claim = services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    for user in (claimant, builders.build_user(groups=["Analysts"])):
        client.force_login(user)
        assert client.get("/admin/listing-claims/").status_code in (302, 403)
        client.post(f"/admin/listing-claims/decide/{claim.pk}/", {"approve": "1"})
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert not ListingMembership.objects.filter(user=claimant).exists()


def test_moderators_are_emailed_a_new_claim_with_a_link_to_decide_it(
    client, unowned, claimant, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    moderator.email = "mod@example.org"
    moderator.save()
    builders.build_user(email="editor@example.org")  # not a moderator: not told
    client.force_login(claimant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(claim_url(unowned), {"message": "I am the owner; phone 01375 000000."})

    claim = ListingClaim.objects.get()
    [message] = mailoutbox
    assert message.to == ["mod@example.org"] and not message.bcc
    assert message.subject == 'A listing has been claimed: "Imported Gardeners"'
    assert "I am the owner; phone 01375 000000." in message.body
    assert f"http://testserver/admin/listing-claims/decide/{claim.pk}/" in message.body


def test_the_claimant_is_emailed_the_approval_with_the_portal_address(
    client, unowned, claimant, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    claim = services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/listing-claims/decide/{claim.pk}/",
            {"approve": "1", "note": "Please add your DBS check."},
        )

    [message] = [m for m in mailoutbox if m.to == ["gardener@example.org"]]
    assert message.subject == 'Your claim for "Imported Gardeners" has been approved'
    assert "http://testserver/manage/" in message.body
    assert "Please add your DBS check." in message.body  # a note is kept on approval too
    claim.refresh_from_db()
    assert claim.decision_note == "Please add your DBS check."


def test_the_claimant_is_emailed_the_rejection_with_the_note(
    client, unowned, claimant, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    claim = services.submit_claim(user=claimant, page=unowned, message="This is my business.")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/listing-claims/decide/{claim.pk}/", {"reject": "1", "note": "Cannot verify."}
        )

    [message] = [m for m in mailoutbox if m.to == ["gardener@example.org"]]
    assert message.subject == 'Your claim for "Imported Gardeners" was not approved'
    assert "Cannot verify." in message.body
    assert f"http://testserver/claim-listing/{unowned.slug}/" in message.body
    assert "/manage/" not in message.body


def test_a_mail_server_failure_does_not_lose_the_claim(
    client, unowned, claimant, moderator, settings, django_capture_on_commit_callbacks, caplog
):
    moderator.email = "mod@example.org"
    moderator.save()
    settings.MAILERS = {  # nothing listens on port 9
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2, "use_tls": False},
        }
    }
    client.force_login(claimant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(claim_url(unowned), {"message": "I am the owner of this."})

    assert response.status_code == 302 and ListingClaim.objects.filter(claimant=claimant).exists()
    assert "could not email claim" in caplog.text
