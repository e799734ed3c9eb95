"""Plain functions that build survey test data (re-exported by tests/builders.py)."""

import itertools

_counter = itertools.count(1)

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
