"""A respondent with their receipt code sees their response and erases it."""

import pytest

from survey.models import Response
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(wave):
    return builders.build_response(wave=wave, receipt_code="AAAABBBBCCCC")


def test_without_a_code_nothing_is_shown(client, sent):
    page = client.get("/survey/your-response/")

    assert "Receipt code" in page.content.decode()
    assert "Thurrock" not in page.content.decode()
    assert client.get("/survey/your-response/delete/").url == "/survey/your-response/"
    client.post("/survey/your-response/delete/", {"confirm": "yes"})
    assert Response.objects.filter(pk=sent.pk).exists()


def test_the_code_shows_the_response(client, sent):
    response = client.post("/survey/your-response/", {"code": "aaaa-bbbb-cccc"})
    assert response.url == "/survey/your-response/"

    shown = client.get("/survey/your-response/")
    page = shown.content.decode()

    assert "Thurrock" in page
    assert "Delete my response" in page
    assert "no-store" in shown["Cache-Control"]  # not kept for the next user of the computer


def test_a_wrong_code_shows_nothing(client, sent):
    page = client.post("/survey/your-response/", {"code": "AAAA-BBBB-CCCD"})

    assert "We could not find a response with that receipt code" in page.content.decode()
    assert "Thurrock" not in page.content.decode()


def test_erasure_deletes_the_row(client, sent):
    other = builders.build_response(wave=sent.wave)
    client.post("/survey/your-response/", {"code": "AAAABBBBCCCC"})

    asked = client.get("/survey/your-response/delete/")
    assert "Are you sure you want to delete your response?" in asked.content.decode()
    done = client.post("/survey/your-response/delete/", {"confirm": "yes"})

    assert done.url == "/survey/your-response/deleted/"
    assert not Response.objects.filter(pk=sent.pk).exists()
    assert Response.objects.filter(pk=other.pk).exists()
    assert "Your response has been deleted" in client.get(done.url).content.decode()
    # This browser no longer opens anything.
    assert "Receipt code" in client.get("/survey/your-response/").content.decode()


def test_erasure_needs_an_answer_and_no_keeps_it(client, sent):
    client.post("/survey/your-response/", {"code": "AAAABBBBCCCC"})

    unanswered = client.post("/survey/your-response/delete/", {})
    kept = client.post("/survey/your-response/delete/", {"confirm": "no"})

    assert "Select yes if you want to delete your response" in unanswered.content.decode()
    assert kept.url == "/survey/your-response/"
    assert Response.objects.filter(pk=sent.pk).exists()


def test_a_respondent_can_erase_straight_after_sending(client, wave):
    from .conftest import answer_all, start

    start(client)
    answer_all(client)
    client.post("/survey/check-answers/")
    confirmation = client.get("/survey/confirmation/").content.decode()
    import re

    code = re.search(r'class="app-receipt-code">([0-9A-Z-]{14})<', confirmation).group(1)

    client.post("/survey/your-response/", {"code": code})
    client.post("/survey/your-response/delete/", {"confirm": "yes"})

    assert Response.objects.count() == 0


def test_an_empty_code_form_says_what_is_missing(client, sent):
    page = client.post("/survey/your-response/", {})

    assert "Enter your receipt code" in page.content.decode()
    assert 'href="#id_code"' in page.content.decode()
