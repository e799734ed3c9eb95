"""Site-wide admin rules (design decision 2: the admin's side routes must not show pages
to staff who have no business with them). The page routes and bulk actions are guarded
by home.middleware.AdminRoutesMiddleware (see home/admin_access.py)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .admin_access import has_page_permissions


@hooks.register("construct_page_chooser_queryset")
def no_pages_for_staff_without_page_permissions(pages, request):
    """Analysts and survey administrators choose no pages: search and browse list nothing
    (the chooser still opens, so a rich text link can be external), and browsing under a
    given page is refused, as its title would show in the chooser's header."""
    if has_page_permissions(request.user):
        return pages
    if request.resolver_match and request.resolver_match.kwargs.get("parent_page_id"):
        raise PermissionDenied
    return pages.none()
