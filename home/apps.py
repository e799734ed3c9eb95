from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home and guidance pages, site settings, navigation, errors."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, lookups, signals  # noqa: F401 (checks and lookups register themselves)
        from .admin_reports import restrict_site_history_users
        from .spreadsheets import neutralise_wagtail_exports

        signals.connect()
        neutralise_wagtail_exports()
        restrict_site_history_users()
