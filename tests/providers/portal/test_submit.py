"""Submitting for approval: a revision goes to the moderation workflow; nothing goes
live until a moderator approves; a double submit changes nothing; after a rejection the
provider sees the moderator's reason and resubmits."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from providers.models import ProviderPage
from providers.portal.selectors import Status, listing_state
from providers.portal.services import Submission, save_draft, submit_for_approval
from providers.services import create_draft_listing
from tests import builders

SUBMIT = reverse("portal:submit")


def states(page):
    return list(WorkflowState.objects.for_instance(page).values_list("status", flat=True))


def edit_summary(client, summary):
    return client.post(
        reverse("portal:edit_about"), {"title": "Sunrise Support", "summary": summary}
    )


def approve(page, moderator, comment=""):
    task_state = ProviderPage.objects.get(pk=page.pk).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve", comment=comment)


def reject(page, moderator, comment):
    task_state = ProviderPage.objects.get(pk=page.pk).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment=comment)


def test_changes_stay_unpublished_until_a_moderator_approves(
    provider_client, listing, workflow, moderator
):
    edit_summary(provider_client, "New words, waiting for approval.")

    response = provider_client.post(SUBMIT, follow=True)

    assert "sent for approval" in response.content.decode()
    assert states(listing) == ["in_progress"]
    live = ProviderPage.objects.get(pk=listing.pk)
    assert live.summary == "Friendly personal care in Grays."
    assert listing_state(page=live).status == Status.CHANGES_AWAITING_APPROVAL

    approve(listing, moderator)

    live = ProviderPage.objects.get(pk=listing.pk)
    assert live.summary == "New words, waiting for approval."
    assert listing_state(page=live).status == Status.LIVE


def test_a_double_submit_starts_one_workflow(provider_client, listing, workflow):
    edit_summary(provider_client, "Changed once.")

    provider_client.post(SUBMIT)
    revisions = listing.revisions.count()
    response = provider_client.post(SUBMIT, follow=True)

    assert "already waiting for approval" in response.content.decode()
    assert states(listing) == ["in_progress"]
    assert listing.revisions.count() == revisions


def test_nothing_to_submit_when_the_live_listing_has_no_changes(provider_client, listing, workflow):
    response = provider_client.post(SUBMIT, follow=True)

    assert "There are no changes to send for approval" in response.content.decode()
    assert states(listing) == []


def test_a_rejection_shows_the_moderators_reason_and_can_be_resubmitted(
    provider_client, listing, workflow, moderator
):
    edit_summary(provider_client, "We are the best carers in the world!!!")
    provider_client.post(SUBMIT)
    reject(listing, moderator, "Please describe what you do rather than praise it.")

    page = provider_client.get(reverse("portal:dashboard")).content.decode()

    assert "Changes needed" in page
    assert "A moderator has asked for some changes before your latest changes can be" in page
    assert "Please describe what you do rather than praise it." in page
    assert ProviderPage.objects.get(pk=listing.pk).summary == "Friendly personal care in Grays."

    edit_summary(provider_client, "Personal care at home in Grays.")
    response = provider_client.post(SUBMIT, follow=True)

    assert "sent for approval again" in response.content.decode()
    assert states(listing) == ["in_progress"]
    approve(listing, moderator)
    assert ProviderPage.objects.get(pk=listing.pk).summary == "Personal care at home in Grays."


def test_saving_while_waiting_for_approval_takes_the_listing_out_of_the_queue(
    provider_client, listing, workflow
):
    edit_summary(provider_client, "First version.")
    provider_client.post(SUBMIT)

    response = edit_summary(provider_client, "Second thoughts.")
    follow = provider_client.get(response["Location"]).content.decode()

    assert "taken out of the queue" in follow
    assert states(listing) == ["cancelled"]
    assert listing_state(page=ProviderPage.objects.get(pk=listing.pk)).has_unsubmitted_changes


def test_a_new_listing_goes_live_only_when_approved(directory, workflow, moderator):
    user = builders.build_user()
    page = create_draft_listing(user=user, name="Brand New Care")
    builders.build_postcode()
    assert submit_for_approval(page=page, user=user) == Submission.INCOMPLETE

    from providers.geography.selectors import lookup_postcode
    from providers.models import SupportKind
    from providers.services import apply_location

    def complete(draft):
        draft.summary = "Help at home."
        draft.travel_radius_miles = 5
        draft.support_kinds = [SupportKind.objects.first()]
        apply_location(page=draft, location=lookup_postcode("RM17 5SW"))

    save_draft(page=page, user=user, edit=complete)

    assert submit_for_approval(page=page, user=user) == Submission.SUBMITTED
    page.refresh_from_db()
    assert not page.live
    assert listing_state(page=page).status == Status.AWAITING_APPROVAL

    approve(page, moderator)
    page.refresh_from_db()
    assert page.live
    assert page.summary == "Help at home."


def test_an_incomplete_listing_says_what_is_missing(client, directory, workflow):
    user = builders.build_user()
    create_draft_listing(user=user, name="Brand New Care")
    client.force_login(user)

    response = client.post(SUBMIT, follow=True)

    html = response.content.decode()
    assert "not ready to send yet" in html
    assert "Write a short summary of what you do" in html
    assert "Enter the postcode you work from" in html
    assert "Choose at least one kind of support" in html


@pytest.mark.django_db
def test_without_a_workflow_submitting_explains_rather_than_failing(provider_client, listing):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    edit_summary(provider_client, "Changed.")

    response = provider_client.post(SUBMIT, follow=True)

    assert response.status_code == 200
    assert "cannot be sent for approval at the moment" in response.content.decode()
    assert ProviderPage.objects.get(pk=listing.pk).summary == "Friendly personal care in Grays."


def test_submitting_needs_a_post(provider_client, listing, workflow):
    assert provider_client.get(SUBMIT).status_code == 405
    assert states(listing) == []


def test_a_shared_lives_scheme_records_its_registration_before_sending(
    client, directory, thurrock_postcodes, workflow
):
    owner, page = builders.build_provider_account(
        directory=directory,
        kind="shared_lives",
        support_kinds=["shared-lives-short-break"],
        live=False,
    )
    client.force_login(owner)
    regulator = reverse("portal:check_edit", args=["regulator"])

    response = client.post(SUBMIT, follow=True)

    html = response.content.decode()
    assert "not ready to send yet" in html
    assert (
        f'<a class="govuk-link" href="{regulator}">'
        "Record your registration with the regulator (CQC)</a>"
    ) in html
    assert states(page) == []

    client.post(regulator, {"reference": "1-123456789"})
    response = client.post(SUBMIT, follow=True)

    assert "sent for approval" in response.content.decode()
    assert states(page) == ["in_progress"]
