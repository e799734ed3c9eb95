"""Reads of the directory: who can help at a postcode, with filters. Keyword-only API,
stable for other apps (the open data API reuses `search_listings`).

    vocab = vocabularies()                                  # cached, else one query
    qs = search_listings(location=loc, distance_miles=10, support_kinds=["personal-care"],
                         languages=["pl", "bsl"], keywords="garden", sort="distance",
                         vocab=vocab)                       # a lazy Search
    page = results_page(search=qs, number=1, per_page=20)   # 3 queries

Rules: a listing is found when it is live, public and confirmed within
LISTING_HIDE_AFTER_DAYS; it is within the chosen distance of the postcode OR it covers
the postcode (its base is within its own travel radius of it, or the postcode's
upper-tier council is one it covers). Covering listings come first, then the sort
(distance, price per hour, or relevance to the keywords), then nearest. Filters combine
with AND across groups and OR within a group."""

from .. import fts  # noqa: F401 (the open data API reads fts.words through this package)
from .results import Result, listings_by_id, results_page
from .search import (
    LARGEST_RADIUS_KEY,
    any_term_q,
    availability_mask,
    largest_radius,
    search_listings,
)
from .vocabularies import (
    BSL,
    DEFAULT_DISTANCE,
    DISTANCES,
    GROUPS,
    SORTS,
    VOCABULARIES_KEY,
    Term,
    Vocabularies,
    vocabularies,
)

__all__ = [
    "BSL",
    "DEFAULT_DISTANCE",
    "DISTANCES",
    "GROUPS",
    "LARGEST_RADIUS_KEY",
    "SORTS",
    "VOCABULARIES_KEY",
    "Result",
    "Term",
    "Vocabularies",
    "any_term_q",
    "availability_mask",
    "largest_radius",
    "listings_by_id",
    "results_page",
    "search_listings",
    "vocabularies",
]
