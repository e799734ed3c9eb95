"""The directory search as one SQL statement.

`search_listings` builds two ORM querysets of keys over the listing index, both already
filtered: "near" (in the search box, within the distance or within the listing's own
travel radius) and "covering" (covers the postcode's council). `Search` runs their
UNION ALL once, grouped by listing: the distance, whether it covers the postcode, the
order and the total count come from that one pass. (The ORM cannot group a union; the
earlier form, an ORM query over `page_id IN (union)`, read every matching row a second
time and tested the council with a per-row sub-query: twice the time where 10,000
listings are in reach.)"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from ..models import ListingIndex

# What a result card shows, as the index holds it.
CARD_FIELDS = (
    "page_id",
    "title",
    "slug",
    "summary",
    "area_label",
    "kind",
    "price_per_hour",
    "price_per_session",
    "price_per_night",
    "taking_new_people",
    "last_confirmed_at",
)
# The columns each branch of the union selects, in this order.
KEY_COLUMNS = ("page_id", "distance_sq", "covers", "price", "relevance")
# ORDER BY terms over the grouped keys, by sort (covering listings always come first).
_ORDER = {
    "distance": (),
    "price": ("MIN(u.price) IS NULL", "MIN(u.price)"),
    "relevance": ("MAX(u.relevance) DESC",),
}


@dataclass(frozen=True)
class Search:
    """Listings that can help at a postcode, filtered and ordered (see search_listings).
    `keys()` gives a page of {page_id, distance_sq, covers, total}; iterating gives every
    listing's card fields with its distance and cover (for exports and tests)."""

    union: QuerySet  # .values(*KEY_COLUMNS) of both branches, UNION ALL
    sort: str = "distance"

    def _grouped(self) -> tuple[str, list]:
        inner, params = self.union.query.sql_with_params()
        return f"FROM ({inner}) u GROUP BY u.page_id", list(params)  # noqa: S608

    def keys(self, *, offset: int = 0, limit: int | None = None) -> list[dict]:
        """One page of keys in order, each with the total number of listings found."""
        grouped, params = self._grouped()
        order = ", ".join(
            ["MAX(u.covers) DESC", *_ORDER[self.sort], "MIN(u.distance_sq)", "u.page_id"]
        )
        sql = (
            "SELECT u.page_id, MIN(u.distance_sq), MAX(u.covers), COUNT(*) OVER () "  # noqa: S608
            f"{grouped} ORDER BY {order}"
        )
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [
                {"page_id": pk, "distance_sq": d2, "covers": bool(covers), "total": total}
                for pk, d2, covers, total in cursor.fetchall()
            ]

    def count(self) -> int:
        grouped, params = self._grouped()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM (SELECT u.page_id {grouped}) n", params)  # noqa: S608
            return cursor.fetchone()[0]

    def rows(self, *, offset: int = 0, limit: int | None = None) -> list[dict]:
        """A page of listings in order: card fields, distance_sq and covers."""
        keys = self.keys(offset=offset, limit=limit)
        cards = card_rows(page_ids=[k["page_id"] for k in keys])
        return [{**cards[k["page_id"]], **k} for k in keys if k["page_id"] in cards]

    def __iter__(self):
        return iter(self.rows())


def card_rows(*, page_ids) -> dict[int, dict]:
    """The card fields of these listings, by page id."""
    if not page_ids:
        return {}
    rows = ListingIndex.objects.filter(pk__in=page_ids).values(*CARD_FIELDS)
    return {row["page_id"]: row for row in rows}
