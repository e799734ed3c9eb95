"""A way back to the list a page was opened from, for pages whose breadcrumbs alone would
lose it (a listing opened from page 2 of a filtered search, or from a shortlist)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

# The query parameter that carries the list's address through the page's own forms (a
# form that comes back to the page loses the Referer: it is then the page itself).
RETURN_PARAMETER = "from"


@dataclass(frozen=True)
class ListRoute:
    """A list under the page's parent: its path below the parent's URL ("" for the parent
    itself), the back link's text, and whether only its address with a query string is a
    list (the search page without one is the empty form, which the breadcrumbs reach)."""

    subpath: str
    label: str
    needs_query: bool = False


@dataclass(frozen=True)
class BackLink:
    target: str  # the list's path and query, to hand on in RETURN_PARAMETER
    url: str  # the target with the item's anchor
    label: str


def return_to_list(request, *, page, routes, anchor: str = "") -> BackLink | None:
    """The list above `page` (one of `routes`) exactly as the visitor last saw it (its query
    string: the search, its filters and page number), when they came from there; None
    otherwise.

    Read from RETURN_PARAMETER when the page's own forms handed it on, else from the Referer
    header (sent for same-site links under the site's referrer policy), so a visitor whose
    browser withholds it simply gets the breadcrumbs. Only a same-host address of one of
    `routes` counts, and only its path and query are kept: the link can never lead off the
    site. `anchor` is added as a fragment, to come back to the item that was opened."""
    url = page.url or ""
    parent_path = url[: url.rstrip("/").rfind("/") + 1]
    handed_on = request.GET.get(RETURN_PARAMETER)
    try:
        source = urlsplit(handed_on or request.headers.get("Referer", ""))
    except ValueError:  # a malformed address, e.g. an unclosed IPv6 bracket
        return None
    if handed_on is not None:
        same_site = not source.scheme and not source.netloc
    else:
        same_site = source.scheme in ("http", "https") and source.netloc == request.get_host()
    if not parent_path or not same_site:
        return None
    for route in routes:
        if source.path == parent_path + route.subpath and (source.query or not route.needs_query):
            target = source.path + (f"?{source.query}" if source.query else "")
            return BackLink(
                target=target, url=target + (f"#{anchor}" if anchor else ""), label=route.label
            )
    return None
