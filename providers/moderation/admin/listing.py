"""The moderators' list of provider listings: filters, a narrow search and CSV/XLSX
export (formulas neutralised, as in every Wagtail export: home/spreadsheets.py).
Wagtail's explorer search ranks by relevance over the whole tree, which takes seconds
to minutes at 100,000 listings (performance.md); this searches the title with a plain,
bounded LIKE instead and never orders by relevance."""

from datetime import datetime

from django.db.models import F, Q
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.coreutils import multigetattr
from wagtail.permission_policies.pages import PagePermissionPolicy

from providers.geography.models import Council
from providers.models import ProviderPage

from ..states import state_label
from .filters import ProviderFilterSet

SEARCH_MAX_LENGTH = 100
CSV_DATETIME_FORMAT = "j F Y H:i"  # "7 December 2026 14:05", as the admin shows dates


def _yes_no(value) -> str:
    return str(_("Yes") if value else _("No"))


def _csv_datetime(value: datetime) -> str:
    return format_date(timezone.localtime(value), CSV_DATETIME_FORMAT)


class ProviderIndexView(IndexView):
    default_ordering = "title"
    custom_field_preprocess = {
        "taking_new_people": {IndexView.FORMAT_CSV: _yes_no, IndexView.FORMAT_XLSX: _yes_no}
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime: {
            **IndexView.custom_value_preprocess[datetime],
            IndexView.FORMAT_CSV: _csv_datetime,
        },
    }

    def stream_csv(self, queryset):
        # A byte order mark first, or Excel reads "£" and "Café" as Windows-1252 (as in
        # directory/exports/csv.py and the survey downloads).
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()[:SEARCH_MAX_LENGTH]
        return queryset.filter(Q(title__icontains=query) | Q(external_id=query))

    def get_ordering(self):
        # Wagtail drops the ordering while searching (to rank by relevance); we never rank.
        ordering = self.request.GET.get("ordering", self.default_ordering)
        if ordering not in self.get_valid_orderings():
            ordering = self.default_ordering
        return ordering

    def order_queryset(self, queryset):
        if not self.ordering:
            return queryset.order_by("title", "pk")
        field = self.ordering.lstrip("-")
        if self.ordering.startswith("-"):
            return queryset.order_by(F(field).desc(nulls_last=True), "-pk")
        return queryset.order_by(F(field).asc(nulls_first=True), "pk")

    @cached_property
    def councils(self) -> dict[str, Council]:
        return {council.gss_code: council for council in Council.objects.all()}

    def _public_address(self, item) -> str:
        # On the host the moderator is using, not the Site record's (http://localhost).
        url = item.get_url(request=self.request)
        return self.request.build_absolute_uri(url) if url else ""

    def to_row_dict(self, item):
        council = self.councils.get(item.council_code)
        extra = {
            "kind": item.get_kind_display(),
            "state": state_label(item),
            "council": council.name if council else "",
            "region": council.region_name if council else "",
            "url": self._public_address(item),
        }
        return {
            field: extra[field] if field in extra else multigetattr(item, field)
            for field in self.list_export
        }


class ProviderListingsMenuItem(MenuItem):
    """Shown only to those the listing lets in (Wagtail shows a page listing's menu item
    to everyone, so analysts were sent to "Sorry, you do not have permission")."""

    def is_shown(self, request):
        return can_use_provider_listing(user=request.user)


def can_use_provider_listing(*, user) -> bool:
    """Whether the provider listing lets this user in."""
    return PagePermissionPolicy(ProviderPage).user_has_any_permission(
        user, ProviderIndexView.any_permission_required
    )


class ProviderListingViewSet(PageListingViewSet):
    model = ProviderPage
    index_view_class = ProviderIndexView
    name = "provider_listings"
    url_prefix = "provider-listings"
    icon = "list-ul"
    menu_label = _("Provider listings")
    add_to_admin_menu = False  # in the "Listings" group (wagtail_hooks)
    menu_item_class = ProviderListingsMenuItem
    filterset_class = ProviderFilterSet
    list_per_page = 50
    columns = [
        # Plain columns: Wagtail's page title and status columns render per-row action
        # menus and status components that cost ~5 ms of CPU per row (bench/).
        TitleColumn(
            "title",
            label=_("Name"),
            sort_key="title",
            classname="title",
            url_name="wagtailadmin_pages:edit",
        ),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("area_label", label=_("Area")),
        DateColumn("last_confirmed_at", label=_("Last confirmed"), sort_key="last_confirmed_at"),
        DateColumn(
            "latest_revision_created_at",
            label=_("Last edited"),
            sort_key="latest_revision_created_at",
        ),
        Column("state", label=_("State"), accessor=state_label, sort_key="live"),
    ]
    list_export = [
        "title",
        "kind",
        "state",
        "area_label",
        "council",
        "region",
        "email",
        "phone",
        "website",
        "price_per_hour",
        "travel_radius_miles",
        "taking_new_people",
        "last_confirmed_at",
        "latest_revision_created_at",
        "url",
    ]
    export_headings = {
        "title": _("Name"),
        "kind": _("Kind"),
        "state": _("State"),
        "area_label": _("Area"),
        "council": _("Council"),
        "region": _("Region"),
        "latest_revision_created_at": _("Last edited"),
        "url": _("Public address"),
    }
    export_filename = "provider-listings"
