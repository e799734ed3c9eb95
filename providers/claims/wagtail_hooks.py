"""Admin hooks for claims (imported by providers/wagtail_hooks.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from providers.models import ListingClaim

from .admin import ClaimViewSet, ModeratorsViewOnly

register_permission_policy(ListingClaim, ModeratorsViewOnly(ListingClaim))


@hooks.register("register_admin_viewset")
def register_claims():
    return ClaimViewSet()
