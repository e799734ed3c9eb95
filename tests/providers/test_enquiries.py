"""'Contact this provider': a relayed enquiry. Stored once, emailed to the provider, and
protected by a honeypot, a minimum fill time and a per-address rate limit."""

import re

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import PageViewRestriction

from providers.models import Enquiry
from tests import builders

from .public_forms import enquiry_data, form_token


@pytest.fixture
def listing(directory, thurrock_postcodes):
    owner = builders.build_user(email="owner@example.org")
    page = builders.build_provider(directory=directory, title="Sunrise Support", owner=owner)
    co_editor = builders.build_user(email="scheme-staff@example.org")
    from providers.models import ListingMembership

    ListingMembership.objects.create(user=co_editor, page=page, role="co_editor")
    return page


def _url(page, route="contact/"):
    return f"{page.url}{route}"


def _send(client, page, data, **extra):
    return client.post(_url(page), data, **extra)


def test_the_form_has_every_field_labelled_and_a_honeypot_people_skip(client, listing):
    response = client.get(_url(listing))

    html = response.content.decode()
    assert response.status_code == 200
    for field in ("name", "reply_to", "message", "consent"):
        assert f'for="id_{field}"' in html
    honeypot = re.search(r"<input[^>]*name=\"nickname\"[^>]*>", html).group(0)
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert "Leave this field empty" in html
    assert '<div class="govuk-visually-hidden" aria-hidden="true">' in html  # not read out
    assert 'name="form_token"' in html


def test_a_good_enquiry_is_stored_emailed_to_the_provider_and_confirmed(
    client, listing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, listing, enquiry_data())

    assert response.status_code == 302
    assert response["Location"] == _url(listing, "contact/sent/")
    enquiry = Enquiry.objects.get()
    assert enquiry.page_id == listing.pk
    assert enquiry.name == "Maureen Price"
    assert enquiry.consent is True
    assert enquiry.read_at is None
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert sorted(email.to) == ["owner@example.org", "scheme-staff@example.org"]
    assert email.reply_to == ["maureen@example.org"]
    assert "getting up in the mornings" in email.body
    assert "Sunrise Support" in email.subject
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Message sent" in confirmation.content.decode()


def test_without_members_the_enquiry_goes_to_the_listing_email(
    client, directory, thurrock_postcodes, mailoutbox, django_capture_on_commit_callbacks
):
    page = builders.build_provider(directory=directory, email="hello@sunrise.example.org")

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, page, enquiry_data(reply_to="01375 123 456"))

    assert [m.to for m in mailoutbox] == [["hello@sunrise.example.org"]]
    assert mailoutbox[0].reply_to == []  # a phone number is not a reply-to address


def test_a_listing_no_one_receives_messages_for_offers_no_form_and_stores_nothing(
    client, directory, thurrock_postcodes, mailoutbox, django_capture_on_commit_callbacks
):
    # An imported listing not yet claimed: no members, and no email of its own.
    page = builders.build_provider(directory=directory, title="Grays Helping Hands")

    profile = client.get(page.url).content.decode()
    assert "Contact this provider" not in profile
    assert _url(page) not in profile
    assert "This provider does not receive messages through this website yet." in profile
    form = client.get(_url(page))
    assert form.status_code == 200
    assert "You cannot message Grays Helping Hands through this website" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = _send(client, page, enquiry_data())
    assert "You cannot message" in sent.content.decode()
    assert not Enquiry.objects.exists()
    assert mailoutbox == []


