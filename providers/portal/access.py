"""Object-level access for the provider portal.

Portal URLs never carry a listing's ID: the listing is always the one the signed-in
account is a member of, so no URL can point at another provider's listing. Things that
belong to a listing (enquiries, checks, co-editors) are always looked up through it
(`listing.enquiries.get(pk=...)`), so another provider's ID is simply not found (404)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from providers.claims.selectors import pending_claims
from providers.selectors import directory_root, listing_for_user


def listing_required(view):
    """Signed in, and a member of a listing: the view gets it as `listing`. Anyone else
    signed in (a staff member, an account whose listing was removed) gets a page saying
    there is no listing to manage, and how to claim one already in the directory, with
    status 403; one whose claim on a listing waits for a moderator is told so (status 200:
    nothing is wrong, it is waiting)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        listing = listing_for_user(user=request.user)
        if listing is None:
            claims = pending_claims(user=request.user)
            return render(
                request,
                "providers/portal/no_listing.html",
                {"claims": claims, "directory": None if claims else directory_root()},
                status=200 if claims else 403,
            )
        return view(request, *args, listing=listing, **kwargs)

    return wrapper
