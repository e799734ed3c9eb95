"""Plain functions that build test data. Each takes keyword arguments with sensible defaults."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage

_counter = itertools.count(1)
PASSWORD = "a-long-test-password-1"


def build_home(
    *, title="Find care and support near you", introduction="<p>Welcome.</p>"
) -> HomePage:
    """A live HomePage at the root of the default site (replacing Wagtail's stock page)."""
    root = Page.get_first_root_node()
    Page.objects.child_of(root).exact_type(Page).delete()
    home = HomePage(title=title, slug=f"home-{next(_counter)}", introduction=introduction)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": title},
    )
    return home


def build_standard_page(
    *, parent, title=None, summary="A short summary.", body=None, show_in_menus=False, live=True
) -> StandardPage:
    n = next(_counter)
    page = StandardPage(
        title=title or f"Guidance page {n}",
        slug=f"guidance-{n}",
        summary=summary,
        body=body if body is not None else [{"type": "paragraph", "value": "<p>Body text.</p>"}],
        show_in_menus=show_in_menus,
        live=live,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def build_user(*, username=None, email=None, password=PASSWORD, groups=(), superuser=False):
    n = next(_counter)
    user = get_user_model().objects.create_user(
        username=username or f"user{n}",
        email=email or f"user{n}@example.org",
        password=password,
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def build_postcode(
    *, postcode="RM17 5SW", easting=561234, northing=178901, district_code="E06000034"
):
    """A Postcode row (district codes come from the councils migration), and its
    OutwardCode recomputed from the postcodes now stored."""
    from providers.geography.models import Postcode
    from providers.geography.selectors import normalise_postcode
    from providers.geography.services import refresh_outward_code

    normalised = normalise_postcode(postcode)
    if normalised is None or " " not in normalised:
        raise ValueError(f"not a full postcode: {postcode!r}")
    row, _created = Postcode.objects.update_or_create(
        postcode=normalised,
        defaults={"easting": easting, "northing": northing, "district_id": district_code},
    )
    refresh_outward_code(normalised.split(" ")[0])
    return row


# --- survey ------------------------------------------------------------------------------

COMPLETE_ANSWERS = {
    "provider_kind": "micro_enterprise",
    "legal_form": "sole_trader",
    "support_kinds": ["personal_care", "companionship"],
    "people_supported": 6,
    "workers": 2,
    "council_id": "E06000034",  # Thurrock
    "postcode_district": "RM17",
    "hours_weekly": "32.5",
    "hourly_rate": "21.50",
    "turnover_band": "20k_30k",
    "payers": ["direct_payment", "self_funded"],
    "main_payer": "direct_payment",
    "year_started_care": 2010,
    "year_self_employed": 2019,
    "previous_employment": "private_provider",
    "reasons": ["flexibility", "values"],
    "intention_12m": "likely",
    "care_certificate": "yes",
    "qualification": "level_3",
    "training_12m": "yes",
    "training_wanted": ["dementia"],
    "dbs_check": "yes",
    "public_liability": "yes",
    "regulator_registered": "not_required",
    "age_band": "45_54",
    "sex": "female",
    "ethnic_group": "white",
    "special_category_consent": True,
    "disability": "no",
    "unpaid_carer": "yes",
}


def build_wave(*, title=None, opens_on=None, closes_on=None, privacy_notice=None, **extra):
    """A wave open from 30 days ago to 30 days ahead unless dates are given."""
    import datetime

    from django.utils import timezone

    from survey.models import Wave

    today = timezone.localdate()
    return Wave.objects.create(
        title=title or f"Wave {next(_counter)}",
        opens_on=opens_on or today - datetime.timedelta(days=30),
        closes_on=closes_on or today + datetime.timedelta(days=30),
        introduction=extra.pop("introduction", "<p>Tell us about your work.</p>"),
        privacy_notice=privacy_notice or "<p>We keep your answers for two years.</p>",
        **extra,
    )


def build_response(*, wave, submitted=True, receipt_code=None, submitted_at=None, **answers):
    """A response with every answer filled in (override any with keyword arguments).
    Returns the Response; its receipt code is `receipt_code` or "TEST-<pk>"."""
    from django.utils import timezone

    from survey.models import Response
    from survey.selectors import hash_code

    code = receipt_code or f"TESTCODE{next(_counter):04d}"
    values = {**COMPLETE_ANSWERS, **answers}
    response = Response.objects.create(
        wave=wave,
        receipt_hash=hash_code(code),
        status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
        submitted_at=(submitted_at or timezone.now()) if submitted else None,
        **values,
    )
    response.receipt_code = code
    return response
