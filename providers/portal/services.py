"""Writes for the provider portal. Nothing here ever publishes: edits become Wagtail
revisions, and only a moderator approving the workflow makes them live."""

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState
from wagtail.utils.file import hash_filelike

from home import ratelimit
from providers.models import Enquiry, ProviderCheck, ProviderPage, ProviderPhoto
from providers.moderation.workflow import submit_for_moderation
from providers.selectors import must_keep_check, removed_photo_is_kept
from providers.services import reconfirm_listing

from .photo_files import without_metadata
from .selectors import (
    active_workflow_state,
    draft_only_image_ids,
    has_changes_to_discard,
    missing_for_submission,
)

MAX_PHOTOS = 6


class NoWorkflow(Exception):
    """The directory has no moderation workflow, so nothing can be submitted."""


class ListingLocked(Exception):
    """A moderator has locked the listing (Wagtail's page lock): its provider can change
    nothing and submit nothing until it is unlocked."""


def _refuse_if_locked(page: ProviderPage) -> None:
    # Read from the database: `page` may be a draft built from an older revision.
    if ProviderPage.objects.filter(pk=page.pk, locked=True).exists():
        raise ListingLocked


@dataclass(frozen=True)
class DraftSaved:
    revision: Revision
    withdrawn: bool  # a submission waiting for approval was withdrawn by this change


def _lock(page: ProviderPage) -> ProviderPage:
    """The listing's row, locked until the transaction ends so that its changes are made
    one at a time: a second change waits here, then reads what the first saved."""
    page = ProviderPage.objects.select_for_update().get(pk=page.pk)
    _refuse_if_locked(page)
    return page


@transaction.atomic
def save_draft(*, page: ProviderPage, user, edit: Callable[[ProviderPage], object]) -> DraftSaved:
    """Apply `edit` (one section's changes) to the listing's latest revision, read under
    the row lock, and save the result as a new revision: two saves at once (two tabs,
    co-editors) each keep the other's changes. The live version is untouched."""
    page = _lock(page)
    draft = page.get_latest_revision_as_object()
    edit(draft)
    return _save_revision(page=page, draft=draft, user=user)


def _save_revision(*, page: ProviderPage, draft: ProviderPage, user) -> DraftSaved:
    """Save `draft` as a new revision. A submission still waiting for a moderator is
    withdrawn, so a moderator can never approve something other than what they were
    shown."""
    revision = draft.save_revision(user=user, log_action=True)
    workflow_state = active_workflow_state(page=page)
    withdrawn = False
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        workflow_state.cancel(user=user)
        withdrawn = True
    return DraftSaved(revision=revision, withdrawn=withdrawn)


class Submission(enum.Enum):
    SUBMITTED = "submitted"
    RESUBMITTED = "resubmitted"  # after a moderator asked for changes
    ALREADY_SUBMITTED = "already_submitted"
    NOTHING_TO_SUBMIT = "nothing_to_submit"
    INCOMPLETE = "incomplete"


@transaction.atomic
def submit_for_approval(*, page: ProviderPage, user) -> Submission:
    """Submit the listing's latest revision to the moderation workflow. Safe to repeat:
    a second submit of the same revision changes nothing."""
    page = _lock(page)
    draft = page.get_latest_revision_as_object()
    if missing_for_submission(page=draft):
        return Submission.INCOMPLETE
    workflow_state = active_workflow_state(page=page)
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = workflow_state.current_task_state
        if task_state is not None and task_state.revision_id == page.latest_revision_id:
            return Submission.ALREADY_SUBMITTED
        workflow_state.cancel(user=user)
        workflow_state = None
    if workflow_state is None and page.live and not page.has_unpublished_changes:
        return Submission.NOTHING_TO_SUBMIT
    if page.get_workflow() is None:
        raise NoWorkflow
    draft.save_revision(user=user, log_action=True)
    page.refresh_from_db()
    resubmitted = (
        workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )
    submit_for_moderation(page=page, user=user)  # resumes after a rejection, else starts
    return Submission.RESUBMITTED if resubmitted else Submission.SUBMITTED


