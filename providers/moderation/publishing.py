"""A moderator who publishes a listing while its provider's changes await approval
(Wagtail's "Publish" in the editor or the bulk action, rather than approving the task)
has approved them. Wagtail then cancels the workflow (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH,
on by default) and sends no workflow_approved, so this does what approval does: tell the
provider and count it as the provider confirming the listing.

Approving the task itself publishes too, but finishes the workflow (approved) before it
publishes, so nothing is cancelled and only the approval email is sent."""

from wagtail.models import TaskState

from providers.models import ProviderPage
from providers.selectors import can_edit_listing
from providers.services import confirm_on_approval

from .emails import send_listing_email


def approve_published_submission(*, workflow_state, user) -> bool:
    """Called when a listing's workflow is cancelled by `user`. If it was awaiting approval
    and `user`, not one of the listing's own accounts, cancelled it by publishing the
    submitted revision or a later one, confirm and email as approval does. Returns
    whether it did (False for a cancel without publishing, or a provider's resubmission)."""
    task_state = TaskState.objects.filter(pk=workflow_state.current_task_state_id).first()
    if user is None or task_state is None or task_state.status != TaskState.STATUS_CANCELLED:
        return False
    page = ProviderPage.objects.filter(pk=workflow_state.object_id, live=True).first()
    if page is None or can_edit_listing(user=user, page=page):
        return False
    if page.live_revision_id is None or page.live_revision_id < task_state.revision_id:
        return False  # cancelled, but what was submitted is not live
    confirm_on_approval(page=page, submitted_by=workflow_state.requested_by)
    send_listing_email(page=page, template="listing_approved", context={"comment": ""})
    return True
