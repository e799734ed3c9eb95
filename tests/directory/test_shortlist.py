"""The shortlist: add and remove without an account or JavaScript, view and share it."""

import re
from datetime import timedelta

from django.utils import timezone

from tests import builders

SHORTLIST = "/find-support/shortlist/"


def shortlisted(response) -> list[str]:
    return re.findall(
        r'id="result-\d+"(?: tabindex="-1")?><a [^>]*>([^<]+)</a>', response.content.decode()
    )


def test_add_and_remove_with_plain_form_posts(client, directory, grays):
    first = builders.build_provider(directory=directory, title="First")
    second = builders.build_provider(directory=directory, title="Second")
    search = "/find-support/?postcode=RM17+6SL"

    response = client.post(SHORTLIST + "add/", {"page_id": first.pk, "next": search})
    assert response.status_code == 302
    assert response["Location"] == search
    client.post(SHORTLIST + "add/", {"page_id": second.pk, "next": search})
    client.post(SHORTLIST + "add/", {"page_id": first.pk, "next": search})  # twice: once

    assert shortlisted(client.get(SHORTLIST)) == ["Second", "First"]
    crumbs = re.findall(r'breadcrumbs__link" href="([^"]+)">([^<]+)<', client.get(SHORTLIST).text)
    assert crumbs == [("/", "Home"), ("/find-support/", directory.title)]
    html = client.get(search).content.decode()
    assert "Your shortlist (2 providers)" in html
    assert html.count("Remove from shortlist") == 2

    client.post(SHORTLIST + "remove/", {"page_id": second.pk})
    assert shortlisted(client.get(SHORTLIST)) == ["First"]


def test_a_profile_adds_and_removes_itself_and_comes_back(client, directory, grays):
    page = builders.build_provider(directory=directory, title="Profiled")
    other = builders.build_provider(directory=directory, title="Other")
    client.post(SHORTLIST + "add/", {"page_id": other.pk})
    html = client.get(page.url).content.decode()
    assert "Your shortlist (1 provider)" in html
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form[1] == SHORTLIST + "add/" and f'value="{page.pk}"' in form[2]

    response = client.post(form[1], {"page_id": page.pk, "next": page.url}, follow=True)

    assert response.redirect_chain == [(page.url, 302)]
    html = response.content.decode()
    assert "Remove from shortlist" in html and "Your shortlist (2 providers)" in html
    assert shortlisted(client.get(SHORTLIST)) == ["Other", "Profiled"]
    client.post(SHORTLIST + "remove/", {"page_id": page.pk, "next": page.url})
    assert "Add to shortlist" in client.get(page.url).content.decode()


def test_a_profile_hidden_from_search_offers_no_shortlist(client, directory, grays):
    hidden = builders.build_provider(
        directory=directory, title="Hidden", last_confirmed_at=timezone.now() - timedelta(days=400)
    )

    html = client.get(hidden.url).content.decode()

    assert "This information may be out of date" in html
    assert "Add to shortlist" not in html and "shortlist/add/" not in html


def test_only_visible_listings_can_be_added_or_shown(client, directory, grays):
    draft = builders.build_provider(directory=directory, title="Draft", live=False)
    hidden = builders.build_provider(
        directory=directory, title="Hidden", last_confirmed_at=timezone.now() - timedelta(days=400)
    )

    for page_id in (draft.pk, hidden.pk, 999999, "abc", ""):
        client.post(SHORTLIST + "add/", {"page_id": page_id})

    assert shortlisted(client.get(SHORTLIST)) == []
    assert "Your shortlist is empty" in client.get(SHORTLIST).content.decode()
    shared = client.get(SHORTLIST, {"ids": f"{draft.pk},{hidden.pk}"})
    assert shortlisted(shared) == []
    assert "Draft" not in shared.content.decode()


def test_a_listing_unpublished_after_it_was_shortlisted_disappears(client, directory, grays):
    page = builders.build_provider(directory=directory, title="Leaving")
    staying = builders.build_provider(directory=directory, title="Staying")
    client.post(SHORTLIST + "add/", {"page_id": page.pk})
    client.post(SHORTLIST + "add/", {"page_id": staying.pk})
    shared_link = f"{SHORTLIST}?ids={page.pk},{staying.pk}"

    page.unpublish()

    response = client.get(SHORTLIST)
    assert shortlisted(response) == ["Staying"]
    html = response.content.decode()
    assert "1 provider on this shortlist can no longer be shown." in html
    assert '<h2 class="govuk-heading-m">1 provider</h2>' in html  # the cards' h3s sit under it
    assert f"Printed from http://testserver{SHORTLIST}?ids={staying.pk}" in html
    # The shortlist forgets it, so every page counts the same.
    assert "Your shortlist (1 provider)" in client.get("/find-support/").content.decode()
    assert "can no longer be shown" not in client.get(SHORTLIST).content.decode()
    opened = builders_client().get(shared_link)
    assert shortlisted(opened) == ["Staying"]
    assert "1 provider on this shortlist can no longer be shown." in opened.content.decode()


def test_the_shortlist_page_says_how_long_this_browser_keeps_it(client, directory, grays):
    page = builders.build_provider(directory=directory)
    client.post(SHORTLIST + "add/", {"page_id": page.pk})

    html = client.get(SHORTLIST).content.decode()

    assert "This browser keeps your shortlist for 2 weeks after you last change it." in html
    assert client.cookies["sessionid"]["max-age"] == 14 * 24 * 60 * 60


