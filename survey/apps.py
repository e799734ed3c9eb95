from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    """The workforce survey. Raw responses never leave this app; only checked aggregates do."""

    name = "survey"
    verbose_name = _("Workforce survey")
