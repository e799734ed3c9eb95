"""A listing's moderation state as moderators filter by it, in SQL."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

STATES = [
    ("draft", _("Draft (not submitted)")),
    ("awaiting", _("Awaiting approval")),
    ("live", _("Live")),
    ("changes_pending", _("Live, changes awaiting approval")),
    # A draft saved over a live listing and not submitted (a draft import, or a moderator's
    # "Save draft"): moderators publish it or submit it themselves.
    ("unapproved_changes", _("Live, with changes not yet approved")),
    ("rejected", _("Changes needed (rejected)")),
]
# Not the state of one listing but a filter (the dashboard's "View all" link): new
# listings and live listings' changes, both awaiting approval.
IN_REVIEW = "in_review"
FILTER_STATES = [*STATES, (IN_REVIEW, _("Awaiting approval (new listings and changes)"))]


def _pages_in_workflow(status: str):
    """Primary keys of pages with a workflow in this status, as a subquery."""
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), status=status
        )
        .annotate(page_pk=Cast("object_id", output_field=BigIntegerField()))
        .values("page_pk")
    )


def state_q(state: str) -> Q:
    in_progress = Q(pk__in=_pages_in_workflow(WorkflowState.STATUS_IN_PROGRESS))
    match state:
        case "draft":
            needs_changes = Q(pk__in=_pages_in_workflow(WorkflowState.STATUS_NEEDS_CHANGES))
            return Q(live=False) & ~in_progress & ~needs_changes
        case "awaiting":
            return Q(live=False) & in_progress
        case "live":
            return Q(live=True, has_unpublished_changes=False) & ~in_progress
        case "changes_pending":
            return Q(live=True) & in_progress
        case "unapproved_changes":
            needs_changes = Q(pk__in=_pages_in_workflow(WorkflowState.STATUS_NEEDS_CHANGES))
            return Q(live=True, has_unpublished_changes=True) & ~in_progress & ~needs_changes
        case "in_review":
            return in_progress
        case "rejected":
            return Q(pk__in=_pages_in_workflow(WorkflowState.STATUS_NEEDS_CHANGES))
    return Q()


def state_label(page) -> str:
    """The state of one page from Wagtail's prefetched workflow states
    (PageQuerySet.prefetch_workflow_states), without a query."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return str(dict(STATES)["rejected"])
    in_progress = workflow_state is not None and (
        workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    )
    if page.live and in_progress:
        return str(dict(STATES)["changes_pending"])
    if page.live:
        return str(dict(STATES)["unapproved_changes" if page.has_unpublished_changes else "live"])
    return str(dict(STATES)["awaiting" if in_progress else "draft"])
