"""Discarding a live listing's changes that no moderator has approved: the live version
becomes the latest again (no draft, no "Changed" sections, plain "Live"), a submission
waiting for approval is withdrawn, and it is logged. Only ever the signed-in account's
own live listing; never while locked; safe to repeat. Photos: test_discard_photos."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision, WorkflowState

from providers.models import ProviderPage
from providers.portal import services
from providers.portal.selectors import Status, listing_state
from tests import builders

DASHBOARD = reverse("portal:dashboard")
DISCARD = reverse("portal:discard")
SUBMIT = reverse("portal:submit")
LIVE_SUMMARY = "Friendly personal care in Grays."


def edit_summary(client, summary="Second thoughts about our summary."):
    return client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": summary}
    )


def fresh(page) -> ProviderPage:
    return ProviderPage.objects.get(pk=page.pk)


def states(page) -> list[str]:
    return list(WorkflowState.objects.for_instance(page).values_list("status", flat=True))


def revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def discards(page) -> int:
    return PageLogEntry.objects.filter(page_id=page.pk, action=services.DISCARD_LOG_ACTION).count()


def test_discarding_goes_back_to_the_live_listing_and_withdraws_the_submission(
    provider_client, listing, workflow
):
    edit_summary(provider_client)
    provider_client.post(SUBMIT)
    assert states(listing) == ["in_progress"]
    dashboard = provider_client.get(DASHBOARD).content.decode()
    assert f'href="{DISCARD}"' in dashboard
    assert ">Changed<" in dashboard

    asked = provider_client.get(DISCARD)

    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Discard your changes?" in html
    assert "<li>About your service</li>" in html
    assert "takes them out of the moderator’s queue" in html
    assert "govuk-button--warning" in html and f'href="{DASHBOARD}"' in html
    assert fresh(listing).has_unpublished_changes  # asking changed nothing

    response = provider_client.post(DISCARD, follow=True)

    html = response.content.decode()
    assert "Your changes have been discarded and are no longer waiting for approval" in html
    page = fresh(listing)
    assert page.live and page.summary == LIVE_SUMMARY
    assert not page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == LIVE_SUMMARY
    assert page.latest_revision.content["summary"] == LIVE_SUMMARY
    assert states(listing) == ["cancelled"]
    assert listing_state(page=page).status == Status.LIVE
    assert not listing_state(page=page).has_unsubmitted_changes
    assert ">Changed<" not in html
    assert f'href="{DISCARD}"' not in html
    assert "Send for approval" not in html
    entry = PageLogEntry.objects.get(page_id=listing.pk, action=services.DISCARD_LOG_ACTION)
    assert entry.data["revision"]["id"] == page.live_revision_id


def test_unsubmitted_changes_can_be_discarded_too(provider_client, listing, owner):
    edit_summary(provider_client)

    outcome = services.discard_changes(page=listing, user=owner)

    assert outcome == services.Discard.DISCARDED
    assert not fresh(listing).has_unpublished_changes
    assert fresh(listing).get_latest_revision_as_object().summary == LIVE_SUMMARY
    assert states(listing) == []


def test_changes_a_moderator_sent_back_can_be_discarded(
    provider_client, listing, workflow, moderator
):
    edit_summary(provider_client)
    provider_client.post(SUBMIT)
    task_state = fresh(listing).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment="No.")
    assert "A moderator asked for changes to them" in provider_client.get(DISCARD).content.decode()

    provider_client.post(DISCARD)

    assert states(listing) == ["cancelled"]
    assert listing_state(page=fresh(listing)).status == Status.LIVE


def test_a_live_listing_moved_on_from_its_live_revision_keeps_the_live_row(
    provider_client, listing, owner
):
    """reconfirm_listing updates the live row only: discarding keeps what the row says."""
    provider_client.post(reverse("portal:reconfirm"))
    confirmed_at = fresh(listing).last_confirmed_at
    edit_summary(provider_client)

    provider_client.post(DISCARD)

    page = fresh(listing)
    assert page.last_confirmed_at == confirmed_at
    assert page.get_latest_revision_as_object().last_confirmed_at == confirmed_at


def test_a_double_discard_changes_nothing_the_second_time(provider_client, listing, workflow):
    edit_summary(provider_client)
    provider_client.post(DISCARD)
    before = (revisions(listing), discards(listing), fresh(listing).latest_revision_id)

    response = provider_client.post(DISCARD, follow=True)

    assert response.redirect_chain == [(DASHBOARD, 302)]
    html = response.content.decode()
    assert "There are no changes to discard" in html
    assert (revisions(listing), discards(listing), fresh(listing).latest_revision_id) == before
    assert before[1] == 1


def test_nothing_to_discard_sends_the_confirmation_page_back_to_the_dashboard(
    provider_client, listing
):
    dashboard = provider_client.get(DASHBOARD).content.decode()
    assert f'href="{DISCARD}"' not in dashboard

    response = provider_client.get(DISCARD, follow=True)

    assert response.redirect_chain == [(DASHBOARD, 302)]
    html = response.content.decode()
    assert "There are no changes to discard" in html
    # Why they landed on the dashboard: an "Important" banner is an alert too, which
    # GOV.UK Frontend focuses, so a screen reader says it (WCAG 4.1.3).
    banner = html[html.index('<div class="govuk-notification-banner') :]
    assert banner.startswith('<div class="govuk-notification-banner" role="alert"')
    assert revisions(listing) == 1


def test_a_listing_never_published_is_never_offered_it_and_a_post_changes_nothing(
    client, directory, thurrock_postcodes, workflow
):
    owner, page = builders.build_provider_account(directory=directory, live=False)
    services.save_draft(
        page=page, user=owner, edit=lambda draft: setattr(draft, "summary", "Still a draft.")
    )
    services.submit_for_approval(page=page, user=owner)
    client.force_login(owner)
    before = (revisions(page), fresh(page).latest_revision_id, states(page))

    dashboard = client.get(DASHBOARD).content.decode()
    asked = client.get(DISCARD)
    response = client.post(DISCARD, follow=True)

    assert f'href="{DISCARD}"' not in dashboard
    assert asked.status_code == 302 and asked["Location"] == DASHBOARD
    assert "there is no published version to go back to" in response.content.decode()
    assert (revisions(page), fresh(page).latest_revision_id, states(page)) == before
    assert fresh(page).get_latest_revision_as_object().summary == "Still a draft."
    assert discards(page) == 0
    assert services.discard_changes(page=page, user=owner) == services.Discard.NOT_LIVE


def test_a_locked_listing_is_neither_offered_it_nor_discarded(
    provider_client, listing, owner, moderator
):
    edit_summary(provider_client)
    ProviderPage.objects.filter(pk=listing.pk).update(locked=True, locked_by=moderator)
    before = (revisions(listing), fresh(listing).latest_revision_id)

    dashboard = provider_client.get(DASHBOARD).content.decode()
    asked = provider_client.get(DISCARD)
    posted = provider_client.post(DISCARD)

    assert f'href="{DISCARD}"' not in dashboard
    assert asked.status_code == 423 and posted.status_code == 423
    assert "What you sent has not been saved." in posted.content.decode()
    with pytest.raises(services.ListingLocked):
        services.discard_changes(page=listing, user=owner)
    assert (revisions(listing), fresh(listing).latest_revision_id) == before
    assert fresh(listing).has_unpublished_changes


def test_a_co_editor_can_discard_the_listings_changes(client, provider_client, listing):
    edit_summary(provider_client)
    co_editor = builders.build_co_editor(page=listing)
    client.force_login(co_editor)

    client.post(DISCARD)

    assert not fresh(listing).has_unpublished_changes


def test_another_provider_discards_only_their_own_listing(
    client, provider_client, listing, other_listing
):
    edit_summary(provider_client)
    client.force_login(other_listing.other_user)
    before = (revisions(listing), fresh(listing).latest_revision_id)

    asked = client.get(DISCARD, follow=True)
    client.post(DISCARD)

    assert "Sunrise" not in asked.content.decode()
    assert (revisions(listing), fresh(listing).latest_revision_id) == before
    assert fresh(listing).has_unpublished_changes
    assert discards(listing) == 0


def test_anonymous_visitors_are_sent_to_sign_in(client, listing, provider_client):
    edit_summary(provider_client)
    anonymous = client.__class__()

    for response in (anonymous.get(DISCARD), anonymous.post(DISCARD)):
        assert response.status_code == 302
        assert response["Location"].startswith("/manage/sign-in/")
    assert fresh(listing).has_unpublished_changes


def test_the_admin_history_shows_the_discard(client, provider_client, listing):
    edit_summary(provider_client)
    provider_client.post(DISCARD)
    client.force_login(builders.build_user(superuser=True))

    history = client.get(reverse("wagtailadmin_pages:history", args=[listing.pk]))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[listing.pk]))

    assert history.status_code == 200
    assert "Discarded the changes no moderator approved" in history.content.decode()
    assert "Second thoughts" not in edit.content.decode()
