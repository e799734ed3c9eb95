"""Directory search."""

from .base import BrowserPage

# Directory search (issue 4). The demo providers are around Thurrock (seed_demo).
NEAR_GRAYS = "/find-support/?postcode=RM17+6SL&distance=10"  # about 90 demo providers
ADD_FIRST = ".app-result form[action$='/add/'] button"  # the first card not yet shortlisted
# 50 providers (the most a shortlist holds) from the first three pages, then one more.
FILL_THE_SHORTLIST = tuple(
    step
    for page, clicks in ((1, 20), (2, 20), (3, 11))
    for step in (("goto", f"{NEAR_GRAYS}&page={page}"), *[("click", ADD_FIRST)] * clicks)
)

PAGES = [
    BrowserPage("directory search form", "/find-support/"),
    BrowserPage(  # a guidance page's link: a filter ticked, only the postcode to give
        "directory search form preset by a link",
        "/find-support/?kind=shared_lives",
        expect="Filter the results",
    ),
    BrowserPage(
        "directory search results",
        "/find-support/?postcode=RM17+6SL&distance=10",
        expect="providers near RM17 6SL",
    ),
    BrowserPage(
        "directory search results after adding to the shortlist",
        "/find-support/?postcode=RM17+6SL&distance=10",
        steps=(("click", ".app-result form button"),),
        expect="Remove from shortlist",
    ),
    BrowserPage(
        "directory search results when the shortlist is full",
        NEAR_GRAYS,
        steps=FILL_THE_SHORTLIST,
        expect="Your shortlist is full",
    ),
    BrowserPage(  # opened from the results: a back link to them replaces the breadcrumbs
        "provider profile opened from search results",
        "/find-support/?postcode=RM17+6SL&distance=10&page=2",
        steps=(("click", ".app-result h3 a"),),
        expect="Back to search results",
    ),
    BrowserPage(
        "directory search with no results",
        "/find-support/?postcode=RM17+6SL&distance=1&kind=shared_lives&language=bsl&new=on&max_price=1",
        expect="No providers found",
    ),
    BrowserPage(
        "directory search postcode error",
        "/find-support/?postcode=ZZ99+9ZZ",
        expect="We could not find that postcode",
    ),
    BrowserPage(
        "directory search filter error",
        "/find-support/?postcode=RM17+6SL&max_price=cheap",
        expect="Enter a price in pounds",
    ),
    BrowserPage(
        "directory search from an old link (a filter no longer offered)",
        "/find-support/?postcode=RM17+6SL&support=no-longer-offered&support=personal-care",
        expect="no longer offers",
    ),
    BrowserPage("shortlist (empty)", "/find-support/shortlist/", expect="Your shortlist is empty"),
    BrowserPage(
        "shortlist after removing all providers",
        NEAR_GRAYS,
        steps=(
            ("click", ADD_FIRST),
            ("goto", "/find-support/shortlist/"),
            ("click", "form[action$='/shortlist/clear/'] button"),
        ),
        expect="All providers were removed from your shortlist.",
    ),
]
