"""Reads for the Open Referral API: the visible listings, filtered by the ORUK query
parameters, and paged the ORUK way. Each function raises `BadQuery` with a message a
developer can act on when a parameter is malformed (the view answers 400)."""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Upper
from django.utils import timezone
from wagtail.models import PageViewRestriction

from providers.geography.selectors import METRES_PER_MILE, lookup_postcode
from providers.models import ProviderPage
from providers.selectors import visible_listings

from ..models import ListingIndex
from ..selectors.query import Search
from .caching import cached_count, remember_count, remembered_count
from .context import listing_rows
from .taxonomy import Taxonomies

DEFAULT_PER_PAGE = 50
PAGING = ("page", "per_page")
MAX_PER_PAGE = 200
MAX_PROXIMITY_METRES = 200_000
# Query parameters are checked exactly as the OpenAPI description states them, so that a
# request the description allows is answered and one it forbids is refused (400).
POSTCODE_PATTERN = r"^ *([A-Za-z]{1,2}[0-9][A-Za-z0-9]? *([0-9][A-Za-z]{2})? *)?$"  # or blank
_POSTCODE = re.compile(POSTCODE_PATTERN)
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WHOLE = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


class BadQuery(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _integer(params, name, default, *, minimum=1, maximum=None):
    raw = params.get(name)
    if raw is None:
        return default
    if not _WHOLE.fullmatch(raw):
        raise BadQuery(name, f"{name} must be a whole number")
    value = int(raw)
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"from {minimum} to {maximum}" if maximum else f"at least {minimum}"
        raise BadQuery(name, f"{name} must be {bounds}")
    return value


def parse_modified_after(raw: str) -> datetime:
    """An RFC 3339 date-time ("2026-01-31T09:00:00Z") or a date ("2026-01-31")."""
    value = None
    try:
        if _DATE_TIME.fullmatch(raw):
            value = datetime.fromisoformat(raw.upper().replace("Z", "+00:00"))
        elif _DATE.fullmatch(raw):
            value = datetime.combine(date.fromisoformat(raw), time.min)
    except ValueError:
        value = None
    if value is None:
        raise BadQuery("modified_after", "modified_after must be a date or an RFC 3339 date-time")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return value


def parse_proximity(raw: str | None) -> float | None:
    if raw is None:
        return None
    metres = float(raw) if _NUMBER.fullmatch(raw) else None
    if metres is None or not 0 < metres <= MAX_PROXIMITY_METRES:
        raise BadQuery(
            "proximity",
            f"proximity must be a number of metres above 0, up to {MAX_PROXIMITY_METRES}",
        )
    return metres


def listings(*, params, taxonomies: Taxonomies | None = None, now=None):
    """The visible listings matching the ORUK filters (text/search, taxonomy_term_id,
    modified_after, postcode, proximity), in a stable order, as keys for `paged`: a lazy
    queryset of page ids in id order, or with a postcode the directory search's rows
    (ordered by distance)."""
    taxonomies = taxonomies or Taxonomies()
    # Every parameter is checked before any filter can short-cut to "no results".
    modified_after = params.get("modified_after")
    modified_after = None if modified_after is None else parse_modified_after(modified_after)
    postcode = params.get("postcode") or ""
    if not _POSTCODE.fullmatch(postcode):
        raise BadQuery(
            "postcode", "postcode must be a UK postcode (RM17 6SL) or outward code (RM17)"
        )
    metres = parse_proximity(params.get("proximity"))
    text = (params.get("text") or params.get("search") or "").replace("\x00", "").strip()
    terms = []
    for raw in [t for t in params.get("taxonomy_term_id", "").split(",") if t.strip()]:
        term = taxonomies.by_id.get(raw.strip().lower())
        if term is None:
            return _nothing()
        terms.append(term)
    if postcode.strip():
        return _near(postcode, metres=metres, text=text, terms=terms, modified_after=modified_after)
    return _everywhere(text=text, terms=terms, modified_after=modified_after, now=now)


def _nothing():
    return ListingIndex.objects.none().values_list("page_id", flat=True)


def _everywhere(*, text, terms, modified_after, now=None):
    """Without a postcode: the ids of every visible listing that matches, read from the
    listing index (one lean row per live, public listing with a grid reference; kept in
    step by publishing, unpublishing, deleting and reconfirming), so that counting and
    paging never touch the page tables. A visible listing without a grid reference is not in the
    index: those few are found on the page tables and merged in by id."""
    from directory import selectors as search  # the directory search, same app

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_HIDE_AFTER_DAYS)
    # The indexed confirmation date is the listing's own (see directory.models.index).
    indexed = ListingIndex.objects.filter(last_confirmed_at__gte=cutoff)
    # apply_location sets easting and northing together: no grid reference, no easting.
    unindexed = visible_listings(now=now).filter(easting__isnull=True)
    if text:
        indexed = indexed.filter(_contains_q(text))
        unindexed = unindexed.filter(Q(title__icontains=text) | Q(summary__icontains=text))
    for term in terms:
        if term.vocabulary == "provider_kind":
            indexed = indexed.filter(kind=term.slug)
            unindexed = unindexed.filter(kind=term.slug)
        else:
            indexed = indexed.filter(search.any_term_q(term.vocabulary, [term.pk]))
            unindexed = unindexed.filter(**{term.vocabulary: term.pk})
    if modified_after is not None:
        indexed = indexed.filter(last_published_at__gte=modified_after)
        unindexed = unindexed.filter(last_published_at__gte=modified_after)
    # The index follows privacy changes once they commit (services.reindex_under); this
    # second check also covers a restriction made in the same transaction.
    if PageViewRestriction.objects.exists():
        indexed = indexed.exclude(page_id__in=ProviderPage.objects.not_public().values("pk"))
    ids = indexed.values_list("page_id", flat=True)
    extra = list(unindexed.values_list("pk", flat=True))
    if extra:
        ids = ids.union(
            ProviderPage.objects.filter(pk__in=extra).values_list("pk", flat=True), all=True
        )
    return ids.order_by("page_id")


