"""The search index: one lean row per live, public listing, owned by directory.

Kept up to date by `directory.services.index_listing` (called from Wagtail's publish,
unpublish and delete signals), by `note_confirmed` (providers' listing_confirmed signal:
a reconfirmation writes no revision) and rebuilt by `manage.py rebuild_listing_index`.
Search reads only these rows, never full page objects; the Open Referral API counts and
pages over them in id order (listingindex_api_idx, listingindex_text_idx).

Vocabularies are stored as bitmasks keyed by term id (bit = id - 1, ids 1..63): "any of
these terms" is `mask & selected != 0`. Terms with larger ids fall back to the listing's
own many-to-many table (see selectors), so moderators can add terms without limit.

Full-text search lives beside this table, per database (directory/fts.py): an FTS5
virtual table on SQLite, a tsvector column with a GIN index on PostgreSQL."""

from django.db import models
from django.db.models.functions import Upper

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
    # UPPER(title) and UPPER(summary), kept by the database: the Open Referral API's
    # `text` filter is Django's icontains (UPPER(column) LIKE UPPER(pattern) on
    # PostgreSQL), and upper-casing every row on every request was most of its cost.
    title_upper = models.GeneratedField(
        expression=Upper("title"), output_field=models.CharField(max_length=255), db_persist=True
    )
    summary_upper = models.GeneratedField(
        expression=Upper("summary"),
        output_field=models.CharField(max_length=280),
        db_persist=True,
    )
    area_label = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=20)
    easting = models.IntegerField()
    northing = models.IntegerField()
    cell = models.IntegerField(default=0)  # grid_cell(easting, northing)
    radius_m = models.IntegerField(default=0)  # travel radius in metres (0: none)
    council_code = models.CharField(max_length=9, blank=True)
    price_per_hour = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    # Shown on a card when there is no hourly price (Shared Lives schemes charge these).
    price_per_session = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    price_per_night = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    availability = models.IntegerField(default=0)
    taking_new_people = models.BooleanField(default=True)
    # The listing's own: written on publish and on reconfirmation (note_confirmed).
    last_confirmed_at = models.DateTimeField(null=True)
    # The listing's last_published_at, written by the publish that indexes it (the Open
    # Referral API's modified_after filter).
    last_published_at = models.DateTimeField(null=True)
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
            # Cover the Open Referral API's lists (every listing, in id order, filtered
            # by freshness, kind, vocabulary masks, modified_after; or by words in the
            # name or summary): counting and paging read only these narrow entries.
            models.Index(
                fields=[
                    "page",
                    "last_confirmed_at",
                    "last_published_at",
                    "kind",
                    "support_mask",
                    "audience_mask",
                    "access_mask",
                    "language_mask",
                    "payment_mask",
                ],
                name="listingindex_api_idx",
            ),
            # And listingindex_text_idx, one per database (migration 0007): what the API's
            # `text` filter reads, (page, last_confirmed_at, title, summary) on SQLite,
            # (page, last_confirmed_at) with the upper-cased copies on PostgreSQL.
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
