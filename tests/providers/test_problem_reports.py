"""'Report a problem with this listing': the public form (the moderators' queue is in
test_problem_reports_queue.py)."""

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from providers.models import ProblemReport
from tests import builders

from .public_forms import form_token, report_data


@pytest.fixture
def listing(directory, thurrock_postcodes):
    return builders.build_provider(directory=directory, title="Sunrise Support")


@pytest.fixture
def contact_email(home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "safeguarding@council.example.org"
    settings.save()
    return settings.contact_email


def _url(page, route="report/"):
    return f"{page.url}{route}"


def test_the_report_form_offers_every_reason(client, listing):
    html = client.get(_url(listing)).content.decode()

    for value, label in ProblemReport.Reason.choices:
        assert f'value="{value}"' in html
        assert str(label) in html
    assert "<legend" in html
    assert "call 999" in html


def test_a_report_is_stored_once_and_confirmed(client, listing, mailoutbox, contact_email):
    data = report_data()

    first = client.post(_url(listing), data)
    second = client.post(_url(listing), data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == _url(listing, "report/sent/")
    report = ProblemReport.objects.get()
    assert (report.page_id, report.reason, report.status) == (listing.pk, "contact_wrong", "open")
    assert report.details == "The phone number rings a shop."
    assert mailoutbox == []  # only safeguarding concerns are emailed
    sent = client.get(first["Location"]).content.decode()
    assert "Report sent" in sent
    assert "A moderator does not read reports straight away." in sent and "call 999" in sent


def test_a_safeguarding_concern_is_emailed_to_the_site_contact_address(
    client, listing, mailoutbox, contact_email, django_capture_on_commit_callbacks
):
    data = report_data(
        reason="safeguarding", details="I saw something worrying.", reporter_email="me@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(listing), data)
        client.post(_url(listing), data)  # a double submit: still one email

    assert ProblemReport.objects.count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [contact_email]
    assert mailoutbox[0].reply_to == ["me@example.org"]
    assert "I saw something worrying." in mailoutbox[0].body
    assert "Sunrise Support" in mailoutbox[0].subject


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reason", None, "Select what the problem is"),
        ("reason", "made_up", "Select what the problem is"),
        ("reporter_email", "not-an-email", "Enter an email address in the correct format"),
        ("details", "z" * 3001, "Details must be 3,000 characters or fewer"),
    ],
)
def test_each_mistake_gets_its_message_and_the_answers_are_kept(
    client, listing, field, value, message
):
    response = client.post(_url(listing), report_data(**{field: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert message in html
    if field != "details":
        assert "The phone number rings a shop." in html
    assert ProblemReport.objects.count() == 0


def test_made_up_reasons_get_the_same_message(client, listing):
    # ChoiceField's own "invalid choice" message is replaced by the GOV.UK one.
    html = client.post(_url(listing), report_data(reason="made_up")).content.decode()

    assert "Select a valid choice" not in html


def test_honeypot_and_too_fast_reports_store_nothing(client, listing):
    honeypot = client.post(_url(listing), report_data(nickname="spam"))
    too_fast = client.post(_url(listing), report_data(form_token=form_token(seconds_ago=0)))

    assert "Leave the field labelled" in honeypot.content.decode()
    assert "sent very quickly" in too_fast.content.decode()
    assert "The phone number rings a shop." in too_fast.content.decode()
    assert ProblemReport.objects.count() == 0


def test_too_many_reports_from_one_address_are_refused(client, listing, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert client.post(_url(listing), report_data()).status_code == 302

    response = client.post(_url(listing), report_data(details="Another one."))

    assert response.status_code == 429
    assert "Another one." in response.content.decode()
    assert ProblemReport.objects.count() == 1


def test_draft_listings_take_no_reports(client, directory, thurrock_postcodes):
    draft = builders.build_provider(directory=directory, live=False)
    path = f"/find-support/{draft.slug}/report/"

    assert client.get(path).status_code == 404
    assert client.post(path, report_data()).status_code == 404
    assert ProblemReport.objects.count() == 0
