"""Writes about a Shared Lives scheme's co-editors: invite by email, accept, remove.

Only the listing's owner invites and removes (access.scheme_owner_required); the views
fetch memberships and invitations through the owner's listing, so another listing's
ids are simply not found."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home import ratelimit
from home.shell import site_shell
from providers.models import ListingMembership

from .models import CoEditorInvitation
from .services import account_for_email, normalise_email, send_email

INVITATION_SALT = "providers.accounts.invitation"
INVITATION_MAX_AGE = 7 * 24 * 60 * 60
# Invitations sent are counted per listing over a rolling day (home.ratelimit).
SENT_SCOPE, SENT_WINDOW = "co-editor-invitations", 24 * 60 * 60


class AddressHasAccount(Exception):
    """The address already has an account (and one account runs one listing)."""


class AlreadyEditor(Exception):
    """The address is the owner's or a co-editor's of this listing: nothing to invite."""


class TooManyWaiting(Exception):
    """The listing has CO_EDITOR_INVITATIONS_WAITING invitations waiting already."""


class TooManyToday(Exception):
    """The listing has sent CO_EDITOR_INVITATIONS_PER_DAY invitations in 24 hours."""


class InvitationInvalid(Exception):
    """The link is wrong, expired, cancelled or already used."""


def invite_co_editor(*, request, listing, email: str, invited_by) -> CoEditorInvitation:
    """Invite `email` to co-edit `listing` and email them. Inviting the same address again
    resends the open invitation instead of making another; any one address gets at most
    one such email every few minutes (send_email's throttle), however many listings
    invite it. The owner sees the same whether or not the address has an account, so the
    form does not reveal which addresses have one: an address with an account (which can
    run only one listing) gets an email saying so instead of a link, and its invitation
    waits, unusable, until the owner cancels it. AlreadyEditor if the address can already
    edit this listing (the owner sees those on the page anyway). TooManyToday if the
    listing has sent CO_EDITOR_INVITATIONS_PER_DAY invitations in the last 24 hours
    (resent and cancelled ones too: each was an email to an address the owner chose).
    TooManyWaiting if the listing has CO_EDITOR_INVITATIONS_WAITING new addresses invited
    already. The email names the listing only as a moderator approved it
    (approved_name), and says who sent it."""
    email = normalise_email(email)
    account = account_for_email(email)
    if account is not None and listing.memberships.filter(user=account).exists():
        raise AlreadyEditor
    now = time.time()
    if not _count_sent(listing=listing, now=now):
        raise TooManyToday
    waiting = CoEditorInvitation.objects.filter(page=listing)
    if (
        not waiting.filter(email=email).exists()
        and waiting.count() >= settings.CO_EDITOR_INVITATIONS_WAITING
    ):
        _uncount_sent(listing=listing, now=now)
        raise TooManyWaiting
    invitation = _open_invitation(listing=listing, email=email, invited_by=invited_by)
    context = {
        "listing_name": approved_name(listing=listing),
        "invited_by": invited_by.email,
        "service_name": site_shell(Site.find_for_request(request))["service_name"],
    }
    if account is not None:
        template = "invitation_address_taken.txt"
    else:
        token = signing.dumps(invitation.pk, salt=INVITATION_SALT)
        link = reverse("accounts:accept_invitation", kwargs={"token": token})
        template, context["link"] = "invitation.txt", request.build_absolute_uri(link)
    sent = send_email(
        to=email, template="providers/accounts/emails/" + template, context=context, throttle=True
    )
    if not sent:  # a repeat within minutes, or the mail server is down: nothing went out
        _uncount_sent(listing=listing, now=now)
    return invitation


def approved_name(*, listing) -> str:
    """The listing's name as a moderator approved it, for what an invited person reads:
    the live row's title, or "" while it is not published (a draft's name is whatever
    its provider typed, and the invitation goes to an address they chose)."""
    return listing.title if listing.live else ""


def _count_sent(*, listing, now: float) -> bool:
    """Count one more invitation sent for this listing; False, not counted, if it has
    sent CO_EDITOR_INVITATIONS_PER_DAY in the last 24 hours."""
    return ratelimit.consume_rolling(
        scope=SENT_SCOPE,
        address=str(listing.pk),
        limit=settings.CO_EDITOR_INVITATIONS_PER_DAY,
        window_seconds=SENT_WINDOW,
        now=now,
    )


def _uncount_sent(*, listing, now: float) -> None:
    ratelimit.give_back_rolling(
        scope=SENT_SCOPE, address=str(listing.pk), window_seconds=SENT_WINDOW, now=now
    )


def _open_invitation(*, listing, email: str, invited_by) -> CoEditorInvitation:
    """The listing's invitation to this address, made now, or the one already waiting,
    whose new link lasts INVITATION_MAX_AGE from now."""
    try:
        with transaction.atomic():
            invitation, created = CoEditorInvitation.objects.get_or_create(
                page=listing, email=email, defaults={"invited_by": invited_by}
            )
    except IntegrityError:
        invitation = CoEditorInvitation.objects.get(page=listing, email=email)
        created = False
    if not created:
        invitation.created_at = timezone.now()
        CoEditorInvitation.objects.filter(pk=invitation.pk).update(created_at=invitation.created_at)
    return invitation


def invitation_for_token(token: str) -> CoEditorInvitation:
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature as error:
        raise InvitationInvalid from error
    invitation = CoEditorInvitation.objects.filter(pk=pk).select_related("page").first()
    if invitation is None or not invitation.page.specific.is_shared_lives:
        raise InvitationInvalid
    return invitation


@transaction.atomic
def accept_invitation(*, invitation_id: int, password: str):
    """Create the co-editor's account (confirmed: the link came to its address) and its
    membership, and delete the invitation. A second submit finds no invitation and raises
    InvitationInvalid."""
    invitation = CoEditorInvitation.objects.select_for_update().filter(pk=invitation_id).first()
    if invitation is None:
        raise InvitationInvalid
    if account_for_email(invitation.email) is not None:
        raise AddressHasAccount
    User = get_user_model()
    user = User(username=invitation.email, email=invitation.email, is_active=True)
    user.set_password(password)
    user.save()
    ListingMembership.objects.create(
        user=user, page_id=invitation.page_id, role=ListingMembership.Role.CO_EDITOR
    )
    invitation.delete()  # nothing needs it now, and it holds the address
    return user


def delete_expired_invitations(*, now=None) -> int:
    """Delete invitations whose link has expired (INVITATION_MAX_AGE after the last one
    was sent). Returns how many."""
    now = now or timezone.now()
    expired = CoEditorInvitation.objects.filter(
        created_at__lt=now - timedelta(seconds=INVITATION_MAX_AGE)
    )
    return expired.delete()[0]


def remove_co_editor(*, listing, membership_id: int) -> bool:
    """The co-editor loses the listing; their account stays (they may delete it). False
    when this listing has no such co-editor."""
    memberships = listing.memberships.filter(
        pk=membership_id, role=ListingMembership.Role.CO_EDITOR
    )
    return memberships.delete()[0] > 0


def cancel_invitation(*, listing, invitation_id: int) -> bool:
    invitations = listing.co_editor_invitations.filter(pk=invitation_id)
    return invitations.delete()[0] > 0


def make_owner(*, request, listing, membership_id: int, by) -> ListingMembership | None:
    """The owner (`by`) hands the listing to one of its co-editors and stays on as a
    co-editor: the new owner manages who can edit and may delete the listing, so a scheme
    keeps its listing when the person who set it up leaves. The new owner is emailed.
    None, and nothing changed, when this listing has no such co-editor or `by` is no
    longer its owner (two tabs, a double submit)."""
    from providers.models import ProviderPage

    Role = ListingMembership.Role
    with transaction.atomic():
        memberships = {m.pk: m for m in listing.memberships.select_for_update()}
        target = memberships.get(membership_id)
        current = next(
            (m for m in memberships.values() if m.user_id == by.pk and m.role == Role.OWNER),
            None,
        )
        if target is None or current is None or target.role != Role.CO_EDITOR:
            return None
        target.role, current.role = Role.OWNER, Role.CO_EDITOR
        ListingMembership.objects.bulk_update([target, current], ["role"])
        ProviderPage.objects.filter(pk=listing.pk).update(owner_id=target.user_id)
    send_email(
        to=target.user.email,
        template="providers/accounts/emails/now_owner.txt",
        context={
            "listing": listing,
            "link": request.build_absolute_uri(reverse("accounts:editors")),
        },
    )
    return target
