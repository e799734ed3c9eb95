"""Sign-ups whose email address was never confirmed: a new sign-up replacing one, and
deleting the old ones."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from .deletion import delete_account


def _never_confirmed():
    """Inactive, never signed in, not staff, in no group, with no permissions of its own
    and running no listing that was ever published (an account staff deactivated after
    it went live, or a colleague given admin access who has not signed in yet, is not
    one of these)."""
    from providers.models import ListingMembership

    ever_published = ListingMembership.objects.filter(page__first_published_at__isnull=False)
    return (
        get_user_model()
        .objects.filter(
            is_active=False,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
            user_permissions__isnull=True,
        )
        .exclude(pk__in=ever_published.values("user_id"))
    )


def unconfirmed_accounts(*, now=None):
    """Sign-ups never confirmed and older than UNCONFIRMED_ACCOUNT_DAYS."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.UNCONFIRMED_ACCOUNT_DAYS)
    return _never_confirmed().filter(date_joined__lt=cutoff)


def delete_unconfirmed_accounts(*, now=None) -> int:
    """Delete each unconfirmed sign-up with its draft listing (delete_account: one
    transaction each, an AccountDeletion record kept). Returns how many."""
    deleted = 0
    for user in unconfirmed_accounts(now=now).order_by("pk"):
        delete_account(user=user)
        deleted += 1
    return deleted


def is_unconfirmed_sign_up(*, user) -> bool:
    """A sign-up whose email address was never confirmed, whatever its age: as
    _never_confirmed, and owning a listing (sign-up makes one)."""
    return _never_confirmed().filter(pk=user.pk, listing_membership__role="owner").exists()


@transaction.atomic
def replace_sign_up(*, user, password: str, name: str, kind: str):
    """Someone signs up with the address of a sign-up never confirmed: the new sign-up
    wins. The account gets the new password and a new date_joined, and its draft listing
    is replaced by a fresh one with the new name and kind. A link emailed for the earlier
    sign-up stops working (the token covers the password), unless the password is the
    same (a double submit). Anything but an unconfirmed sign-up is left alone (in as
    long as a new sign-up takes). Returns the account as it now is."""
    from wagtail.models import PageLogEntry

    from providers.services import create_draft_listing

    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not is_unconfirmed_sign_up(user=user):
        # Hash the password anyway, and throw it away, as Django's ModelBackend does for
        # an unknown username: a new sign-up hashes it, and a quicker answer here would
        # tell whoever signs up that this address has an account.
        make_password(password)
        return user
    if not user.check_password(password):
        user.set_password(password)
    user.date_joined = timezone.now()
    user.save(update_fields=["password", "date_joined"])
    page = user.listing_membership.page
    page_id = page.pk
    page.delete()  # a draft nobody could edit yet: no photos, enquiries or checks
    PageLogEntry.objects.filter(page_id=page_id).delete()  # their titles are the old name
    create_draft_listing(user=user, name=name.strip(), kind=kind)
    return user
