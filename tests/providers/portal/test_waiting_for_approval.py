"""While a listing waits in the moderators' queue, every edit page says that saving
takes it out of the queue; and a save that did so says it in its one success banner."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from providers.models import ProviderPage
from providers.portal.selectors import Status, listing_state
from providers.portal.services import submit_for_approval
from providers.portal.views.edit import SECTIONS
from tests import builders

from .test_photos import draft_photos, media, png  # noqa: F401 (fixture)

EDIT_PAGES = [section.url_name for section in SECTIONS]
WAITING = (
    "Your listing is waiting for approval. If you save changes, it is taken out of the "
    "queue and you need to send it for approval again."
)
PHOTOS_WAITING = (
    "Your listing is waiting for approval. If you add or remove a photo, it is taken out "
    "of the queue and you need to send it for approval again."
)
WITHDRAWN = (
    "Your listing was waiting for approval, so it has been taken out of the queue: "
    "send it for approval again when you are ready."
)


def send_for_approval(page, user):
    """Save a change and send it: the listing then waits for a moderator."""
    draft = page.get_latest_revision_as_object()
    draft.summary = "Changed, and sent for approval."
    draft.save_revision(user=user)
    submit_for_approval(page=page, user=user)


@pytest.fixture
def waiting(listing, owner, workflow):
    send_for_approval(listing, owner)
    assert listing_state(page=listing).status == Status.CHANGES_AWAITING_APPROVAL
    return listing


def banners(html):
    return html.count("govuk-notification-banner__heading")


def in_queue(page) -> bool:
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()


@pytest.mark.parametrize("name", EDIT_PAGES)
def test_every_edit_page_says_saving_takes_a_waiting_listing_out_of_the_queue(
    provider_client, waiting, name
):
    html = provider_client.get(reverse(name)).content.decode()

    text = PHOTOS_WAITING if name == "portal:photos" else WAITING
    assert f'<div class="govuk-inset-text">{text}</div>' in html
    main = html.split("<main")[1]
    assert main.index(text) < main.index('<form method="post"')  # before any form


@pytest.mark.parametrize("name", ["portal:edit_about", "portal:photos"])
def test_the_edit_pages_say_nothing_of_a_queue_when_nothing_waits(provider_client, listing, name):
    html = provider_client.get(reverse(name)).content.decode()
    assert "Your listing is waiting for approval" not in html


def test_a_new_listing_waiting_for_its_first_approval_is_told_too(
    client, directory, thurrock_postcodes, workflow
):
    user, page = builders.build_provider_account(
        directory=directory, live=False, support_kinds=["personal-care"]
    )
    send_for_approval(page, user)
    assert listing_state(page=page).status == Status.AWAITING_APPROVAL
    client.force_login(user)

    assert WAITING in client.get(reverse("portal:edit_prices")).content.decode()


def test_a_save_that_takes_the_listing_out_of_the_queue_says_so_in_its_one_banner(
    provider_client, waiting
):
    response = provider_client.post(
        reverse("portal:edit_about"),
        {"title": "Sunrise Support", "summary": "Second thoughts."},
        follow=True,
    )

    html = response.content.decode()
    assert not in_queue(waiting)
    assert f"Your changes are saved as a draft. {WITHDRAWN}</p>" in html
    assert banners(html) == 1 and "govuk-notification-banner--success" in html


def test_a_save_while_nothing_waits_says_only_that_it_is_saved(provider_client, listing):
    response = provider_client.post(
        reverse("portal:edit_about"),
        {"title": "Sunrise Support", "summary": "Second thoughts."},
        follow=True,
    )

    html = response.content.decode()
    assert "Your changes are saved as a draft.</p>" in html
    assert banners(html) == 1 and "taken out of the queue" not in html


def test_adding_a_photo_to_a_waiting_listing_says_so_in_its_one_banner(provider_client, waiting):
    response = provider_client.post(
        reverse("portal:photos"), {"image": png(), "alt_text": "A garden"}, follow=True
    )

    html = response.content.decode()
    assert not in_queue(waiting)
    assert f"Photo added to your draft. {WITHDRAWN}</p>" in html
    assert banners(html) == 1


def test_removing_a_photo_from_a_waiting_listing_says_so_in_its_one_banner(
    provider_client, waiting, owner
):
    provider_client.post(
        reverse("portal:photos"), {"image": png(), "alt_text": "A garden"}, follow=True
    )  # its banner shown
    send_for_approval(ProviderPage.objects.get(pk=waiting.pk), owner)
    assert in_queue(waiting)
    photo = draft_photos(waiting)[0]

    response = provider_client.post(
        reverse("portal:photo_remove"), {"image": photo.image_id}, follow=True
    )

    html = response.content.decode()
    assert not in_queue(waiting)
    assert f"Photo removed from your draft. {WITHDRAWN}</p>" in html
    assert banners(html) == 1
