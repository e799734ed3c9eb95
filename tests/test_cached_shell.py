"""The cached site shell (home/shell.py): what editors change shows on the next request,
and view restrictions apply at once, though serving a page reads them from the cache."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.models import SiteSettings
from tests import builders

pytestmark = pytest.mark.django_db


def nav_html(client, url="/") -> str:
    html = client.get(url).content.decode()
    start = html.index("<header")
    return html[start : html.index("</header>")]


def test_the_menu_follows_publishing_renaming_and_unpublishing(client, home):
    about = builders.build_standard_page(parent=home, title="About us", show_in_menus=True)
    assert "About us" in nav_html(client)

    about.title = "About this service"
    about.save_revision().publish()
    assert "About this service" in nav_html(client)

    about.unpublish()
    assert "About" not in nav_html(client)


def test_a_new_top_level_page_and_a_moved_page_reach_the_menu(client, home):
    nav_html(client)  # cached
    guidance = builders.build_standard_page(parent=home, title="Guidance", show_in_menus=True)
    help_page = builders.build_standard_page(parent=guidance, title="Help", show_in_menus=True)
    assert "Guidance" in nav_html(client) and "Help" not in nav_html(client)

    help_page.move(home, pos="last-child")
    assert "Help" in nav_html(client)


def test_site_settings_show_on_the_next_request(client, home):
    client.get("/")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.service_name = "Essex care finder"
    site_settings.save()

    assert "<title>Find care and support near you – Essex care finder</title>" in (
        client.get("/").content.decode()
    )


def test_breadcrumbs_follow_a_renamed_parent(client, home):
    guidance = builders.build_standard_page(parent=home, title="Guidance")
    child = builders.build_standard_page(parent=guidance, title="Paying for care")
    assert "Guidance</a>" in client.get(child.url).content.decode()

    guidance.title = "Help and guidance"
    guidance.save_revision().publish()

    html = client.get(child.url).content.decode()
    assert "Help and guidance</a>" in html and ">Guidance</a>" not in html


def test_a_login_restriction_applies_at_once_to_the_page_and_below(
    client, directory, thurrock_postcodes
):
    listing = builders.build_provider(directory=directory, title="Sunrise Care")
    assert client.get(directory.url).status_code == 200
    assert client.get(listing.url).status_code == 200  # both cached as unrestricted

    restriction = PageViewRestriction.objects.create(
        page=directory, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(directory.url).status_code == 302
    assert "login" in client.get(listing.url)["Location"]
    restriction.delete()
    assert client.get(listing.url).status_code == 200


def test_a_group_restriction_admits_only_that_group(client, home):
    page = builders.build_standard_page(parent=home, title="Staff notes")
    group = Group.objects.create(name="Coordinators")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    outsider = builders.build_user()
    member = builders.build_user(groups=[group])

    client.force_login(outsider)
    assert "login" in client.get(page.url)["Location"]
    client.force_login(member)
    assert client.get(page.url).status_code == 200


def test_an_alias_is_restricted_like_its_source(client, home):
    source = builders.build_standard_page(parent=home, title="Source")
    elsewhere = builders.build_standard_page(parent=home, title="Elsewhere")
    alias = source.create_alias(parent=elsewhere, update_slug="copy")
    assert client.get(alias.url).status_code == 200

    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(alias.url).status_code == 302


def test_serving_a_page_reads_no_restrictions_when_none_apply(client, home):
    page = builders.build_standard_page(parent=home, title="Open page")
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    assert not [q for q in captured.captured_queries if "pageviewrestriction" in q["sql"]]
    assert not [q for q in captured.captured_queries if "home_sitesettings" in q["sql"]]


def test_visible_listings_leave_out_a_listing_as_soon_as_it_is_restricted(
    directory, thurrock_postcodes
):
    from providers.selectors import visible_listings

    listing = builders.build_provider(directory=directory, title="Sunrise Care")
    assert list(visible_listings()) == [listing]  # (the restriction map is now cached)

    PageViewRestriction.objects.create(
        page=listing, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert list(visible_listings()) == []


def test_serving_a_page_does_not_look_up_the_site_each_time(client, home):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_a_new_site_for_a_host_name_answers_the_next_request(client, home):
    other_home = builders.build_standard_page(parent=home, title="Other council home")
    assert "Other council home</h1>" not in client.get("/", HTTP_HOST="127.0.0.1").content.decode()

    Site.objects.create(hostname="127.0.0.1", root_page=other_home)

    assert "Other council home</h1>" in client.get("/", HTTP_HOST="127.0.0.1").content.decode()
    assert "Other council home</h1>" not in client.get("/").content.decode()


def test_serving_a_page_reads_no_pages_on_its_route_from_the_database(client, directory):
    client.get(directory.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(directory.url).status_code == 200
    assert not [q for q in queries if "wagtailcore_page" in q["sql"]]


def test_a_renamed_unpublished_or_deleted_page_is_routed_as_it_now_is(client, home):
    page = builders.build_standard_page(parent=home, title="Paying for care")
    old_url = page.url
    assert client.get(old_url).status_code == 200  # remembered

    page.slug = "paying-for-support"
    page.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert "Paying for care</h1>" in client.get("/paying-for-support/").content.decode()

    page.unpublish()
    assert client.get("/paying-for-support/").status_code == 404

    page.save_revision().publish()
    assert client.get("/paying-for-support/").status_code == 200
    page.delete()
    assert client.get("/paying-for-support/").status_code == 404


def test_an_edited_page_shows_its_new_text_on_the_next_request(client, home):
    page = builders.build_standard_page(parent=home, summary="Old summary.")
    assert "Old summary." in client.get(page.url).content.decode()

    page.summary = "New summary."
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "New summary." in html and "Old summary." not in html


def test_a_page_published_at_an_address_that_was_not_found_is_found(client, home):
    page = builders.build_standard_page(parent=home, title="Late arrival", live=False)
    assert client.get("/" + page.slug + "/").status_code == 404

    page.save_revision().publish()

    assert "Late arrival</h1>" in client.get("/" + page.slug + "/").content.decode()
