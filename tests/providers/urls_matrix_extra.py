"""A URLconf with one extra URL in each portal namespace, to prove the security matrix
notices URLs that have no row (tests/providers/test_portal_matrix.py)."""

from django.http import HttpResponse
from django.urls import include, path

from providers.accounts import urls as accounts_urls
from providers.portal import urls as portal_urls


def view(request):
    return HttpResponse("new")


accounts = ([*accounts_urls.urlpatterns, path("new/", view, name="brand_new_page")], "accounts")
portal = ([*portal_urls.urlpatterns, path("newer/", view, name="brand_new_portal_page")], "portal")
urlpatterns = [path("manage/", include(accounts)), path("manage/", include(portal))]
