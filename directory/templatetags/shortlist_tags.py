from urllib.parse import urlencode

from django import template

from directory import shortlist
from home.navigation import RETURN_PARAMETER

register = template.Library()


@register.inclusion_tag("directory/shortlist_form.html", takes_context=True)
def shortlist_form(context, page):
    """On a listing's profile: add it to (or remove it from) the visitor's shortlist, and a
    link to the shortlist, and what the visitor just did. The form posts to the directory page the listing sits under
    (one query) and comes back to the profile, handing on the list it was opened from
    (the profile's back link, home.navigation)."""
    request = context["request"]
    back = context.get("back_link")
    query = f"?{urlencode({RETURN_PARAMETER: back.target})}" if back else ""
    parent = page.get_parent() if page.live else None
    shortlisted = shortlist.ids(request)
    change = shortlist.pop_change(request)
    return {
        "change": change if change and change.page_id == page.pk else None,
        "request": request,
        "next_url": f"{request.path}{query}#shortlist-change",  # the message takes the focus
        "page": page,
        "directory_url": parent.url if parent else "",
        "shortlisted": page.pk in shortlisted,
        "count": len(shortlisted),
    }
