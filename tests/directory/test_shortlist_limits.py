"""The shortlist's limits: a full shortlist refuses one more, and "Remove all" empties it."""

import re

from tests import builders

from .test_shortlist import SHORTLIST, _form_next, shortlisted

FULL = "Your shortlist is full: it can hold 50 providers. Remove some before you add more."


def test_a_full_shortlist_refuses_one_more_and_keeps_every_one_it_has(client, directory, grays):
    kept = [builders.build_provider(directory=directory, title=f"Kept {n}") for n in range(50)]
    for page in kept:
        client.post(SHORTLIST + "add/", {"page_id": page.pk})
    extra = builders.build_provider(directory=directory, title="One too many")
    search = "/find-support/?postcode=RM17+6SL&q=many"
    back = _form_next(client.get(search).text, extra.pk)

    html = client.post(SHORTLIST + "add/", {"page_id": extra.pk, "next": back}, follow=True).text

    card = html[html.index(f'id="result-{extra.pk}"') :]
    assert card.index(FULL) < card.index("Add to shortlist")  # said on the card, not added
    assert "was added to your shortlist." not in html
    assert shortlisted(client.get(SHORTLIST)) == [f"Kept {n}" for n in range(50)]  # none lost
    assert FULL not in client.get(search).text  # said once

    html = client.post(
        SHORTLIST + "add/", {"page_id": extra.pk, "next": extra.url}, follow=True
    ).text
    assert FULL in html and "Add to shortlist" in html  # on the profile, where its button is
    assert "Your shortlist (50 providers)" in html

    client.post(SHORTLIST + "remove/", {"page_id": kept[0].pk})
    html = client.post(SHORTLIST + "add/", {"page_id": extra.pk, "next": back}, follow=True).text
    assert "One too many was added to your shortlist." in html and FULL not in html
    assert shortlisted(client.get(SHORTLIST))[-1] == "One too many"


def test_remove_all_empties_your_shortlist_and_says_so(client, directory, grays):
    first = builders.build_provider(directory=directory, title="First")
    second = builders.build_provider(directory=directory, title="Second")
    for page in (first, second):
        client.post(SHORTLIST + "add/", {"page_id": page.pk})
    html = client.get(SHORTLIST).text
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form[1] == SHORTLIST + "clear/"
    assert 'name="csrfmiddlewaretoken"' in form[2] and "Remove all providers" in form[2]

    response = client.post(form[1], follow=True)

    assert response.redirect_chain == [(SHORTLIST + "#shortlist-change", 302)]
    html = response.text
    assert (
        'id="shortlist-change" tabindex="-1">All providers were removed from your shortlist.'
        in html
    )
    assert "Your shortlist is empty." in html and "Remove all providers" not in html
    assert shortlisted(response) == []
    assert "Your shortlist (0 providers)" in client.get("/find-support/").text
    assert "were removed" not in client.get(SHORTLIST).text  # said once


def test_remove_all_needs_a_post_with_csrf_and_is_not_offered_on_a_shared_link(directory, grays):
    from django.test import Client

    page = builders.build_provider(directory=directory, title="Someone")
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SHORTLIST + "clear/").status_code == 403
    client = Client()
    client.post(SHORTLIST + "add/", {"page_id": page.pk})
    assert client.get(SHORTLIST + "clear/").status_code == 405
    assert shortlisted(client.get(SHORTLIST)) == ["Someone"]

    shared = client.get(SHORTLIST, {"ids": str(page.pk)}).text
    assert "Remove all providers" not in shared and "clear/" not in shared
