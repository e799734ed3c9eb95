"""A moderator verifying a provider's check (verification lives outside revisions)."""

from django.utils import timezone

from providers.models import ProviderCheck


def set_check_verified(*, check: ProviderCheck, verified: bool, user) -> ProviderCheck:
    """Mark the check verified by `user` now, or clear its verification. Verifying an
    already verified check keeps the original date and moderator."""
    if verified and check.verified_at is None:
        check.verified_at, check.verified_by = timezone.now(), user
    elif not verified:
        check.verified_at, check.verified_by = None, None
    else:
        return check
    check.save(update_fields=["verified_at", "verified_by", "updated_at"])
    return check
