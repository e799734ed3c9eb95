"""The contact form's defences against automated and repeated sending: the honeypot, the
minimum fill time, the signed form token, idempotent double submits and the per-address
rate limit (which a forged X-Forwarded-For header cannot escape)."""

import re

import pytest
import time_machine
from django.utils import timezone

from providers.models import Enquiry

from .public_forms import enquiry_data, form_token, listing_with_owner_and_co_editor, send_enquiry


@pytest.fixture
def listing(directory, thurrock_postcodes):
    return listing_with_owner_and_co_editor(directory)


def test_a_filled_honeypot_stores_nothing(client, listing, mailoutbox):
    response = send_enquiry(client, listing, enquiry_data(nickname="Buy cheap watches"))

    assert response.status_code == 200
    assert "Leave the field labelled" in response.content.decode()
    assert Enquiry.objects.count() == 0
    assert mailoutbox == []


def test_a_form_sent_too_fast_is_refused_with_the_answers_kept_then_accepted(client, listing):
    data = enquiry_data(form_token=form_token(seconds_ago=0))

    response = send_enquiry(client, listing, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "sent very quickly" in html
    # No field is at fault: the error summary leads to the send button, not to a field.
    assert '<a href="#send">The form was sent very quickly' in html
    assert 'id="send"' in html
    assert "getting up in the mornings" in html
    assert Enquiry.objects.count() == 0

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=30)):
        again = send_enquiry(client, listing, data)

    assert again.status_code == 302
    assert Enquiry.objects.count() == 1


def test_an_altered_form_token_is_refused_and_replaced(client, listing):
    response = send_enquiry(client, listing, enquiry_data(form_token="forged"))

    html = response.content.decode()
    assert "Something went wrong with the form" in html
    assert "Maureen Price" in html
    new_token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert new_token != "forged"
    assert Enquiry.objects.count() == 0


def test_a_double_submit_creates_one_enquiry_and_one_email(
    client, listing, mailoutbox, django_capture_on_commit_callbacks
):
    data = enquiry_data()

    with django_capture_on_commit_callbacks(execute=True):
        first = send_enquiry(client, listing, data)
        second = send_enquiry(client, listing, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Enquiry.objects.count() == 1
    assert len(mailoutbox) == 1


def test_too_many_messages_from_one_address_are_refused_with_the_answers_kept(
    client, listing, settings
):
    settings.ENQUIRY_RATE_LIMIT = 2
    for _n in range(2):
        assert send_enquiry(client, listing, enquiry_data()).status_code == 302

    response = send_enquiry(client, listing, enquiry_data(message="A third message, please."))

    html = response.content.decode()
    assert response.status_code == 429
    assert "You have sent as many messages as we accept" in html
    assert "A third message, please." in html
    assert Enquiry.objects.count() == 2
    # Another address is not affected.
    other = send_enquiry(client, listing, enquiry_data(), REMOTE_ADDR="192.0.2.55")
    assert other.status_code == 302
    assert Enquiry.objects.count() == 3
    # The limited address is told before it writes the next message.
    assert "You have sent as many messages" in client.get(f"{listing.url}contact/").content.decode()


def test_a_resend_of_a_sent_form_is_not_refused_by_the_rate_limit(client, listing, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    data = enquiry_data()
    assert send_enquiry(client, listing, data).status_code == 302

    assert send_enquiry(client, listing, data).status_code == 302
    assert Enquiry.objects.count() == 1


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(client, listing, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert send_enquiry(client, listing, enquiry_data()).status_code == 302

    response = send_enquiry(client, listing, enquiry_data(), HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429
    assert Enquiry.objects.count() == 1
