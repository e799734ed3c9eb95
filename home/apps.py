from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home and guidance pages, site settings, navigation, errors."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, signals  # noqa: F401 (checks register themselves)

        signals.connect()
