from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.blocks import PROSE_FEATURES
from home.shell import CachedViewRestrictionsMixin


class DirectoryPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The one search page; every provider listing is a child of it. Its routes: the
    search itself (GET parameters) and the visitor's shortlist."""

    introduction = RichTextField(
        features=PROSE_FEATURES, blank=True, verbose_name=_("Introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["providers.ProviderPage"]
    max_count = 1

    class Meta:
        verbose_name = _("directory (search) page")

    @path("", name="search")
    def search_view(self, request):
        from directory import views

        return views.search(request, self)

    @path("export/", name="export")
    def export_view(self, request):
        from directory.exports import views

        return views.search_results(request, self)

    @path("shortlist/", name="shortlist")
    def shortlist_view(self, request):
        from directory import views

        return views.shortlist_view(request, self)

    @path("shortlist/add/", name="shortlist_add")
    def shortlist_add_view(self, request):
        from directory import views

        return views.shortlist_add(request, self)

    @path("shortlist/remove/", name="shortlist_remove")
    def shortlist_remove_view(self, request):
        from directory import views

        return views.shortlist_remove(request, self)

    @path("shortlist/clear/", name="shortlist_clear")
    def shortlist_clear_view(self, request):
        from directory import views

        return views.shortlist_clear(request, self)
