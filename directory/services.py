"""Writes of the directory: keeping the search index (directory.ListingIndex and its
full-text rows) in step with published listings. Signal handlers and the
rebuild_listing_index command call these; nothing else writes the index."""

import time
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.cache import cache
from django.db import connection, transaction
from wagtail.models import Page

from providers.geography.selectors import METRES_PER_MILE
from providers.models import ProviderPage

from . import bulk, fts
from .models import ListingCouncil, ListingIndex
from .models.index import grid_cell, term_bit
from .selectors import LARGEST_RADIUS_KEY
from .text import plain_text

VOCABULARY_MASKS = {
    # ListingIndex field: ProviderPage many-to-many field
    "support_mask": "support_kinds",
    "audience_mask": "audiences",
    "access_mask": "access_features",
    "language_mask": "languages",
    "payment_mask": "payment_methods",
}


def _mask(term_ids) -> int:
    mask = 0
    for term_id in term_ids:
        mask |= term_bit(term_id)
    return mask


def _indexable_pages():
    """Live, public listings with a grid reference: what the index holds. (Freshness is
    checked at read time: it changes with the clock, not with a publish.)"""
    return (
        ProviderPage.objects.live().public().filter(easting__isnull=False, northing__isnull=False)
    )


def index_values(*, page, term_ids: dict[str, list[int]]) -> dict:
    """The index row's values for a listing (a ProviderPage, or any object with its
    attributes: bulk loaders pass plain ones). `term_ids` maps each ProviderPage
    vocabulary field name to the ids of its terms."""
    return dict(
        page_id=page.pk,
        title=page.title,
        slug=page.slug,
        summary=page.summary,
        area_label=page.area_label,
        kind=page.kind,
        easting=page.easting,
        northing=page.northing,
        cell=grid_cell(page.easting, page.northing),
        radius_m=round((page.travel_radius_miles or 0) * METRES_PER_MILE),
        council_code=page.council_code,
        price_per_hour=page.price_per_hour,
        price_per_session=page.price_per_session,
        price_per_night=page.price_per_night,
        availability=page.availability,
        taking_new_people=page.taking_new_people,
        last_confirmed_at=page.last_confirmed_at,
        last_published_at=page.last_published_at,
        **{mask: _mask(term_ids.get(field, ())) for mask, field in VOCABULARY_MASKS.items()},
    )


def index_row(*, page: ProviderPage, term_ids: dict[str, list[int]]) -> ListingIndex:
    """The index row for a listing (unsaved)."""
    return ListingIndex(**index_values(page=page, term_ids=term_ids))


def fts_row(page, *, councils=()) -> tuple[int, str, str, str, str]:
    """The full-text row: words, and the places the listing is found in (its grid
    square and the councils it covers)."""
    places = fts.place_tokens(cell=grid_cell(page.easting, page.northing), councils=councils)
    return (page.pk, page.title, page.summary, plain_text(page.description), places)


@transaction.atomic
def index_listing(*, page_id: int) -> bool:
    """Index one listing as it is live now (or remove it if it should not be found).
    Returns whether it is in the index afterwards."""
    page = _indexable_pages().filter(pk=page_id).first()
    if page is None:
        remove_listing(page_id=page_id)
        return False
    term_ids = {
        field: list(getattr(page, field).values_list("pk", flat=True))
        for field in VOCABULARY_MASKS.values()
    }
    row = index_row(page=page, term_ids=term_ids)
    councils = list(page.councils_covered.values_list("gss_code", flat=True))
    ListingCouncil.objects.filter(listing_id=page_id).delete()
    row.save(force_insert=not ListingIndex.objects.filter(pk=page_id).exists())
    ListingCouncil.objects.bulk_create(
        ListingCouncil(listing_id=page_id, council_code=code) for code in councils
    )
    fts.write([fts_row(page, councils=councils)])
    forget_cached()
    return True


_CHUNK = 500


def reindex_under(*, page_id: int) -> None:
    """A view restriction on a page was added, changed or removed: the listings at and
    below it follow. Those no longer public leave the index (it holds public listings
    only) and public ones missing from it come back, both in bulk: the work grows with
    the listings below the page, not with the whole index."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return
    public = _indexable_pages().filter(path__startswith=page.path).values("pk")
    with transaction.atomic():
        hidden = list(
            ListingIndex.objects.filter(page__path__startswith=page.path)
            .exclude(page_id__in=public)
            .values_list("page_id", flat=True)
        )
        for start in range(0, len(hidden), _CHUNK):
            _remove(hidden[start : start + _CHUNK])
        missing = list(
            public.exclude(pk__in=ListingIndex.objects.values("page_id"))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        _index_in_bulk(missing)
    changed = len(hidden) + len(missing)
    if changed > _CHUNK:
        # The planner's statistics; and when a good part of the index was rewritten, as
        # after a rebuild, the full text merged (SQLite) and the space back (PostgreSQL):
        # searches slow down on a fragmented or bloated index.
        rewritten = changed > ListingIndex.objects.count() // 10
        if rewritten:
            fts.optimize()
        analyze(compact=rewritten)
    forget_cached()


def note_confirmed(*, page_id: int, confirmed_at) -> None:
    """A listing was reconfirmed without a publish: its index row follows, so that the
    indexed confirmation date is always the listing's own."""
    ListingIndex.objects.filter(pk=page_id).update(last_confirmed_at=confirmed_at)


