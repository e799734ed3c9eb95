from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.blocks import PROSE_FEATURES


class DirectoryPage(Page):
    """The one search page; every provider listing is a child of it."""

    introduction = RichTextField(
        features=PROSE_FEATURES, blank=True, verbose_name=_("Introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["providers.ProviderPage"]
    max_count = 1

    class Meta:
        verbose_name = _("directory (search) page")