DISCARD_LOG_ACTION = "providers.discard_changes"  # registered in providers/wagtail_hooks.py


class Discard(enum.Enum):
    DISCARDED = "discarded"
    WITHDRAWN = "withdrawn"  # discarded, and taken out of the moderators' queue
    NOTHING_TO_DISCARD = "nothing_to_discard"  # live, and no changes (a double submit)
    NOT_LIVE = "not_live"  # never published, or taken down: no live version to go back to


@transaction.atomic
def discard_changes(*, page: ProviderPage, user) -> Discard:
    """Throw away a live listing's changes that no moderator has approved: the live
    version becomes the latest revision again, as Wagtail's "revert" does (a new revision
    of the live page, logged as DISCARD_LOG_ACTION, with no unpublished changes). A
    submission waiting for approval (or sent back for changes) is withdrawn, and photos
    that only the discarded changes showed are deleted as remove_photo deletes them.
    Safe to repeat: a second discard changes nothing."""
    page = _lock(page)
    if not page.live:
        return Discard.NOT_LIVE
    if not has_changes_to_discard(page=page):
        return Discard.NOTHING_TO_DISCARD
    draft = page.get_latest_revision_as_object()
    workflow_state = active_workflow_state(page=page)
    withdrawn = workflow_state is not None
    if withdrawn:
        workflow_state.cancel(user=user)
    # The live row, not live_revision.as_object(): the row is what the public sees, and
    # may have moved on from that revision (reconfirm_listing updates it directly).
    page.save_revision(
        user=user,
        previous_revision=page.live_revision,
        log_action=DISCARD_LOG_ACTION,
        changed=False,
        clean=False,  # what is live is kept as it is, even if a rule changed since
    )
    ProviderPage.objects.filter(pk=page.pk).update(has_unpublished_changes=False)
    page.has_unpublished_changes = False
    for image_id in draft_only_image_ids(live=page, draft=draft):
        _delete_photo_unless_kept(page=page, image_id=image_id)
    return Discard.WITHDRAWN if withdrawn else Discard.DISCARDED


@transaction.atomic
def confirm_up_to_date(*, page: ProviderPage, user) -> None:
    """The provider says the live listing is still right (reconfirm_listing). Not while a
    moderator has it locked: confirming would keep it in search while they look at it."""
    _refuse_if_locked(page)
    reconfirm_listing(page=page, user=user)


class TooManyPhotos(Exception):
    """The draft already has MAX_PHOTOS photos."""


def photo_upload_allowed(*, user) -> bool:
    """Count one photo this account is adding; False once it has added
    PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR this hour."""
    return ratelimit.consume(
        scope="portal-photo",
        address=f"account:{user.pk}",
        limit=settings.PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR,
        window_seconds=3600,
    )


@transaction.atomic
def add_photo(
    *, page: ProviderPage, user, file, alt_text: str, caption: str = ""
) -> DraftSaved | None:
    """Add an uploaded (already validated) image to the listing's latest revision, stored
    upright and without its metadata (where it was taken, the camera...), as save_draft
    saves it. None when the same picture is already there (a double submit adds it once);
    TooManyPhotos when the draft is full, counted under the row lock. Both are found
    before the picture is decoded: only a photo that is added is re-encoded
    (UnreadableImage if it cannot be)."""
    upload_hash = hash_filelike(file)
    page = _lock(page)
    draft = page.get_latest_revision_as_object()
    photos = list(draft.photos.all())
    if any(photo.upload_hash == upload_hash for photo in photos):
        return None
    if len(photos) >= MAX_PHOTOS:
        raise TooManyPhotos
    image = get_image_model()(
        title=alt_text[:255], file=without_metadata(file), uploaded_by_user=user
    )
    image._set_image_file_metadata()
    # The same picture in another file (other metadata), or added before uploads' hashes
    # were kept: stored, it is the same file.
    if any(photo.image.file_hash == image.file_hash for photo in photos if photo.image.file_hash):
        return None
    image.save()
    draft.photos.add(
        ProviderPhoto(image=image, alt_text=alt_text, caption=caption, upload_hash=upload_hash)
    )
    return _save_revision(page=page, draft=draft, user=user)


