"""Rows of the public CSV. Only what the profile page shows: never the base postcode,
a hidden phone number or email address, checks that are not current badges, or anything
from the portal. Home-based providers show their area; premises only for micro-enterprises
that gave one (as the API does). A search's export adds what its result cards say about
each listing: how far, whether it covers the searched area, whether it may be out of date."""

import csv
import io

from directory.openreferral.context import is_home_based, outward_code
from directory.openreferral.serializers import PRICE_FIELDS
from directory.selectors.results import miles
from directory.text import plain_text
from home.spreadsheets import neutralise_formula
from providers.availability import from_mask
from providers.selectors import current_badges, freshness

COLUMNS = [
    "id",
    "name",
    "kind",
    "summary",
    "description",
    "area",
    "outward_code",
    "council",
    "region",
    "premises_address",
    "travel_radius_miles",
    "councils_covered",
    "support_kinds",
    "audiences",
    "access_features",
    "languages",
    "payment_methods",
    "price_per_hour",
    "price_per_session",
    "price_per_night",
    "price_note",
    "availability",
    "taking_new_people",
    "taking_new_people_from",
    "phone",
    "email",
    "website",
    "checks",
    "profile_url",
    "last_confirmed",
    "last_published",
]
# A search's export: these after "kind". Distances are whole miles (0: less than 1 mile)
# to the centre of the listing's outward code, as the cards say them: never finer.
SEARCH_COLUMNS = ["distance_miles", "covers_searched_area", "may_be_out_of_date"]
_AFTER_KIND = COLUMNS.index("kind") + 1
SEARCH_EXPORT_COLUMNS = [*COLUMNS[:_AFTER_KIND], *SEARCH_COLUMNS, *COLUMNS[_AFTER_KIND:]]
PREFETCH = [
    "support_kinds",
    "audiences",
    "access_features",
    "languages",
    "payment_methods",
    "councils_covered",
]
CHUNK = 500


def neutralise(value) -> str:
    """The cell as text that a spreadsheet will never run as a formula."""
    return neutralise_formula("" if value is None else str(value))


def _names(related) -> str:
    return "; ".join(term.name for term in related.all())


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def row(page, *, badges, councils, base_url: str, found: dict | None = None) -> list[str]:
    """The listing's cells; with `found` (its search key: distance_sq, covers), the
    search export's too."""
    url = page.url or ""
    values = {
        "id": page.translation_key,
        "name": page.title,
        "kind": page.get_kind_display(),
        "summary": page.summary,
        "description": plain_text(page.description),
        "area": page.area_label,
        "outward_code": outward_code(page),
        "council": councils.get(page.council_code, ("", ""))[0],
        "region": councils.get(page.council_code, ("", ""))[1],
        "premises_address": ""
        if is_home_based(page)
        else ", ".join(line.strip() for line in page.premises_address.splitlines() if line.strip()),
        "travel_radius_miles": page.travel_radius_miles or "",
        "councils_covered": _names(page.councils_covered),
        "support_kinds": _names(page.support_kinds),
        "audiences": _names(page.audiences),
        "access_features": _names(page.access_features),
        "languages": _names(page.languages),
        "payment_methods": _names(page.payment_methods),
        **{field: getattr(page, field) or "" for field, _label in PRICE_FIELDS},
        "price_note": page.price_note,
        "availability": " ".join(from_mask(page.availability)),
        "taking_new_people": _yes_no(page.taking_new_people),
        "taking_new_people_from": page.taking_new_people_from or "",
        "phone": page.phone if page.show_phone else "",
        "email": page.email if page.show_email else "",
        "website": page.website,
        "checks": "; ".join(str(c.get_kind_display()) for c in badges.get(page.pk, [])),
        "profile_url": base_url + url if url.startswith("/") else url,
        "last_confirmed": page.last_confirmed_at.date() if page.last_confirmed_at else "",
        "last_published": page.last_published_at.date() if page.last_published_at else "",
    }
    columns = COLUMNS
    if found is not None:
        columns = SEARCH_EXPORT_COLUMNS
        values["distance_miles"] = round(miles(found["distance_sq"]))  # Result.miles_away
        values["covers_searched_area"] = _yes_no(found["covers"])
        stale = freshness(last_confirmed_at=page.last_confirmed_at).may_be_out_of_date
        values["may_be_out_of_date"] = _yes_no(stale)
    return [neutralise(values[column]) for column in columns]


def _header(columns=COLUMNS) -> str:
    """The first chunk: a byte order mark, then the header row. Without the mark Excel
    reads the file as Windows-1252 ("ZoÃ«'s CafÃ©"); the survey downloads have one too."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer).writerow(columns)
    return buffer.getvalue()


def stream(queryset, *, base_url: str):
    """Yield the CSV text (byte order mark and header first) in chunks of CHUNK listings."""
    from providers.geography.models import Council

    councils = {
        c.pk: (c.name, c.region_name) for c in Council.objects.only("pk", "name", "region_name")
    }
    yield _header()
    pages = queryset.prefetch_related(*PREFETCH).iterator(chunk_size=CHUNK)
    chunk = []
    for page in pages:
        chunk.append(page)
        if len(chunk) == CHUNK:
            yield _chunk(chunk, councils=councils, base_url=base_url)
            chunk = []
    if chunk:
        yield _chunk(chunk, councils=councils, base_url=base_url)


def _chunk(pages, *, councils, base_url, found=None) -> str:
    badges = current_badges(page_ids=[p.pk for p in pages])
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for page in pages:
        key = None if found is None else found[page.pk]
        writer.writerow(row(page, badges=badges, councils=councils, base_url=base_url, found=key))
    return buffer.getvalue()


def stream_search(found: list[dict], *, base_url: str):
    """The CSV of a search's results in its order, CHUNK at a time: `found` is its keys
    (directory.selectors.query.Search.keys: page_id, distance_sq, covers)."""
    from providers.geography.models import Council
    from providers.models import ProviderPage

    councils = {
        c.pk: (c.name, c.region_name) for c in Council.objects.only("pk", "name", "region_name")
    }
    yield _header(SEARCH_EXPORT_COLUMNS)
    for start in range(0, len(found), CHUNK):
        keys = {key["page_id"]: key for key in found[start : start + CHUNK]}
        pages = ProviderPage.objects.prefetch_related(*PREFETCH).in_bulk(list(keys))
        listed = [pages[i] for i in keys if i in pages]
        yield _chunk(listed, councils=councils, base_url=base_url, found=keys)
