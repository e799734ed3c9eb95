"""The public front page of the survey: a Wagtail page (child of the home page) that
introduces the current wave and starts it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.shell import CachedViewRestrictionsMixin

from .wave import WAVE_TEXT_FEATURES


class SurveyPage(CachedViewRestrictionsMixin, Page):
    introduction = RichTextField(
        _("introduction"),
        features=WAVE_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the current wave's own introduction."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "survey/survey_page.html"

    class Meta:
        verbose_name = _("workforce survey page")

    def get_context(self, request, *args, **kwargs):
        from survey.selectors import wave_for_start_page

        context = super().get_context(request, *args, **kwargs)
        context["wave"] = wave_for_start_page()
        return context
