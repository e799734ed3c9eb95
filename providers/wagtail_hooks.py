"""Admin registrations: the moderators' "Listings" menu (provider listings with filters
and export, checks to verify). Other helpers append their own viewsets to the group."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .moderation.admin.checks import ProviderCheckViewSet
from .moderation.admin.listing import ProviderListingViewSet


class ListingsGroup(ViewSetGroup):
    menu_label = _("Listings")
    menu_icon = "list-ul"
    menu_order = 150
    items = (ProviderListingViewSet, ProviderCheckViewSet)


@hooks.register("register_admin_viewset")
def register_listings_group():
    return ListingsGroup()
