"""The visitor's shortlist: listing ids kept in the session (no account needed)."""

from django.conf import settings

SESSION_KEY = "directory_shortlist"
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


def parse_shared(raw: str) -> list[int]:
    """ "12,34,56" from a shared link -> [12, 34, 56]; anything else is skipped."""
    result = []
    for part in (raw or "").split(",")[:MAX_ITEMS]:
        part = part.strip()
        if part.isascii() and part.isdigit() and len(part) < 12:
            result.append(int(part))
    return list(dict.fromkeys(result))
