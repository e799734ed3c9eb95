"""One internet connection may send only so many responses a day
(SURVEY_RESPONSES_PER_ADDRESS_PER_DAY): a brake on one person padding a small group
with made-up responses to read someone else's answer from a published table. A
respondent over the limit loses nothing: the answers stay saved, to send another day."""

import datetime
import html
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from survey.models import Invitation, Response
from survey.selectors import hash_code

from .conftest import answer_all, start

pytestmark = pytest.mark.django_db


def answered(**extra) -> Client:
    """A new browser (from 127.0.0.1 unless REMOTE_ADDR is given) with every page answered."""
    browser = Client(**extra)
    start(browser)
    answer_all(browser)
    return browser


def sent_count():
    return Response.objects.filter(status=Response.Status.SUBMITTED).count()


def test_a_connection_over_the_days_limit_is_asked_to_send_another_day(wave, settings):
    settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY = 2
    for _n in range(2):
        assert answered().post("/survey/check-answers/").url == "/survey/confirmation/"
    third = answered()

    page = third.post("/survey/check-answers/")

    text = html.unescape(page.content.decode())
    assert page.status_code == 429
    assert "Your answers are saved: send them another day" in text
    assert "2 responses a day from one internet connection" in text
    assert 'class="app-receipt-code">' in text
    assert sent_count() == 2
    draft = Response.objects.get(status=Response.Status.DRAFT)
    assert draft.hourly_rate is not None and draft.council_id == "E06000034"

    code = re.search(r'class="app-receipt-code">([0-9A-Z-]{14})<', text).group(1)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        # By then this browser has forgotten the draft: the receipt code opens it.
        assert third.post("/survey/check-answers/").url == "/survey/"
        assert third.post("/survey/resume/", {"code": code}).url == "/survey/check-answers/"
        later = third.post("/survey/check-answers/")

    assert later.url == "/survey/confirmation/"
    assert sent_count() == 3


def test_other_connections_are_not_held_back(wave, settings):
    settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY = 1
    assert answered().post("/survey/check-answers/").url == "/survey/confirmation/"
    assert answered().post("/survey/check-answers/").status_code == 429

    other = answered(REMOTE_ADDR="192.0.2.55").post("/survey/check-answers/")

    assert other.url == "/survey/confirmation/"
    assert sent_count() == 2


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(wave, settings):
    settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY = 1
    assert answered().post("/survey/check-answers/").url == "/survey/confirmation/"

    page = answered().post("/survey/check-answers/", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert page.status_code == 429
    assert sent_count() == 1


def test_a_response_through_an_invitation_is_not_counted(wave, settings):
    settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY = 1
    assert answered().post("/survey/check-answers/").url == "/survey/confirmation/"
    token = "an-invitation-token"
    Invitation.objects.create(wave=wave, token_hash=hash_code(token))
    invited = Client()
    assert invited.post(f"/survey/invitation/{token}/").status_code == 302
    answer_all(invited)

    page = invited.post("/survey/check-answers/")

    assert page.url == "/survey/confirmation/"
    assert answered().post("/survey/check-answers/").status_code == 429
    assert sent_count() == 2
