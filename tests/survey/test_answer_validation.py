"""Every message a respondent can meet on the question pages, shown in the error summary
(linked to its field) and next to the field, with the answers they typed kept."""

import datetime
import html

import pytest
from django.utils import timezone

from survey.models import Response

from .conftest import VALID_PAGES, question_url, start

pytestmark = pytest.mark.django_db

NEXT_YEAR = str(timezone.localdate().year + 1)

CASES = [
    # page, field, data overrides, message, link target
    (
        "work",
        "provider_kind",
        {"provider_kind": ""},
        "Select what kind of provider you are",
        "id_provider_kind_0",
    ),
    (
        "work",
        "legal_form",
        {"legal_form": "llp"},
        "Select how your work is set up",
        "id_legal_form_0",
    ),
    (
        "support",
        "support_kinds",
        {"support_kinds": []},
        "Select at least one kind of support you give",
        "id_support_kinds_0",
    ),
    (
        "support",
        "people_supported",
        {"people_supported": "many"},
        "Enter the number of people as a whole number, like 5",
        "id_people_supported",
    ),
    (
        "support",
        "people_supported",
        {"people_supported": "201"},
        "Number of people must be between 0 and 200",
        "id_people_supported",
    ),
    (
        "support",
        "workers",
        {"workers": ""},
        "Enter how many people work in your business, including you",
        "id_workers",
    ),
    (
        "support",
        "workers",
        {"workers": "0"},
        "Number of workers must be between 1 and 50",
        "id_workers",
    ),
    (
        "support",
        "workers",
        {"workers": "2.5"},
        "Enter the number of workers as a whole number, like 2",
        "id_workers",
    ),
    (
        "place",
        "council_id",
        {"council_id": ""},
        "Select the council area you mostly work in",
        "id_council_id",
    ),
    (
        "place",
        "council_id",
        {"council_id": "E99999999"},
        "Select the council area you mostly work in",
        "id_council_id",
    ),
    (
        "place",
        "postcode_district",
        {"postcode_district": "RM17 5SW"},
        "Enter the first part of a postcode only, like RM17",
        "id_postcode_district",
    ),
    (
        "pay",
        "hours_weekly",
        {"hours_weekly": "lots"},
        "Enter hours as a number, like 37.5",
        "id_hours_weekly",
    ),
    (
        "pay",
        "hours_weekly",
        {"hours_weekly": "100.5"},
        "Hours in a typical week must be between 0 and 100",
        "id_hours_weekly",
    ),
    (
        "pay",
        "hours_weekly",
        {"hours_weekly": "-3"},
        "Enter hours as a number, like 37.5",
        "id_hours_weekly",
    ),
    (
        "pay",
        "hours_weekly",
        {"hours_weekly": "37.25"},
        "Enter hours to no more than 1 decimal place, like 37.5",
        "id_hours_weekly",
    ),
    (
        "pay",
        "hourly_rate",
        {"hourly_rate": "twenty"},
        "Enter your hourly rate as an amount, like 18.50",
        "id_hourly_rate",
    ),
    (
        "pay",
        "hourly_rate",
        {"hourly_rate": "150.01"},
        "Hourly rate must be between £0 and £150",
        "id_hourly_rate",
    ),
    (
        "pay",
        "hourly_rate",
        {"hourly_rate": "18.505"},
        "Enter your hourly rate in pounds and pence, like 18.50",
        "id_hourly_rate",
    ),
    (
        "pay",
        "turnover_band",
        {"turnover_band": ""},
        "Select your turnover, or select prefer not to say",
        "id_turnover_band_0",
    ),
    ("payers", "payers", {"payers": []}, "Select at least one way you are paid", "id_payers_0"),
    (
        "payers",
        "main_payer",
        {"main_payer": ""},
        "Select which way pays for most of your work",
        "id_main_payer_0",
    ),
    (
        "payers",
        "main_payer",
        {"payers": ["self_funded"], "main_payer": "nhs"},
        "The way that pays for most of your work must be one you selected above",
        "id_main_payer_0",
    ),
    (
        "career",
        "year_started_care",
        {"year_started_care": ""},
        "Enter the year you started working in social care",
        "id_year_started_care",
    ),
    (
        "career",
        "year_started_care",
        {"year_started_care": "twenty ten"},
        "Enter a year as 4 numbers, like 2015",
        "id_year_started_care",
    ),
    (
        "career",
        "year_started_care",
        {"year_started_care": NEXT_YEAR, "year_self_employed": NEXT_YEAR},
        "The year cannot be in the future",
        "id_year_started_care",
    ),
    (
        "career",
        "year_started_care",
        {"year_started_care": "1959"},
        "The year must be 1960 or later",
        "id_year_started_care",
    ),
    (
        "career",
        "year_self_employed",
        {"year_self_employed": ""},
        "Enter the year you became self-employed in care",
        "id_year_self_employed",
    ),
    (
        "career",
        "year_self_employed",
        {"year_self_employed": NEXT_YEAR},
        "The year cannot be in the future",
        "id_year_self_employed",
    ),
    (
        "career",
        "year_self_employed",
        {"year_started_care": "2015", "year_self_employed": "2012"},
        "The year you became self-employed must be the same as or after the year you started in social care",
        "id_year_self_employed",
    ),
    (
        "career",
        "previous_employment",
        {"previous_employment": ""},
        "Select where you worked before you became self-employed",
        "id_previous_employment_0",
    ),
    (
        "plans",
        "reasons",
        {"reasons": []},
        "Select at least one reason you became self-employed",
        "id_reasons_0",
    ),
    (
        "plans",
        "intention_12m",
        {"intention_12m": ""},
        "Select how likely you are to be doing this work in 12 months",
        "id_intention_12m_0",
    ),
    (
        "skills",
        "care_certificate",
        {"care_certificate": ""},
        "Select whether you have the Care Certificate",
        "id_care_certificate_0",
    ),
    (
        "skills",
        "qualification",
        {"qualification": ""},
        "Select your highest social care qualification",
        "id_qualification_0",
    ),
    (
        "skills",
        "training_12m",
        {"training_12m": ""},
        "Select yes if you have had care training in the last 12 months",
        "id_training_12m_0",
    ),
    (
        "checks",
        "dbs_check",
        {"dbs_check": ""},
        "Select whether you hold a DBS check",
        "id_dbs_check_0",
    ),
    (
        "checks",
        "public_liability",
        {"public_liability": ""},
        "Select yes if you have public liability insurance",
        "id_public_liability_0",
    ),
    (
        "checks",
        "regulator_registered",
        {"regulator_registered": ""},
        "Select whether you are registered with the regulator",
        "id_regulator_registered_0",
    ),
    (
        "health-consent",
        "special_category_consent",
        {"special_category_consent": ""},
        "Select yes if you agree to answer questions about your health and caring",
        "id_special_category_consent_0",
    ),
]