@transaction.atomic
def remove_photo(*, page: ProviderPage, user, image_id: int) -> DraftSaved | None:
    """Take a photo out of the listing's latest revision (the live version keeps it until
    approval), as save_draft saves it. A photo no one approved, and nothing else needs,
    is deleted with its files, so it cannot still be downloaded (see
    removed_photo_is_kept). None when the photo is not on the draft."""
    page = _lock(page)
    draft = page.get_latest_revision_as_object()
    photos = list(draft.photos.all())
    kept = [photo for photo in photos if photo.image_id != image_id]
    if len(kept) == len(photos):
        return None
    draft.photos = kept
    saved = _save_revision(page=page, draft=draft, user=user)
    _delete_photo_unless_kept(page=page, image_id=image_id)
    return saved


def _delete_photo_unless_kept(*, page: ProviderPage, image_id: int) -> None:
    """An image just taken out of the listing's draft is deleted with its files unless
    it must be kept (removed_photo_is_kept: someone approved it, or something uses it)."""
    if not removed_photo_is_kept(page=page, image_id=image_id):
        get_image_model().objects.filter(pk=image_id).delete()  # files go on commit


CHECK_FIELDS = ("dbs_level", "cover_amount", "reference", "issued_on", "expires_on")


def dbs_expiry(issued_on: date) -> date:
    """A DBS check shows as a badge for settings.DBS_BADGE_YEARS after its date."""
    years = settings.DBS_BADGE_YEARS
    try:
        return issued_on.replace(year=issued_on.year + years)
    except ValueError:  # 29 February
        return issued_on.replace(year=issued_on.year + years, day=28)


@transaction.atomic
def record_check(*, page: ProviderPage, kind: str, **values) -> ProviderCheck:
    """Record (or change) one of the listing's checks. Any change to what the provider
    entered clears the moderator's verification; saving it unchanged keeps it, and keeps
    its expiry: a DBS check's badge date is worked out from its date only when the check
    changes, so saving it again never moves the date a moderator verified. The listing's
    row is locked first, so a double submit of a first check finds the one it added."""
    page = _lock(page)
    check = ProviderCheck.objects.filter(page=page, kind=kind).first()
    if check is None:
        check = ProviderCheck(page=page, kind=kind)
    entered = {name: values[name] for name in CHECK_FIELDS if name in values}
    for name in ("reference", "dbs_level"):
        if name in entered:
            entered[name] = entered[name] or ""
    changed = check.pk is None or any(getattr(check, k) != v for k, v in entered.items())
    for name, value in entered.items():
        setattr(check, name, value)
    if changed:
        if kind == ProviderCheck.Kind.DBS and check.issued_on:
            check.expires_on = dbs_expiry(check.issued_on)
        check.verified_at = None
        check.verified_by = None
    check.save()
    return check


@transaction.atomic
def remove_check(*, page: ProviderPage, kind: str) -> bool:
    """Remove one of the listing's checks; False when there is none, or it must be kept
    (a Shared Lives scheme's registration with the regulator: it may only change)."""
    _refuse_if_locked(page)
    if must_keep_check(page=page, kind=kind):
        return False
    deleted, _ = ProviderCheck.objects.filter(page=page, kind=kind).delete()
    return bool(deleted)


def mark_enquiry_read(*, enquiry: Enquiry) -> None:
    if enquiry.read_at is None:
        enquiry.read_at = timezone.now()
        Enquiry.objects.filter(pk=enquiry.pk, read_at__isnull=True).update(read_at=enquiry.read_at)
