"""Sign-ups whose email address was never confirmed, and deleting the old ones."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from .services import delete_account


def unconfirmed_accounts(*, now=None):
    """Sign-ups never confirmed: inactive, never signed in, older than
    UNCONFIRMED_ACCOUNT_DAYS, not staff, and running no listing that was ever published
    (an account staff deactivated after it went live is not one of these)."""
    from providers.models import ListingMembership

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.UNCONFIRMED_ACCOUNT_DAYS)
    ever_published = ListingMembership.objects.filter(page__first_published_at__isnull=False)
    return (
        get_user_model()
        .objects.filter(
            is_active=False,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            date_joined__lt=cutoff,
        )
        .exclude(pk__in=ever_published.values("user_id"))
    )


def delete_unconfirmed_accounts(*, now=None) -> int:
    """Delete each unconfirmed sign-up with its draft listing (delete_account: one
    transaction each, an AccountDeletion record kept). Returns how many."""
    deleted = 0
    for user in unconfirmed_accounts(now=now).order_by("pk"):
        delete_account(user=user)
        deleted += 1
    return deleted
