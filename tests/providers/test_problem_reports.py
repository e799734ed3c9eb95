"""'Report a problem with this listing' and the moderators' queue in the Wagtail admin."""

import re

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from providers.models import ProblemReport
from tests import builders

from .public_forms import form_token, report_data

QUEUE = "/admin/providers/problem-reports/"


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


# The moderators' queue -------------------------------------------------------------------


def _report(page, reason="information_wrong", n=[0]):  # noqa: B006 - a counter
    n[0] += 1
    return ProblemReport.objects.create(
        page=page, reason=reason, details=f"Report {n[0]}", submission_token=f"tok-{n[0]}"
    )


@pytest.fixture
def moderator(db):
    return builders.build_user(groups=["Moderators"])


def test_anonymous_visitors_and_providers_cannot_see_the_queue(client, listing):
    report = _report(listing, "safeguarding")
    provider = builders.build_user()
    from providers.models import ListingMembership

    ListingMembership.objects.create(user=provider, page=listing, role="owner")

    anonymous = client.get(QUEUE)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    client.force_login(provider)
    for path in (QUEUE, f"{QUEUE}edit/{report.pk}/", f"{QUEUE}inspect/{report.pk}/"):
        response = client.get(path)
        assert response.status_code in (302, 403)
        assert "Report 1" not in response.content.decode()
    response = client.post(
        f"{QUEUE}edit/{report.pk}/", {"status": "resolved", "resolution_note": "x"}
    )
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.status == "open"


def test_staff_outside_the_moderators_group_cannot_see_the_queue(client, listing):
    report = _report(listing)
    analyst = builders.build_user(groups=["Analysts"])
    client.force_login(analyst)

    response = client.get(QUEUE)
    assert response.status_code in (302, 403)
    assert client.get(f"{QUEUE}edit/{report.pk}/").status_code in (302, 403)
    assert "Problem reports" not in client.get("/admin/").content.decode()


def test_moderators_see_safeguarding_concerns_first_and_highlighted(client, listing, moderator):
    oldest = _report(listing, "information_wrong")
    safeguarding = _report(listing, "safeguarding")
    resolved = _report(listing, "safeguarding")
    resolved.status = "resolved"
    resolved.save()
    newest = _report(listing, "not_operating")
    report_ids = {
        key: int(report.details.split()[-1])
        for key, report in {
            "oldest": oldest,
            "open safeguarding": safeguarding,
            "resolved": resolved,
            "newest": newest,
        }.items()
    }
    client.force_login(moderator)

    response = client.get(QUEUE)

    html = response.content.decode()
    assert response.status_code == 200
    table = html[html.index('<table class="listing">') :]
    order = [
        table.index(f"Report {n}")
        for n in (report_ids["open safeguarding"], report_ids["newest"], report_ids["oldest"])
    ]
    assert order == sorted(order)
    assert table.index(f"Report {report_ids['resolved']}") > order[-1]
    assert "w-status--primary" in table
    filtered = client.get(QUEUE, {"reason": "not_operating"}).content.decode()
    filtered_table = filtered[filtered.index('<table class="listing">') :]
    assert f"Report {report_ids['newest']}" in filtered_table
    assert f"Report {report_ids['oldest']}" not in filtered_table
    resolved_only = client.get(QUEUE, {"status": "resolved"}).content.decode()
    resolved_table = resolved_only[resolved_only.index('<table class="listing">') :]
    assert f"Report {report_ids['resolved']}" in resolved_table
    assert f"Report {report_ids['oldest']}" not in resolved_table
    assert "Problem reports" in client.get("/admin/").content.decode()


def test_a_moderator_resolves_a_report_with_a_note(client, listing, moderator):
    report = _report(listing, "contact_wrong")
    details = report.details
    client.force_login(moderator)

    for path in (f"{QUEUE}edit/{report.pk}/", f"{QUEUE}inspect/{report.pk}/"):
        page = client.get(path)
        assert page.status_code == 200
        assert details in page.content.decode()

    missing_note = client.post(
        f"{QUEUE}edit/{report.pk}/", {"status": "resolved", "resolution_note": ""}
    )
    assert missing_note.status_code == 200
    assert "Say what was done" in missing_note.content.decode()
    report.refresh_from_db()
    assert report.status == "open"

    response = client.post(
        f"{QUEUE}edit/{report.pk}/",
        {"status": "resolved", "resolution_note": "Phoned the provider; number corrected."},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.resolved_by == moderator
    assert report.resolved_at is not None
    assert report.resolution_note == "Phoned the provider; number corrected."
    assert (report.details, report.reason) == (details, "contact_wrong")  # untouched


def test_moderators_cannot_add_or_delete_reports(client, listing, moderator):
    report = _report(listing)
    client.force_login(moderator)

    assert client.get(f"{QUEUE}new/").status_code in (302, 403)
    client.post(f"{QUEUE}delete/{report.pk}/")
    assert ProblemReport.objects.filter(pk=report.pk).exists()


def test_each_report_in_the_queue_links_to_where_it_is_resolved(client, listing, moderator):
    report = _report(listing)
    client.force_login(moderator)

    html = client.get(QUEUE).content.decode()

    table = html[html.index('<table class="listing">') :]
    assert f'href="{QUEUE}edit/{report.pk}/"' in table


def test_a_report_links_to_the_listing_in_the_admin_and_on_the_site(
    client, directory, listing, moderator, thurrock_postcodes
):
    draft = builders.build_provider(directory=directory, title="Draft Helpers", live=False)
    live_report, draft_report = _report(listing), _report(draft)
    client.force_login(moderator)

    for view in ("edit", "inspect"):
        live_html = client.get(f"{QUEUE}{view}/{live_report.pk}/").content.decode()
        draft_html = client.get(f"{QUEUE}{view}/{draft_report.pk}/").content.decode()

        assert f'href="/admin/pages/{listing.pk}/edit/"' in live_html
        assert f'href="{listing.url}"' in live_html
        assert f'href="/admin/pages/{draft.pk}/edit/"' in draft_html
        assert f"/find-support/{draft.slug}/" not in draft_html


@pytest.mark.parametrize("kwargs", [{"groups": ["Moderators"]}, {"superuser": True}])
def test_problem_reports_are_in_the_menu_once_inside_listings(client, home, kwargs):
    client.force_login(builders.build_user(**kwargs))

    html = client.get("/admin/").content.decode()

    assert html.count('"label": "Problem reports"') == 1
    listings = html[html.index('"label": "Listings"') :]
    assert '"label": "Problem reports"' in listings


def test_an_open_report_reads_plainly(client, listing, moderator):
    report = _report(listing, "safeguarding")
    client.force_login(moderator)

    edit = client.get(f"{QUEUE}edit/{report.pk}/").content.decode()
    inspect = client.get(f"{QUEUE}inspect/{report.pk}/").content.decode()

    title = "Report about Sunrise Support: I have a safeguarding concern"
    assert str(report) == title
    assert title in edit and title in inspect
    assert f"– {listing.pk}" not in edit
    assert not re.search(r"<dd>\s*None\s*</dd>", inspect)
    assert "Not resolved yet" in inspect
    assert 'id="status-sidebar-live"' not in edit
    assert 'id="status-sidebar-open"' in edit
    client.post(f"{QUEUE}edit/{report.pk}/", {"status": "resolved", "resolution_note": "Done."})
    resolved = client.get(f"{QUEUE}edit/{report.pk}/").content.decode()
    assert 'id="status-sidebar-resolved"' in resolved
    assert "Not resolved yet" not in client.get(f"{QUEUE}inspect/{report.pk}/").content.decode()
