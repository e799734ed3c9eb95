"""The search index: one lean row per live, public listing, owned by directory.

Kept up to date by `directory.services.index_listing` (called from Wagtail's publish,
unpublish and delete signals) and rebuilt by `manage.py rebuild_listing_index`. Search
reads only these rows (plus the listing's `last_confirmed_at`, which changes without a
publish), never full page objects.

Vocabularies are stored as bitmasks keyed by term id (bit = id - 1, ids 1..63): "any of
these terms" is `mask & selected != 0`. Terms with larger ids fall back to the listing's
own many-to-many table (see selectors), so moderators can add terms without limit.

Full-text search lives beside this table, per database (directory/fts.py): an FTS5
virtual table on SQLite, a tsvector column with a GIN index on PostgreSQL."""

from django.db import models

MASK_BITS = 63  # bits 0..62 of a signed 64-bit integer: masks stay positive
CELL_METRES = 10_000  # grid squares for the geographic index


def grid_cell(easting: int, northing: int) -> int:
    """The 10 km grid square holding a point: 100 * 10,000 + ... ("cell" column)."""
    return (easting // CELL_METRES) * 10_000 + northing // CELL_METRES


def grid_cells(*, west: int, east: int, south: int, north: int) -> list[int]:
    """Every 10 km grid square that overlaps a box."""
    return [
        x * 10_000 + y
        for x in range(west // CELL_METRES, east // CELL_METRES + 1)
        for y in range(south // CELL_METRES, north // CELL_METRES + 1)
    ]


def term_bit(term_id: int) -> int:
    """The mask bit for a term id, or 0 when the id is beyond the mask."""
    return 1 << (term_id - 1) if 1 <= term_id <= MASK_BITS else 0


class ListingIndex(models.Model):
    page = models.OneToOneField(
        "providers.ProviderPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    summary = models.CharField(max_length=280, blank=True)
    area_label = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=20)
    easting = models.IntegerField()
    northing = models.IntegerField()
    cell = models.IntegerField(default=0)  # grid_cell(easting, northing)
    radius_m = models.IntegerField(default=0)  # travel radius in metres (0: none)
    council_code = models.CharField(max_length=9, blank=True)
    price_per_hour = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    availability = models.IntegerField(default=0)
    taking_new_people = models.BooleanField(default=True)
    # As published; reconfirming moves the listing's own value on without a publish, so
    # search treats this as a lower bound (see selectors.search_listings).
    last_confirmed_at = models.DateTimeField(null=True)
    support_mask = models.BigIntegerField(default=0)
    audience_mask = models.BigIntegerField(default=0)
    access_mask = models.BigIntegerField(default=0)
    language_mask = models.BigIntegerField(default=0)
    payment_mask = models.BigIntegerField(default=0)

    class Meta:
        indexes = [
            # Covers the geographic part of a search: cell IN (...), box, distance, radius,
            # freshness, and the listing's id (implicit on SQLite; PostgreSQL needs it
            # for an index-only scan); so finding candidates reads no table rows.
            models.Index(
                fields=["cell", "easting", "northing", "radius_m", "last_confirmed_at", "page"],
                name="listingindex_geo_page_idx",
            ),
            models.Index(fields=["radius_m"], name="listingindex_radius_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class ListingCouncil(models.Model):
    """A council a listing says it covers (upper-tier GSS code)."""

    listing = models.ForeignKey(ListingIndex, on_delete=models.CASCADE, related_name="councils")
    council_code = models.CharField(max_length=9)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["council_code", "listing"], name="listingcouncil_unique"
            )
        ]

    def __str__(self) -> str:
        return self.council_code
