"""Check verification in the moderators' admin: unverified checks first, verifying and
withdrawing, and nobody else (providers included) verifying anything."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from providers.models import ProviderCheck
from providers.portal.services import record_check
from tests import builders

CHECKS_URL = reverse("provider_checks:index")


def opened_version(client, url):
    """The hidden value the edit form carries: when the moderator opened it."""
    html = client.get(url).content.decode()
    found = re.search(r'name="opened_version" value="([^"]*)"', html)
    return found.group(1) if found else ""


def test_checks_list_unverified_first_and_filters(client, moderator, listings):
    grays = listings["grays"]
    builders.build_check(page=listings["cardiff"], kind="dbs", verified=False, reference="DBS-1")
    client.force_login(moderator)

    unverified = client.get(CHECKS_URL, {"status": "unverified"}).content.decode()
    expiring = client.get(CHECKS_URL, {"status": "expiring"}).content.decode()

    assert "DBS-1" in unverified and grays.title not in unverified
    assert grays.title in expiring and "DBS-1" not in expiring


def test_a_moderator_verifies_a_check(client, moderator, listings):
    check = builders.build_check(
        page=listings["cardiff"], kind="dbs", verified=False, dbs_level="enhanced"
    )
    client.force_login(moderator)
    url = reverse("provider_checks:edit", args=(check.pk,))

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "opened_version": opened_version(client, url),
            "verified": "on",
            "dbs_level": "enhanced",
            "cover_amount": "",
            "reference": "001234567890",
            "issued_on": "2026-01-05",
            "expires_on": "2029-01-05",
        },
    )

    assert response.status_code == 302
    check.refresh_from_db()
    assert check.verified_by == moderator
    assert timezone.now() - check.verified_at < timedelta(minutes=1)
    assert check.reference == "001234567890"


def test_unticking_withdraws_the_verification(client, moderator, listings):
    check = ProviderCheck.objects.get(page=listings["grays"])
    client.force_login(moderator)
    url = reverse("provider_checks:edit", args=(check.pk,))

    client.post(
        url,
        {
            "opened_version": opened_version(client, url),
            "reference": "",
            "expires_on": check.expires_on.isoformat(),
        },
    )

    check.refresh_from_db()
    assert check.verified_at is None and check.verified_by is None


def test_a_check_the_provider_changed_after_it_was_opened_is_not_saved(client, moderator, listings):
    page = listings["cardiff"]
    expires = timezone.localdate() + timedelta(days=200)
    check = builders.build_check(
        page=page, kind="insurance", verified=False, reference="OLD-1", expires_on=expires
    )
    client.force_login(moderator)
    url = reverse("provider_checks:edit", args=(check.pk,))
    opened = opened_version(client, url)

    record_check(page=page, kind="insurance", reference="NEW-2", expires_on=expires)
    form = {
        "opened_version": opened,
        "verified": "on",
        "reference": "OLD-1",
        "expires_on": expires.isoformat(),
    }
    response = client.post(url, form, follow=True)

    html = response.content.decode()
    assert "The provider changed this check after you opened it" in html
    assert 'value="NEW-2"' in html and 'value="OLD-1"' not in html  # their change, to check
    check.refresh_from_db()
    assert (check.reference, check.verified_at) == ("NEW-2", None)
    form.update(opened_version=opened_version(client, url), reference="NEW-2")
    assert client.post(url, form).status_code == 302
    check.refresh_from_db()
    assert (check.reference, check.verified_by) == ("NEW-2", moderator)


def test_moderators_cannot_create_or_delete_checks(client, moderator, listings):
    check = ProviderCheck.objects.get(page=listings["grays"])
    client.force_login(moderator)

    assert client.get(reverse("provider_checks:add")).status_code in (302, 403)
    assert client.post(reverse("provider_checks:delete", args=(check.pk,))).status_code in (
        302,
        403,
    )
    assert ProviderCheck.objects.filter(pk=check.pk).exists()


def test_a_provider_cannot_verify_their_own_check(client, listings):
    owner = builders.build_user()
    check = ProviderCheck.objects.create(page=listings["draft"], kind="dbs")
    client.force_login(owner)

    client.post(reverse("provider_checks:edit", args=(check.pk,)), {"verified": "on"})

    check.refresh_from_db()
    assert check.verified_at is None
