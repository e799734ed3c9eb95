import datetime

import pytest
from django.utils import timezone

from home.models import HomePage
from survey.models import SurveyPage
from tests import builders

pytestmark = pytest.mark.django_db


def build_survey_page(home):
    page = SurveyPage(title="Workforce survey", slug="workforce-survey", introduction="<p>Hi.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_survey_page_is_allowed_under_the_home_page():
    assert SurveyPage in HomePage.allowed_subpage_models()
    assert SurveyPage.can_create_at(builders.build_home())


def test_survey_page_introduces_the_open_wave_and_starts_it(client, home):
    builders.build_wave(title="2026")
    page = build_survey_page(home)

    text = client.get(page.url).content.decode()

    assert "Workforce survey 2026" not in text  # the page's own title is the heading
    assert "Tell us about your work." in text
    assert 'action="/survey/"' in text
    assert "Start now" in text


@pytest.mark.parametrize(("opens", "closes", "message"), [(5, 9, "opens on"), (-9, -5, "closed")])
def test_survey_page_without_an_open_wave_has_no_form(client, home, opens, closes, message):
    today = timezone.localdate()
    builders.build_wave(
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
    )
    page = build_survey_page(home)

    text = client.get(page.url).content.decode()

    assert message in text
    assert "Start now" not in text
    assert 'action="/survey/"' not in text


def test_question_pages_without_a_started_survey_go_to_the_start(client, db):
    builders.build_wave()

    assert client.get("/survey/questions/work/").url == "/survey/"
    assert client.get("/survey/check-answers/").url == "/survey/"
    assert client.get("/survey/confirmation/").url == "/survey/"
    assert client.get("/survey/questions/no-such-page/").status_code == 404
