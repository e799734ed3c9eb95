"""'Contact this provider': a relayed enquiry. Stored once, emailed to the provider, and
protected by a honeypot, a minimum fill time and a per-address rate limit."""

import re

import pytest
from wagtail.models import PageViewRestriction

from providers.models import Enquiry
from tests import builders

from .public_forms import (
    enquiry_data,
    listing_with_owner_and_co_editor,
    send_enquiry,
)


@pytest.fixture
def listing(directory, thurrock_postcodes):
    return listing_with_owner_and_co_editor(directory)


def _url(page, route="contact/"):
    return f"{page.url}{route}"


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
    assert " maxlength=" not in html  # a long message is never cut off without a word


def test_a_good_enquiry_is_stored_emailed_to_the_provider_and_confirmed(
    client, listing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send_enquiry(client, listing, enquiry_data())

    assert response.status_code == 302
    assert response["Location"] == _url(listing, "contact/sent/")
    enquiry = Enquiry.objects.get()
    assert enquiry.page_id == listing.pk
    assert enquiry.name == "Maureen Price"
    assert enquiry.consent is True
    assert enquiry.read_at is None
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["owner@example.org"]  # members never see each other's address
    assert email.bcc == ["scheme-staff@example.org"]  # the co-editor
    assert email.reply_to == ["maureen@example.org"]
    assert "getting up in the mornings" in email.body
    assert "Sunrise Support" in email.subject
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Message sent" in confirmation.content.decode()


def test_the_confirmation_says_sent_only_to_someone_who_sent_a_message(client, listing, directory):
    other = builders.build_provider(directory=directory, title="Other", owner=builders.build_user())
    for route in ("contact/", "report/"):
        response = client.get(_url(listing, route + "sent/"))
        assert response.status_code == 302 and response["Location"] == _url(listing, route)

    send_enquiry(client, listing, enquiry_data())

    assert "Message sent" in client.get(_url(listing, "contact/sent/")).text
    assert "Message sent" in client.get(_url(listing, "contact/sent/")).text  # a reload
    assert client.get(_url(other, "contact/sent/"))["Location"] == _url(other)
    assert client.get(_url(listing, "report/sent/"))["Location"] == _url(listing, "report/")


def test_without_members_the_enquiry_goes_to_the_listing_email(
    client, directory, thurrock_postcodes, mailoutbox, django_capture_on_commit_callbacks
):
    page = builders.build_provider(directory=directory, email="hello@sunrise.example.org")

    with django_capture_on_commit_callbacks(execute=True):
        send_enquiry(client, page, enquiry_data(reply_to="01375 123 456"))

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
        sent = send_enquiry(client, page, enquiry_data())
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
        (
            "reply_to",
            "call me",
            "Enter an email address or a phone number in the correct format, like name@example.com or 01632 960 001",
        ),
        (
            "reply_to",
            "123",
            "Enter an email address or a phone number in the correct format, like name@example.com or 01632 960 001",
        ),
        ("message", "", "Enter your message"),
        ("message", "y" * 3001, "Your message must be 3,000 characters or fewer"),
        ("consent", None, "Tick the box to agree that we can pass your message to the provider"),
    ],
)
def test_each_mistake_gets_its_message_and_the_answers_are_kept(
    client, listing, field, value, message
):
    data = enquiry_data(**{field: value})

    response = send_enquiry(client, listing, data)

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
        response = send_enquiry(client, listing, enquiry_data())

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1
    assert "could not email enquiry" in caplog.text
