"""Who may claim which listing."""

from django.utils.translation import gettext_lazy as _

from providers.accounts.services import is_provider_account
from providers.models import ListingClaim, ListingMembership, ProviderPage

NOT_CLAIMABLE = _("This listing cannot be claimed.")
ALREADY_RUN = _("This listing is already run by its provider.")
CLAIM_WAITING = _("Someone has already claimed this listing. A moderator is checking the claim.")
HAS_LISTING = _(
    "Your account already runs a published listing. One account can run one listing: "
    "sign out and create a new account to claim this one."
)
STAFF = _("Staff accounts cannot claim listings.")
NOT_A_PROVIDER = _(
    "The account that made this claim cannot run a listing: it is a staff account or has "
    "been deactivated."
)
OWN_CLAIM = _("You cannot approve your own claim.")


def claimable(*, page) -> bool:
    """Live, and run by nobody: shows "Is this your business?"."""
    return (
        isinstance(page, ProviderPage)
        and page.live
        and not ListingMembership.objects.filter(page_id=page.pk).exists()
    )


def pending_claim(*, user, page) -> ListingClaim | None:
    if not user.is_authenticated:
        return None
    return ListingClaim.objects.filter(
        claimant=user, page_id=page.pk, status=ListingClaim.Status.PENDING
    ).first()


def pending_claims(*, user) -> list[ListingClaim]:
    """The account's claims still waiting for a moderator, with their listings."""
    claims = ListingClaim.objects.filter(claimant=user, status=ListingClaim.Status.PENDING)
    return list(claims.select_related("page").order_by("created_at"))


def draft_to_replace(*, user) -> ProviderPage | None:
    """The listing a claim would replace: the account's own listing when it has never been
    published (the draft that sign-up creates). A published listing is never replaced."""
    membership = (
        ListingMembership.objects.filter(user=user, role=ListingMembership.Role.OWNER)
        .select_related("page")
        .first()
    )
    if membership and membership.page.first_published_at is None and not membership.page.live:
        return membership.page
    return None


def claim_refusal(*, user, page) -> str | None:
    """Why this account may not claim this listing, or None if it may. Only a provider's
    account may: staff are refused whether their admin access comes from is_staff or
    from a group (Moderators, Analysts), so no moderator can approve a claim of theirs."""
    if not user.is_authenticated:
        return str(NOT_CLAIMABLE)
    if not is_provider_account(user):
        return str(STAFF)
    if not isinstance(page, ProviderPage) or not page.live:
        return str(NOT_CLAIMABLE)
    if ListingMembership.objects.filter(page_id=page.pk).exists():
        return str(ALREADY_RUN)
    if ListingMembership.objects.filter(user=user).exists() and not draft_to_replace(user=user):
        return str(HAS_LISTING)
    if ListingClaim.objects.filter(page_id=page.pk, status=ListingClaim.Status.PENDING).exists():
        return str(CLAIM_WAITING)
    if ListingClaim.objects.filter(claimant=user, status=ListingClaim.Status.PENDING).exists():
        return str(_("You have already claimed another listing. Wait for a moderator's decision."))
    return None
