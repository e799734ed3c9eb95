"""Reads about listings: who may edit which listing, what a listing's badges and freshness
are, which images are a listing's own."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, TaskState

from home.shell import public_q

from .models import ListingMembership, ProviderCheck, ProviderPage, ProviderPhoto, SupportKind
from .models.vocabularies import SHARED_LIVES_SUPPORT_PREFIX


@dataclass(frozen=True)
class PublicContact:
    phone: str
    email: str
    website: str


def public_contact(page) -> PublicContact:
    """What a listing publishes of its contact details: its phone number and email
    address only where the provider chose to show them."""
    return PublicContact(
        phone=page.phone if page.show_phone else "",
        email=page.email if page.show_email else "",
        website=page.website,
    )


def public_contacts(*, page_ids) -> dict[int, PublicContact]:
    """public_contact of each of these listings, by page id, in one query."""
    fields = ("phone", "show_phone", "email", "show_email", "website")
    pages = ProviderPage.objects.filter(pk__in=page_ids).only(*fields)
    return {page.pk: public_contact(page) for page in pages}


def support_kinds_for(*, kind: str):
    """The kinds of support a listing of this kind may offer: a Shared Lives scheme its
    Shared Lives arrangements, a micro-enterprise every other kind."""
    shared_lives = Q(slug__startswith=SHARED_LIVES_SUPPORT_PREFIX)
    if kind == ProviderPage.Kind.SHARED_LIVES:
        return SupportKind.objects.filter(shared_lives)
    return SupportKind.objects.exclude(shared_lives)


def lacks_regulator_registration(*, kind: str, page_id: int | None) -> bool:
    """Whether a listing of this kind must still record its registration with the regulator
    (CQC) before it is sent for approval or goes live: a Shared Lives scheme is always
    registered, so it records its registration (verified or not yet). `page_id` None is a
    listing not saved yet, which has recorded nothing."""
    if kind != ProviderPage.Kind.SHARED_LIVES:
        return False
    if page_id is None:
        return True
    regulator = ProviderCheck.Kind.REGULATOR
    return not ProviderCheck.objects.filter(page_id=page_id, kind=regulator).exists()


def must_keep_check(*, page: ProviderPage, kind: str) -> bool:
    """Whether this check may be changed but not removed: a Shared Lives scheme's
    registration with the regulator (see lacks_regulator_registration)."""
    return page.kind == ProviderPage.Kind.SHARED_LIVES and kind == ProviderCheck.Kind.REGULATOR


def schemes_lacking_registration(*, page_ids) -> list[ProviderPage]:
    """The Shared Lives schemes among these pages that have not recorded their registration
    with the regulator (see lacks_regulator_registration), so may not go live."""
    regulator = ProviderCheck.Kind.REGULATOR
    schemes = ProviderPage.objects.filter(pk__in=page_ids, kind=ProviderPage.Kind.SHARED_LIVES)
    return list(schemes.exclude(checks__kind=regulator).order_by("title"))


def directory_root() -> Page | None:
    """The page listings live under (the directory page), found without importing directory."""
    parent_models = ProviderPage.allowed_parent_page_models()
    return (
        Page.objects.type(*parent_models).live().order_by("path").first() if parent_models else None
    )


def listing_for_user(*, user) -> ProviderPage | None:
    """The listing this account may run, or None. The only way the portal finds a listing."""
    if not user.is_authenticated:
        return None
    membership = (
        ListingMembership.objects.filter(user=user).select_related("page").only("page").first()
    )
    return membership.page if membership else None


def can_edit_listing(*, user, page) -> bool:
    return (
        user.is_authenticated
        and ListingMembership.objects.filter(user=user, page_id=page.pk).exists()
    )


def current_checks_q(*, today: date | None = None) -> Q:
    """Checks that show as a badge today: verified and not expired."""
    today = today or timezone.localdate()
    return Q(verified_at__isnull=False) & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))


def current_badges(*, page_ids, today: date | None = None) -> dict[int, list[ProviderCheck]]:
    """{page_id: [current checks]} in one query, for a profile or a results page."""
    badges: dict[int, list[ProviderCheck]] = {pk: [] for pk in page_ids}
    checks = ProviderCheck.objects.filter(current_checks_q(today=today), page_id__in_array=page_ids)
    for check in checks.order_by("kind"):
        badges[check.page_id].append(check)
    return badges


@dataclass(frozen=True)
class Freshness:
    confirmed_on: date | None
    days_since_confirmed: int | None
    needs_reminder: bool  # 90 days
    may_be_out_of_date: bool  # 180 days
    hidden: bool  # 365 days: out of search results until reconfirmed


def freshness(*, last_confirmed_at, now=None) -> Freshness:
    now = now or timezone.now()
    if last_confirmed_at is None:
        return Freshness(None, None, True, True, True)
    days = (now - last_confirmed_at).days
    return Freshness(
        confirmed_on=timezone.localdate(last_confirmed_at),
        days_since_confirmed=days,
        needs_reminder=days >= settings.LISTING_REMIND_AFTER_DAYS,
        may_be_out_of_date=days >= settings.LISTING_STALE_AFTER_DAYS,
        hidden=days >= settings.LISTING_HIDE_AFTER_DAYS,
    )


def visible_listings(*, now=None):
    """Live, public listings confirmed within the hiding period: what search may show."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_HIDE_AFTER_DAYS)
    return ProviderPage.objects.live().filter(public_q(), last_confirmed_at__gte=cutoff)


