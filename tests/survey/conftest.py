import pytest

from survey.forms import STEPS_BY_SLUG
from tests import builders

# A valid POST for every question page.
VALID_PAGES = {
    "work": {"provider_kind": "micro_enterprise", "legal_form": "sole_trader"},
    "support": {
        "support_kinds": ["personal_care", "companionship"],
        "people_supported": "6",
        "workers": "2",
    },
    "place": {"council_id": "E06000034", "postcode_district": "rm17"},
    "pay": {"hours_weekly": "32.5", "hourly_rate": "£21.50", "turnover_band": "20k_30k"},
    "payers": {"payers": ["direct_payment", "self_funded"], "main_payer": "direct_payment"},
    "career": {
        "year_started_care": "2010",
        "year_self_employed": "2019",
        "previous_employment": "nhs",
    },
    "plans": {"reasons": ["values", "flexibility"], "intention_12m": "likely"},
    "skills": {"care_certificate": "yes", "qualification": "level_3", "training_12m": "no"},
    "checks": {"dbs_check": "yes", "public_liability": "yes", "regulator_registered": "no"},
    "about-you": {"age_band": "45_54"},
    "health-consent": {"special_category_consent": "yes"},
    "health": {"disability": "prefer_not_to_say", "unpaid_carer": "yes"},
}
assert set(VALID_PAGES) == set(STEPS_BY_SLUG)


@pytest.fixture
def wave(db):
    return builders.build_wave(title="2026")


def question_url(slug):
    return f"/survey/questions/{slug}/"


def start(client):
    response = client.post("/survey/")
    assert response.status_code == 302
    return response


def answer_all(client, pages=VALID_PAGES):
    for slug, data in pages.items():
        response = client.post(question_url(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return response
