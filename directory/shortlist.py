"""The visitor's shortlist: listing ids kept in the session (no account needed)."""

from dataclasses import dataclass

from django.conf import settings

SESSION_KEY = "directory_shortlist"
CHANGE_KEY = "directory_shortlist_change"
MAX_ITEMS = 50


def ids(request) -> list[int]:
    # Read the session only when the visitor has one: no query for everyone else.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []
    return [i for i in request.session.get(SESSION_KEY, []) if isinstance(i, int)]


def add(request, page_id: int) -> None:
    current = [i for i in ids(request) if i != page_id]
    request.session[SESSION_KEY] = [*current, page_id][-MAX_ITEMS:]


def keep_only(request, page_ids: list[int]) -> None:
    """Forget every listing but these (those still in the directory)."""
    request.session[SESSION_KEY] = list(page_ids)


def remove(request, page_id: int) -> None:
    request.session[SESSION_KEY] = [i for i in ids(request) if i != page_id]


@dataclass(frozen=True)
class Change:
    page_id: int
    added: bool
    title: str


def note_change(request, *, page_id: int, added: bool, title: str) -> None:
    """Remember what the visitor just did, for the page they go back to to confirm it."""
    request.session[CHANGE_KEY] = [page_id, added, title]


def pop_change(request) -> Change | None:
    """The visitor's last add or remove, once: for the page they came back to."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    change = request.session.pop(CHANGE_KEY, None)
    return Change(*change) if isinstance(change, list) and len(change) == 3 else None


def parse_shared(raw: str) -> list[int]:
    """ "12,34,56" from a shared link -> [12, 34, 56]; anything else is skipped."""
    result = []
    for part in (raw or "").split(",")[:MAX_ITEMS]:
        part = part.strip()
        if part.isascii() and part.isdigit() and len(part) < 12:
            result.append(int(part))
    return list(dict.fromkeys(result))
