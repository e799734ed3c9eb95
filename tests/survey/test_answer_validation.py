"""Every message a respondent can meet on the question pages, shown in the error summary
(linked to its field) and next to the field, with the answers they typed kept."""

import datetime
import html

import pytest

from survey.models import Response

from .answer_cases import CASES
from .conftest import VALID_PAGES, question_url, start

pytestmark = pytest.mark.django_db


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
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' in text


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

    assert 'class="govuk-input govuk-input--width-4"' in text
    assert 'inputmode="decimal"' in text
    assert " width=" not in text
