"""The one moderation workflow ("Listing approval") and reading its outcome for a listing.

Created by migration providers.0003 (workflow, GroupApprovalTask for Moderators) and
assigned to the directory page here, because the directory page may not exist when
migrations run."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

WORKFLOW_NAME = "Listing approval"
TASK_NAME = "Moderators approve"
MODERATORS = "Moderators"


@transaction.atomic
def ensure_moderation_workflow(*, directory: Page) -> Workflow:
    """The "Listing approval" workflow (created if missing) assigned to `directory`, so
    every listing under it goes through the Moderators' approval task. Idempotent."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def submit_for_moderation(*, page, user) -> WorkflowState:
    """Submit the listing's latest revision (save it first) to its moderation workflow,
    as Wagtail's own editor does: start the workflow; after a rejection, resume the same
    one; while one is in progress, restart it so moderators review this revision (on
    approval Wagtail publishes the latest revision). Never publishes anything itself."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
        return workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise Workflow.DoesNotExist("no moderation workflow covers this listing")
    return workflow.start(page, user)


@dataclass(frozen=True)
class ModerationOutcome:
    state: str  # "in_progress" (awaiting approval), "approved", "rejected", "cancelled"
    comment: str  # the moderator's comment (the reason, when rejected)
    when: datetime  # when the moderator acted (or the submission, while in progress)
    by: str  # the moderator's display name ("" while in progress)


def latest_moderation_outcome(*, page) -> ModerationOutcome | None:
    """The state of the listing's most recent submission to moderation, with the
    moderator's comment; None if it was never submitted. Two queries."""
    content_type = ContentType.objects.get_for_model(Page)
    workflow_state = (
        WorkflowState.objects.filter(base_content_type=content_type, object_id=str(page.pk))
        .order_by("-created_at", "-pk")
        .first()
    )
    if workflow_state is None:
        return None
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .select_related("finished_by")
        .order_by("-started_at", "-pk")
        .first()
    )
    state = {
        WorkflowState.STATUS_IN_PROGRESS: "in_progress",
        WorkflowState.STATUS_APPROVED: "approved",
        WorkflowState.STATUS_NEEDS_CHANGES: "rejected",
        WorkflowState.STATUS_CANCELLED: "cancelled",
    }[workflow_state.status]
    if task_state is None or state == "in_progress":
        return ModerationOutcome(state, "", workflow_state.created_at, "")
    moderator = task_state.finished_by
    return ModerationOutcome(
        state=state,
        comment=task_state.comment,
        when=task_state.finished_at or workflow_state.created_at,
        by=(moderator.get_full_name() or moderator.get_username()) if moderator else "",
    )
