"""Writes of the survey: start, save, submit, erase, invite, purge. Keyword-only and
small; views call these and never write responses themselves."""

import contextlib
import datetime
import logging
import secrets
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from home.text import one_line

from .models import Invitation, Response, Wave
from .selectors import hash_code

logger = logging.getLogger(__name__)

# Crockford's base32 (no I, L, O, U): 12 characters = 60 random bits.
RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 12
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class SurveyError(Exception):
    """A rule of the survey that the respondent should be told about."""


class WaveNotOpen(SurveyError):
    pass


class AlreadySubmitted(SurveyError):
    pass


class InvitationUsed(SurveyError):
    pass


class Incomplete(SurveyError):
    def __init__(self, steps):
        super().__init__("incomplete")
        self.steps = steps


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def format_receipt_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_receipt_code(text: str) -> str | None:
    """Upper case, without spaces or hyphens, look-alike letters read as digits;
    None unless exactly 12 characters of the alphabet remain."""
    code = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOKALIKES)
    if len(code) != RECEIPT_LENGTH or any(ch not in RECEIPT_ALPHABET for ch in code):
        return None
    return code


def start_response(*, wave: Wave, invitation: Invitation | None = None) -> tuple[Response, str]:
    """A new draft and its receipt code (returned once; only its hash is stored)."""
    if not wave.is_open:
        raise WaveNotOpen(wave)
    if invitation is not None and (invitation.used_at is not None or invitation.wave_id != wave.pk):
        raise InvitationUsed(invitation)
    code = new_receipt_code()
    response = Response.objects.create(
        wave=wave, invitation=invitation, receipt_hash=hash_code(code)
    )
    return response, code


def save_answers(*, response: Response, step_slug: str, answers: dict) -> Response:
    """Store one page's answers on a draft and mark the page answered."""
    from .forms import applicable_steps

    if not response.wave.is_open:
        raise WaveNotOpen(response.wave)
    with transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk)
        if locked.status != Response.Status.DRAFT:
            raise AlreadySubmitted(locked)
        for name, value in answers.items():
            setattr(locked, name, value)
        if step_slug not in locked.completed_steps:
            locked.completed_steps = [*locked.completed_steps, step_slug]
        # A page these answers closed (consent withdrawn) is asked again if they reopen it.
        open_pages = {step.slug for step in applicable_steps(locked)}
        locked.completed_steps = [s for s in locked.completed_steps if s in open_pages]
        locked.save()
    return locked


def submit_response(*, response_id: int) -> Response:
    """Turn a complete draft into a submitted response. Idempotent: submitting a response
    that is already submitted returns it unchanged, so a double click or a retry after a
    timeout stores exactly one response. An invitation is spent in the same transaction."""
    from .forms import missing_steps

    with transaction.atomic():
        response = Response.objects.select_for_update().select_related("wave").get(pk=response_id)
        if response.status == Response.Status.SUBMITTED:
            return response
        if not response.wave.is_open:
            raise WaveNotOpen(response.wave)
        missing = missing_steps(response)
        if missing:
            raise Incomplete(missing)
        now = timezone.now()
        if response.invitation_id is not None:
            spent = Invitation.objects.filter(
                pk=response.invitation_id, used_at__isnull=True
            ).update(used_at=now)
            if not spent:
                raise InvitationUsed(response.invitation_id)
        response.status = Response.Status.SUBMITTED
        response.submitted_at = now
        response.save(update_fields=["status", "submitted_at", "updated_at"])
    return response


def release_spent_invitation(*, response: Response) -> Response:
    """A draft whose invitation someone else has since used goes on through the open
    link (which anyone may answer), so its answers are not lost."""
    if response.invitation_id is None or response.status != Response.Status.DRAFT:
        return response
    if Invitation.objects.filter(pk=response.invitation_id, used_at__isnull=False).exists():
        Response.objects.filter(pk=response.pk, status=Response.Status.DRAFT).update(
            invitation=None
        )
        response.invitation_id = None
    return response


def erase_response(*, response_id: int) -> bool:
    """Delete the response row (the respondent's right to erasure). True if it existed."""
    deleted, _ = Response.objects.filter(pk=response_id).delete()
    return bool(deleted)


def create_invitation(*, wave: Wave, email: str, mailer=None) -> Invitation:
    """A one-use invitation to `wave`, emailed to `email` (through `mailer`, a mail
    connection, if given). The address is used for this email only and not stored; the
    token is stored only as a hash. A mail error is raised, and no invitation kept."""
    token = secrets.token_urlsafe(32)
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "survey:invitation", kwargs={"token": token}
    )
    context = {"wave": wave, "link": link}
    message = EmailMessage(
        subject=one_line(render_to_string("survey/email/invitation_subject.txt", context)),
        body=render_to_string("survey/email/invitation.txt", context),
        to=[email],
    )
    with transaction.atomic():
        invitation = Invitation.objects.create(wave=wave, token_hash=hash_code(token))
        (mailer or mailers.default).send_messages([message])
    return invitation


def send_invitations(*, wave: Wave, emails: list[str]) -> tuple[list[str], list[str]]:
    """Invite each address to `wave` over one mail connection. An address the mail
    server refuses, or every one after it went down, gets no invitation; the others are
    still sent. Returns (sent, failed) addresses."""
    sent, failed = [], []
    mailer = mailers.default
    for email in emails:
        try:
            mailer.open()  # once: it stays open for the next address
            create_invitation(wave=wave, email=email, mailer=mailer)
        except (smtplib.SMTPException, OSError):
            logger.exception("could not send a survey invitation")  # never the address
            failed.append(email)
            _close_quietly(mailer)  # the next address opens a fresh connection
        else:
            sent.append(email)
    _close_quietly(mailer)
    return sent, failed


def _close_quietly(connection) -> None:
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


# One form of invitations is sent once: a double submit, or the browser's back button
# and submit again, sends nothing more. Kept as long as an admin page could stay open.
INVITATION_BATCH_SECONDS = 24 * 60 * 60


def claim_invitation_batch(*, batch: str) -> bool:
    """True the first time this form's `batch` token is claimed (and for a form sent
    without one)."""
    if not batch:
        return True
    return cache.add(f"survey-invitation-batch:{batch}", 1, INVITATION_BATCH_SECONDS)


def purge_responses(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete submitted responses older than SURVEY_RETENTION_DAYS and abandoned drafts
    older than SURVEY_DRAFT_RETENTION_DAYS. Every closed wave's disclosure-controlled
    tables are published first (once), so purging never loses them; nothing else outside
    the response table is touched."""
    from survey.tables.services import publish_closed_waves

    publish_closed_waves()
    now = now or timezone.now()
    retention = datetime.timedelta(days=settings.SURVEY_RETENTION_DAYS)
    draft_retention = datetime.timedelta(days=settings.SURVEY_DRAFT_RETENTION_DAYS)
    submitted, _ = Response.objects.filter(
        status=Response.Status.SUBMITTED, submitted_at__lt=now - retention
    ).delete()
    drafts, _ = Response.objects.filter(
        status=Response.Status.DRAFT, updated_at__lt=now - draft_retention
    ).delete()
    return {"submitted": submitted, "drafts": drafts}
