"""Reads for the provider portal: what state a listing is in, what stops it being
submitted, how its checks stand, and its enquiries. Keyword-only, no writes."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from providers.models import ProviderCheck, ProviderPage
from providers.selectors import Freshness, freshness, lacks_regulator_registration

CHECK_EXPIRING_WITHIN_DAYS = 30


class Status:
    DRAFT = "draft"  # never submitted, or withdrawn before its first approval
    AWAITING_APPROVAL = "awaiting_approval"  # first version submitted, not live yet
    LIVE = "live"
    CHANGES_AWAITING_APPROVAL = "changes_awaiting_approval"  # live; changes submitted
    REJECTED = "rejected"  # the moderator asked for changes
    UNPUBLISHED = "unpublished"  # was live, taken down by a moderator


@dataclass(frozen=True)
class CheckState:
    check: ProviderCheck
    status: str  # "verified" | "awaiting" | "expired"
    expiring_soon: bool  # within CHECK_EXPIRING_WITHIN_DAYS and not expired yet


@dataclass(frozen=True)
class ListingState:
    status: str
    live: bool
    has_unsubmitted_changes: bool
    rejection_reason: str = ""
    rejected_at: object = None
    submitted_at: object = None
    freshness: Freshness | None = None
    expiring_checks: list = field(default_factory=list)
    expired_checks: list = field(default_factory=list)
    unread_enquiries: int = 0

    @property
    def needs_reconfirming(self) -> bool:
        return self.live and self.freshness is not None and self.freshness.needs_reminder

    @property
    def may_be_out_of_date(self) -> bool:
        return self.live and self.freshness is not None and self.freshness.may_be_out_of_date

    @property
    def hidden_from_search(self) -> bool:
        return self.live and self.freshness is not None and self.freshness.hidden


def check_state(*, check: ProviderCheck, today: date | None = None) -> CheckState:
    today = today or timezone.localdate()
    expired = check.expires_on is not None and check.expires_on < today
    if expired:
        status = "expired"
    elif check.verified_at is not None:
        status = "verified"
    else:
        status = "awaiting"
    soon = (
        not expired
        and check.expires_on is not None
        and check.expires_on <= today + timedelta(days=CHECK_EXPIRING_WITHIN_DAYS)
    )
    return CheckState(check=check, status=status, expiring_soon=soon)


def checks_by_kind(*, page: ProviderPage, today: date | None = None) -> dict[str, CheckState]:
    """{kind: CheckState} for the checks this listing has recorded (one query)."""
    return {
        check.kind: check_state(check=check, today=today)
        for check in ProviderCheck.objects.filter(page=page).order_by("kind")
    }


def active_workflow_state(*, page: ProviderPage) -> WorkflowState | None:
    """The in-progress or needs-changes moderation workflow on this listing, with its
    current task state (which holds the moderator's comment when changes are needed)."""
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )


def waiting_for_approval(*, page: ProviderPage) -> bool:
    """Whether the listing waits in the moderators' queue (Status.AWAITING_APPROVAL or
    Status.CHANGES_AWAITING_APPROVAL): saving any change takes it out (save_draft)."""
    workflow_state = active_workflow_state(page=page)
    return workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def listing_state(*, page: ProviderPage, today: date | None = None, now=None) -> ListingState:
    """Everything the dashboard says about a listing, in a bounded number of queries."""
    today = today or timezone.localdate()
    workflow_state = active_workflow_state(page=page)
    rejection_reason, rejected_at, submitted_at = "", None, None
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        status = Status.CHANGES_AWAITING_APPROVAL if page.live else Status.AWAITING_APPROVAL
        submitted_at = workflow_state.created_at
    elif workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        status = Status.REJECTED
        task_state = workflow_state.current_task_state
        if task_state is not None:
            rejection_reason = task_state.comment
            rejected_at = task_state.finished_at
    elif page.live:
        status = Status.LIVE
    elif page.first_published_at is not None:
        status = Status.UNPUBLISHED
    else:
        status = Status.DRAFT

    checks = checks_by_kind(page=page, today=today).values()
    return ListingState(
        status=status,
        live=page.live,
        has_unsubmitted_changes=_has_unsubmitted_changes(page, status, workflow_state),
        rejection_reason=rejection_reason,
        rejected_at=rejected_at,
        submitted_at=submitted_at,
        freshness=freshness(last_confirmed_at=page.last_confirmed_at, now=now)
        if page.live
        else None,
        expiring_checks=[c for c in checks if c.expiring_soon],
        expired_checks=[c for c in checks if c.status == "expired"],
        unread_enquiries=page.enquiries.filter(read_at__isnull=True).count(),
    )


