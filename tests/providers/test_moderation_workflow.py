"""Listings go through the "Listing approval" workflow: Moderators approve or reject in the
Wagtail admin, and every person running the listing is told by email, with the comment."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

from providers.models import ListingMembership
from providers.selectors import latest_moderation_outcome
from providers.services import ensure_moderation_workflow, submit_for_moderation
from tests import builders


@pytest.fixture
def listing(directory, thurrock_postcodes):
    owner = builders.build_user(email="owner@example.org")
    page = builders.build_provider(directory=directory, title="Sunrise Support", owner=owner)
    co_editor = builders.build_user(email="staff@example.org")
    ListingMembership.objects.create(user=co_editor, page=page, role="co_editor")
    return page


def submit(page, *, summary="Now also evenings.", user=None):
    """What the portal does on "submit for approval": a revision, then the workflow."""
    user = user or page.memberships.first().user
    page = page.specific_class.objects.get(pk=page.pk)
    page.summary = summary
    page.save_revision(user=user)
    submit_for_moderation(page=page, user=user)
    return page


def act(client, moderator, page, action, comment=""):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_the_migration_creates_the_listing_approval_workflow_for_moderators(db):
    workflow = Workflow.objects.get(name="Listing approval")
    (task,) = [t.specific for t in workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_the_directory_and_its_listings_use_the_workflow(listing, directory):
    assert listing.get_workflow().name == "Listing approval"

    ensure_moderation_workflow(directory=directory)  # a second time changes nothing

    assert WorkflowPage.objects.filter(page=directory).count() == 1
    assert GroupApprovalTask.objects.filter(name="Moderators approve").count() == 1


def test_a_listing_never_submitted_has_no_outcome(listing):
    assert latest_moderation_outcome(page=listing) is None


def test_a_submitted_listing_is_awaiting_approval(listing):
    submit(listing)

    outcome = latest_moderation_outcome(page=listing)
    assert outcome.state == "in_progress"
    assert outcome.comment == ""


def test_approval_publishes_and_tells_every_member_with_the_comment(client, moderator, listing):
    page = submit(listing, summary="Now also evenings.")
    mail.outbox.clear()

    response = act(client, moderator, page, "approve", comment="Thanks, looks good.")

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.summary == "Now also evenings."
    (email,) = [m for m in mail.outbox if "owner@example.org" in m.to + m.bcc]
    assert set(email.to + email.bcc) == {"owner@example.org", "staff@example.org"}
    assert "approved" in email.subject
    assert "Thanks, looks good." in email.body
    assert "/manage/" in email.body
    assert "/admin/" not in email.body
    outcome = latest_moderation_outcome(page=listing)
    assert (outcome.state, outcome.comment) == ("approved", "Thanks, looks good.")


def test_rejection_keeps_the_live_version_and_sends_the_reason(client, moderator, listing):
    page = submit(listing, summary="Cheapest in Essex!!!")
    mail.outbox.clear()

    act(client, moderator, page, "reject", comment="Please remove the price comparison.")

    page.refresh_from_db()
    assert page.summary == "Friendly personal care and companionship."
    to_provider = [m for m in mail.outbox if "owner@example.org" in m.to + m.bcc]
    assert len(to_provider) == 1  # ours only: not also Wagtail's admin-linked notification
    assert "Changes needed" in to_provider[0].subject
    assert "Please remove the price comparison." in to_provider[0].body
    outcome = latest_moderation_outcome(page=listing)
    assert outcome.state == "rejected"
    assert outcome.comment == "Please remove the price comparison."
    assert outcome.by == "mod"
    assert timezone.now() - outcome.when < timedelta(minutes=1)


def test_the_latest_submission_wins(client, moderator, listing):
    page = submit(listing)
    act(client, moderator, page, "reject", comment="Not yet.")
    page = submit(listing, summary="Fixed.")

    assert latest_moderation_outcome(page=listing).state == "in_progress"
    act(client, moderator, page, "approve")
    outcome = latest_moderation_outcome(page=listing)
    assert (outcome.state, outcome.comment) == ("approved", "")


def test_moderators_may_manage_listings_data_but_not_the_survey(moderator):
    perms = moderator.get_all_permissions()
    assert "wagtailadmin.access_admin" in perms
    for model in ("supportkind", "audience", "accessfeature", "paymentmethod", "language"):
        assert f"providers.change_{model}" in perms
    assert "providers.change_providercheck" in perms
    assert "providers.change_problemreport" in perms
    assert not [p for p in perms if p.startswith("survey.")]
    group = Group.objects.get(name="Moderators")
    assert not group.permissions.filter(content_type__app_label="survey").exists()


def test_moderators_can_edit_and_publish_listings_and_manage_vocabularies(
    client, moderator, listing
):
    permissions = listing.permissions_for_user(moderator)
    assert permissions.can_edit() and permissions.can_publish()
    client.force_login(moderator)

    assert client.get(reverse("wagtailadmin_pages:edit", args=(listing.pk,))).status_code == 200
    assert client.get("/admin/snippets/providers/supportkind/").status_code == 200
    assert client.get("/admin/snippets/providers/supportkind/add/").status_code == 200


def test_a_provider_cannot_approve_their_own_submission(client, listing):
    page = submit(listing)
    owner = listing.memberships.get(role="owner").user
    client.force_login(owner)
    task_state = page.current_workflow_task_state

    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Looks great to me"},
    )

    page.refresh_from_db()
    assert page.summary == "Friendly personal care and companionship."
    assert latest_moderation_outcome(page=listing).state == "in_progress"


def test_the_workflow_is_recreated_if_it_was_removed(home):
    Workflow.objects.all().delete()
    GroupApprovalTask.objects.all().delete()

    directory = builders.build_directory(home=home)

    workflow = directory.get_workflow()
    assert workflow.name == "Listing approval"
    (task,) = [t.specific for t in workflow.tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_resubmitting_while_in_moderation_restarts_review_of_the_latest_revision(
    client, moderator, listing
):
    submit(listing, summary="First try.")
    page = submit(listing, summary="Second try.")

    act(client, moderator, page, "approve")

    page.refresh_from_db()
    assert page.summary == "Second try."
    assert page.workflow_states.filter(status="cancelled").count() == 1
    assert page.workflow_states.filter(status="approved").count() == 1


def test_resubmitting_after_rejection_resumes_the_same_workflow(client, moderator, listing):
    page = submit(listing, summary="First try.")
    act(client, moderator, page, "reject", comment="Add prices.")
    page = submit(listing, summary="With prices.")

    assert page.workflow_states.count() == 1
    assert latest_moderation_outcome(page=page).state == "in_progress"


def test_email_subjects_give_a_listing_name_as_written_not_as_html():
    from pathlib import Path
    from types import SimpleNamespace

    from django.conf import settings

    from providers.moderation.emails import email_message

    folder = Path(settings.BASE_DIR) / "templates" / "providers" / "email"
    listing = SimpleNamespace(title='Ann\'s "Helping" Hands & Co')
    context = {"listing": listing, "page": listing}  # enquiry and safeguarding: "page"
    templates = sorted(p.name.removesuffix("_subject.txt") for p in folder.glob("*_subject.txt"))
    subjects = [
        email_message(template=name, context=context, recipients=["a@example.org"]).subject
        for name in templates
        if name != "check_expiring"  # names the check, not the listing
    ]

    assert len(subjects) >= 8
    assert all('Ann\'s "Helping" Hands & Co' in subject for subject in subjects), subjects