def _contains_q(text: str) -> Q:
    """The name or summary contains `text`, ignoring case: Django's icontains. On
    PostgreSQL that is UPPER(column) LIKE UPPER(pattern): the index's upper-cased copies
    (kept by the database) give the same answer without upper-casing every row."""
    if connection.vendor == "postgresql":
        upper = Upper(Value(text))
        return Q(title_upper__contains=upper) | Q(summary_upper__contains=upper)
    return Q(title__icontains=text) | Q(summary__icontains=text)


def _near(postcode, *, metres, text, terms, modified_after):
    """With a postcode: the directory search (directory.selectors.search_listings, the one
    geographic query), narrowed to covering listings, or to those within `metres`.
    Vocabulary terms go to the search as its own filters; `text` is tested as it is
    without a postcode."""
    from directory import selectors as search  # the directory search, same app

    location = lookup_postcode(postcode)
    if location is None:
        return _nothing()  # well-formed but unknown: nowhere we know of
    by_group = {}
    for term in terms:
        by_group.setdefault(term.vocabulary, []).append(term)
    # Terms the search filters one group at a time (any of): each further one is ANDed.
    filters = []
    for group in ("support_kinds", "audiences", "payment_methods", "languages", "provider_kind"):
        for term in by_group.get(group, [])[1:]:
            if group == "provider_kind":
                filters.append(Q(kind=term.slug))
            else:
                filters.append(Q(**{f"page__{group}": term.pk}))
    for term in by_group.get("access_features", []):
        filters.append(Q(page__access_features=term.pk))
    if modified_after is not None:
        filters.append(Q(page__last_published_at__gte=modified_after))
    if text:  # the same test as without a postcode (not the search box's word match)
        filters.append(_contains_q(text))
    # Without a distance, the listings that cover the postcode (the search's "near"
    # within no distance is those whose own radius reaches it); with one, those within it.
    return search.search_listings(
        location=location,
        distance_miles=(metres or 0) / METRES_PER_MILE,
        support_kinds=[t.slug for t in by_group.get("support_kinds", [])[:1]],
        audiences=[t.slug for t in by_group.get("audiences", [])[:1]],
        payment_methods=[t.slug for t in by_group.get("payment_methods", [])[:1]],
        languages=[t.slug for t in by_group.get("languages", [])[:1]],
        provider_kinds=[t.slug for t in by_group.get("provider_kind", [])[:1]],
        sort="distance",
        filters=filters,
        max_distance_m=metres,
    )


@dataclass(frozen=True)
class Paged:
    items: list
    total_items: int
    page_number: int
    size: int
    total_pages: int

    def envelope(self, contents) -> dict:
        return {
            "total_items": self.total_items,
            "total_pages": self.total_pages,
            "page_number": self.page_number,
            "size": len(contents),
            "first_page": self.page_number == 1,
            "last_page": self.page_number >= self.total_pages,
            "empty": self.total_items == 0,
            "contents": contents,
        }

    def envelope_items(self) -> dict:
        return self.envelope(self.items)


def paged(keys, *, params) -> Paged:
    """One page of `keys` (from `listings`) the ORUK way: page from 1, per_page up to
    MAX_PER_PAGE; a page past the end is empty (not an error). Whatever per_page is: a
    count and the page's keys (one query for the search's rows), then their listings in
    one query."""
    page_number = _integer(params, "page", 1, maximum=1_000_000)
    per_page = _integer(params, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    # Counted once per set of results: the key is every parameter but the paging ones
    # (the query itself would not do: it holds the hiding date, which moves with the clock).
    key = repr(sorted((k, v) for k, vs in params.lists() for v in vs if k not in PAGING))
    start = (page_number - 1) * per_page
    total = remembered_count(key=key)
    if isinstance(keys, Search):
        # The directory search: the page and the count in one geographic query.
        found = keys.keys(offset=start, limit=per_page)
        if total is None:
            total = found[0]["total"] if found else (keys.count() if start else 0)
            remember_count(key=key, count=total)
        ids = [row["page_id"] for row in found]
    else:
        total = cached_count(keys, key=key) if total is None else total
        ids = keys[start : start + per_page] if start < total else []
        ids = [k["page_id"] if isinstance(k, dict) else k for k in ids]
    pages = listing_rows(page_ids=ids) if ids else {}
    return Paged(
        items=[pages[pk] for pk in ids if pk in pages],
        total_items=total,
        page_number=page_number,
        size=per_page,
        total_pages=math.ceil(total / per_page),
    )


def visible_listing(*, key, prefetch=()):
    """The visible listing whose service id (translation key) is `key`, or None."""
    return visible_listings().filter(translation_key=key).prefetch_related(*prefetch).first()


def paged_list(values: list, *, params) -> Paged:
    page_number = _integer(params, "page", 1, maximum=1_000_000)
    per_page = _integer(params, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    start = (page_number - 1) * per_page
    return Paged(
        items=values[start : start + per_page],
        total_items=len(values),
        page_number=page_number,
        size=per_page,
        total_pages=math.ceil(len(values) / per_page),
    )
