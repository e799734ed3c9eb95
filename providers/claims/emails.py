"""Emails about claims: Moderators hear of each new claim, and the claimant hears the
decision. Plain text from templates/providers/email/; sent after the commit, and a mail
server failure is only logged (the claim is stored and the admin lists it)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from providers.models import ListingClaim
from providers.moderation.emails import email_message, portal_url, send_quietly
from providers.moderation.workflow import MODERATORS


def _moderator_emails() -> list[str]:
    emails = (
        get_user_model()
        .objects.filter(groups__name=MODERATORS, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(emails))


def notify_new_claim(*, claim: ListingClaim) -> None:
    """Tell the Moderators a listing was claimed, with a link to decide the claim."""
    recipients = _moderator_emails()
    if not recipients:
        return
    decide_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "listing_claims:decide", args=[claim.pk]
    )
    context = {"claim": claim, "listing": claim.page, "decide_url": decide_url}
    message = email_message(template="claim_received", context=context, recipients=recipients)
    send_quietly(message, what=f"claim {claim.pk}")


def notify_decision(*, claim: ListingClaim) -> None:
    """Tell the claimant whether the claim was approved (and where to manage the
    listing) or rejected (with the moderator's note)."""
    email = claim.claimant.email
    if not email or not claim.claimant.is_active:
        return
    template = {
        ListingClaim.Status.APPROVED: "claim_approved",
        ListingClaim.Status.REJECTED: "claim_rejected",
    }.get(claim.status)
    if template is None:
        return
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "claim": claim,
        "listing": claim.page,
        "portal_url": portal_url(),
        "claim_url": base_url + reverse("claims:claim", args=[claim.page.slug]),
    }
    message = email_message(template=template, context=context, recipients=[email])
    send_quietly(message, what=f"claim {claim.pk} decision")
