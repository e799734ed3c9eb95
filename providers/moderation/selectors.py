"""Reads for the moderators' dashboard: what awaits a moderator's review, and each
workflow's tasks with their status, in a fixed number of queries however long the queue."""

import copy

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, TaskState, WorkflowTask


def awaiting_review(*, user, limit: int):
    """The `limit` task states waiting longest for `user` to review them (as Wagtail's
    "Awaiting your review" panel finds them), with what the panel shows of each, and how
    many there are in all. Returns (task states, total)."""
    reviewable = TaskState.objects.reviewable_by(user)
    states = (
        reviewable.select_related(
            "revision",
            "revision__user",
            "workflow_state",
            "workflow_state__workflow",
        )
        .prefetch_related(
            "revision__content_object",
            "revision__content_object__latest_revision",
        )
        .order_by("started_at", "pk")
        .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
    )
    return list(states[:limit]), reviewable.count()


def tasks_with_status(*, workflow_states) -> dict[int, list]:
    """WorkflowState.all_tasks_with_status() for each of `workflow_states` (which have
    their workflow loaded), by workflow state id, in two queries instead of one each: every
    task of the state's workflow, in order, with `.status` (None if not started) and
    `.status_display`."""
    workflow_states = list(workflow_states)
    tasks_by_workflow: dict[int, list] = {}
    workflow_tasks = (
        WorkflowTask.objects.filter(
            workflow_id__in={state.workflow_id for state in workflow_states}
        )
        .select_related("task")
        .order_by("sort_order", "pk")
    )
    for workflow_task in workflow_tasks:
        tasks_by_workflow.setdefault(workflow_task.workflow_id, []).append(workflow_task.task)
    statuses = _latest_task_statuses(workflow_state_ids=[state.pk for state in workflow_states])
    status_choices = dict(TaskState.STATUS_CHOICES)
    result = {}
    for state in workflow_states:
        tasks = [copy.copy(task) for task in tasks_by_workflow.get(state.workflow_id, [])]
        for task in tasks:
            task.status = statuses.get((state.pk, task.pk))
            task.status_display = status_choices.get(task.status, _("Not started"))
        result[state.pk] = tasks
    return result


def _latest_task_statuses(*, workflow_state_ids) -> dict[tuple[int, int], str]:
    """The status of the latest task state of each (workflow state, task), counting only
    task states on the object's latest revision when Wagtail requires re-approval of edits
    (the latest of the revisions its task states are on, as
    WorkflowState._get_applicable_task_states)."""
    task_states = TaskState.objects.filter(workflow_state_id__in=workflow_state_ids)
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        latest_revision = (
            TaskState.objects.filter(workflow_state_id=OuterRef("workflow_state_id"))
            .order_by("-revision__created_at", "-revision_id")
            .values("revision_id")[:1]
        )
        task_states = task_states.filter(revision_id=Subquery(latest_revision))
    statuses: dict[tuple[int, int], str] = {}
    rows = task_states.order_by("-started_at", "-id").values_list(
        "workflow_state_id", "task_id", "status"
    )
    for workflow_state_id, task_id, status in rows:
        statuses.setdefault((workflow_state_id, task_id), status)
    return statuses
