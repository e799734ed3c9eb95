"""Freshness and expiry reminders. Safe to run every hour (cron or a task): each
reminder is recorded in ReminderLog under (listing, kind, the date it is about) before
it is sent, in one transaction, so a second run — or two overlapping runs — sends
nothing twice. A listing reconfirmed on a new date gets a new set of reminders."""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from providers.models import ProviderCheck, ProviderPage, ReminderLog

from .emails import send_listing_email

# Kinds of ReminderLog rows this module writes.
CONFIRM = "confirm"  # 90 days since confirmation
STALE = "stale"  # 180 days: shown as "may be out of date"
HIDDEN = "hidden"  # 365 days: out of search results until reconfirmed
CHECK_EXPIRING = {
    ProviderCheck.Kind.DBS: "dbs_expiring",
    ProviderCheck.Kind.INSURANCE: "insurance_expiring",
}
CHECK_REMINDER_DAYS = 30


def _freshness_kind(days: int) -> str | None:
    """The one freshness notice due after `days` days: only the most serious, so a
    listing that crossed two thresholds since the last run gets one email."""
    if days >= settings.LISTING_HIDE_AFTER_DAYS:
        return HIDDEN
    if days >= settings.LISTING_STALE_AFTER_DAYS:
        return STALE
    if days >= settings.LISTING_REMIND_AFTER_DAYS:
        return CONFIRM
    return None


TEMPLATES = {CONFIRM: "listing_reminder", STALE: "listing_stale", HIDDEN: "listing_hidden"}


def _send_once(*, page, kind: str, about, template: str, context: dict) -> bool:
    """Record then send, atomically: False if this reminder was already recorded."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(page=page, kind=kind, about=about)
            send_listing_email(page=page, template=template, context=context)
    except IntegrityError:
        return False
    return True


def send_listing_reminders(*, now=None) -> Counter:
    """Send every freshness and expiry reminder that is due and not yet sent.
    Returns {kind: number sent}."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent: Counter = Counter()

    cutoff = now - timedelta(days=settings.LISTING_REMIND_AFTER_DAYS)
    listings = (
        ProviderPage.objects.live()
        .filter(last_confirmed_at__lte=cutoff)
        .only("pk", "title", "last_confirmed_at")
        .order_by("pk")
    )
    done = set(
        ReminderLog.objects.filter(kind__in=TEMPLATES, page__in=listings.values("pk")).values_list(
            "page_id", "kind", "about"
        )
    )
    for page in listings.iterator(chunk_size=500):
        days = (now - page.last_confirmed_at).days
        kind = _freshness_kind(days)
        about = timezone.localdate(page.last_confirmed_at)
        if kind is None or (page.pk, kind, about) in done:
            continue
        context = {"days": days, "hide_after_days": settings.LISTING_HIDE_AFTER_DAYS}
        if _send_once(page=page, kind=kind, about=about, template=TEMPLATES[kind], context=context):
            sent[kind] += 1

    window = (today, today + timedelta(days=CHECK_REMINDER_DAYS))
    checks = (
        ProviderCheck.objects.filter(kind__in=CHECK_EXPIRING, expires_on__range=window)
        .select_related("page")
        .order_by("expires_on", "pk")
    )
    # An expiry reminder is about the check's expiry date, so those already sent for the
    # checks above are the ones of these kinds about a date in the same window.
    reminded = set(
        ReminderLog.objects.filter(
            kind__in=CHECK_EXPIRING.values(), about__range=window
        ).values_list("page_id", "kind", "about")
    )
    for check in checks:
        kind = CHECK_EXPIRING[check.kind]
        if (check.page_id, kind, check.expires_on) in reminded:
            continue
        context = {"check_name": check.get_kind_display(), "expires_on": check.expires_on}
        if _send_once(
            page=check.page,
            kind=kind,
            about=check.expires_on,
            template="check_expiring",
            context=context,
        ):
            sent[kind] += 1
    return sent
