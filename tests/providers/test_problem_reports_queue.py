"""Problem reports in the Wagtail admin: the moderators' queue, resolving a report, and
who may see it."""

import csv
import re
from datetime import timedelta
from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import call_command
from django.utils import timezone

from providers.models import ProblemReport
from tests import builders

QUEUE = "/admin/providers/problem-reports/"


@pytest.fixture
def listing(directory, thurrock_postcodes):
    return builders.build_provider(directory=directory, title="Sunrise Support")


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


def test_resolved_reports_are_deleted_after_the_retention_period(listing, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 365
    now = timezone.now()
    old_resolved, recent_resolved, old_open = (_report(listing) for _ in range(3))
    ProblemReport.objects.filter(pk=old_resolved.pk).update(
        status="resolved", resolved_at=now - timedelta(days=366)
    )
    ProblemReport.objects.filter(pk=recent_resolved.pk).update(
        status="resolved", resolved_at=now - timedelta(days=364)
    )
    ProblemReport.objects.filter(pk=old_open.pk).update(created_at=now - timedelta(days=900))

    out = StringIO()
    call_command("delete_old_problem_reports", stdout=out)

    kept = set(ProblemReport.objects.values_list("pk", flat=True))
    assert kept == {recent_resolved.pk, old_open.pk}
    assert "Deleted 1 problem report(s)" in out.getvalue()


def test_a_moderator_exports_the_queue_as_it_lists_it_without_reporters_emails(
    client, listing, moderator
):
    report = ProblemReport.objects.create(
        page=listing,
        reason="safeguarding",
        details="The carer left a client alone all night, " + "again " * 20,
        reporter_email="worried.neighbour@example.org",
        submission_token="tok-export",
    )
    client.force_login(moderator)

    response = client.get(QUEUE, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = csv.DictReader(StringIO(text))
    book = openpyxl.load_workbook(BytesIO(client.get(QUEUE, {"export": "xlsx"}).getvalue()))
    heading, values = book.active.iter_rows(values_only=True)

    assert 'filename="problem-reports.csv"' in response["Content-Disposition"]
    assert list(row) == ["Listing", "Problem", "Details", "Status", "Reported"]
    assert row["Listing"] == "Sunrise Support"
    assert row["Problem"] == "I have a safeguarding concern"
    assert row["Details"] == report.details  # in full: the list cuts it to fit the screen
    assert row["Status"] == "Open"
    assert row["Reported"].startswith(str(report.created_at.date()))
    assert list(heading) == list(row)
    assert values[:4] == ("Sunrise Support", row["Problem"], report.details, "Open")
    assert "worried.neighbour" not in text
