"""A URLconf with a view that fails, to check the 500 page."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("a deliberate failure for the 500 page test")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