def reach(client, slug):
    """Start, and answer every page before `slug`."""
    start(client)
    for earlier, data in VALID_PAGES.items():
        if earlier == slug:
            return
        assert client.post(question_url(earlier), data).status_code == 302


@pytest.mark.parametrize(
    ("slug", "field", "overrides", "message", "target"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_each_message_is_summarised_linked_and_shown_by_its_field(
    client, wave, slug, field, overrides, message, target
):
    reach(client, slug)
    data = {**VALID_PAGES[slug], **overrides}

    page = client.post(question_url(slug), data)

    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert "<title>Error:" in text
    assert "There is a problem" in text
    assert f'<a href="#{target}">{message}</a>' in text
    assert f'id="id_{field}_error"' in text
    assert f"Error:</span> {message}" in text
    assert f'id="{target}"' in text
    step_done = Response.objects.get().completed_steps
    assert slug not in step_done


def test_answers_are_kept_when_a_page_has_errors(client, wave):
    reach(client, "pay")

    page = client.post(
        question_url("pay"),
        {"hours_weekly": "120", "hourly_rate": "19.75", "turnover_band": "30k_50k"},
    )

    text = page.content.decode()
    assert 'value="120"' in text
    assert 'value="19.75"' in text
    assert 'value="30k_50k" checked' in text


def test_fields_point_to_their_hint_and_error(client, wave):
    reach(client, "pay")

    text = client.post(
        question_url("pay"), {"hours_weekly": "120", "turnover_band": "x"}
    ).content.decode()

    assert 'aria-describedby="id_hours_weekly_helptext id_hours_weekly_error"' in text
    assert 'aria-describedby="id_turnover_band_helptext id_turnover_band_error"' in text
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">' in text


def test_optional_numbers_may_be_left_blank(client, wave):
    reach(client, "pay")

    response = client.post(question_url("pay"), {"turnover_band": "prefer_not_to_say"})

    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.hours_weekly is None
    assert stored.hourly_rate is None


@pytest.mark.parametrize(("hours", "rate"), [("0", "0"), ("100", "150"), ("37.5", "18.5")])
def test_range_limits_are_inclusive(client, wave, hours, rate):
    reach(client, "pay")

    response = client.post(
        question_url("pay"),
        {"hours_weekly": hours, "hourly_rate": rate, "turnover_band": "under_10k"},
    )

    assert response.status_code == 302


def test_this_year_is_accepted(client, wave):
    reach(client, "career")
    year = str(datetime.date.today().year)

    response = client.post(
        question_url("career"),
        {"year_started_care": year, "year_self_employed": year, "previous_employment": "council"},
    )

    assert response.status_code == 302


def test_optional_postcode_district_may_be_left_blank(client, wave):
    reach(client, "place")

    response = client.post(
        question_url("place"), {"council_id": "E06000034", "postcode_district": ""}
    )

    assert response.status_code == 302
    assert Response.objects.get().postcode_district == ""


def test_optional_radios_may_be_left_unanswered(client, wave):
    reach(client, "about-you")

    response = client.post(question_url("about-you"), {})

    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.age_band, stored.sex, stored.ethnic_group) == (None, None, None)
    assert "about-you" in stored.completed_steps


def test_number_boxes_are_sized_text_inputs_with_a_numeric_keyboard(client, wave):
    reach(client, "pay")

    text = client.get(question_url("pay")).content.decode()

    assert 'class="govuk-input--width-4 govuk-input"' in text
    assert 'inputmode="decimal"' in text
    assert " width=" not in text
