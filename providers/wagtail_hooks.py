"""Admin registrations: the moderators' "Listings" menu (provider listings with filters
and export, checks to verify, problem reports from the public), their dashboard's
"Awaiting your review" panel, the rule that keeps unregistered Shared Lives schemes from
being published, and the audit log's action for a provider discarding their changes."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from .claims import wagtail_hooks as _claims  # noqa: F401  (claims to approve)
from .imports import wagtail_hooks as _imports  # noqa: F401  (bulk import)
from .models import ProblemReport
from .moderation.admin import going_live
from .moderation.admin.checks import ProviderCheckViewSet
from .moderation.admin.dashboard import AwaitingReviewPanel
from .moderation.admin.listing import ProviderListingViewSet
from .portal.services import DISCARD_LOG_ACTION
from .problem_reports import ProblemReportViewSet, policy

# Registered before any viewset asks for ProblemReport's policy (see wagtail.permissions).
register_permission_policy(ProblemReport, policy)


class ListingsGroup(ViewSetGroup):
    menu_label = _("Listings")
    menu_icon = "list-ul"
    menu_order = 150
    items = (ProviderListingViewSet, ProviderCheckViewSet, ProblemReportViewSet("problem_reports"))


@hooks.register("register_admin_viewset")
def register_listings_group():
    return ListingsGroup()


@hooks.register("construct_homepage_panels")
def bounded_awaiting_review_panel(request, panels):
    """Wagtail's "Awaiting your review" lists the whole queue with a query per listing;
    ours lists the 10 waiting longest and links to the rest (moderation/admin/dashboard)."""
    panels[:] = [
        AwaitingReviewPanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel
        for panel in panels
    ]


hooks.register("before_publish_page", going_live.before_publish_page)
hooks.register("before_bulk_action", going_live.before_bulk_action)


@hooks.register("register_log_actions")
def register_discard_log_action(actions):
    @actions.register_action(DISCARD_LOG_ACTION)
    class DiscardChangesFormatter(LogFormatter):
        label = _("Discard changes")

        def format_message(self, log_entry):
            revision = (log_entry.data or {}).get("revision") or {}
            if "id" in revision:
                return _(
                    "Discarded the changes no moderator approved: back to the live "
                    "revision with id %(revision_id)s"
                ) % {"revision_id": revision["id"]}
            return _("Discarded the changes no moderator approved")
