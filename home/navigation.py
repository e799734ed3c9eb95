"""A way back to the list a page was opened from, for pages whose breadcrumbs alone would
lose it (a listing opened from page 2 of a filtered search)."""

from urllib.parse import urlsplit


def return_to_list(request, *, page, anchor: str = "") -> str:
    """The page above `page` exactly as the visitor last saw it (its query string: the
    search, its filters and page number), when the request came from there; "" otherwise.

    Read from the Referer header (sent for same-site links under the site's referrer
    policy), so a visitor whose browser withholds it simply gets the breadcrumbs. Only a
    same-host referrer with a query string counts, and only its path and query are kept:
    the link can never lead off the site. `anchor` is added as a fragment, to come back to
    the item that was opened."""
    url = page.url or ""
    parent_path = url[: url.rstrip("/").rfind("/") + 1]
    try:
        referrer = urlsplit(request.headers.get("Referer", ""))
    except ValueError:  # a malformed header, e.g. an unclosed IPv6 bracket
        return ""
    if (
        not parent_path
        or referrer.scheme not in ("http", "https")
        or referrer.netloc != request.get_host()
        or referrer.path != parent_path
        or not referrer.query
    ):
        return ""
    return f"{parent_path}?{referrer.query}" + (f"#{anchor}" if anchor else "")
