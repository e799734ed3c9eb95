from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # No trailing slash, as production's SECURE_REDIRECT_EXEMPT (r"^healthz$") names it.
    path("healthz", home_views.healthz, name="healthz"),
    path("manage/", include("providers.accounts.urls")),
    path("manage/", include("providers.portal.urls")),
    path("survey/", include("survey.urls")),
    path("planners/", include("survey.urls_planners")),
    path("api/openreferral/", include("directory.openreferral.urls")),
    path("data/", include("directory.exports.urls")),
    path("claim-listing/", include("providers.claims.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
