"""One page of search results, and listings by id (a shortlist), as lean Result rows."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone

from providers.geography.selectors import METRES_PER_MILE
from providers.selectors import current_badges

from .query import Search, card_rows


@dataclass
class Result:
    page_id: int
    title: str
    slug: str
    summary: str
    area_label: str
    kind: str
    price_per_hour: object
    price_per_session: object
    price_per_night: object
    taking_new_people: bool
    covers: bool
    distance_miles: float
    days_since_confirmed: int
    may_be_out_of_date: bool
    badges: list
    contact: object = None  # providers.selectors.PublicContact, where a page shows it

    @property
    def miles_away(self) -> int | None:
        """The distance in whole miles: it is measured to the centre of the listing's
        outward code (see providers.geography.selectors.published_point), so no finer."""
        return None if self.distance_miles is None else round(self.distance_miles)


def miles(distance_sq) -> float:
    """The distance in miles, from its square in metres as the search measures it."""
    return (distance_sq**0.5) / METRES_PER_MILE


def _result(row: dict, *, badges: dict, now) -> Result:
    days = (now - row["last_confirmed_at"]).days
    return Result(
        page_id=row["page_id"],
        title=row["title"],
        slug=row["slug"],
        summary=row["summary"],
        area_label=row["area_label"],
        kind=row["kind"],
        price_per_hour=row["price_per_hour"],
        price_per_session=row["price_per_session"],
        price_per_night=row["price_per_night"],
        taking_new_people=row["taking_new_people"],
        covers=bool(row["covers"]),
        distance_miles=miles(row["distance_sq"]),
        days_since_confirmed=days,
        may_be_out_of_date=days >= settings.LISTING_STALE_AFTER_DAYS,
        badges=badges.get(row["page_id"], []),
    )


def results_page(*, search: Search, number=1, per_page: int = 20, now=None):
    """One page of results (a Django Page whose object_list is [Result]) in three
    queries whatever the page size: the page's ids in order with the total count beside
    them (one grouped pass over the geographic index), the rows of those ids, and their
    badges. A page number past the end gives the last page (one more count query)."""
    now = now or timezone.now()
    paginator = Paginator((), per_page)
    number = max(1, number)
    found = search.keys(offset=(number - 1) * per_page, limit=per_page)
    if found:
        paginator.count = found[0]["total"]
    else:
        paginator.count = search.count() if number > 1 else 0
        if paginator.count:
            number = paginator.num_pages
            found = search.keys(offset=(number - 1) * per_page, limit=per_page)
    page = paginator.page(min(number, paginator.num_pages))
    rows = card_rows(page_ids=[k["page_id"] for k in found])
    badges = current_badges(page_ids=list(rows)) if rows else {}
    page.object_list = [
        _result({**rows[k["page_id"]], **k}, badges=badges, now=now)
        for k in found
        if k["page_id"] in rows
    ]
    return page


def listings_by_id(*, page_ids, now=None) -> list[Result]:
    """Visible listings among these ids (a shortlist), in the order given, with badges
    (distance_miles is None: there is no postcode)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LISTING_HIDE_AFTER_DAYS)
    ids = list(dict.fromkeys(int(i) for i in page_ids))
    rows = {
        pk: row
        for pk, row in card_rows(page_ids=ids).items()
        if row["last_confirmed_at"] is not None and row["last_confirmed_at"] >= cutoff
    }
    found = [rows[i] for i in ids if i in rows]
    badges = current_badges(page_ids=[r["page_id"] for r in found]) if found else {}
    results = []
    for row in found:
        result = _result({**row, "distance_sq": 0, "covers": False}, badges=badges, now=now)
        result.distance_miles = None
        results.append(result)
    return results
