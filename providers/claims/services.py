"""Writes for claims. Each re-checks the rules inside a transaction; the database's
unique constraints (one pending claim per listing, one per account; one listing per
account) settle any race."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from providers.accounts.services import is_provider_account
from providers.models import ListingClaim, ListingMembership, ProviderPage

from . import emails
from .selectors import (
    ALREADY_RUN,
    HAS_LISTING,
    NOT_A_PROVIDER,
    OWN_CLAIM,
    claim_refusal,
    draft_to_replace,
)


class ClaimRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = str(reason)


def submit_claim(*, user, page, message: str) -> ListingClaim:
    """A new pending claim; ClaimRefused (with the reason) if this account may not."""
    if reason := claim_refusal(user=user, page=page):
        raise ClaimRefused(reason)
    try:
        with transaction.atomic():
            claim = ListingClaim.objects.create(page=page, claimant=user, message=message.strip())
    except IntegrityError:
        raise ClaimRefused(claim_refusal(user=user, page=page) or "") from None
    transaction.on_commit(lambda: emails.notify_new_claim(claim=claim))
    return claim


@transaction.atomic
def approve_claim(*, claim: ListingClaim, moderator, note: str = "") -> None:
    """The claimant becomes the listing's owner and runs it through the portal. A draft
    that was never published (the one sign-up creates) is deleted: it gives way. Nobody
    approves their own claim, nor one made by an account that is no longer a provider's
    (made staff or deactivated since)."""
    claim = ListingClaim.objects.select_for_update().select_related("claimant").get(pk=claim.pk)
    if claim.status != ListingClaim.Status.PENDING:
        raise ClaimRefused("This claim has already been decided.")
    if claim.claimant_id == moderator.pk:
        raise ClaimRefused(str(OWN_CLAIM))
    if not is_provider_account(claim.claimant):
        raise ClaimRefused(str(NOT_A_PROVIDER))
    if ListingMembership.objects.filter(page_id=claim.page_id).exists():
        raise ClaimRefused(str(ALREADY_RUN))
    if ListingMembership.objects.filter(user_id=claim.claimant_id).exists():
        draft = draft_to_replace(user=claim.claimant)
        if draft is None:
            raise ClaimRefused(str(HAS_LISTING))
        draft.delete()  # its membership goes with it
    ListingMembership.objects.create(
        user_id=claim.claimant_id, page_id=claim.page_id, role=ListingMembership.Role.OWNER
    )
    ProviderPage.objects.filter(pk=claim.page_id).update(owner_id=claim.claimant_id)
    _decide(claim, ListingClaim.Status.APPROVED, moderator, note)


@transaction.atomic
def reject_claim(*, claim: ListingClaim, moderator, note: str = "") -> None:
    claim = ListingClaim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ListingClaim.Status.PENDING:
        raise ClaimRefused("This claim has already been decided.")
    _decide(claim, ListingClaim.Status.REJECTED, moderator, note)


def _decide(claim, status, moderator, note):
    claim.status = status
    claim.decided_by = moderator
    claim.decided_at = timezone.now()
    claim.decision_note = note.strip()
    claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    transaction.on_commit(lambda: emails.notify_decision(claim=claim))