def test_a_listing_with_only_a_phone_number_points_to_it(client, directory, thurrock_postcodes):
    page = builders.build_provider(directory=directory, phone="01375 123456", show_phone=True)

    html = client.get(page.url).content.decode()

    assert '<a class="govuk-link" href="#contact">How to contact this provider</a>' in html
    assert 'href="tel:01375123456"' in html
    assert "Use the contact details above." in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter your name"),
        ("name", "   ", "Enter your name"),
        ("name", "x" * 101, "Your name must be 100 characters or fewer"),
        ("reply_to", "", "Enter an email address or a phone number so they can reply"),
        ("reply_to", "maureen@", "Enter an email address in the correct format"),
        ("reply_to", "call me", "Enter an email address or a phone number, like 01632 960 001"),
        ("reply_to", "123", "Enter an email address or a phone number, like 01632 960 001"),
        ("message", "", "Enter your message"),
        ("message", "y" * 3001, "Your message must be 3,000 characters or fewer"),
        ("consent", None, "Tick the box to agree that we can pass your message to the provider"),
    ],
)
def test_each_mistake_gets_its_message_and_the_answers_are_kept(
    client, listing, field, value, message
):
    data = enquiry_data(**{field: value})

    response = _send(client, listing, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "There is a problem" in html
    assert html.count(message) == 2  # in the summary and by the field
    assert f'href="#id_{field}"' in html
    kept = {k: v for k, v in data.items() if k in ("name", "reply_to", "message") and k != field}
    for answer in kept.values():
        assert answer in html
    assert Enquiry.objects.count() == 0


def test_a_filled_honeypot_stores_nothing(client, listing, mailoutbox):
    response = _send(client, listing, enquiry_data(nickname="Buy cheap watches"))

    assert response.status_code == 200
    assert "Leave the field labelled" in response.content.decode()
    assert Enquiry.objects.count() == 0
    assert mailoutbox == []


def test_a_form_sent_too_fast_is_refused_with_the_answers_kept_then_accepted(client, listing):
    data = enquiry_data(form_token=form_token(seconds_ago=0))

    response = _send(client, listing, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "sent very quickly" in html
    assert "getting up in the mornings" in html
    assert Enquiry.objects.count() == 0

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=30)):
        again = _send(client, listing, data)

    assert again.status_code == 302
    assert Enquiry.objects.count() == 1


def test_an_altered_form_token_is_refused_and_replaced(client, listing):
    response = _send(client, listing, enquiry_data(form_token="forged"))

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
        first = _send(client, listing, data)
        second = _send(client, listing, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Enquiry.objects.count() == 1
    assert len(mailoutbox) == 1


def test_too_many_messages_from_one_address_are_refused_with_the_answers_kept(
    client, listing, settings
):
    settings.ENQUIRY_RATE_LIMIT = 2
    for _n in range(2):
        assert _send(client, listing, enquiry_data()).status_code == 302

    response = _send(client, listing, enquiry_data(message="A third message, please."))

    html = response.content.decode()
    assert response.status_code == 429
    assert "You have sent as many messages as we accept" in html
    assert "A third message, please." in html
    assert Enquiry.objects.count() == 2
    # Another address is not affected.
    other = _send(client, listing, enquiry_data(), REMOTE_ADDR="192.0.2.55")
    assert other.status_code == 302
    assert Enquiry.objects.count() == 3
    # The limited address is told before it writes the next message.
    assert "You have sent as many messages" in client.get(_url(listing)).content.decode()


def test_a_resend_of_a_sent_form_is_not_refused_by_the_rate_limit(client, listing, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    data = enquiry_data()
    assert _send(client, listing, data).status_code == 302

    assert _send(client, listing, data).status_code == 302
    assert Enquiry.objects.count() == 1


def test_draft_listings_take_no_enquiries(client, directory, thurrock_postcodes):
    draft = builders.build_provider(directory=directory, live=False)
    path = f"/find-support/{draft.slug}/contact/"

    assert client.get(path).status_code == 404
    assert client.post(path, enquiry_data()).status_code == 404
    assert client.get(path + "sent/").status_code == 404
    assert Enquiry.objects.count() == 0


def test_unpublished_listings_take_no_enquiries(client, listing):
    path = _url(listing)
    listing.unpublish()

    assert client.get(path).status_code == 404
    assert client.post(path, enquiry_data()).status_code == 404
    assert Enquiry.objects.count() == 0


def test_private_listings_take_no_enquiries_from_the_public(client, listing):
    PageViewRestriction.objects.create(page=listing, restriction_type="login")

    response = client.post(_url(listing), enquiry_data())

    assert response.status_code == 302
    assert "/login" in response["Location"] or "sign-in" in response["Location"]
    assert Enquiry.objects.count() == 0


def test_a_crafted_post_cannot_choose_the_listing_or_mark_it_read(
    client, listing, directory, thurrock_postcodes
):
    other = builders.build_provider(directory=directory, title="Another provider")

    client.post(_url(listing), {**enquiry_data(), "page": other.pk, "read_at": "2020-01-01"})

    enquiry = Enquiry.objects.get()
    assert enquiry.page_id == listing.pk
    assert enquiry.read_at is None
    assert other.enquiries.count() == 0


def test_a_mail_server_failure_still_confirms_and_keeps_the_enquiry(
    client, listing, settings, django_capture_on_commit_callbacks, caplog
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2, "use_tls": False},
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, listing, enquiry_data())

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1
    assert "could not email enquiry" in caplog.text


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(client, listing, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert _send(client, listing, enquiry_data()).status_code == 302

    response = _send(client, listing, enquiry_data(), HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429
    assert Enquiry.objects.count() == 1
