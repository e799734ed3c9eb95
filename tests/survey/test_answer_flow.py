import pytest

from survey.models import Response

from .conftest import VALID_PAGES, answer_all, question_url, start

pytestmark = pytest.mark.django_db


def test_start_page_introduces_the_open_wave(client, wave):
    page = client.get("/survey/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "Workforce survey 2026" in text
    assert "We keep your answers for two years." in text
    assert "Start now" in text


def test_start_creates_one_draft_and_goes_to_the_first_question(client, wave):
    response = start(client)

    assert response.url == question_url("work")
    assert Response.objects.get().status == Response.Status.DRAFT
    # Pressing Start again (double click, back button) reuses the draft.
    client.post("/survey/")
    assert Response.objects.count() == 1


def test_answering_every_page_then_sending_stores_one_submitted_response(client, wave):
    start(client)
    last = answer_all(client)
    assert last.url == "/survey/check-answers/"

    check = client.get("/survey/check-answers/")
    assert check.status_code == 200
    assert "Thurrock" in check.content.decode()
    assert "£21.50" in check.content.decode()

    sent = client.post("/survey/check-answers/")
    assert sent.url == "/survey/confirmation/"
    stored = Response.objects.get()
    assert stored.status == Response.Status.SUBMITTED
    assert stored.reasons == ["flexibility", "values"]  # choice order
    assert str(stored.hourly_rate) == "21.50"
    assert stored.postcode_district == "RM17"
    assert stored.unpaid_carer == "yes"


def test_check_answers_sends_you_to_the_first_unanswered_page(client, wave):
    start(client)
    client.post(question_url("work"), VALID_PAGES["work"])

    assert client.get("/survey/check-answers/").url == question_url("support")
