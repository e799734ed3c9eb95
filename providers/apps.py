from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    """What a listing is and who may change it."""

    name = "providers"
    verbose_name = _("Providers")

    def ready(self):
        from .moderation import signals

        signals.connect()
