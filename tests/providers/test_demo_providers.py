"""seed_demo's providers: over 300 realistic listings at real postcodes in every state,
deterministic from the seed, idempotent, and working on an empty postcode table."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from providers.demo.postcodes import read_postcodes
from providers.demo.seed import _places, _vocab
from providers.demo.specs import build_specs
from providers.geography.models import Postcode
from providers.models import Enquiry, ListingMembership, ProviderCheck, ProviderPage
from providers.moderation.states import STATES, state_q
from providers.portal.selectors import missing_for_submission
from providers.portal.services import dbs_expiry
from providers.selectors import latest_moderation_outcome, listing_for_user


def sign_in(username, password):
    user = get_user_model().objects.get(username=username)
    assert user.check_password(password) and user.email == username
    return user


def seed():
    out = StringIO()
    call_command("seed_demo", "--seed", "2026", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_creates_providers_in_every_state_once():
    assert not Postcode.objects.exists()  # as in the browser stage: no load_postcodes

    output = seed()

    listings = ProviderPage.objects.all()
    assert listings.count() >= 300
    assert listings.filter(kind="shared_lives").count() >= 20
    assert listings.filter(council_code="E06000034").count() >= 50  # Thurrock
    regions = set(listings.values_list("region_code", flat=True))
    assert "W92000004" in regions  # Wales
    assert len(regions) >= 6
    for state, _label in STATES:
        assert listings.filter(state_q(state)).exists(), state
    assert listings.filter(price_per_hour__lt=15).count() == 0
    assert listings.filter(price_per_hour__gt=35).count() == 0
    assert ProviderCheck.objects.filter(verified_at__isnull=True).exists()
    dbs = ProviderCheck.objects.filter(kind="dbs", issued_on__isnull=False)
    assert dbs and all(c.expires_on == dbs_expiry(c.issued_on) for c in dbs)  # as the portal
    assert Enquiry.objects.filter(read_at__isnull=True).exists()
    rejected = listings.filter(state_q("rejected")).first()
    assert latest_moderation_outcome(page=rejected).comment

    assert "provider@example.org" in output and "demo-provider-pass" in output
    assert "scheme@example.org" in output and "demo-scheme-pass" in output
    assert "locked@example.org" in output and "demo-locked-pass" in output
    logins = [line for line in output.splitlines() if line.endswith("-pass")]
    assert len(logins) >= 8 and len({line.index(" demo-") for line in logins}) == 1  # aligned
    locked = listing_for_user(user=sign_in("locked@example.org", "demo-locked-pass"))
    assert locked.live and locked.locked and locked.locked_by.groups.filter(name="Moderators")
    provider = sign_in("provider@example.org", "demo-provider-pass")
    listing = listing_for_user(user=provider)
    assert listing.kind == "micro_enterprise" and listing.council_code == "E06000034"
    assert listing.live and listing.workflow_in_progress  # changes awaiting approval
    assert listing.enquiries.filter(read_at__isnull=True).exists()
    assert listing.checks.filter(kind="insurance", expires_on__isnull=False).exists()
    scheme = sign_in("scheme@example.org", "demo-scheme-pass")
    assert listing_for_user(user=scheme).kind == "shared_lives"
    staff = sign_in("scheme-staff@example.org", "demo-staff-pass")  # its co-editor
    assert listing_for_user(user=staff) == listing_for_user(user=scheme)
    assert staff.listing_membership.role == "co_editor"
    for page in listings.filter(kind="shared_lives"):  # complete: could be sent for approval
        assert missing_for_submission(page=page.get_latest_revision_as_object()) == [], page
    assert "RM17" not in listing.description and listing.base_postcode not in listing.summary

    counts = (listings.count(), ProviderCheck.objects.count(), Enquiry.objects.count())
    seed()
    assert (ProviderPage.objects.count(), ProviderCheck.objects.count()) == counts[:2]
    assert Enquiry.objects.count() == counts[2]
    assert ListingMembership.objects.count() == 4  # the four demo provider logins


@pytest.mark.django_db
def test_the_listings_are_a_pure_function_of_the_seed():
    args = {"postcodes": read_postcodes(), "places": _places(), "vocab": _vocab(), "count": 60}

    first = build_specs(seed=7, **args)
    again = build_specs(seed=7, **args)
    other = build_specs(seed=8, **args)

    assert [(s.title, s.postcode, s.state) for s in first] == [
        (s.title, s.postcode, s.state) for s in again
    ]
    assert [s.title for s in first] != [s.title for s in other]
    assert len({s.title for s in first}) == 60


def test_the_committed_postcodes_are_real_and_spread_out():
    rows = read_postcodes()

    assert 200 <= len(rows) <= 400
    assert len({row.district_code for row in rows}) >= 15
    assert sum(row.district_code == "E06000034" for row in rows) >= 50
    assert all(0 < row.easting < 700_000 and 0 < row.northing < 1_300_000 for row in rows)
