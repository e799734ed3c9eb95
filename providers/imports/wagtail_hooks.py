"""Admin menu item and URL for the bulk import (imported by providers/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from providers.selectors import is_moderator

from .views import ImportView


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(user=request.user)


@hooks.register("register_admin_urls")
def import_urls():
    return [path("import-listings/", ImportView.as_view(), name="providers_import")]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import listings"), reverse("providers_import"), icon_name="upload", order=10001
    )
