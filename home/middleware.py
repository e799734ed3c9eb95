from django.conf import settings


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