@transaction.atomic
def remove_listing(*, page_id: int) -> None:
    _remove([page_id])


def _remove(page_ids: list[int]) -> None:
    _delete(ListingIndex.objects.filter(pk__in=page_ids))
    fts.delete(page_ids)


def _delete(rows) -> None:
    """These index rows (a ListingIndex queryset) and their councils. With the councils
    gone nothing refers to the rows: one DELETE, where QuerySet.delete() would first read
    every row to look for rows to cascade to (most of the time it took)."""
    ListingCouncil.objects.filter(listing__in=rows).delete()
    rows._raw_delete(rows.db)


@dataclass
class RebuildResult:
    listings: int
    seconds: float


def _term_ids_by_page(field: str, page_ids: list[int]) -> dict[int, list[int]]:
    through = getattr(ProviderPage, field).through
    term_fk = next(
        f
        for f in through._meta.get_fields()
        if f.many_to_one and f.related_model is not ProviderPage
    )
    result: dict[int, list[int]] = {}
    rows = through.objects.filter(providerpage_id__in=page_ids).values_list(
        "providerpage_id", term_fk.attname
    )
    for page_id, term_id in rows:
        result.setdefault(page_id, []).append(term_id)
    return result


def _councils_by_page(page_ids: list[int]) -> dict[int, list[str]]:
    return _term_ids_by_page("councils_covered", page_ids)


def forget_cached() -> None:
    """Drop what selectors cache about the index (call after any bulk write)."""
    cache.delete(LARGEST_RADIUS_KEY)


def analyze(*, compact: bool = False) -> None:
    """Refresh the planner's statistics (after a bulk load the plans are wrong without it).
    On PostgreSQL outside a transaction, VACUUM too: its visibility map is what lets the
    search count and order from the covering index alone (autovacuum would get there
    later). `compact` (after a bulk rewrite): VACUUM FULL, which rewrites the table and
    its indexes without the dead row versions the rewrite left (every row replaced, then
    updated again with its full text: twice the pages to scan, until the next rewrite).
    It holds the tables' lock for its length (about 2 s at 100,000 listings)."""
    tables = ["directory_listingindex", "directory_listingcouncil"]
    commands = ["ANALYZE"]
    if connection.vendor == "postgresql" and connection.get_autocommit():
        # VACUUM FULL leaves the visibility map empty: a plain VACUUM after it fills it.
        commands = ["VACUUM (FULL)", "VACUUM (ANALYZE)"] if compact else ["VACUUM (ANALYZE)"]
    with connection.cursor() as cursor:
        for table in tables:
            for command in commands:
                cursor.execute(f"{command} {table}")


def rebuild_listing_index(*, batch_size: int = 2000) -> RebuildResult:
    """Rebuild the whole index from the live listings, in batches (bulk paths such as
    imports and demo seeding call this after writing pages), then compact it (when not
    inside a transaction: see analyze)."""
    started = time.perf_counter()
    with transaction.atomic():
        count = _rebuild(batch_size=batch_size)
    analyze(compact=True)
    forget_cached()
    return RebuildResult(count, time.perf_counter() - started)


def _rebuild(*, batch_size: int) -> int:
    _delete(ListingIndex.objects.all())
    fts.clear()
    ids = list(_indexable_pages().order_by("pk").values_list("pk", flat=True))
    _index_in_bulk(ids, batch_size=batch_size)
    fts.optimize()
    return len(ids)


# What index_values and fts_row read of a listing (bulk paths read just these, not pages).
_FIELDS = (
    "id", "title", "slug", "summary", "description", "area_label", "kind", "council_code",
    "easting", "northing", "travel_radius_miles", "price_per_hour", "price_per_session",
    "price_per_night", "availability",
    "taking_new_people", "last_confirmed_at", "last_published_at",
)  # fmt: skip


_INDEX_FIELDS = bulk.stored_fields(ListingIndex)


def _index_in_bulk(page_ids: list[int], *, batch_size: int = 2000) -> None:
    """Index these listings (indexable, and not in the index yet) a batch at a time:
    a few queries a batch, whatever its size."""
    for start in range(0, len(page_ids), batch_size):
        chunk = page_ids[start : start + batch_size]
        batch = [
            SimpleNamespace(pk=row.pop("id"), **row)
            for row in ProviderPage.objects.filter(pk__in=chunk).order_by("pk").values(*_FIELDS)
        ]
        terms = {field: _term_ids_by_page(field, chunk) for field in VOCABULARY_MASKS.values()}
        councils = _councils_by_page(chunk)
        bulk.insert_rows(
            ListingIndex._meta.db_table,
            _INDEX_FIELDS,
            [
                index_values(
                    page=page,
                    term_ids={field: terms[field].get(page.pk, []) for field in terms},
                )
                for page in batch
            ],
        )
        bulk.insert_values(
            ListingCouncil._meta.db_table,
            "listing_id, council_code",
            [(page_id, code) for page_id, codes in councils.items() for code in codes],
        )
        fts.write([fts_row(page, councils=councils.get(page.pk, [])) for page in batch])
