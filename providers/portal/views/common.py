from django.views.decorators.cache import never_cache

from ..access import listing_required


def portal_view(view):
    """Signed in as a member of a listing (which the view gets as `listing`), and
    never cached: every portal page shows one provider's private data."""
    return never_cache(listing_required(view))
