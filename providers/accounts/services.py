"""Writes about provider accounts: sign up, confirm, co-editors (changing the email
address: email_change.py; deleting an account: deletion.py).
Small keyword-only functions; the views call these and nothing else writes."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from home import ratelimit
from home.text import one_line

from .tokens import email_confirmation_token

logger = logging.getLogger(__name__)


def normalise_email(value: str) -> str:
    """Email addresses are usernames and compared case-insensitively: store them lower case."""
    return (value or "").strip().lower()


def account_for_email(email: str):
    """The account using this address (as its username or email), or None."""
    email = normalise_email(email)
    if not email:
        return None
    User = get_user_model()
    return (
        User.objects.filter(username__iexact=email).first()
        or User.objects.filter(email__iexact=email).first()
    )


def unconfirmed_account(*, email: str, password: str):
    """The account waiting for this address to be confirmed, if the password is right.
    The password is hashed whatever the address (as Django's ModelBackend does for an
    unknown username), so how long a failed sign-in takes does not tell which addresses
    have an account waiting."""
    user = get_user_model().objects.filter(username=normalise_email(email)).first()
    if user is None or user.is_active:
        make_password(password)
        return None
    if not password or not user.check_password(password):
        return None
    return user


# The same kind of email goes to the same address at most once in this many seconds, so
# nobody can fill a stranger's inbox by submitting their address over and over.
EMAIL_REPEAT_SECONDS = 120


def first_in_window(*, kind: str, to: str) -> bool:
    """True the first time in EMAIL_REPEAT_SECONDS that `kind` is sent to `to`."""
    return cache.add(f"accounts-email:{kind}:{normalise_email(to)}", 1, EMAIL_REPEAT_SECONDS)


def send_email(*, to: str, template: str, context: dict, throttle: bool = False) -> bool:
    """Send a plain-text email whose first line is the subject (made one line: a name in
    it, such as a listing's title, may hold a carriage return). A mail server that is
    down is logged, not shown as a server error: each page that sends offers a way to
    send again. With throttle=True, a repeat within EMAIL_REPEAT_SECONDS is skipped."""
    if throttle and not first_in_window(kind=template, to=to):
        return False
    text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    try:
        send_mail(one_line(subject), body.strip() + "\n", None, [to])
    except (smtplib.SMTPException, OSError):
        logger.exception("could not send %s", template)
        return False
    return True


def send_verification_email(*, request, user) -> bool:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_confirmation_token.make_token(user)
    link = request.build_absolute_uri(
        reverse("accounts:confirm_email", kwargs={"uidb64": uid, "token": token})
    )
    return send_email(
        to=user.email,
        template="providers/accounts/emails/confirm_email.txt",
        context={"link": link, "user": user},
        throttle=True,
    )


def sign_up(*, email: str, password: str, name: str, kind: str):
    """Create an unconfirmed account (inactive until its email address is confirmed) and
    its draft listing, in one transaction. Returns (account, created). An address already
    in use returns that account and created=False, so a double submit, or two submits
    racing each other, make one account. If that account is a sign-up never confirmed,
    this sign-up replaces it (unconfirmed.replace_sign_up): whoever signed up first
    cannot choose the password of an address they do not control."""
    from providers.services import create_draft_listing

    from .unconfirmed import replace_sign_up

    email = normalise_email(email)
    existing = account_for_email(email)
    if existing is None:
        User = get_user_model()
        try:
            with transaction.atomic():
                user = User(username=email, email=email, is_active=False)
                user.set_password(password)
                user.save()
                create_draft_listing(user=user, name=name.strip(), kind=kind)
        except IntegrityError:
            existing = account_for_email(email)
            if existing is None:
                raise
        else:
            return user, True
    return replace_sign_up(user=existing, password=password, name=name, kind=kind), False


def sign_up_allowed(*, address: str) -> bool:
    """Count one sign-up from this client address; False once it has made
    SIGN_UPS_PER_ADDRESS_PER_HOUR this hour."""
    return ratelimit.consume(
        scope="sign-up",
        address=address,
        limit=settings.SIGN_UPS_PER_ADDRESS_PER_HOUR,
        window_seconds=3600,
    )


def send_sign_up_emails(*, request, user, created: bool) -> None:
    """After a sign-up: a confirmation link for a new or still unconfirmed account; a
    note to the owner of an address already in use (the page shown is the same either
    way, so sign-up does not reveal which addresses have accounts)."""
    if created or not user.is_active:
        send_verification_email(request=request, user=user)
    else:
        send_email(
            to=user.email,
            template="providers/accounts/emails/already_registered.txt",
            throttle=True,
            context={
                "sign_in": request.build_absolute_uri(reverse("accounts:sign_in")),
                "reset": request.build_absolute_uri(reverse("accounts:password_reset")),
            },
        )


def user_from_uidb64(uidb64: str):
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        return get_user_model().objects.filter(pk=int(pk)).first()
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None


def confirmation_account(*, uidb64: str, token: str):
    """The sign-up a confirmation link was sent to, or None when the link is wrong,
    already used or expired, or the account is not a sign-up waiting to be confirmed
    (one staff deactivated cannot reactivate itself this way)."""
    from .unconfirmed import is_unconfirmed_sign_up

    user = user_from_uidb64(uidb64)
    if user is None or user.is_active or not email_confirmation_token.check_token(user, token):
        return None
    return user if is_unconfirmed_sign_up(user=user) else None


def confirm_email(*, user) -> None:
    """Activate a sign-up (confirmation_account; its password checked by the view's form):
    its link stops working, as the token covers is_active."""
    user.is_active = True
    user.save(update_fields=["is_active"])


def is_provider_account(user) -> bool:
    """A provider's account, as opposed to a staff member's: no admin access at all."""
    return (
        user.is_authenticated
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not user.has_perm("wagtailadmin.access_admin")
    )
