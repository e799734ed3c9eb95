"""A line break in a listing's title (stored before titles were kept to one line) never
stops the emails about it: each subject is one line. An alert the mail system cannot
send is logged, and the visitor who sent the message is never shown a server error."""

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from providers.models import Enquiry, ProblemReport, ProviderPage

from .public_forms import enquiry_data, listing_with_owner_and_co_editor, report_data

BROKEN_TITLE = "Grays Home\r\nCompanions"


@pytest.fixture
def listing(directory, thurrock_postcodes):
    page = listing_with_owner_and_co_editor(directory)
    ProviderPage.objects.filter(pk=page.pk).update(title=BROKEN_TITLE)
    page.refresh_from_db()
    return page


@pytest.fixture
def site_settings(home):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "safeguarding@council.example.org"
    site_settings.service_name = "Find care\nThurrock"
    site_settings.save()
    return site_settings


def test_an_enquiry_about_a_listing_whose_title_has_a_line_break_is_sent(
    client, listing, site_settings, mailoutbox, django_capture_on_commit_callbacks
):
    assert listing.title == BROKEN_TITLE

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{listing.url}contact/", enquiry_data())

    assert response.status_code == 302
    assert Enquiry.objects.filter(page=listing).exists()
    (email,) = mailoutbox
    subject = "New enquiry for Grays Home Companions from Find care Thurrock"
    assert email.subject == email.message()["Subject"] == subject
    assert email.reply_to == ["maureen@example.org"]
    assert email.to == ["owner@example.org"] and email.bcc == ["scheme-staff@example.org"]


def test_a_safeguarding_concern_about_a_listing_whose_title_has_a_line_break_is_sent(
    client, listing, site_settings, mailoutbox, django_capture_on_commit_callbacks
):
    data = report_data(reason="safeguarding", details="Worrying.", reporter_email="me@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{listing.url}report/", data)

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    (email,) = mailoutbox
    subject = "Safeguarding concern about Grays Home Companions"
    assert email.subject == email.message()["Subject"] == subject
    assert email.to == ["safeguarding@council.example.org"]
    assert email.reply_to == ["me@example.org"]
    assert "Worrying." in email.body


def test_an_alert_that_cannot_be_sent_is_logged_and_the_visitor_still_sees_it_sent(
    client, listing, site_settings, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    ProviderPage.objects.filter(pk=listing.pk).update(title="Sunrise Support")
    # An address no mail system takes (saved before the admin checked it, say).
    SiteSettings.objects.filter(pk=site_settings.pk).update(
        contact_email="safeguarding@council.example.org\r\nBcc: someone@example.org"
    )
    data = report_data(reason="safeguarding", details="Worrying.")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{listing.url}report/", data)

    assert response.status_code == 302
    assert ProblemReport.objects.filter(page=listing, reason="safeguarding").exists()
    assert mailoutbox == []
    report = ProblemReport.objects.get()
    assert f"could not email safeguarding report {report.pk}" in caplog.text
