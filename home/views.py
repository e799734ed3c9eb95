from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """A form sent without its security token (cookies blocked, or a page left open so
    long its session ended): say what to do, in the site's own layout."""
    return render(request, "403_csrf.html", status=403)


@require_safe  # GET or HEAD, as load balancers probe
@never_cache
def healthz(request):
    """For the load balancer: "ok" (200) while this app server can reach its database,
    503 when it cannot. Reads no session and renders no template. Production settings
    exempt its path from the HTTPS redirect (SECURE_REDIRECT_EXEMPT), so a probe over
    plain HTTP gets the answer, not a redirect."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
