"""Create the demo listings: over 300 micro-enterprises and Shared Lives schemes at real
postcodes (many in Thurrock), in every state a moderator or provider meets.

Deterministic from the seed; idempotent (each listing is keyed by its external ID
"demo-NNNN" and created only when missing, with its checks and enquiries). Works on an
empty postcode table: the committed postcodes.csv rows are inserted when absent."""

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import task_submitted, workflow_submitted

from providers.geography.models import Council, District
from providers.geography.selectors import lookup_postcode
from providers.models import (
    AccessFeature,
    Audience,
    Enquiry,
    Language,
    ListingMembership,
    PaymentMethod,
    ProviderCheck,
    ProviderPage,
    SupportKind,
)
from providers.portal.services import dbs_expiry
from providers.selectors import directory_root
from providers.services import apply_location

from .postcodes import ensure_postcodes, read_postcodes
from .records import ListingSpec
from .specs import build_specs

LISTINGS = 330


@dataclass(frozen=True)
class DemoProviderLogin:
    username: str
    password: str
    role: str


@contextmanager
def _bulk_mode():
    """While seeding: no search-index or reference-index update on every save (the
    listings are indexed in bulk afterwards; they reference only vocabulary snippets),
    and no "submitted for moderation" emails to staff for the demo submissions."""
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.admin.signal_handlers import (
        task_submission_email_notifier,
        workflow_submission_email_notifier,
    )

    quiet = [
        (post_save, post_save_signal_handler, ProviderPage, None),
        (
            task_submitted,
            task_submission_email_notifier,
            TaskState,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            workflow_submission_email_notifier,
            WorkflowState,
            "workflow_state_submitted_email_notification",
        ),
    ]
    disconnected = [
        (signal, receiver, sender, uid)
        for signal, receiver, sender, uid in quiet
        if signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for signal, receiver, sender, uid in disconnected:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)


def _index(pages) -> None:
    pages = list(pages)
    for backend in get_search_backends():
        backend.add_bulk(ProviderPage, pages)


def _vocab() -> dict:
    def slugs(model):
        return sorted(model.objects.values_list("slug", flat=True))

    return {
        "support_kinds": slugs(SupportKind),
        "audiences": slugs(Audience),
        "access_features": slugs(AccessFeature),
        "languages": slugs(Language),
        "payment_methods": slugs(PaymentMethod),
        "support_names": dict(SupportKind.objects.values_list("slug", "name")),
        "audience_names": dict(Audience.objects.values_list("slug", "name")),
    }


def _places() -> dict:
    return {
        d.gss_code: (d.name, d.council_id, d.council.name, d.council.region_name)
        for d in District.objects.select_related("council")
    }


def _login_user(spec: ListingSpec, *, login=None):
    login = login or spec.login
    if login is None:
        return None
    email, password = login
    User = get_user_model()
    user = User.objects.filter(username=email).first()
    if user is None:
        user = User.objects.create_user(username=email, email=email, password=password)
    return user


def _create(spec: ListingSpec, *, directory, terms, councils, now, moderator):
    today = timezone.localdate(now)
    owner = _login_user(spec)
    fields = dict(spec.fields)
    if isinstance(fields.get("taking_new_people_from"), timedelta):
        fields["taking_new_people_from"] = today + fields["taking_new_people_from"]
    confirmed = (
        now - timedelta(days=spec.confirmed_days_ago)
        if spec.confirmed_days_ago is not None
        else None
    )
    page = ProviderPage(
        title=spec.title,
        slug=spec.external_id,
        kind=spec.kind,
        summary=spec.summary,
        description=spec.description,
        town=spec.town,
        external_id=spec.external_id,
        last_confirmed_at=confirmed,
        live=False,
        owner=owner,
        **fields,
    )
    apply_location(page=page, location=lookup_postcode(spec.postcode.postcode))
    for name in ("support_kinds", "audiences", "access_features", "languages", "payment_methods"):
        setattr(page, name, [terms[name][slug] for slug in getattr(spec, name)])
    page.councils_covered = [councils[page.council_code]] if spec.cover_own_council else []
    live = spec.state not in ("draft", "awaiting", "rejected")
    if live:  # published directly: the same end state as revision.publish(), much faster
        page.live, page.first_published_at, page.last_published_at = True, now, now
    directory.add_child(instance=page)
    revision = page.save_revision(user=owner, clean=False)
    if live:
        ProviderPage.objects.filter(pk=page.pk).update(
            live_revision=revision, has_unpublished_changes=False
        )
    if spec.changed_summary:
        page = ProviderPage.objects.get(pk=page.pk)
        page.summary = spec.changed_summary
        page.price_note = "Now also evenings, at the same price."
        page.save_revision(user=owner, clean=False)
    if spec.state in ("awaiting", "changes_pending", "rejected"):
        page.get_workflow().start(page, owner)
    if spec.state == "rejected":
        page.current_workflow_task_state.reject(user=moderator, comment=spec.rejection_comment)
    if owner is not None and not ListingMembership.objects.filter(user=owner).exists():
        ListingMembership.objects.create(user=owner, page=page, role="owner")
    if spec.co_editor is not None:
        staff = _login_user(spec, login=spec.co_editor)
        ListingMembership.objects.get_or_create(
            user=staff, defaults={"page": page, "role": "co_editor"}
        )
    if spec.locked:
        ProviderPage.objects.filter(pk=page.pk).update(
            locked=True, locked_by=moderator, locked_at=now
        )
    _checks(spec, page, today=today, now=now, moderator=moderator)
    _enquiries(spec, page, now=now)


