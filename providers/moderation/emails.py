"""Emails to the people who run a listing (every member's address). Plain text,
rendered from templates/providers/email/."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from home.text import one_line
from providers.models import ListingMembership

PORTAL_PATH = "/manage/"
logger = logging.getLogger(__name__)


def listing_recipients(*, page) -> list[str]:
    """The email addresses of every active account that runs the listing."""
    emails = (
        ListingMembership.objects.filter(page_id=page.pk, user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )
    return list(dict.fromkeys(emails))


def portal_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + PORTAL_PATH


def email_message(
    *, template: str, context: dict, recipients: list[str], reply_to: list[str] | None = None
) -> EmailMessage:
    """templates/providers/email/<template>_subject.txt and <template>.txt rendered as one
    message to `recipients` (the first in To, the rest in Bcc: each sees only their own).
    The subject is made one line (one_line): it holds names people typed, such as a
    listing's title, and a mail header may not hold a line break."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"providers/email/{template}_subject.txt", context)
    body = render_to_string(f"providers/email/{template}.txt", context)
    return EmailMessage(
        subject=one_line(subject),
        body=body,
        to=recipients[:1],
        bcc=recipients[1:],
        reply_to=reply_to,
    )


def send_listing_email(*, page, template: str, context: dict) -> int:
    """Send `template` to the listing's members."""
    recipients = listing_recipients(page=page)
    if not recipients:
        return 0
    context = {"listing": page, "portal_url": portal_url(), **context}
    return email_message(template=template, context=context, recipients=recipients).send()


def send_quietly(message: EmailMessage, *, what: str) -> None:
    """Send (after the commit); any failure (the mail server, or a message it cannot
    take, such as an address with a line break in it) is logged, never shown to the
    person as an error: what they sent is stored and staff see it in the admin or the
    portal."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError, ValueError):  # ValueError: a header it refuses
        logger.exception("could not email %s", what)