def _has_unsubmitted_changes(page, status, workflow_state) -> bool:
    """Saved draft work that no moderator has been asked to look at yet."""
    if status in (Status.AWAITING_APPROVAL, Status.CHANGES_AWAITING_APPROVAL):
        return False
    if status == Status.REJECTED:
        task_state = workflow_state.current_task_state
        return task_state is None or task_state.revision_id != page.latest_revision_id
    return page.has_unpublished_changes


def has_changes_to_discard(*, page: ProviderPage) -> bool:
    """Whether the listing is live and has saved changes no moderator has approved
    (waiting for approval or not), which its provider may throw away to go back to the
    live version. A listing never published has no live version to go back to."""
    return page.live and page.has_unpublished_changes


def draft_only_image_ids(*, live: ProviderPage, draft: ProviderPage) -> set[int]:
    """The images the draft shows as photos that the live listing does not."""
    return {p.image_id for p in draft.photos.all()} - {p.image_id for p in live.photos.all()}


def missing_for_submission(*, page: ProviderPage) -> list[tuple[str, str]]:
    """What a listing (its latest revision as an object) still needs before it can be
    submitted: [(message, portal URL of the section that fixes it)]. A Shared Lives
    scheme is always registered with the regulator (CQC), so it records its registration."""
    missing = []
    if not page.summary.strip():
        missing.append((_("Write a short summary of what you do"), reverse("portal:edit_about")))
    if not list(page.support_kinds.all()):
        missing.append((_("Choose at least one kind of support"), reverse("portal:edit_offer")))
    if not page.base_postcode:
        missing.append((_("Enter the postcode you work from"), reverse("portal:edit_where")))
    if not page.travel_radius_miles and not list(page.councils_covered.all()):
        missing.append(
            (
                _("Say how far you travel or which councils you cover"),
                reverse("portal:edit_where"),
            )
        )
    regulator = ProviderCheck.Kind.REGULATOR
    if lacks_regulator_registration(kind=page.kind, page_id=page.pk):
        missing.append(
            (
                _("Record your registration with the regulator (CQC)"),
                reverse("portal:check_edit", args=[regulator]),
            )
        )
    return missing


def enquiries_for(*, page: ProviderPage):
    """A listing's enquiries: unread first, then newest first."""
    unread_first = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1))
    return page.enquiries.order_by(unread_first, "-created_at", "-pk")


def changed_sections(*, live: ProviderPage, draft: ProviderPage, forms: dict) -> set[str]:
    """The sections in which the draft differs from what the public sees, i.e. what a
    moderator is asked to approve. `forms` maps each section's slug to the form that edits
    it (None for the photos); a section has changed when its form would show other answers.
    Empty for a listing that is not live (all of it waits for approval) or has no changes."""
    if not live.live or not live.has_unpublished_changes:
        return set()
    changed = set()
    for slug, form_class in forms.items():
        if form_class is None:
            different = _photos(draft) != _photos(live)
        else:
            different = _answers(form_class(instance=draft)) != _answers(form_class(instance=live))
        if different:
            changed.add(slug)
    return changed


def _answers(form) -> dict:
    """A form's initial answers, comparable: a choice of several (related objects, from
    the database or, for a revision, from memory; or plain values) as a set of ids."""
    return {
        name: value
        if isinstance(value, str) or not hasattr(value, "__iter__")
        else {getattr(v, "pk", v) for v in value}
        for name, value in form.initial.items()
    }


def _photos(page: ProviderPage) -> list[tuple]:
    return sorted((p.sort_order, p.image_id, p.alt_text, p.caption) for p in page.photos.all())
