"""The moderators' queue of problem reports from the public, in the Wagtail admin.

Only Moderators and superusers see it (a permission policy by group, so no permissions
need granting); safeguarding concerns come first and carry a highlighted tag; open reports
come before resolved ones. A moderator resolves a report by saying what was done."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.loader import render_to_string
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy

from .enquiries import reopen_problem_report, resolve_problem_report
from .models import ProblemReport
from .moderation.workflow import MODERATORS


class ModeratorsOnlyPolicy(BasePermissionPolicy):
    """Moderators may view and resolve reports; superusers may also delete them. Nobody
    adds one in the admin: reports come from the public form."""

    MODERATOR_ACTIONS = frozenset({"view", "change"})
    SUPERUSER_ACTIONS = frozenset({"view", "change", "delete"})

    def _actions_for(self, user) -> frozenset:
        if not (user.is_authenticated and user.is_active):
            return frozenset()
        if user.is_superuser:
            return self.SUPERUSER_ACTIONS
        if user.groups.filter(name=MODERATORS).exists():
            return self.MODERATOR_ACTIONS
        return frozenset()

    def user_has_permission(self, user, action):
        return action in self._actions_for(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._actions_for(user) & set(actions))

    def users_with_any_permission(self, actions):
        actions = set(actions)
        users = get_user_model().objects.filter(is_active=True)
        if actions & self.MODERATOR_ACTIONS:
            return users.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS)).distinct()
        if actions & self.SUPERUSER_ACTIONS:
            return users.filter(is_superuser=True)
        return users.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class ResolveForm(WagtailAdminModelForm):
    class Meta:
        model = ProblemReport
        fields = ["status", "resolution_note"]
        widgets = {"status": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == ProblemReport.Status.RESOLVED
            and not (cleaned.get("resolution_note") or "").strip()
        ):
            self.add_error("resolution_note", _("Say what was done before you resolve it"))
        return cleaned


LISTING_LINKS_TEMPLATE = "providers/admin/report_listing.html"


def _listing_links(report) -> str:
    return render_to_string(LISTING_LINKS_TEMPLATE, {"page": report.page})


class ListingPanel(Panel):
    """The listing a report is about, linked to its admin edit page and public page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = LISTING_LINKS_TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance.page
            return context


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page")
            .annotate(
                _open_first=Case(
                    When(status=ProblemReport.Status.OPEN, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
                _safeguarding_first=Case(
                    When(reason=ProblemReport.Reason.SAFEGUARDING, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
            )
        )


class ReportStatusPanel(StatusSidePanel):
    """Wagtail's status panel says "Live" for models without drafts: say Open or Resolved."""

    def get_status_templates(self, context):
        return [
            "providers/admin/report_status.html",
            *super().get_status_templates(context)[1:],  # after Wagtail's workflow.html
        ]


class ResolveView(generic.EditView):
    success_message = _("Problem report updated.")

    def get_side_panels(self):
        return MediaContainer(
            [
                ReportStatusPanel(
                    self.object,
                    self.request,
                    usage_url=self.get_usage_url(),
                    history_url=self.get_history_url(),
                    last_updated_info=self.get_last_updated_info(),
                )
            ]
        )

    def save_instance(self):
        report = self.form.instance
        was = ProblemReport.objects.only("status").get(pk=report.pk).status
        if report.status == ProblemReport.Status.RESOLVED:
            resolve_problem_report(
                report=report, user=self.request.user, note=report.resolution_note
            )
        else:
            if was == ProblemReport.Status.RESOLVED:
                reopen_problem_report(report=report)
            report.save(update_fields=["resolution_note"])
        log(instance=report, action="wagtail.edit", user=self.request.user)
        return report


class InspectView(generic.InspectView):
    def get_page_display_value(self):
        return _listing_links(self.object)

    def get_resolved_at_display_value(self):
        return self.object.resolved_at or _("Not resolved yet")

    def get_resolved_by_display_value(self):
        if self.object.resolved_by is None:
            return _("Not resolved yet") if self.object.resolved_at is None else ""
        return self.object.resolved_by.get_full_name() or self.object.resolved_by.get_username()


def _is_safeguarding(report) -> bool:
    return report.reason == ProblemReport.Reason.SAFEGUARDING


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    add_to_admin_menu = False  # in the "Listings" group (wagtail_hooks)
    menu_order = 250
    url_prefix = "providers/problem-reports"
    index_view_class = IndexView
    edit_view_class = ResolveView
    inspect_view_class = InspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "reason",
        "details",
        "reporter_email",
        "created_at",
        "status",
        "resolved_at",
        "resolved_by",
        "resolution_note",
    ]
    list_filter = ["reason", "status"]
    ordering = ["_open_first", "_safeguarding_first", "-created_at"]
    list_display = [
        TitleColumn(
            "page", label=_("Listing"), accessor="page.title", url_name="problem_reports:edit"
        ),
        StatusTagColumn(
            "reason",
            label=_("Problem"),
            accessor="get_reason_display",
            primary=_is_safeguarding,
        ),
        Column("details", label=_("Details"), accessor=lambda r: Truncator(r.details).chars(80)),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Reported")),
    ]
    # The list's columns (details in full), never the reporter's email: a file travels
    # further than the admin, and the email is on the report for whoever resolves it.
    list_export = [
        "page.title",
        "get_reason_display",
        "details",
        "get_status_display",
        "created_at",
    ]
    export_headings = {
        "page.title": _("Listing"),
        "get_reason_display": _("Problem"),
        "details": _("Details"),
        "get_status_display": _("Status"),
        "created_at": _("Reported"),
    }
    export_filename = "problem-reports"
    edit_handler = ObjectList(
        [
            ListingPanel(heading=_("Listing")),
            FieldPanel("reason", read_only=True),
            FieldPanel("details", read_only=True),
            FieldPanel("reporter_email", read_only=True),
            FieldPanel("status", widget=forms.RadioSelect),
            FieldPanel("resolution_note"),
        ],
        base_form_class=ResolveForm,
    )

    def get_permissions_to_register(self):
        # Access is by group (ModeratorsOnlyPolicy): no per-model permissions to grant.
        return Permission.objects.none()


policy = ModeratorsOnlyPolicy(ProblemReport)
