"""The "Awaiting your review" panel on the admin dashboard (swapped in for Wagtail's own
by providers/wagtail_hooks.py). Wagtail's panel lists every task state awaiting review
with one query each (for the workflow's tasks): 76 queries and 230 KB at 44 listings, and
growing. This one shows the ones waiting longest, with a fixed number of queries, and
links to every listing awaiting approval in the moderators' provider listing."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page

from ..selectors import awaiting_review, tasks_with_status
from ..states import IN_REVIEW
from .listing import can_use_provider_listing

PANEL_LIMIT = 10


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    template_name = "providers/admin/awaiting_review_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {
            "states": [],
            "request": request,
            "csrf_token": parent_context["csrf_token"],
            "total": 0,
            "full_list_url": "",
        }
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        task_states, context["total"] = awaiting_review(user=request.user, limit=PANEL_LIMIT)
        workflow_tasks = tasks_with_status(
            workflow_states=[state.workflow_state for state in task_states]
        )
        for state in task_states:
            obj = state.revision.content_object
            if obj is None:  # the object was deleted (as Wagtail's panel skips it)
                continue
            context["states"].append(
                _row(request, state=state, obj=obj, tasks=workflow_tasks[state.workflow_state_id])
            )
        if can_use_provider_listing(user=request.user):
            query = urlencode({"state": IN_REVIEW})
            context["full_list_url"] = f"{reverse('provider_listings:index')}?{query}"
        return context


def _row(request, *, state, obj, tasks) -> dict:
    """What Wagtail's panel template shows of one task state (as its own panel builds it)."""
    action_url_name = "wagtailadmin_pages:workflow_action"
    preview_url_name = "wagtailadmin_pages:workflow_preview"
    compare_url_name = "wagtailadmin_pages:revisions_compare"
    if not isinstance(obj, Page):  # snippets can have workflows too
        viewset = obj.snippet_viewset
        action_url_name = viewset.get_url_name("workflow_action")
        preview_url_name = viewset.get_url_name("workflow_preview")
        compare_url_name = viewset.get_url_name("revisions_compare")
    if not getattr(obj, "is_previewable", False):
        preview_url_name = None
    return {
        "obj": obj,
        "revision": state.revision,
        "previous_revision_id": state.previous_revision_id,
        "live_revision_id": obj.live_revision_id,
        "task_state": state,
        "actions": state.task.specific.get_actions(obj, request.user),
        "workflow_tasks": tasks,
        "workflow_action_url_name": action_url_name,
        "workflow_preview_url_name": preview_url_name,
        "revisions_compare_url_name": compare_url_name,
    }
