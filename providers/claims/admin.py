"""Claims in the Wagtail admin: a list for Moderators and superusers, and a page to
approve or reject each pending claim (through the services, never by editing the row)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from providers.models import ListingClaim
from providers.moderation.workflow import MODERATORS
from providers.selectors import is_moderator

from .services import ClaimRefused, approve_claim, reject_claim


class ModeratorsViewOnly(BasePermissionPolicy):
    """Moderators and superusers may see claims; nobody adds, edits or deletes them
    through the generic views (decisions go through DecideView)."""

    def user_has_permission(self, user, action):
        return action == "view" and is_moderator(user=user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS), is_active=True)
            .distinct()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()


class DecideForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the claimant (optional)"),
        help_text=_(
            "We email it to them with your decision: why you rejected the claim, or what to do next."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class DecideView(WagtailAdminTemplateMixin, View):
    template_name = "providers/claims/admin_decide.html"
    page_title = _("Decide a claim")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(user=request.user):
            raise PermissionDenied
        self.claim = get_object_or_404(
            ListingClaim.objects.select_related("page", "claimant", "decided_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("listing_claims:index"), "label": _("Listing claims")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(claim=self.claim, form=DecideForm()))

    def post(self, request, pk):
        form = DecideForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(claim=self.claim, form=form))
        try:
            if "approve" in request.POST:
                approve_claim(
                    claim=self.claim, moderator=request.user, note=form.cleaned_data["note"]
                )
                messages.success(request, _("Claim approved: the claimant now runs the listing."))
            else:
                reject_claim(
                    claim=self.claim, moderator=request.user, note=form.cleaned_data["note"]
                )
                messages.success(request, _("Claim rejected."))
        except ClaimRefused as refused:
            messages.error(request, refused.reason)
        return redirect("listing_claims:index")


class ClaimIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "claimant")


class ClaimViewSet(ModelViewSet):
    model = ListingClaim
    index_view_class = ClaimIndexView
    icon = "user"
    menu_label = _("Listing claims")
    menu_order = 10002
    add_to_admin_menu = True
    url_prefix = "listing-claims"
    name = "listing_claims"
    list_filter = ["status"]
    form_fields = ["decision_note"]
    list_display = [
        TitleColumn(
            "page",
            label=_("Listing"),
            get_url=lambda claim: reverse("listing_claims:decide", args=[claim.pk]),
        ),
        Column("claimant", label=_("Claimed by")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Claimed")),
    ]
    # The list's columns: not the claimant's message, which may hold their phone number.
    list_export = ["page.title", "claimant", "get_status_display", "created_at"]
    export_headings = {
        "page.title": _("Listing"),
        "claimant": _("Claimed by"),
        "get_status_display": _("Status"),
        "created_at": _("Claimed"),
    }
    export_filename = "listing-claims"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", DecideView.as_view(), name="decide"),
        ]
