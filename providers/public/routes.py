"""Routes under a listing's URL (/find-support/<slug>/...): the profile itself, and the
"Contact this provider" and "Report a problem" forms with their confirmations.

A mixin for ProviderPage, so the listing model only names it. Wagtail serves a page's
routes only while the page is live and the visitor may see it: a draft, unpublished or
private listing has no contact or report form (404, or the login of a private page)."""

from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.navigation import ListRoute, return_to_list

# The lists a profile is opened from, under the directory page a listing sits in: the
# search results and the shortlist (shared or not).
LISTS = (
    ListRoute("", _("Back to search results"), needs_query=True),
    ListRoute("shortlist/", _("Back to the shortlist")),
)


class ProfileRoutesMixin(RoutablePageMixin):
    def get_context(self, request, *args, **kwargs):
        from providers.enquiries import can_receive_enquiries
        from providers.profile import profile_context

        context = super().get_context(request, *args, **kwargs)
        context["profile"] = profile_context(page=self)
        context["takes_messages"] = can_receive_enquiries(page=self)
        context["contact_url"] = self.subpage_url("contact")
        context["report_url"] = self.subpage_url("report")
        # The address the visitor is using (a Site's configured hostname may differ).
        context["printed_from"] = request.build_absolute_uri(self.url) if self.url else ""
        # Opened from search results or a shortlist: back to it, at this card
        # (result_card.html's id).
        context["back_link"] = return_to_list(
            request, page=self, routes=LISTS, anchor=f"result-{self.pk}"
        )
        return context

    def serve(self, request, view=None, args=None, kwargs=None):
        response = super().serve(request, view, args, kwargs)
        patch_vary_headers(response, ("Referer",))  # the back link above depends on it
        return response

    def get_sitemap_urls(self, request=None):
        """A listing hidden for not being reconfirmed stays reachable by its link (with a
        warning and noindex) but leaves the sitemap, as it leaves search results."""
        from providers.selectors import freshness

        if freshness(last_confirmed_at=self.last_confirmed_at).hidden:
            return []
        return super().get_sitemap_urls(request)

    def subpage_url(self, name: str) -> str:
        """The URL of one of these routes ("" for a page with no URL yet, e.g. a preview)."""
        return (self.url or "").rstrip("/") + "/" + self.reverse_subpage(name) if self.url else ""

    @path("contact/", name="contact")
    def contact_route(self, request):
        from . import views

        return views.contact(request, page=self)

    @path("contact/sent/", name="contact_sent")
    def contact_sent_route(self, request):
        from . import views

        return views.sent(
            request, page=self, route="contact_sent", template="providers/contact_sent.html"
        )

    @path("report/", name="report")
    def report_route(self, request):
        from . import views

        return views.report(request, page=self)

    @path("report/sent/", name="report_sent")
    def report_sent_route(self, request):
        from . import views

        return views.sent(
            request, page=self, route="report_sent", template="providers/report_sent.html"
        )
