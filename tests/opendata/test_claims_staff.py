"""Only a provider's account may claim a listing: staff, whether given admin access by
is_staff or by a group (Moderators, Analysts), may not, and nobody approves their own
claim."""

import pytest

from providers.claims import services
from providers.models import ListingClaim, ListingMembership
from tests import builders

MESSAGE = {"message": "I own this business honestly."}


@pytest.fixture
def unowned(directory, thurrock_postcodes):
    return builders.build_provider(
        directory=directory, title="Imported Gardeners", external_id="imp-1"
    )


def claim_url(page):
    return f"/claim-listing/{page.slug}/"


@pytest.mark.parametrize("group", ["Moderators", "Analysts", "Survey administrators"])
def test_staff_in_an_admin_group_cannot_claim(client, unowned, group):
    client.force_login(builders.build_user(email="staff@example.org", groups=[group]))

    shown = client.get(claim_url(unowned))
    sent = client.post(claim_url(unowned), MESSAGE)

    for response in (shown, sent):
        assert response.status_code == 403
        assert "Staff accounts cannot claim listings" in response.content.decode()
    assert not ListingClaim.objects.exists()
    with pytest.raises(services.ClaimRefused):
        services.submit_claim(user=builders.build_user(groups=[group]), page=unowned, message="x")


def test_a_moderator_cannot_approve_their_own_claim(client, unowned):
    provider = builders.build_user(email="gardener@example.org")
    claim = services.submit_claim(user=provider, page=unowned, message="This is my business.")
    provider.groups.add(*builders.Group.objects.filter(name="Moderators"))
    client.force_login(provider)

    response = client.post(
        f"/admin/listing-claims/decide/{claim.pk}/", {"approve": "1"}, follow=True
    )

    assert "You cannot approve your own claim" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert not ListingMembership.objects.filter(user=provider).exists()


def test_a_claim_from_an_account_that_became_staff_is_not_approved(client, unowned):
    provider = builders.build_user(email="gardener@example.org")
    claim = services.submit_claim(user=provider, page=unowned, message="This is my business.")
    provider.groups.add(*builders.Group.objects.filter(name="Analysts"))
    moderator = builders.build_user(groups=["Moderators"])

    with pytest.raises(services.ClaimRefused, match="cannot run a listing"):
        services.approve_claim(claim=claim, moderator=moderator)

    assert not ListingMembership.objects.filter(user=provider).exists()
