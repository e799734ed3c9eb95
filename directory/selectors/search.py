"""Who can help at a postcode: the search's filters and its two branches (see query.py)."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    BigIntegerField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from providers import availability as slots
from providers.geography.selectors import METRES_PER_MILE, Location
from providers.models import ProviderPage

from .. import fts
from ..models import ListingIndex
from ..models.index import MASK_BITS, grid_cells
from .query import KEY_COLUMNS, Search
from .vocabularies import BSL, DEFAULT_DISTANCE, GROUPS, Vocabularies, vocabularies

LARGEST_RADIUS_KEY = "directory:largest-radius"


def largest_radius() -> int:
    """The largest travel radius of any indexed listing, in metres (cached; the index
    services forget it whenever they write)."""
    value = cache.get(LARGEST_RADIUS_KEY)
    if value is None:
        row = ListingIndex.objects.order_by("-radius_m").values_list("radius_m", flat=True)
        value = row.first() or 0
        cache.set(LARGEST_RADIUS_KEY, value, 300)
    return value


def any_term_q(group: str, term_ids: list[int]) -> Q:
    """Listings with any of these terms: a bitmask test, plus the listing's own
    many-to-many table for term ids beyond the mask."""
    _model, mask_field, m2m = GROUPS[group]
    mask = 0
    for term_id in term_ids:
        if 1 <= term_id <= MASK_BITS:
            mask |= 1 << (term_id - 1)
    beyond = [t for t in term_ids if not 1 <= t <= MASK_BITS]
    q = Q(pk__in=[])
    if mask:
        q |= _mask_q(mask_field, mask)
    if beyond:
        through = getattr(ProviderPage, m2m).through
        term_fk = next(
            f
            for f in through._meta.get_fields()
            if f.many_to_one and f.related_model is not ProviderPage
        )
        q |= Q(
            page_id__in=through.objects.filter(**{f"{term_fk.attname}__in": beyond}).values(
                "providerpage_id"
            )
        )
    return q


def _mask_q(mask_field: str, mask: int) -> Q:
    return Q(GreaterThan(F(mask_field).bitand(mask), 0))


def availability_mask(*, days=(), parts=()) -> int:
    """Any of these parts of the day on any of these days (all days / all parts when
    none are chosen); 0 when neither is chosen (no filter)."""
    days = [d for d, _label in slots.DAYS if d in set(days)]
    parts = [p for p, _label in slots.PARTS if p in set(parts)]
    if not days and not parts:
        return 0
    days = days or [d for d, _label in slots.DAYS]
    parts = parts or [p for p, _label in slots.PARTS]
    return slots.to_mask(f"{d}_{p}" for d in days for p in parts)


def search_listings(
    *,
    location: Location,
    distance_miles: int = DEFAULT_DISTANCE,
    support_kinds=(),
    audiences=(),
    payment_methods=(),
    languages=(),
    days=(),
    parts=(),
    max_price_per_hour=None,
    taking_new_people: bool = False,
    provider_kinds=(),
    keywords: str = "",
    sort: str = "distance",
    filters=(),
    max_distance_m: float | None = None,
    vocab: Vocabularies | None = None,
    now=None,
) -> Search:
    """Listings that can help at `location`, filtered and ordered: a lazy `Search`
    (its keys() a page of ids with the count; iterating it, every listing's card fields
    with distance_sq and covers). Vocabulary filters take slugs (languages: ISO codes,
    plus "bsl" for British Sign Language); provider_kinds takes ProviderPage.Kind values;
    days and parts take providers.availability codes. For other readers (the open data
    API): `filters`, more Q objects on the listing index, each ANDed on its own;
    `max_distance_m`, only listings at most that far away, covering or not."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_HIDE_AFTER_DAYS)
    e, n = location.easting, location.northing
    reach_m = round(distance_miles * METRES_PER_MILE)
    # The search box: the chosen distance, or the largest travel radius if wider (a
    # listing further away than the distance may still cover the postcode).
    box = max(reach_m, largest_radius())
    cells = grid_cells(west=e - box, east=e + box, south=n - box, north=n + box)
    # 64-bit arithmetic: squares of distances across Great Britain overflow 32 bits.
    dx = Cast(F("easting") - e, output_field=BigIntegerField())
    dy = Cast(F("northing") - n, output_field=BigIntegerField())
    distance_sq = ExpressionWrapper(dx * dx + dy * dy, output_field=BigIntegerField())
    radius = Cast(F("radius_m"), output_field=BigIntegerField())
    radius_sq = ExpressionWrapper(radius * radius, output_field=BigIntegerField())
    in_box = Q(
        cell__in_array=cells,  # one parameter on PostgreSQL (home.lookups)
        easting__gte=e - box,
        easting__lte=e + box,
        northing__gte=n - box,
        northing__lte=n + box,
    )
    # Confirmed within the hiding period (the indexed date is the listing's own).
    qs = ListingIndex.objects.alias(distance_sq=distance_sq, radius_sq=radius_sq).filter(
        last_confirmed_at__gte=cutoff
    )
    vocab = vocab or (
        vocabularies()
        if any((support_kinds, audiences, payment_methods, languages))
        else Vocabularies()
    )
    for group, slugs in (
        ("support_kinds", support_kinds),
        ("audiences", audiences),
        ("payment_methods", payment_methods),
    ):
        if slugs:
            qs = qs.filter(any_term_q(group, vocab.ids(group, slugs)))
    if languages:
        q = any_term_q("languages", vocab.ids("languages", languages))
        if BSL in languages:
            q |= any_term_q("access_features", vocab.ids("access_features", [BSL]))
        qs = qs.filter(q)
    if mask := availability_mask(days=days, parts=parts):
        qs = qs.filter(_mask_q("availability", mask))
    if max_price_per_hour is not None:
        qs = qs.filter(price_per_hour__lte=max_price_per_hour)
    if taking_new_people:
        qs = qs.filter(taking_new_people=True)
    if provider_kinds:
        qs = qs.filter(kind__in=list(provider_kinds))
    terms = fts.words(keywords)
    if terms:
        qs = qs.filter(fts.match_q(terms, cells=cells, council_code=location.council_code))
    for q in filters:
        qs = qs.filter(q)
    if max_distance_m is not None:
        qs = qs.filter(distance_sq__lte=max_distance_m * max_distance_m)
    sort = sort if sort == "price" or (sort == "relevance" and terms) else "distance"
    # Only what the order needs: the price column would send SQLite from the covering
    # geographic index to the table for every row in reach.
    price = F("price_per_hour") if sort == "price" else Value(0)
    relevance = fts.relevance(terms) if sort == "relevance" else Value(0)
    # Near enough, or covering the postcode's council: two index scans (an OR of the two
    # in one WHERE clause made PostgreSQL read the whole table), grouped by Search.
    near = qs.filter(
        in_box & (Q(distance_sq__lte=reach_m * reach_m) | Q(distance_sq__lte=F("radius_sq")))
    ).annotate(
        covers=Case(
            When(distance_sq__lte=F("radius_sq"), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    covering = qs.filter(councils__council_code=location.council_code).annotate(
        covers=Value(1, output_field=IntegerField())
    )
    branches = [
        branch.annotate(distance_sq=distance_sq, price=price, relevance=relevance)
        .order_by()
        .values(*KEY_COLUMNS)
        for branch in (near, covering)
    ]
    return Search(union=branches[0].union(branches[1], all=True), sort=sort)
