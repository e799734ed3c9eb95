"""Discarding a live listing's changes that no moderator has approved: a page that says
what will happen (GET), and the discard itself (POST)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _l

from ..selectors import (
    Status,
    changed_sections,
    draft_only_image_ids,
    has_changes_to_discard,
    listing_state,
)
from ..services import Discard, discard_changes
from .common import portal_edit_view
from .edit import SECTIONS

DISCARD_MESSAGES = {  # lazily translated: built at import time
    Discard.DISCARDED: (
        messages.SUCCESS,
        _l("Your changes have been discarded. Your listing is the same as your live listing."),
    ),
    Discard.WITHDRAWN: (
        messages.SUCCESS,
        _l(
            "Your changes have been discarded and are no longer waiting for approval. "
            "Your listing is the same as your live listing."
        ),
    ),
    Discard.NOTHING_TO_DISCARD: (
        messages.INFO,
        _l("There are no changes to discard. Your listing is the same as your live listing."),
    ),
    Discard.NOT_LIVE: (
        messages.INFO,
        _l("Your listing is not live, so there is no published version to go back to."),
    ),
}


def _tell(request, outcome):
    level, text = DISCARD_MESSAGES[outcome]
    messages.add_message(request, level, text)
    return redirect("portal:dashboard")


@portal_edit_view
def discard(request, *, listing):
    """Asks first (GET); discards on POST. Nothing to discard: back to the dashboard."""
    if request.method == "POST":
        return _tell(request, discard_changes(page=listing, user=request.user))
    if not has_changes_to_discard(page=listing):
        return _tell(request, Discard.NOTHING_TO_DISCARD if listing.live else Discard.NOT_LIVE)
    draft = listing.get_latest_revision_as_object()
    changed = changed_sections(
        live=listing, draft=draft, forms={s.slug: s.form_class for s in SECTIONS}
    )
    return render(
        request,
        "providers/portal/discard.html",
        {
            "listing": listing,
            "state": listing_state(page=listing),
            "Status": Status,
            "changed_titles": [s.title for s in SECTIONS if s.slug in changed],
            "photos_deleted": len(draft_only_image_ids(live=listing, draft=draft)),
        },
    )
