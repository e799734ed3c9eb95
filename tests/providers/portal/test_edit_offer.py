"""What you offer: the kinds of support fit the kind of provider. The Shared Lives
arrangements are for Shared Lives schemes; every other kind is for micro-enterprises."""

from django.urls import reverse

from providers.models import SupportKind
from tests import builders

from .test_edit import latest

OFFER = reverse("portal:edit_offer")
SHARED_LIVES = ["Shared Lives long-term arrangement", "Shared Lives short break"]


def pks(*slugs):
    return [kind.pk for kind in SupportKind.objects.filter(slug__in=slugs)]


def test_a_micro_enterprise_is_offered_only_its_kinds_of_support(provider_client, listing):
    html = provider_client.get(OFFER).content.decode()

    assert "Personal care" in html
    for name in [*SHARED_LIVES, "Shared Lives day support"]:
        assert name not in html

    response = provider_client.post(
        OFFER, {"support_kinds": pks("transport", "shared-lives-long-term-arrangement")}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Select kinds of support from the list" in html
    assert "is not one of the available choices" not in html
    assert [k.slug for k in latest(listing).support_kinds.all()] == ["personal-care"]


def test_a_shared_lives_scheme_is_offered_its_arrangements(client, directory):
    owner, page = builders.build_provider_account(
        directory=directory, kind="shared_lives", postcode=None
    )
    client.force_login(owner)

    html = client.get(OFFER).content.decode()

    for name in SHARED_LIVES:
        assert name in html
    assert "Personal care" not in html
    assert client.post(OFFER, {"support_kinds": pks("personal-care")}).status_code == 200

    slugs = ["shared-lives-long-term-arrangement", "shared-lives-short-break"]
    assert client.post(OFFER, {"support_kinds": pks(*slugs)}).status_code == 302
    assert sorted(k.slug for k in latest(page).support_kinds.all()) == slugs
