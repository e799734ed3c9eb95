from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeographyConfig(AppConfig):
    """Offline postcode geography: councils, districts, postcodes and outward codes."""

    name = "providers.geography"
    label = "geography"
    verbose_name = _("Geography")
    default_auto_field = "django.db.models.BigAutoField"
