"""The visitor's shortlist: listing ids kept in the session (no account needed)."""

from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings

SESSION_KEY = "directory_shortlist"
CHANGE_KEY = "directory_shortlist_change"
MAX_ITEMS = 50


def ids(request) -> list[int]:
    # Read the session only when the visitor has one: no query for everyone else.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []
    return [i for i in request.session.get(SESSION_KEY, []) if isinstance(i, int)]


def add(request, page_id: int) -> bool:
    """Add a listing at the end; False (changing nothing) when the shortlist already
    holds MAX_ITEMS others: it never drops one the visitor chose."""
    current = [i for i in ids(request) if i != page_id]
    if len(current) >= MAX_ITEMS:
        return False
    request.session[SESSION_KEY] = [*current, page_id]
    return True


def keep_only(request, page_ids: list[int]) -> None:
    """Forget every listing but these (those still in the directory)."""
    request.session[SESSION_KEY] = list(page_ids)


def remove(request, page_id: int) -> None:
    request.session[SESSION_KEY] = [i for i in ids(request) if i != page_id]


def clear(request) -> None:
    """Forget every listing (a shared computer, or the next person's search)."""
    request.session.pop(SESSION_KEY, None)


# What the visitor just did (Change.what).
ADDED = "added"
REMOVED = "removed"
FULL = "full"  # an add refused: the shortlist already holds MAX_ITEMS
CLEARED = "cleared"  # every listing removed at once (page_id None)
WHATS = (ADDED, REMOVED, FULL, CLEARED)


@dataclass(frozen=True)
class Change:
    what: str
    page_id: int | None
    title: str
    limit: ClassVar[int] = MAX_ITEMS  # for the message that the shortlist is full

    @property
    def added(self) -> bool:
        return self.what == ADDED

    @property
    def removed(self) -> bool:
        return self.what == REMOVED

    @property
    def full(self) -> bool:
        return self.what == FULL

    @property
    def cleared(self) -> bool:
        return self.what == CLEARED


def note_change(request, *, what: str, page_id: int | None = None, title: str = "") -> None:
    """Remember what the visitor just did, for the page they go back to to confirm it."""
    request.session[CHANGE_KEY] = {"what": what, "page_id": page_id, "title": title}


def pop_change(request) -> Change | None:
    """The visitor's last add (or refused add), remove or clear, once: for the page they
    came back to."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    change = request.session.pop(CHANGE_KEY, None)
    if not isinstance(change, dict) or change.get("what") not in WHATS:
        return None  # nothing, or a change noted by an earlier version of the site
    return Change(what=change["what"], page_id=change.get("page_id"), title=change.get("title", ""))


def parse_shared(raw: str) -> list[int]:
    """ "12,34,56" from a shared link -> [12, 34, 56]; anything else is skipped."""
    result = []
    for part in (raw or "").split(",")[:MAX_ITEMS]:
        part = part.strip()
        if part.isascii() and part.isdigit() and len(part) < 12:
            result.append(int(part))
    return list(dict.fromkeys(result))
