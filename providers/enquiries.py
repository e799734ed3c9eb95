"""Writes for what the public sends about a listing: relayed enquiries and problem reports,
and moderators resolving a report. (Kept apart from services.py, which holds the listing's
own writes.) Each send is idempotent by its submission token: a double submit or a retry
returns the first one and sends no second email."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Case, When
from django.utils import timezone

from home.models import SiteSettings

from .models import Enquiry, ListingMembership, ProblemReport, ProviderPage
from .moderation.emails import email_message, send_quietly


@dataclass(frozen=True)
class Sent:
    """What a send returns: the stored object, and whether this call created it."""

    obj: Enquiry | ProblemReport
    created: bool


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def provider_recipients(*, page: ProviderPage) -> list[str]:
    """Who hears about an enquiry: the listing's members (the owner first, then co-editors)
    by their account email, else the listing's own enquiry email."""
    owner_first = Case(When(role=ListingMembership.Role.OWNER, then=0), default=1)
    member_emails = (
        ListingMembership.objects.filter(page_id=page.pk, user__is_active=True)
        .exclude(user__email="")
        .order_by(owner_first, "user__email")
        .values_list("user__email", flat=True)
    )
    recipients = list(dict.fromkeys(member_emails))
    if not recipients and page.email:
        recipients = [page.email]
    return recipients


def can_receive_enquiries(*, page: ProviderPage) -> bool:
    """Whether anyone would hear about a message sent through the site: a listing no one
    manages yet (imported, not claimed) with no email of its own offers no contact form,
    rather than one whose messages go nowhere."""
    return bool(provider_recipients(page=page))


def _site_settings(page: ProviderPage) -> SiteSettings:
    site = page.get_site()
    return SiteSettings.for_site(site) if site else SiteSettings()


def _site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _create_once(model, *, submission_token: str, **fields) -> Sent:
    existing = model.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        return Sent(existing, False)
    try:
        with transaction.atomic():
            obj = model.objects.create(submission_token=submission_token, **fields)
    except IntegrityError:  # the same form sent twice at once: the other request won
        return Sent(model.objects.get(submission_token=submission_token), False)
    return Sent(obj, True)


def send_enquiry(
    *,
    page: ProviderPage,
    name: str,
    reply_to: str,
    message: str,
    consent: bool,
    submission_token: str,
) -> Sent:
    """Store an enquiry and email it to the provider (once, after the commit)."""
    if not consent:
        raise ValueError("an enquiry is relayed only with consent to pass it on")
    sent = _create_once(
        Enquiry,
        submission_token=submission_token,
        page=page,
        name=name,
        reply_to=reply_to,
        message=message,
        consent=consent,
    )
    if sent.created:
        enquiry = sent.obj
        transaction.on_commit(lambda: _email_enquiry(page=page, enquiry=enquiry))
    return sent


def _email_enquiry(*, page: ProviderPage, enquiry: Enquiry) -> None:
    recipients = provider_recipients(page=page)
    if not recipients:
        return
    service = _site_settings(page).service_name
    message = email_message(
        template="enquiry",
        context={"page": page, "enquiry": enquiry, "service": service, "site_url": _site_url()},
        recipients=recipients,
        reply_to=[enquiry.reply_to] if _is_email(enquiry.reply_to) else None,
    )
    send_quietly(message, what=f"enquiry {enquiry.pk}")


def report_problem(
    *,
    page: ProviderPage,
    reason: str,
    details: str = "",
    reporter_email: str = "",
    submission_token: str,
) -> Sent:
    """Store a problem report for moderators. A safeguarding concern is also emailed to the
    site's contact address straight away."""
    sent = _create_once(
        ProblemReport,
        submission_token=submission_token,
        page=page,
        reason=reason,
        details=details,
        reporter_email=reporter_email,
    )
    if sent.created and reason == ProblemReport.Reason.SAFEGUARDING:
        report = sent.obj
        transaction.on_commit(lambda: _email_safeguarding(page=page, report=report))
    return sent


def _email_safeguarding(*, page: ProviderPage, report: ProblemReport) -> None:
    site_settings = _site_settings(page)
    if not site_settings.contact_email:
        return
    message = email_message(
        template="safeguarding",
        context={
            "page": page,
            "report": report,
            "service": site_settings.service_name,
            "site_url": _site_url(),
        },
        recipients=[site_settings.contact_email],
        reply_to=[report.reporter_email] if report.reporter_email else None,
    )
    send_quietly(message, what=f"safeguarding report {report.pk}")


def resolve_problem_report(*, report: ProblemReport, user, note: str) -> ProblemReport:
    """A moderator marks a report resolved, saying what was done."""
    report.status = ProblemReport.Status.RESOLVED
    report.resolution_note = note
    report.resolved_at = timezone.now()
    report.resolved_by = user
    report.save(update_fields=["status", "resolution_note", "resolved_at", "resolved_by"])
    return report


def reopen_problem_report(*, report: ProblemReport) -> ProblemReport:
    report.status = ProblemReport.Status.OPEN
    report.resolved_at = None
    report.resolved_by = None
    report.save(update_fields=["status", "resolved_at", "resolved_by"])
    return report


def delete_enquiry(*, enquiry: Enquiry) -> None:
    """The listing's provider deletes a message: it holds someone's personal details."""
    enquiry.delete()


def delete_old_enquiries(*, now=None) -> int:
    """Delete messages received more than ENQUIRY_RETENTION_DAYS ago (the copy emailed to
    the provider is theirs to keep or delete). Returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    deleted, _ = Enquiry.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def delete_old_problem_reports(*, now=None) -> int:
    """Delete problem reports resolved more than PROBLEM_REPORT_RETENTION_DAYS ago (they
    may hold the reporter's email address and details of a person). An open report,
    reopened ones included, is kept however old: it has not been dealt with."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PROBLEM_REPORT_RETENTION_DAYS)
    deleted, _ = ProblemReport.objects.filter(
        status=ProblemReport.Status.RESOLVED, resolved_at__lt=cutoff
    ).delete()
    return deleted
