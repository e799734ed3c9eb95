"""The provider records checks; a moderator verifies them. Changing a check clears its
verification; dates and formats are checked; a crafted POST cannot verify anything."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from providers.models import ProviderCheck
from providers.portal.selectors import check_state
from providers.portal.services import dbs_expiry
from tests import builders


def url(kind):
    return reverse("portal:check_edit", args=[kind])


def test_recording_insurance(provider_client, listing):
    expiry = timezone.localdate() + timedelta(days=200)

    response = provider_client.post(
        url("insurance"),
        {
            "cover_amount": "£5,000,000",
            "reference": "PL-123",
            "expires_on": expiry.strftime("%d/%m/%Y"),
            "verified_at": "2026-01-01T00:00:00Z",
            "verified_by": "1",
            "page": "999",
        },
    )

    assert response.status_code == 302
    check = ProviderCheck.objects.get(page=listing, kind="insurance")
    assert (check.cover_amount, check.reference, check.expires_on) == (5_000_000, "PL-123", expiry)
    assert check.verified_at is None and check.verified_by is None
    checks_page = provider_client.get(reverse("portal:checks")).content.decode()
    assert "Awaiting verification" in checks_page
    assert "£5,000,000" in checks_page
    assert (
        'Change<span class="govuk-visually-hidden"> Public liability insurance</span>'
        in checks_page
    )


def test_a_double_submit_of_a_first_check_records_it_once(provider_client, listing):
    data = {"cover_amount": "2000000", "expires_on": "1/1/2099"}

    responses = [provider_client.post(url("insurance"), data) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert ProviderCheck.objects.filter(page=listing, kind="insurance").count() == 1


def test_insurance_that_has_expired_is_refused_with_answers_kept(provider_client, listing):
    response = provider_client.post(
        url("insurance"), {"cover_amount": "2000000", "expires_on": "1/1/2020"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your insurance has expired" in html
    assert 'value="2000000"' in html and 'value="1/1/2020"' in html
    assert not ProviderCheck.objects.filter(page=listing).exists()


@pytest.mark.parametrize(
    ("cover", "message"),
    [
        ("0", "Enter an amount of cover between £1 and £100,000,000"),
        ("lots", "Enter the amount of cover in whole pounds"),
        ("", "Enter the amount of cover in pounds"),
    ],
)
def test_insurance_cover_must_be_an_amount(provider_client, listing, cover, message):
    response = provider_client.post(
        url("insurance"), {"cover_amount": cover, "expires_on": "1/1/2099"}
    )
    assert message in response.content.decode()


def test_changing_a_check_clears_its_verification_but_saving_it_unchanged_does_not(
    provider_client, listing
):
    expiry = date(2099, 1, 31)
    builders.build_check(
        page=listing, kind="insurance", cover_amount=1_000_000, expires_on=expiry, verified=True
    )
    same = {"cover_amount": "1000000", "expires_on": "31/1/2099"}

    provider_client.post(url("insurance"), same)
    assert ProviderCheck.objects.get(page=listing).verified_at is not None

    provider_client.post(url("insurance"), {**same, "cover_amount": "2000000"})
    assert ProviderCheck.objects.get(page=listing).verified_at is None


def test_dbs_check_shows_for_the_badge_period_after_its_date(provider_client, listing, settings):
    settings.DBS_BADGE_YEARS = 3

    provider_client.post(url("dbs"), {"dbs_level": "enhanced", "issued_on": "14/2/2025"})

    check = ProviderCheck.objects.get(page=listing, kind="dbs")
    assert check.dbs_level == "enhanced"
    assert (check.issued_on, check.expires_on) == (date(2025, 2, 14), date(2028, 2, 14))


def test_saving_an_unchanged_verified_dbs_check_keeps_it_verified_and_its_expiry(
    provider_client, listing, settings
):
    settings.DBS_BADGE_YEARS = 3
    # Stored a day short of what dbs_expiry gives (as the demo's 3 × 365 days can be).
    issued = timezone.localdate() - timedelta(days=400)
    expiry = dbs_expiry(issued) - timedelta(days=1)
    check = builders.build_check(
        page=listing, kind="dbs", dbs_level="enhanced", issued_on=issued, expires_on=expiry
    )
    same = {"dbs_level": "enhanced", "issued_on": issued.strftime("%d/%m/%Y")}

    response = provider_client.post(url("dbs"), same, follow=True)

    saved = ProviderCheck.objects.get(pk=check.pk)
    assert (saved.verified_at, saved.expires_on) == (check.verified_at, expiry)
    html = response.content.decode()
    assert "DBS check saved." in html and "A moderator will verify it" not in html
    assert "Verified" in html and "Awaiting verification" not in html

    response = provider_client.post(url("dbs"), {**same, "dbs_level": "basic"}, follow=True)

    saved = ProviderCheck.objects.get(pk=check.pk)
    assert saved.verified_at is None and saved.expires_on == dbs_expiry(issued)
    assert "DBS check saved. A moderator will verify it." in response.content.decode()


def test_dbs_date_cannot_be_in_the_future(provider_client, listing):
    response = provider_client.post(url("dbs"), {"dbs_level": "basic", "issued_on": "1/1/2099"})
    assert "must be today or in the past" in response.content.decode()

    response = provider_client.post(url("dbs"), {"dbs_level": "basic", "issued_on": "31/2/2024"})
    assert "Enter a real date, like 27/3/2025" in response.content.decode()  # as the hint


def test_an_old_dbs_certificate_is_saved_with_word_that_it_will_not_show(provider_client, listing):
    response = provider_client.post(
        url("dbs"), {"dbs_level": "basic", "issued_on": "1/1/2020"}, follow=True
    )

    html = response.content.decode()
    assert "DBS check saved. It has expired, so it will not show on your listing." in html
    assert "A moderator will verify it" not in html


@pytest.mark.parametrize(
    ("value", "ok"),
    [("1-123456789", True), (" 1-101660813 ", True), ("123456789", False), ("1-12ab", False)],
)
def test_regulator_id_is_a_cqc_location_id(provider_client, listing, value, ok):
    response = provider_client.post(url("regulator"), {"reference": value})

    assert ProviderCheck.objects.filter(page=listing, kind="regulator").exists() is ok
    if not ok:
        assert "Enter a CQC location ID in the right format" in response.content.decode()


def test_quality_scheme(provider_client, listing):
    provider_client.post(url("quality_scheme"), {"reference": "Small Good Stuff", "expires_on": ""})
    check = ProviderCheck.objects.get(page=listing, kind="quality_scheme")
    assert check.reference == "Small Good Stuff" and check.expires_on is None


def test_removing_a_check(provider_client, listing):
    builders.build_check(page=listing, kind="regulator", reference="1-123456789")

    provider_client.post(reverse("portal:check_remove", args=["regulator"]))

    assert not ProviderCheck.objects.filter(page=listing).exists()


def test_remove_this_check_is_a_link_to_a_page_that_asks_first(provider_client, listing):
    builders.build_check(page=listing, kind="dbs", dbs_level="enhanced", verified=True)
    remove = reverse("portal:check_remove", args=["dbs"])

    edit = provider_client.get(url("dbs")).content.decode()
    assert f'<a class="govuk-link" href="{remove}">Remove this check</a>' in edit
    assert f'action="{remove}"' not in edit  # no one-keypress delete

    response = provider_client.get(remove)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Remove your DBS check?</h1>' in html
    assert "its badge is taken off your public listing straight away" in html
    assert "a moderator must verify it again" in html
    assert "Yes, remove it</button>" in html
    assert f'href="{url("dbs")}">No, keep it</a>' in html
    assert ProviderCheck.objects.filter(page=listing, kind="dbs").exists()


def test_confirming_removes_the_check_and_a_second_post_is_harmless(provider_client, listing):
    builders.build_check(page=listing, kind="insurance", cover_amount=1_000_000)
    remove = reverse("portal:check_remove", args=["insurance"])

    first = provider_client.post(remove, follow=True)
    second = provider_client.post(remove, follow=True)

    assert "Public liability insurance removed." in first.content.decode()
    assert second.status_code == 200
    assert "removed." not in second.content.decode()
    assert not ProviderCheck.objects.filter(page=listing).exists()


def test_asking_to_remove_a_check_that_is_not_there_goes_back_to_the_checks(
    provider_client, listing
):
    response = provider_client.get(reverse("portal:check_remove", args=["regulator"]))
    assert response.status_code == 302 and response["Location"] == reverse("portal:checks")
    response = provider_client.get(reverse("portal:check_remove", args=["passport"]))
    assert response.status_code == 404


def test_unknown_check_kind_is_not_found(provider_client, listing):
    assert provider_client.get(url("passport")).status_code == 404


def test_check_states(listing):
    today = date(2026, 6, 1)
    verified = builders.build_check(page=listing, kind="dbs", expires_on=date(2027, 1, 1))
    soon = builders.build_check(page=listing, kind="insurance", expires_on=date(2026, 6, 20))
    expired = builders.build_check(
        page=listing, kind="quality_scheme", expires_on=date(2026, 5, 31)
    )
    waiting = builders.build_check(page=listing, kind="regulator", verified=False)

    assert check_state(check=verified, today=today).status == "verified"
    assert check_state(check=soon, today=today).expiring_soon
    assert check_state(check=expired, today=today).status == "expired"
    assert check_state(check=waiting, today=today).status == "awaiting"


def test_the_checks_page_shows_each_state(provider_client, listing):
    today = timezone.localdate()
    builders.build_check(page=listing, kind="dbs", expires_on=today + timedelta(days=400))
    builders.build_check(page=listing, kind="insurance", expires_on=today - timedelta(days=1))
    builders.build_check(page=listing, kind="regulator", verified=False, reference="1-1234567")

    html = provider_client.get(reverse("portal:checks")).content.decode()

    assert "Verified" in html and "Expired" in html and "Awaiting verification" in html
    assert "Not added" in html  # quality scheme


def test_a_shared_lives_scheme_can_change_its_cqc_registration_but_not_remove_it(
    client, directory, thurrock_postcodes
):
    owner = builders.build_user(email="scheme@example.org")
    scheme = builders.build_provider(
        directory=directory, title="Hearth Shared Lives", kind="shared_lives", owner=owner
    )
    builders.build_check(page=scheme, kind="regulator", reference="1-123456789")
    client.force_login(owner)
    remove = reverse("portal:check_remove", args=["regulator"])

    edit = client.get(url("regulator")).content.decode()
    assert "you can change it here, but not remove it" in edit
    assert remove not in edit
    assert client.get(remove)["Location"] == url("regulator")
    assert client.post(remove)["Location"] == url("regulator")

    assert ProviderCheck.objects.filter(page=scheme, kind="regulator").exists()
    client.post(url("regulator"), {"reference": "1-987654321"})
    assert ProviderCheck.objects.get(page=scheme, kind="regulator").reference == "1-987654321"
