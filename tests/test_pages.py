"""The page shell: each page type renders, and can only be created where it belongs."""

import re

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from tests import builders

pytestmark = pytest.mark.django_db


def test_home_page_shows_title_introduction_and_routes(client, home):
    guide = builders.build_standard_page(parent=home, title="What is Shared Lives?")
    home.routes = [
        ("route", {"heading": "Find support", "text": "Search near you.", "page": guide, "url": ""})
    ]
    home.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Find care and support near you</h1>' in html
    # The home page is titled like the service: its name once, not "X – X".
    assert "<title>Find care and support near you</title>" in html
    assert "Welcome." in html
    assert f'href="{guide.url}"' in html and "Search near you." in html


def test_a_postcode_search_route_starts_the_directory_search(client, home, thurrock_postcodes):
    directory = builders.build_directory(home=home)
    builders.build_provider(directory=directory, title="Grays Helpers", postcode="RM17 5SW")
    value = {"heading": "Find support", "text": "Search near you.", "page": directory}
    home.routes = [("postcode_search", value)]
    home.save_revision().publish()

    html = client.get("/").content.decode()

    form = re.search(r'<form method="get" action="([^"]+)">(.*?)</form>', html, re.S)
    assert form[1] == directory.url
    label = re.search(r'<label class="govuk-label" for="([^"]+)">Postcode</label>', form[2])
    assert re.search(rf'<input [^>]*id="{label[1]}" name="postcode"', form[2])
    results = client.get(form[1], {"postcode": "rm17 6sl"}).content.decode()
    assert "1 provider near RM17 6SL" in results and "Grays Helpers" in results


def test_standard_page_renders_body_blocks_and_breadcrumbs(client, home):
    page = builders.build_standard_page(
        parent=home,
        title="Paying with a Direct Payment",
        body=[
            {"type": "heading", "value": "Using a Direct Payment"},
            {"type": "paragraph", "value": "<p>Keep your receipts.</p>"},
            {"type": "inset", "value": {"text": "<p>Ask your council.</p>"}},
            {"type": "details", "value": {"summary": "Paying yourself?", "text": "<p>Yes.</p>"}},
            {"type": "warning", "value": {"text": "Call 999 in an emergency."}},
        ],
    )

    html = client.get(page.url).content.decode()

    assert "<title>Paying with a Direct Payment – Find care and support near you</title>" in html
    assert '<h2 class="govuk-heading-l">Using a Direct Payment</h2>' in html
    assert "Keep your receipts." in html
    assert 'class="govuk-inset-text"' in html
    assert "Paying yourself?" in html
    assert "Call 999 in an emergency." in html
    assert 'aria-label="Breadcrumb"' in html and 'href="/">Home</a>' in html


def test_menu_pages_appear_in_service_navigation_with_current_page_marked(client, home):
    shown = builders.build_standard_page(
        parent=home, title="What is a micro-enterprise?", show_in_menus=True
    )
    builders.build_standard_page(parent=home, title="Privacy notice", show_in_menus=False)

    html = client.get(shown.url).content.decode()

    nav = html.split('class="govuk-service-navigation__list"')[1].split("</ul>")[0]
    assert "What is a micro-enterprise?" in nav
    assert "Privacy notice" not in nav
    assert 'aria-current="page"' in nav


def test_draft_pages_are_not_public(client, home):
    draft = builders.build_standard_page(parent=home, title="Not yet", live=False)

    assert client.get(f"/{draft.slug}/").status_code == 404


def test_page_types_can_only_be_created_where_they_belong(home):
    root = Page.get_first_root_node()
    guide = builders.build_standard_page(parent=home)

    assert not HomePage.can_create_at(root)  # one home page already stands there
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert not HomePage.can_create_at(home)
    assert not HomePage.can_create_at(guide)
    assert StandardPage.can_create_at(home)
    assert StandardPage.can_create_at(guide)
    assert not StandardPage.can_create_at(root)


def test_skip_link_and_main_landmark_on_every_page(client, home):
    html = client.get("/").content.decode()

    assert 'href="#main-content" class="govuk-skip-link"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert '<html lang="en-GB"' in html
