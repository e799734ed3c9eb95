from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Finding listings: filters, geography and search. Depends on providers, never the reverse."""

    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from . import signals
        from .openreferral import signals as openreferral_signals

        signals.connect()
        openreferral_signals.connect()