def _checks(spec, page, *, today, now, moderator):
    for check in spec.checks:
        issued = today - timedelta(days=check.issued_days_ago) if check.issued_days_ago else None
        expires = today + timedelta(days=check.expires_in_days) if check.expires_in_days else None
        if check.kind == "dbs" and issued:
            expires = dbs_expiry(issued)  # as the portal works it out
        ProviderCheck.objects.create(
            page=page,
            kind=check.kind,
            dbs_level=check.dbs_level,
            cover_amount=check.cover_amount,
            reference=check.reference,
            issued_on=issued,
            expires_on=expires,
            verified_at=now - timedelta(days=5) if check.verified else None,
            verified_by=moderator if check.verified else None,
        )


def _enquiries(spec, page, *, now):
    for n, enquiry in enumerate(spec.enquiries):
        received = now - timedelta(days=enquiry.days_ago, hours=n)
        created = Enquiry.objects.create(
            page=page,
            name=enquiry.name,
            reply_to=enquiry.reply_to,
            message=enquiry.message,
            consent=True,
            submission_token=f"{spec.external_id}-{n}",
            read_at=received + timedelta(hours=3) if enquiry.read else None,
        )
        Enquiry.objects.filter(pk=created.pk).update(created_at=received)


def seed_providers(*, seed: int, count: int = LISTINGS, verbose=None) -> list[DemoProviderLogin]:
    """Create the missing demo listings under the directory page. Returns the demo
    provider logins (their accounts exist once this has run)."""
    directory = directory_root()
    if directory is None:
        return []
    started = time.perf_counter()
    postcodes = read_postcodes()
    with transaction.atomic(), _bulk_mode():
        ensure_postcodes(postcodes)
        specs = build_specs(
            seed=seed, postcodes=postcodes, places=_places(), vocab=_vocab(), count=count
        )
        existing = set(
            ProviderPage.objects.filter(external_id__startswith="demo-").values_list(
                "external_id", flat=True
            )
        )
        terms = {
            "support_kinds": SupportKind.objects.in_bulk(field_name="slug"),
            "audiences": Audience.objects.in_bulk(field_name="slug"),
            "access_features": AccessFeature.objects.in_bulk(field_name="slug"),
            "languages": Language.objects.in_bulk(field_name="slug"),
            "payment_methods": PaymentMethod.objects.in_bulk(field_name="slug"),
        }
        councils = Council.objects.in_bulk()
        moderator = get_user_model().objects.filter(groups__name="Moderators").first()
        now = timezone.now()
        created = []
        for spec in specs:
            if spec.external_id in existing:
                continue
            created.append(spec.external_id)
            _create(
                spec,
                directory=directory,
                terms=terms,
                councils=councils,
                now=now,
                moderator=moderator,
            )
        _index(ProviderPage.objects.filter(external_id__in=created))
    if verbose:
        verbose(f"{len(created)} demo listings created in {time.perf_counter() - started:.1f} s.")
    locked = next(spec for spec in specs if spec.locked)
    return [
        DemoProviderLogin(login[0], login[1], role)
        for login, role in (
            (specs[0].login, "Provider (micro-enterprise)"),
            (specs[1].login, "Provider (Shared Lives)"),
            (specs[1].co_editor, "Co-editor of the Shared Lives listing"),
            (locked.login, "Provider (listing locked by a moderator)"),
        )
    ]
