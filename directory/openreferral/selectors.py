"""Reads for the Open Referral API: the visible listings, filtered by the ORUK query
parameters, and paged the ORUK way. Each function raises `BadQuery` with a message a
developer can act on when a parameter is malformed (the view answers 400)."""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from providers.geography.selectors import METRES_PER_MILE, lookup_postcode
from providers.models import ProviderPage
from providers.selectors import visible_listings

from .caching import cached_count
from .taxonomy import Taxonomies

DEFAULT_PER_PAGE = 50
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


def listings(*, params, taxonomies: Taxonomies | None = None):
    """Visible listings matching the ORUK filters (text/search, taxonomy_term_id,
    modified_after, postcode, proximity), in a stable order: a ProviderPage queryset, or
    with a postcode the directory search's rows (ordered by distance; see `paged`)."""
    taxonomies = taxonomies or Taxonomies()
    # Every parameter is checked before any filter can short-cut to "no results".
    modified_after = params.get("modified_after")
    modified_after = None if modified_after is None else parse_modified_after(modified_after)
    postcode = params.get("postcode") or ""
    if not _POSTCODE.fullmatch(postcode):
        raise BadQuery(
            "postcode", "postcode must be a UK postcode (RM17 5SW) or outward code (RM17)"
        )
    metres = parse_proximity(params.get("proximity"))
    text = (params.get("text") or params.get("search") or "").replace("\x00", "").strip()
    terms = []
    for raw in [t for t in params.get("taxonomy_term_id", "").split(",") if t.strip()]:
        term = taxonomies.by_id.get(raw.strip().lower())
        if term is None:
            return ProviderPage.objects.none()
        terms.append(term)
    if postcode.strip():
        return _near(postcode, metres=metres, text=text, terms=terms, modified_after=modified_after)
    queryset = visible_listings()
    if text:
        queryset = queryset.filter(Q(title__icontains=text) | Q(summary__icontains=text))
    for term in terms:
        if term.vocabulary == "provider_kind":
            queryset = queryset.filter(kind=term.slug)
        else:
            queryset = queryset.filter(**{term.vocabulary: term.pk})
    if modified_after is not None:
        queryset = queryset.filter(last_published_at__gte=modified_after)
    return queryset.order_by("pk")


def _near(postcode, *, metres, text, terms, modified_after):
    """With a postcode: the directory search (directory.selectors.search_listings, the one
    geographic query), narrowed to covering listings, or to those within `metres`.
    Vocabulary terms and words go to the search as its own filters."""
    from directory import selectors as search  # the directory search, same app

    location = lookup_postcode(postcode)
    if location is None:
        return ProviderPage.objects.none()  # well-formed but unknown: nowhere we know of
    by_group = {}
    for term in terms:
        by_group.setdefault(term.vocabulary, []).append(term)
    rows = search.search_listings(
        location=location,
        distance_miles=(metres or 0) / METRES_PER_MILE,
        support_kinds=[t.slug for t in by_group.get("support_kinds", [])],
        audiences=[t.slug for t in by_group.get("audiences", [])],
        payment_methods=[t.slug for t in by_group.get("payment_methods", [])],
        languages=[t.slug for t in by_group.get("languages", [])],
        provider_kinds=[t.slug for t in by_group.get("provider_kind", [])],
        keywords=text,
        sort="distance",
    )
    # Terms the search filters one group at a time (any of): each further one is ANDed.
    for group in ("support_kinds", "audiences", "payment_methods", "languages", "provider_kind"):
        for term in by_group.get(group, [])[1:]:
            field = "kind" if group == "provider_kind" else f"page__{group}"
            rows = rows.filter(**{field: term.slug if group == "provider_kind" else term.pk})
    for term in by_group.get("access_features", []):
        rows = rows.filter(page__access_features=term.pk)
    if text and not search.fts.words(text):
        return ProviderPage.objects.none()
    if modified_after is not None:
        rows = rows.filter(page__last_published_at__gte=modified_after)
    if metres is None:
        return rows.filter(covers=True)
    return rows.filter(distance_sq__lte=metres * metres)


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


def paged(queryset, *, params) -> Paged:
    """One page of `queryset` the ORUK way: page from 1, per_page up to MAX_PER_PAGE.
    A page past the end is empty (not an error)."""
    page_number = _integer(params, "page", 1, maximum=1_000_000)
    per_page = _integer(params, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    total = cached_count(queryset)
    start = (page_number - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total else []
    if items and isinstance(items[0], dict):  # search rows: fetch their pages, in order
        pages = ProviderPage.objects.in_bulk([row["page_id"] for row in items])
        items = [pages[row["page_id"]] for row in items if row["page_id"] in pages]
    return Paged(
        items=items,
        total_items=total,
        page_number=page_number,
        size=per_page,
        total_pages=math.ceil(total / per_page),
    )


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
