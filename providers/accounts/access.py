"""Who may use the account pages: a signed-in provider account. Staff (anyone with admin
access) manage their account in the admin, never here."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from providers.models import ListingMembership

from .services import is_provider_account


def provider_account_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_provider_account(request.user):
            return render(request, "providers/portal/no_listing.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def scheme_owner_required(view):
    """The owner of a Shared Lives scheme's listing: the only account that may manage its
    co-editors. The view gets the listing as `listing`; everyone else gets a 403 page."""

    @provider_account_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        membership = (
            ListingMembership.objects.filter(user=request.user).select_related("page").first()
        )
        listing = membership.page.specific if membership else None
        if (
            listing is None
            or membership.role != ListingMembership.Role.OWNER
            or not listing.is_shared_lives
        ):
            return render(request, "providers/accounts/editors_not_allowed.html", status=403)
        return view(request, *args, listing=listing, **kwargs)

    return wrapper
