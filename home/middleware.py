import ipaddress

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.admin.auth import permission_denied

from . import admin_access, shell


def forwarded_client_address(meta, trusted_proxy_count: int) -> str:
    """The client's address, behind `trusted_proxy_count` proxies of our own.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    the right-most `trusted_proxy_count` entries were written by our proxies and the
    client is the last of those (the count-th from the right). Anything further left came
    from the client and may be forged. With no count, too few entries or an entry that is
    not an IP address, REMOTE_ADDR as the server saw it."""
    remote = meta.get("REMOTE_ADDR", "")
    if trusted_proxy_count <= 0:
        return remote
    entries = [e.strip() for e in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(entries) < trusted_proxy_count:
        return remote
    candidate = entries[-trusted_proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


HEALTH_CHECK_PATH = "/healthz"  # config/urls.py


class ClientAddressMiddleware:
    """Behind TRUSTED_PROXY_COUNT proxies (a load balancer that terminates TLS), set
    REMOTE_ADDR to the client's address (forwarded_client_address), so Django,
    django-axes, the rate limits (home.ratelimit) and the logs all count the client, not
    the proxy. First in MIDDLEWARE, before anything reads the address. With the count 0
    (the default), X-Forwarded-For is ignored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = settings.TRUSTED_PROXY_COUNT
        if count > 0:
            request.META["REMOTE_ADDR"] = forwarded_client_address(request.META, count)
        return self.get_response(request)


class SiteMiddleware:
    """Find the request's Wagtail site from the shell cache (home/shell.py: find_site).
    Wagtail's Site.find_for_request keeps the site it finds in `request._wagtail_site`
    and looks no further when that is set, so setting it first saves the lookup for the
    page router, {% pageurl %}, the settings context processor and page.get_url alike.
    Listed after CommonMiddleware, which has already refused hosts not allowed. Not for
    the health check, which needs no site and must answer 503, not fail here, when the
    database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_CHECK_PATH:
            request._wagtail_site = shell.find_site(request)
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """Keep pages meant for one person out of shared and browser caches: every page under
    settings.PRIVATE_PATH_PREFIXES (the provider area: sign-in, sign-up, invitations, the
    account and the portal) and every page served to a signed-in user get
    `Cache-Control: private, no-store`, unless the view chose its own. Every response also
    says the site never uses the camera, microphone or location (Permissions-Policy).
    Listed after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.has_header("Cache-Control"):
            return response
        # A page that never read the session cannot differ by who is signed in.
        signed_in = request.session.accessed and request.user.is_authenticated
        if signed_in or request.path_info.startswith(settings.PRIVATE_PATH_PREFIXES):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class AdminHeadersMiddleware:
    """Give the staff admin its own CSP, let it frame itself (Wagtail's preview panel)
    and keep its pages out of every cache.

    Listed after Django's CSP middleware, so it runs first on the way out and
    the CSP middleware then builds the admin policy instead of the public one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            response._csp_config = settings.ADMIN_CSP
            response["Cache-Control"] = "no-store"
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class AdminRoutesMiddleware:
    """Send staff back to the admin's dashboard ("Sorry, you do not have permission") from
    a page route when they hold no page permission, and from a bulk action when they hold
    no permission over its model (home/admin_access.py says why). Accounts without admin
    access are left to Wagtail, which sends them to its sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model = admin_access.guarded_model(request.resolver_match)
        if model is None or not request.user.has_perm("wagtailadmin.access_admin"):
            return None
        if admin_access.has_any_permission(request.user, model):
            return None
        return permission_denied(request)
