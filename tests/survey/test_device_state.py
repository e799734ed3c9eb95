"""The survey remembers a respondent in a signed cookie of its own, never in the Django
session: nothing on the server links a response to a session or a provider account."""

import datetime
import json
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client
from django.utils import timezone

from survey.models import Response
from survey.views.state import SALT
from tests import builders

from .conftest import VALID_PAGES, answer_all, question_url, start

pytestmark = pytest.mark.django_db

AUTH_KEYS = {"_auth_user_id", "_auth_user_backend", "_auth_user_hash"}


def receipt_code_on(page):
    return re.search(r'class="app-receipt-code">([0-9A-Z-]{14})<', page.content.decode()).group(1)


def test_a_signed_in_providers_session_never_holds_their_survey_response(
    client, wave, directory, thurrock_postcodes
):
    user, _page = builders.build_provider_account(directory=directory)
    signed_in = client.post(
        "/manage/sign-in/", {"username": user.username, "password": builders.PASSWORD}
    )
    assert signed_in.status_code == 302

    start(client)
    client.post(question_url("work"), {**VALID_PAGES["work"], "save_and_exit": "1"})
    code = receipt_code_on(client.get("/survey/saved/"))
    resumed = client.post("/survey/resume/", {"code": code})
    assert resumed.url == question_url("support")
    answer_all(client, {k: v for k, v in VALID_PAGES.items() if k != "work"})
    client.post("/survey/check-answers/")
    assert receipt_code_on(client.get("/survey/confirmation/")) == code
    assert "Thurrock" in client.get("/survey/your-response/").content.decode()

    response = Response.objects.get()
    assert response.status == Response.Status.SUBMITTED
    sessions = [s.get_decoded() for s in Session.objects.all()]
    assert sessions  # still signed in
    for decoded in sessions:
        assert set(decoded) <= AUTH_KEYS, decoded
        text = json.dumps(decoded)
        assert code not in text and code.replace("-", "") not in text
        assert response.pk not in decoded.values()


def test_answering_anonymously_stores_no_session_at_all(client, wave):
    start(client)
    answer_all(client)
    client.post("/survey/check-answers/")
    client.get("/survey/confirmation/")
    client.get("/survey/your-response/")

    assert Response.objects.get().status == Response.Status.SUBMITTED
    assert not Session.objects.exists()


def sent_by(client):
    """Answer every page and send them in `client`; returns the receipt code shown."""
    start(client)
    answer_all(client)
    client.post("/survey/check-answers/")
    return receipt_code_on(client.get("/survey/confirmation/"))


def test_the_cookie_is_the_surveys_own_and_lasts_only_until_the_browser_closes(client, wave):
    start(client)

    cookie = client.cookies["survey_state"]
    assert cookie["path"] == "/survey/"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert "sessionid" not in client.cookies


def test_the_cookie_is_secure_where_the_session_cookie_is(client, wave, settings):
    settings.SESSION_COOKIE_SECURE = True

    start(client)

    assert client.cookies["survey_state"]["secure"] is True


@pytest.mark.parametrize("value", ["garbage", "a:b:c", "", "é" * 10])
def test_a_tampered_cookie_is_ignored(client, wave, value):
    code = sent_by(client)
    good = client.cookies["survey_state"].value
    payload, rest = good.split(":", 1)
    client.cookies["survey_state"] = value or payload[:-2] + "xx:" + rest

    assert client.get(question_url("work")).url == "/survey/"
    assert client.get("/survey/confirmation/").url == "/survey/"
    page = client.get("/survey/your-response/")
    assert page.status_code == 200
    assert "Thurrock" not in page.content.decode() and code not in page.content.decode()
    assert client.get("/survey/").status_code == 200
    assert "Start now" in client.get("/survey/").content.decode()


def test_an_expired_cookie_is_ignored(client, wave, settings):
    settings.SURVEY_STATE_MAX_AGE_SECONDS = 60 * 60
    start(client)
    client.post(question_url("work"), VALID_PAGES["work"])
    assert client.get(question_url("support")).status_code == 200

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        assert client.get(question_url("support")).url == "/survey/"
        assert "Start now" in client.get("/survey/").content.decode()


