"""Telling the provider what a moderator decided."""

from wagtail.models import WorkflowState

from providers.models import ProviderPage

from .emails import send_listing_email


def notify_moderation_outcome(*, workflow_state: WorkflowState) -> int:
    """Email the listing's members that their submission was approved or needs changes,
    with the moderator's comment. Returns the number of messages sent (0 when the
    object is not a listing or the workflow has not finished)."""
    page = workflow_state.content_object
    if page is None:
        return 0
    page = page.specific
    if not isinstance(page, ProviderPage):
        return 0
    template = {
        WorkflowState.STATUS_APPROVED: "listing_approved",
        WorkflowState.STATUS_NEEDS_CHANGES: "listing_rejected",
    }.get(workflow_state.status)
    if template is None:
        return 0
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state else ""
    return send_listing_email(page=page, template=template, context={"comment": comment})
