"""Changing a provider account's email address: a link goes to the new address and the
change happens only when it is followed, by the same account, within CHANGE_EMAIL_MAX_AGE.
The link names no address: the address waits in an EmailChange row."""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import EmailChange
from .services import account_for_email, normalise_email, send_email

CHANGE_EMAIL_SALT = "providers.accounts.change_email"
CHANGE_EMAIL_MAX_AGE = 3 * 24 * 60 * 60


class EmailChangeFailed(Exception):
    """The link is wrong, expired, already used, replaced by a later request for another
    address, or the address was taken meanwhile."""


def _address_digest(email: str) -> str:
    """Tells the link's address from a later request's without naming it (keyed, so it
    cannot be matched against a list of addresses)."""
    return salted_hmac(CHANGE_EMAIL_SALT, email, algorithm="sha256").hexdigest()[:24]


def change_email_token(*, user, new_email: str) -> str:
    return signing.dumps(
        {"user": user.pk, "new": _address_digest(new_email)}, salt=CHANGE_EMAIL_SALT
    )


def request_email_change(*, request, user, new_email: str) -> None:
    """Send a link to the new address and a note to the current one, each at most once in
    EMAIL_REPEAT_SECONDS (send_email's throttle). Asking for another address makes earlier
    links fail; asking for the same one again keeps them working (the repeat may not be
    sent). An address that already has an account gets a note instead, and the page shown
    is the same, so the form does not reveal which addresses have accounts."""
    new_email = normalise_email(new_email)
    if account_for_email(new_email) is not None:
        send_email(
            to=new_email,
            template="providers/accounts/emails/change_email_taken.txt",
            context={},
            throttle=True,
        )
        return
    EmailChange.objects.update_or_create(
        user=user, defaults={"new_email": new_email, "requested_at": timezone.now()}
    )
    token = change_email_token(user=user, new_email=new_email)
    link = request.build_absolute_uri(
        reverse("accounts:change_email_confirm", kwargs={"token": token})
    )
    send_email(
        to=new_email,
        template="providers/accounts/emails/change_email_confirm.txt",
        context={"link": link},
        throttle=True,
    )
    send_email(
        to=user.email,
        template="providers/accounts/emails/change_email_requested.txt",
        context={"new_email": new_email},
        throttle=True,
    )


@transaction.atomic
def confirm_email_change(*, user, token: str) -> str:
    """Apply the change the link asks for, if it was made for this account and its latest
    request. Returns the old address."""
    try:
        data = signing.loads(token, salt=CHANGE_EMAIL_SALT, max_age=CHANGE_EMAIL_MAX_AGE)
    except signing.BadSignature as error:  # includes SignatureExpired
        raise EmailChangeFailed from error
    if not isinstance(data, dict) or data.get("user") != user.pk:
        raise EmailChangeFailed
    change = EmailChange.objects.select_for_update().filter(user=user).first()
    if change is None or not constant_time_compare(
        _address_digest(change.new_email), str(data.get("new"))
    ):
        raise EmailChangeFailed
    other = account_for_email(change.new_email)
    if other is not None and other.pk != user.pk:
        raise EmailChangeFailed
    old = user.email
    try:
        with transaction.atomic():
            user.username = user.email = change.new_email
            user.save(update_fields=["username", "email"])
    except IntegrityError as error:
        raise EmailChangeFailed from error
    change.delete()
    return old


def delete_expired_email_changes(*, now=None) -> int:
    """Delete requests whose link has expired, with the address they name. Returns how many."""
    now = now or timezone.now()
    expired = EmailChange.objects.filter(
        requested_at__lt=now - timedelta(seconds=CHANGE_EMAIL_MAX_AGE)
    )
    return expired.delete()[0]