def test_the_time_limit_runs_from_the_last_page_answered(client, wave, settings):
    settings.SURVEY_STATE_MAX_AGE_SECONDS = 60 * 60
    start(client)
    later = timezone.now() + datetime.timedelta(minutes=40)
    with time_machine.travel(later):
        client.post(question_url("work"), VALID_PAGES["work"])
    with time_machine.travel(later + datetime.timedelta(minutes=40)):  # 80 after the start
        assert client.get(question_url("support")).status_code == 200


def test_a_cookie_for_another_response_cannot_be_forged(client, wave):
    sent_by(client)
    mine = client.cookies["survey_state"].value
    other = builders.build_response(wave=wave, receipt_code="AAAABBBBCCCC", council_id="E06000033")
    state = {"draft": "AAAABBBBCCCC", "access": "AAAABBBBCCCC"}
    forgeries = [
        # another response's code under this browser's signature
        signing.dumps(state, salt=SALT).split(":", 1)[0] + ":" + mine.split(":", 1)[1],
        signing.dumps(state, salt=SALT, key="not-the-secret-key"),
        signing.dumps(state, salt="another-salt"),  # signed by this site for something else
        # signed right, but naming a response by a code nobody was given
        signing.dumps({"draft": "ZZZZZZZZZZZZ", "access": "ZZZZZZZZZZZZ"}, salt=SALT),
    ]
    for forged in forgeries:
        client.cookies["survey_state"] = forged

        page = client.get("/survey/your-response/").content.decode()

        assert "Southend" not in page and "Receipt code" in page
        client.post("/survey/your-response/delete/", {"confirm": "yes"})
        assert Response.objects.filter(pk=other.pk).exists()
    # What opens a response is its code, which only its respondent was given.
    client.cookies["survey_state"] = signing.dumps(state, salt=SALT)
    assert "Southend" in client.get("/survey/your-response/").content.decode()


def test_finish_and_forget_leaves_nothing_on_this_device(client, wave):
    code = sent_by(client)
    assert "Finish and forget this response on this device" in (
        client.get("/survey/your-response/").content.decode()
    )
    confirmation = client.get("/survey/confirmation/").content.decode()
    assert "This device will forget your receipt code" in confirmation

    finished = client.post("/survey/finish/")

    assert finished.url == "/survey/finished/"
    assert finished.cookies["survey_state"]["max-age"] == 0
    assert finished.cookies["survey_state"]["path"] == "/survey/"
    assert "This device has forgotten your response" in client.get(finished.url).content.decode()
    assert client.get("/survey/confirmation/").url == "/survey/"
    page = client.get("/survey/your-response/").content.decode()
    assert code not in page and "Thurrock" not in page and "Receipt code" in page
    assert Response.objects.get().status == Response.Status.SUBMITTED  # kept
    # The code still opens it, on this device or another.
    assert client.post("/survey/your-response/", {"code": code}).url == "/survey/your-response/"
    assert "Thurrock" in client.get("/survey/your-response/").content.decode()


def test_finish_after_save_and_exit_forgets_the_draft(client, wave):
    start(client)
    client.post(question_url("work"), {**VALID_PAGES["work"], "save_and_exit": "1"})
    code = receipt_code_on(client.get("/survey/saved/"))

    client.post("/survey/finish/")

    assert client.get("/survey/saved/").url == "/survey/"
    assert client.get(question_url("support")).url == "/survey/"
    assert client.post("/survey/resume/", {"code": code}).url == question_url("support")


def test_finish_needs_a_post_with_a_csrf_token(wave):
    browser = Client(enforce_csrf_checks=True)
    start_page = browser.get("/survey/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', start_page.content.decode())

    assert browser.get("/survey/finish/").status_code == 405
    assert browser.post("/survey/finish/").status_code == 403
    sent = browser.post("/survey/finish/", {"csrfmiddlewaretoken": token.group(1)})
    assert sent.url == "/survey/finished/"
