"""Writes about listings. Small keyword-only functions; views call these and nothing else writes."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .geography.selectors import Location, published_point
from .models import ListingMembership, ProviderPage
from .selectors import can_edit_listing, directory_root
from .signals import listing_confirmed


class NoDirectoryPage(Exception):
    """The site has no directory page to hold listings yet."""


def area_label(*, location: Location, town: str = "") -> str:
    """The public place name: "Grays, Thurrock (RM17)". Never more precise than the
    outward code."""
    parts = [p for p in (town.strip(), location.district_name, location.council_name) if p]
    unique = list(dict.fromkeys(parts))[:2]
    return f"{', '.join(unique)} ({location.outward})"


def apply_location(*, page: ProviderPage, location: Location | None) -> None:
    """Set the base postcode and everything derived from it on an unsaved page object.
    The grid reference is the published point (see published_point), not the postcode's."""
    if location is None:
        page.base_postcode = ""
        page.easting = page.northing = None
        page.district_code = page.council_code = page.region_code = ""
        page.area_label = ""
        return
    page.base_postcode = location.postcode
    page.easting, page.northing = published_point(location=location)
    page.district_code = location.district_code
    page.council_code = location.council_code
    page.region_code = location.region_code
    page.area_label = area_label(location=location, town=page.town)


def _unique_slug(parent, title: str) -> str:
    base = slugify(title)[:60] or "provider"
    slug, n = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_draft_listing(*, user, name: str, kind: str = ProviderPage.Kind.MICRO_ENTERPRISE):
    """A new, unpublished listing owned by this account (sign-up does this)."""
    parent = directory_root()
    if parent is None:
        raise NoDirectoryPage
    page = ProviderPage(
        title=name, slug=_unique_slug(parent, name), kind=kind, live=False, owner=user
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    ListingMembership.objects.create(user=user, page=page, role=ListingMembership.Role.OWNER)
    return page


@transaction.atomic
def reconfirm_listing(*, page: ProviderPage, user=None) -> None:
    """ "My listing is still right": updates the live row only (no revision, no moderation)."""
    now = timezone.now()
    ProviderPage.objects.filter(pk=page.pk).update(last_confirmed_at=now)
    page.last_confirmed_at = now
    listing_confirmed.send(sender=ProviderPage, page_id=page.pk, confirmed_at=now)


def confirm_on_approval(*, page, submitted_by) -> bool:
    """A moderator approved what the listing's provider submitted (its first version or
    later changes): the provider has just said it is right, so it counts as confirming
    it (`reconfirm_listing`). Changes submitted by anyone else (staff in the admin) do
    not. Call after the approved revision is published. Returns whether it confirmed."""
    if submitted_by is None or not can_edit_listing(user=submitted_by, page=page):
        return False
    reconfirm_listing(page=page, user=submitted_by)
    return True


# Moderation (providers/moderation/): re-exported so callers use providers.services.
from .moderation.verification import set_check_verified  # noqa: E402, F401
from .moderation.workflow import (  # noqa: E402, F401
    ensure_moderation_workflow,
    submit_for_moderation,
)
