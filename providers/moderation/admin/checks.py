"""Moderators verify the checks providers record: a list (unverified first) with filters,
and an edit view with a "verified" box that records who verified it and when."""

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import F
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from providers.models import ProviderCheck

from ..verification import set_check_verified

EXPIRING_DAYS = 30
STATUSES = [
    ("unverified", _("Not verified")),
    ("verified", _("Verified, current")),
    ("expiring", _("Expires within 30 days")),
    ("expired", _("Expired")),
]


class CheckFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUSES, method="filter_status"
    )
    kind = django_filters.ChoiceFilter(label=_("Check"), choices=ProviderCheck.Kind.choices)

    class Meta:
        model = ProviderCheck
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        match value:
            case "unverified":
                return queryset.filter(verified_at__isnull=True)
            case "verified":
                return queryset.filter(verified_at__isnull=False).exclude(expires_on__lt=today)
            case "expiring":
                return queryset.filter(
                    expires_on__gte=today, expires_on__lte=today + timedelta(days=EXPIRING_DAYS)
                )
            case "expired":
                return queryset.filter(expires_on__lt=today)
        return queryset


STALE = _(
    "The provider changed this check after you opened it, so nothing was saved. "
    "It now shows their changes: check them before you verify it."
)


class VerifyCheckForm(WagtailAdminModelForm):
    verified = forms.BooleanField(
        label=_("I have verified this check"),
        required=False,
        help_text=_("Records you and today's date. Untick to withdraw the verification."),
    )

    # The check's updated_at when the form was opened. If the provider changed the check
    # since, saving would write the old values back and verify them: refused instead.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verified"].initial = self.instance.verified_at is not None
        self.fields["opened_version"].initial = self._version()

    def _version(self) -> str:
        return self.instance.updated_at.isoformat() if self.instance.updated_at else ""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("opened_version") != self._version():
            raise forms.ValidationError(STALE, code="stale")
        return cleaned_data


class CheckIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "verified_by")

    def order_queryset(self, queryset):
        if self.ordering:
            return super().order_queryset(queryset)
        return queryset.order_by(
            F("verified_at").asc(nulls_first=True), F("expires_on").asc(nulls_last=True), "pk"
        )


class CheckEditView(generic.EditView):
    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, code="stale"):  # the form holds the old values
            messages.error(self.request, STALE)
            return redirect(self.get_edit_url())
        return super().form_invalid(form)

    def save_instance(self):
        check = super().save_instance()
        return set_check_verified(
            check=check, verified=self.form.cleaned_data["verified"], user=self.request.user
        )


class ProviderCheckViewSet(ModelViewSet):
    model = ProviderCheck
    index_view_class = CheckIndexView
    edit_view_class = CheckEditView
    name = "provider_checks"
    url_prefix = "provider-checks"
    icon = "tick-inverse"
    menu_label = _("Checks to verify")
    add_to_admin_menu = False  # in the "Listings" group (wagtail_hooks)
    filterset_class = CheckFilterSet
    search_fields = ["page__title", "reference"]
    list_per_page = 50
    list_display = [
        TitleColumn(
            "page",
            label=_("Listing"),
            accessor="page.title",
            url_name="provider_checks:edit",
        ),
        Column("kind", label=_("Check"), accessor="get_kind_display"),
        Column("dbs_level", label=_("DBS level"), accessor="get_dbs_level_display"),
        Column("reference", label=_("Reference")),
        DateColumn("expires_on", label=_("Expires"), sort_key="expires_on"),
        DateColumn("verified_at", label=_("Verified"), sort_key="verified_at"),
        Column("verified_by", label=_("Verified by")),
    ]
    list_export = [
        "page.title",
        "kind",
        "dbs_level",
        "cover_amount",
        "reference",
        "issued_on",
        "expires_on",
        "verified_at",
        "verified_by",
    ]
    export_headings = {"page.title": _("Listing")}
    export_filename = "provider-checks"
    edit_handler = ObjectList(
        [
            FieldPanel("verified"),
            FieldPanel("dbs_level"),
            FieldPanel("cover_amount"),
            FieldPanel("reference"),
            FieldPanel("issued_on"),
            FieldPanel("expires_on"),
        ],
        base_form_class=VerifyCheckForm,
    )
