"""Telling the provider what a moderator decided."""

from django.db import transaction
from wagtail.models import WorkflowState

from home.shell import site_shell
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


def notify_listing_unpublished(*, page) -> None:
    """After the unpublish commits, email the listing's members that it is no longer
    shown, what to do and how to reach the site's team. Nothing when the listing is
    gone by then (its provider deleted their account, or it was deleted: deleting a
    live page unpublishes it first) or live again, or `page` is not a listing."""
    if isinstance(page, ProviderPage):
        transaction.on_commit(lambda: _send_unpublished(page_id=page.pk))


def _send_unpublished(*, page_id: int) -> int:
    page = ProviderPage.objects.filter(pk=page_id, live=False).first()
    if page is None:
        return 0
    shell = site_shell(page.get_site())
    context = {
        "contact_email": shell["contact_email"],
        "contact_phone": shell["contact_phone"],
        "phone_hours": shell["phone_hours"],
    }
    return send_listing_email(page=page, template="listing_unpublished", context=context)