def _photo_image_ids(content) -> set[int]:
    """The images a serialised revision of a listing shows as photos."""
    photos = (content or {}).get("photos") or []
    return {photo["image"] for photo in photos if isinstance(photo, dict) and photo.get("image")}


def listing_image_ids(*, page: ProviderPage) -> set[int]:
    """The images that belong to a listing: its live photos, and photos in any of its
    revisions (drafts never approved) that one of its accounts uploaded. An image from
    the shared library that a moderator chose only in a draft is not the listing's."""
    ids = set(page.photos.values_list("image_id", flat=True))
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    drafted = set()
    for content in revisions.values_list("content", flat=True).iterator():
        drafted |= _photo_image_ids(content)
    members = ListingMembership.objects.filter(page_id=page.pk).values("user_id")
    ids |= set(
        get_image_model()
        .objects.filter(pk__in=drafted - ids, uploaded_by_user__in=members)
        .values_list("pk", flat=True)
    )
    return ids


def images_in_use(*, image_ids) -> set[int]:
    """Of these images, those a listing shows (live or in its latest draft) or anything
    else uses (Wagtail's reference index). Call it after deleting the listing they came
    from, to leave alone any image that is not only that listing's."""
    image_ids = set(image_ids)
    if not image_ids:
        return set()
    used = set(
        ProviderPhoto.objects.filter(image_id__in=image_ids).values_list("image_id", flat=True)
    )
    drafts = Revision.objects.filter(
        pk__in=ProviderPage.objects.filter(has_unpublished_changes=True).values(
            "latest_revision_id"
        )
    )
    for content in drafts.values_list("content", flat=True).iterator():
        used |= _photo_image_ids(content) & image_ids
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        to_object_id__in=[str(pk) for pk in image_ids],
    )
    used |= {int(pk) for pk in references.values_list("to_object_id", flat=True)}
    return used


# Moderation (providers/moderation/): re-exported so callers use providers.selectors.
from .moderation.workflow import (  # noqa: E402, F401
    MODERATORS,
    ModerationOutcome,
    latest_moderation_outcome,
)


def is_moderator(*, user) -> bool:
    """An active superuser or member of the Moderators group."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())
    )


def removed_photo_is_kept(*, page: ProviderPage, image_id: int) -> bool:
    """Whether an image just taken out of a listing's draft must be kept: it is not one
    its accounts uploaded (a library image a moderator chose), something uses it (see
    images_in_use), or a revision of the listing that is or was live, is scheduled to go
    live or waits for a moderator shows it. Otherwise no one has approved it: it goes."""
    members = ListingMembership.objects.filter(page_id=page.pk).values("user_id")
    images = get_image_model().objects.filter(pk=image_id, uploaded_by_user__in=members)
    if not images.exists() or images_in_use(image_ids={image_id}):
        return True
    published = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
    live = ProviderPage.objects.filter(pk=page.pk).values("live_revision_id")
    needed = Revision.page_revisions.filter(object_id=str(page.pk)).filter(
        Q(pk__in=live)
        | Q(pk__in=published.values("revision_id"))
        | Q(approved_go_live_at__isnull=False)
        | Q(task_states__status=TaskState.STATUS_IN_PROGRESS)
    )
    return any(
        image_id in _photo_image_ids(content)
        for content in needed.distinct().values_list("content", flat=True).iterator()
    )
