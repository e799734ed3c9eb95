"""Thin signal handlers: the work is done in services.

For listings, these replace Wagtail's own approval/rejection emails (which link to the
admin, where providers never go): they are connected first under Wagtail's dispatch
UIDs, so Wagtail's later connect is a no-op, and hand anything that is not a listing
back to Wagtail's notifier. Approving a listing also counts as its provider confirming
it (providers.services.confirm_on_approval). A listing taken off the site (unpublished)
is emailed about too, which Wagtail does not do at all; and so is a listing a moderator
publishes while its changes await approval (which cancels the workflow: publishing.py)."""

from wagtail.admin import mail as wagtail_mail
from wagtail.models import WorkflowState
from wagtail.signals import (
    page_unpublished,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
)

from providers.models import ProviderPage
from providers.services import confirm_on_approval

from .notifications import notify_listing_unpublished, notify_moderation_outcome
from .publishing import approve_published_submission

_wagtail_approval = wagtail_mail.WorkflowStateApprovalEmailNotifier()
_wagtail_rejection = wagtail_mail.WorkflowStateRejectionEmailNotifier()


def _is_listing(workflow_state) -> bool:
    return issubclass(workflow_state.content_type.model_class() or object, ProviderPage)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    if _is_listing(instance):
        # Sent after Wagtail published the approved revision, inside its transaction.
        confirm_on_approval(page=instance.content_object, submitted_by=instance.requested_by)
        notify_moderation_outcome(workflow_state=instance)
    else:
        _wagtail_approval(sender=sender, instance=instance, user=user, **kwargs)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    if _is_listing(instance):
        notify_moderation_outcome(workflow_state=instance)
    else:
        _wagtail_rejection(sender=sender, instance=instance, user=user, **kwargs)


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    if _is_listing(instance):
        approve_published_submission(workflow_state=instance, user=user)


def on_page_unpublished(sender, instance, **kwargs):
    notify_listing_unpublished(page=instance)


def connect() -> None:
    workflow_approved.connect(
        on_workflow_approved,
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
    )
    workflow_rejected.connect(
        on_workflow_rejected,
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
    )
    workflow_cancelled.connect(
        on_workflow_cancelled, sender=WorkflowState, dispatch_uid="listing-published-over-workflow"
    )
    page_unpublished.connect(
        on_page_unpublished, sender=ProviderPage, dispatch_uid="listing-unpublished-email"
    )
