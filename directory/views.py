"""Thin views for the directory page's routes (see DirectoryPage): read the request,
call selectors, render."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from home.shell import breadcrumbs
from providers.profile import money
from providers.selectors import public_contacts

from . import selectors, shortlist
from .forms import FILTER_ARGUMENTS, SearchForm, in_use

PER_PAGE = 20


def _page_number(request) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 1


def _without(request, name: str, value: str | None = None) -> str:
    """The current search's query string without one filter value (or a whole filter)."""
    query = request.GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    return "?" + query.urlencode()


def _active_filters(request, form) -> list[tuple[str, str]]:
    """[(label, link that drops it)] for each filter value in use, in words without the
    form's hints: "Keywords: garden", "Maximum price: £20.50 an hour"."""
    active = []
    for name in FILTER_ARGUMENTS:
        value = form.cleaned_data.get(name)
        if not in_use(value):
            continue
        label = form[name].label
        if isinstance(value, list):
            names = dict(form.fields[name].choices)
            for item in value:
                active.append((f"{label}: {names.get(item, item)}", _without(request, name, item)))
        elif name == "max_price":  # £20, £20.50: as the profile and the cards write prices
            text = _("Maximum price: %(price)s an hour") % {"price": money(value)}
            active.append((text, _without(request, name)))
        elif name == "q":
            active.append((_("Keywords: %(words)s") % {"words": value}, _without(request, name)))
        else:  # "new": its label says it all
            active.append((str(label), _without(request, name)))
    return active


def _wider(request, distance: int) -> tuple[int, str] | None:
    wider = [d for d in selectors.DISTANCES if d > distance]
    if not wider:
        return None
    query = request.GET.copy()
    query.pop("page", None)
    query["distance"] = str(wider[0])
    return wider[0], "?" + query.urlencode()


def search(request, page):
    vocab = selectors.vocabularies()
    # A search needs a postcode; filters alone (a link from a guidance page) only preset
    # the form.
    searched = "postcode" in request.GET
    data = None
    if searched:
        data = request.GET.copy()
        data.setdefault("distance", str(selectors.DEFAULT_DISTANCE))
        data.setdefault("sort", "distance")
    form = SearchForm(
        data, vocab=vocab, initial={"distance": selectors.DEFAULT_DISTANCE, "sort": "distance"}
    )
    if not searched:
        form.preselect(request.GET)
    context = {
        "form": form,
        "searched": searched,
        "shortlisted": set(shortlist.ids(request)),
        "shortlist_change": shortlist.pop_change(request),
    }
    if searched and form.is_valid():
        if left_out := form.left_out():
            # An old link (a term since removed, say): search without what is not
            # offered, at an address that can be shared again, and say so.
            message = ngettext(
                "The link you followed asked for a filter this site no longer offers, "
                "so the search leaves it out.",
                "The link you followed asked for %(count)d filters this site no longer "
                "offers, so the search leaves them out.",
                left_out,
            ) % {"count": left_out}
            messages.info(request, message)
            query = form.offered_query(request.GET).urlencode()
            return HttpResponseRedirect(f"{request.path}?{query}")
        arguments = form.search_arguments()
        results = selectors.results_page(
            search=selectors.search_listings(**arguments, vocab=vocab),
            number=_page_number(request),
            per_page=PER_PAGE,
        )
        context.update(
            results=results,
            page_range=list(
                results.paginator.get_elided_page_range(results.number, on_each_side=1, on_ends=1)
            ),
            location=arguments["location"],
            distance=arguments["distance_miles"],
            active_filters=_active_filters(request, form),
            wider=_wider(request, arguments["distance_miles"]),
            sort=arguments["sort"],
            search_url=request.build_absolute_uri(),  # printed results say where they came from
            today=timezone.localdate(),
        )
    return page.render(request, context_overrides=context)


def shortlist_view(request, page):
    shared = "ids" in request.GET
    page_ids = (
        shortlist.parse_shared(request.GET.get("ids", "")) if shared else shortlist.ids(request)
    )
    listings = selectors.listings_by_id(page_ids=page_ids) if page_ids else []
    contacts = public_contacts(page_ids=[r.page_id for r in listings]) if listings else {}
    for result in listings:  # a shortlist is printed and shared: how to get in touch
        result.contact = contacts.get(result.page_id)
    share_ids = ",".join(str(r.page_id) for r in listings)
    change = shortlist.pop_change(request)
    removed = change if change and change.removed and change.page_id not in page_ids else None
    if not shared and len(listings) < len(page_ids):  # some have left the directory
        shortlist.keep_only(request, [r.page_id for r in listings])
    context = {
        "breadcrumb_pages": [*breadcrumbs(page), page],  # the search page is a step up
        "listings": listings,
        "left": len(page_ids) - len(listings),
        "shared": shared,
        "shortlisted": set(shortlist.ids(request)),
        "shortlist_change": change,
        # Your own list loses the card you remove: come back to the line saying so.
        "back_to": "" if shared else f"{request.path}#shortlist-change",
        # Full links: a printed shortlist shows where each profile is (GOV.UK print styles).
        "absolute_url": request.build_absolute_uri(page.url),
        # Confirmed at the top of the list when its card has gone from it.
        "removed": removed,
        "cleared": bool(change and change.cleared),
        "share_url": request.build_absolute_uri(f"{request.path}?ids={share_ids}")
        if listings
        else "",
    }
    return TemplateResponse(
        request, "directory/shortlist.html", {"page": page, "self": page, **context}
    )


def _shortlist_url(page) -> str:
    return page.url + page.reverse_subpage("shortlist")


def _back(request, page) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not target.startswith("/"):
        target = _shortlist_url(page)
    return HttpResponseRedirect(target)


def _posted_id(request) -> int | None:
    raw = request.POST.get("page_id", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 12 else None


@require_POST
def shortlist_add(request, page):
    page_id = _posted_id(request)
    found = selectors.listings_by_id(page_ids=[page_id]) if page_id is not None else []
    if found:
        what = shortlist.ADDED if shortlist.add(request, page_id) else shortlist.FULL
        shortlist.note_change(request, what=what, page_id=page_id, title=found[0].title)
    return _back(request, page)


@require_POST
def shortlist_remove(request, page):
    page_id = _posted_id(request)
    if page_id is not None and page_id in shortlist.ids(request):
        shortlist.remove(request, page_id)
        found = selectors.listings_by_id(page_ids=[page_id])
        title = found[0].title if found else ""
        shortlist.note_change(request, what=shortlist.REMOVED, page_id=page_id, title=title)
    return _back(request, page)


@require_POST
def shortlist_clear(request, page):
    """Remove every provider ("Remove all providers"): back to the line saying so."""
    shortlist.clear(request)
    shortlist.note_change(request, what=shortlist.CLEARED)
    return HttpResponseRedirect(_shortlist_url(page) + "#shortlist-change")
