"""Sending: atomic and idempotent; consent for the special-category questions; closed
waves; save and resume with a receipt code."""

import datetime
import re

import pytest
from django.utils import timezone

from survey import services
from survey.models import Response
from tests import builders

from .conftest import VALID_PAGES, answer_all, question_url, start

pytestmark = pytest.mark.django_db


def receipt_code_on(page) -> str:
    match = re.search(r'class="app-receipt-code">([0-9A-Z-]{14})<', page.content.decode())
    assert match, "no receipt code on the page"
    return match.group(1)


def test_a_repeated_send_stores_one_response_and_shows_the_same_receipt(client, wave):
    start(client)
    answer_all(client)

    first = client.post("/survey/check-answers/", follow=True)
    again = client.post("/survey/check-answers/", follow=True)  # double click, or retry

    assert Response.objects.count() == 1
    assert Response.objects.get().status == Response.Status.SUBMITTED
    assert first.redirect_chain[-1][0] == again.redirect_chain[-1][0] == "/survey/confirmation/"
    assert receipt_code_on(first) == receipt_code_on(again)


def test_submit_service_is_idempotent():
    wave = builders.build_wave()
    draft = builders.build_response(wave=wave, submitted=False, completed_steps=list(VALID_PAGES))

    first = services.submit_response(response_id=draft.pk)
    second = services.submit_response(response_id=draft.pk)

    assert first.submitted_at == second.submitted_at
    assert Response.objects.filter(status=Response.Status.SUBMITTED).count() == 1


def test_answers_cannot_change_after_sending(client, wave):
    start(client)
    answer_all(client)
    client.post("/survey/check-answers/")

    response = client.post(question_url("work"), {**VALID_PAGES["work"], "legal_form": "cic"})

    assert response.url == "/survey/confirmation/"
    assert Response.objects.get().legal_form == "sole_trader"


def test_saying_no_to_consent_skips_the_health_questions(client, wave):
    start(client)
    pages = {k: v for k, v in VALID_PAGES.items() if k != "health"}
    pages["health-consent"] = {"special_category_consent": "no"}

    last = answer_all(client, pages)

    assert last.url == "/survey/check-answers/"
    assert client.get(question_url("health")).url == "/survey/check-answers/"
    client.post("/survey/check-answers/")
    stored = Response.objects.get()
    assert stored.status == Response.Status.SUBMITTED
    assert stored.special_category_consent is False
    assert (stored.disability, stored.unpaid_carer) == (None, None)


def test_withdrawing_consent_clears_the_health_answers(client, wave):
    start(client)
    answer_all(client)

    response = client.post(
        question_url("health-consent") + "?change=1", {"special_category_consent": "no"}
    )

    assert response.url == "/survey/check-answers/"
    stored = Response.objects.get()
    assert (stored.disability, stored.unpaid_carer) == (None, None)
    assert "Do you have a disability" not in client.get("/survey/check-answers/").content.decode()

    # Giving consent again asks the health questions again, rather than skipping them.
    response = client.post(
        question_url("health-consent") + "?change=1", {"special_category_consent": "yes"}
    )

    assert response.url == question_url("health") + "?change=1"


def test_consent_page_explains_before_asking(client, wave):
    start(client)

    text = client.get(question_url("health-consent")).content.decode()

    assert "special category information" in text
    assert "Do you agree to answer 2 questions about your health and caring?" in text


def test_change_link_returns_to_check_answers(client, wave):
    start(client)
    answer_all(client)

    check = client.get("/survey/check-answers/").content.decode()
    assert 'href="/survey/questions/pay/?change=1"' in check
    response = client.post(
        question_url("pay") + "?change=1", {**VALID_PAGES["pay"], "hourly_rate": "25"}
    )

    assert response.url == "/survey/check-answers/"
    assert "£25.00" in client.get("/survey/check-answers/").content.decode()


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (10, 20, "The workforce survey is not open yet"),
        (-20, -10, "The workforce survey is closed"),
    ],
)
def test_no_form_when_no_wave_is_open(client, db, opens, closes, message):
    today = timezone.localdate()
    builders.build_wave(
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
    )

    page = client.get("/survey/")
    posted = client.post("/survey/")

    assert message in page.content.decode()
    assert "<form" not in page.content.decode()
    assert message in posted.content.decode()
    assert Response.objects.count() == 0


def test_a_draft_cannot_be_sent_once_its_wave_has_closed(client, wave):
    start(client)
    answer_all(client)
    wave.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    wave.opens_on = wave.closes_on - datetime.timedelta(days=30)
    wave.save()

    page = client.post("/survey/check-answers/")

    assert "The workforce survey is closed" in page.content.decode()
    assert Response.objects.get().status == Response.Status.DRAFT


def test_save_and_come_back_later_with_the_receipt_code(client, wave):
    start(client)
    client.post(question_url("work"), VALID_PAGES["work"])
    saved = client.post(question_url("support"), {**VALID_PAGES["support"], "save_and_exit": "1"})
    assert saved.url == "/survey/saved/"
    code = receipt_code_on(client.get("/survey/saved/"))

    client.logout()  # another day, another device: a fresh session
    resumed = client.post("/survey/resume/", {"code": code.lower().replace("-", " ")})

    assert resumed.url == question_url("place")
    page = client.get(question_url("support"))
    assert 'value="personal_care" checked' in page.content.decode()
    answer_all(client, {k: v for k, v in VALID_PAGES.items() if k not in ("work", "support")})
    client.post("/survey/check-answers/")
    assert receipt_code_on(client.get("/survey/confirmation/")) == code
    assert Response.objects.get().status == Response.Status.SUBMITTED


def test_only_a_hash_of_the_receipt_code_is_stored(client, wave):
    start(client)
    client.post(question_url("work"), {**VALID_PAGES["work"], "save_and_exit": "1"})
    code = receipt_code_on(client.get("/survey/saved/")).replace("-", "")

    stored = Response.objects.get()

    assert code not in stored.receipt_hash
    assert len(stored.receipt_hash) == 64


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter your receipt code"),
        (
            "ABC",
            "Enter the receipt code exactly as shown, 12 letters and numbers like 7KQ4-M2XD-9RBT",
        ),
        (
            "7KQ4-M2XD-9RBT" * 3,  # 42 characters: longer than the box takes
            "Enter the receipt code exactly as shown, 12 letters and numbers like 7KQ4-M2XD-9RBT",
        ),
        (
            "ZZZZ-ZZZZ-ZZZZ",
            "We could not find a response with that receipt code. Check it and try again.",
        ),
    ],
)
def test_resume_messages(client, wave, code, message):
    page = client.post("/survey/resume/", {"code": code})

    assert page.status_code == 200
    assert message in page.content.decode()
    assert 'href="#id_code"' in page.content.decode()
    if code:  # the answer is kept (an empty box has no value attribute)
        assert f'value="{code}"' in page.content.decode()


def test_guessing_receipt_codes_is_slowed_down(client, wave):
    for _ in range(10):
        client.post("/survey/resume/", {"code": "ZZZZ-ZZZZ-ZZZZ"})
    real = builders.build_response(wave=wave, submitted=False, receipt_code="AAAABBBBCCCC")

    page = client.post("/survey/resume/", {"code": "AAAA-BBBB-CCCC"})

    assert "Too many receipt codes tried" in page.content.decode()
    assert page.status_code == 200
    assert "survey_state" not in client.cookies  # nothing opened: this browser holds no draft
    assert client.get(question_url("work")).url == "/survey/"
    assert Response.objects.get(pk=real.pk).status == Response.Status.DRAFT