def test_the_shortlist_is_shared_as_a_link_anyone_can_open(client, directory, grays):
    first = builders.build_provider(directory=directory, title="First")
    second = builders.build_provider(directory=directory, title="Second")
    client.post(SHORTLIST + "add/", {"page_id": second.pk})
    client.post(SHORTLIST + "add/", {"page_id": first.pk})

    html = client.get(SHORTLIST).content.decode()
    link = re.search(r'id="share-link" type="text" value="([^"]+)"', html)[1]
    assert link == f"http://testserver/find-support/shortlist/?ids={second.pk},{first.pk}"

    someone_else = builders_client()
    response = someone_else.get(link.removeprefix("http://testserver"))
    assert "Shared shortlist" in response.content.decode()
    assert shortlisted(response) == ["Second", "First"]


def builders_client():
    from django.test import Client

    return Client()


def test_shortlist_posts_need_csrf_and_never_redirect_off_site(directory, grays):
    from django.test import Client

    page = builders.build_provider(directory=directory, title="Someone")
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(SHORTLIST + "add/", {"page_id": page.pk})
    assert refused.status_code == 403
    html = refused.content.decode()  # in the site's layout, saying what to do
    assert '<h1 class="govuk-heading-l">Your form could not be sent</h1>' in html
    assert "check that your browser allows cookies" in html

    client = Client()
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.post(SHORTLIST + "add/", {"page_id": page.pk, "next": target})
        assert response["Location"] == SHORTLIST


def test_get_on_the_add_url_changes_nothing(client, directory, grays):
    page = builders.build_provider(directory=directory, title="Someone")

    response = client.get(SHORTLIST + "add/", {"page_id": page.pk})

    assert response.status_code == 405
    assert shortlisted(client.get(SHORTLIST)) == []


def _form_next(html: str, page_id: int) -> str:
    form = re.search(
        rf'name="page_id" value="{page_id}"><input type="hidden" name="next" value="([^"]+)"', html
    )
    return form[1].replace("&amp;", "&")


def test_the_card_you_add_says_so_once_with_a_link_to_the_shortlist(client, directory, grays):
    page = builders.build_provider(directory=directory, title="Kingfisher Helpers")
    search = "/find-support/?postcode=RM17+6SL"
    back = _form_next(client.get(search).content.decode(), page.pk)
    assert back == f"{search}#result-{page.pk}-change"  # back to the card, not the top

    html = client.post(SHORTLIST + "add/", {"page_id": page.pk, "next": back}, follow=True).text

    card = html[html.index(f'id="result-{page.pk}"') :]
    # What was done takes the focus (a fragment target must be focusable), so a screen
    # reader says it, with the provider's name, and a keyboard user goes on from there.
    assert (
        f'id="result-{page.pk}-change" tabindex="-1">Kingfisher Helpers was added to your '
        "shortlist." in card
    )
    assert card.index("was added to your shortlist.") < card.index("Remove from shortlist")
    assert '<a class="govuk-link" href="/find-support/shortlist/">View your shortlist</a>' in card
    assert "was added to your shortlist." not in client.get(search).text  # said once


def test_a_profile_says_it_was_added_where_its_button_is(client, directory, grays):
    page = builders.build_provider(directory=directory, title="Profiled")
    back = _form_next(client.get(page.url).text, page.pk)
    assert back == f"{page.url}#shortlist-change"  # the message takes the focus

    html = client.post(SHORTLIST + "add/", {"page_id": page.pk, "next": back}, follow=True).text
    assert (
        '<form method="post" action="/find-support/shortlist/remove/" class="app-no-print" id="shortlist">'
        in html
    )
    assert 'id="shortlist-change" tabindex="-1">Added to your shortlist.' in html

    html = client.post(SHORTLIST + "remove/", {"page_id": page.pk, "next": back}, follow=True).text
    assert "Removed from your shortlist." in html and "Add to shortlist" in html


def test_removing_from_your_shortlist_says_which_provider_went(client, directory, grays):
    first = builders.build_provider(directory=directory, title="First")
    second = builders.build_provider(directory=directory, title="Second")
    for page in (first, second):
        client.post(SHORTLIST + "add/", {"page_id": page.pk})
    back = _form_next(client.get(SHORTLIST).text, first.pk)
    assert back == SHORTLIST + "#shortlist-change"

    html = client.post(SHORTLIST + "remove/", {"page_id": first.pk, "next": back}, follow=True).text
    assert 'id="shortlist-change" tabindex="-1">First was removed from your shortlist.' in html
    assert shortlisted(client.get(SHORTLIST)) == ["Second"]

    html = client.post(
        SHORTLIST + "remove/", {"page_id": second.pk, "next": back}, follow=True
    ).text
    assert "Second was removed from your shortlist." in html  # the list is empty now
    assert "Your shortlist is empty." in html


def test_a_shared_shortlist_shows_how_to_contact_each_provider_and_full_links(
    client, directory, grays
):
    shown = builders.build_provider(
        directory=directory, title="Shown", phone="01375 111222", show_phone=True,
        email="hello@example.org", show_email=True, website="https://shown.example.org/",
    )  # fmt: skip
    private = builders.build_provider(
        directory=directory, title="Private", phone="01375 999888", show_phone=False,
        email="secret@example.org", show_email=False,
    )  # fmt: skip

    html = client.get(f"{SHORTLIST}?ids={shown.pk},{private.pk}").text

    assert '<a class="govuk-link" href="tel:01375111222">01375 111222</a>' in html
    assert "hello@example.org" in html and "https://shown.example.org/" in html
    assert "01375 999888" not in html and "secret@example.org" not in html
    assert f'href="http://testserver/find-support/{shown.slug}/">Shown</a>' in html
