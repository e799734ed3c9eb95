"""Site settings, error pages, robots.txt, sitemap and demo content."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from tests import builders

pytestmark = pytest.mark.django_db


def test_site_settings_appear_in_header_and_footer(client, home):
    privacy = builders.build_standard_page(parent=home, title="Privacy notice")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.service_name = "Thurrock care finder"
    site_settings.contact_phone = "01375 652 652"
    site_settings.phone_hours = "Monday to Friday, 9am to 5pm"
    site_settings.contact_email = "help@example.org"
    site_settings.privacy_page = privacy
    site_settings.save()

    html = client.get("/").content.decode()

    assert "Thurrock care finder</a>" in html
    assert "<title>Find care and support near you – Thurrock care finder</title>" in html
    assert 'href="tel:01375652652"' in html and "Monday to Friday, 9am to 5pm" in html
    assert 'href="mailto:help@example.org"' in html
    assert f'href="{privacy.url}">Privacy</a>' in html


def test_the_footer_phone_link_dials_an_international_number(client, home):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_phone = "+44 (0)1375 652652"
    site_settings.save()

    html = client.get("/").content.decode()

    assert 'href="tel:+441375652652">+44 (0)1375 652652</a>' in html


def test_unknown_page_gets_a_helpful_404(client, home):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/"' in html
    assert 'class="govuk-skip-link"' in html


@override_settings(ROOT_URLCONF="tests.urls_error")
def test_server_error_page_is_plain_and_helpful(home):
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Traceback" not in html


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home):
    live = builders.build_standard_page(parent=home, title="Live")
    draft = builders.build_standard_page(parent=home, title="Draft", live=False)

    body = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://localhost{live.url}</loc>" in body
    assert draft.slug not in body


def test_seed_demo_builds_a_working_site_and_is_idempotent(client):
    """One test, as seeding the demo takes seconds: the pages, the home page's routes,
    the search over the demo listings and a staff login."""
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Page.objects.count(), StandardPage.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Page.objects.count(), StandardPage.objects.count()) == counts
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    titles = set(StandardPage.objects.values_list("title", flat=True))
    assert {
        "What is a micro-enterprise?",
        "What is Shared Lives?",
        "Paying with a Direct Payment",
        "Accessibility statement",
        "Privacy notice",
        "Contact",
    } <= titles
    assert client.get("/accessibility-statement/").status_code == 200
    # Each guidance page leads on to a search with its filter ticked (only a postcode to go).
    for path, query in (
        ("/what-is-shared-lives/", "kind=shared_lives"),
        ("/what-is-a-micro-enterprise/", "kind=micro_enterprise"),
        ("/paying-with-a-direct-payment/", "pay=direct-payment"),
    ):
        assert f'href="/find-support/?{query}"' in client.get(path).content.decode(), path
    contact = client.get("/contact/").content.decode()
    main = contact[contact.index("<main") : contact.index("</main>")]
    assert "details below" in main and 'href="mailto:support@example.org"' in main  # they are
    home = client.get("/").content.decode()
    # From the home page: its postcode box searches the directory; its survey route
    # leads to the survey.
    assert '<form method="get" action="/find-support/">' in home
    survey = re.search(r'<a class="govuk-link" href="([^"]+)">Workforce survey</a>', home)[1]
    assert "Start now" in client.get(survey).content.decode()
    page = client.get("/find-support/", {"postcode": "RM16 1AB", "distance": "10"})
    assert page.status_code == 200
    results = int(re.search(r"(\d+) providers? near RM16 1AB", page.content.decode())[1])
    assert results >= 40  # dozens of the demo listings are in and around Thurrock

    client.post("/admin/login/", {"username": "moderator", "password": "demo-moderator-pass"})
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.context["request"].user.groups.filter(name="Moderators").exists()


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_seed_demo_is_refused_where_demo_content_is_off():
    with pytest.raises(CommandError, match="published passwords"):
        call_command("seed_demo")
