from functools import wraps

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from ..access import listing_required
from ..services import ListingLocked


def portal_view(view):
    """Signed in as a member of a listing (which the view gets as `listing`), and
    never cached: every portal page shows one provider's private data."""
    return never_cache(listing_required(view))


def portal_edit_view(view):
    """A portal view that changes the listing or sends it for approval: as portal_view,
    but while a moderator has locked the listing (Wagtail's page lock) it shows a page
    that says so, with status 423, and changes nothing (the services refuse too). A lock
    that lands while the request runs gets the same page (the service refused)."""

    @wraps(view)
    def wrapper(request, *args, listing, **kwargs):
        if listing.locked:
            return _locked(request, listing)
        try:
            return view(request, *args, listing=listing, **kwargs)
        except ListingLocked:
            return _locked(request, listing)

    return portal_view(wrapper)


def _locked(request, listing):
    return render(request, "providers/portal/locked.html", {"listing": listing}, status=423)
