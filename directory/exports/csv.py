"""Rows of the public CSV. Only what the profile page shows: never the base postcode,
a hidden phone number or email address, checks that are not current badges, or anything
from the portal. Home-based providers show their area; premises only for micro-enterprises
that gave one (as the API does)."""

import csv
import io

from directory.openreferral.context import is_home_based, outward_code
from directory.openreferral.serializers import PRICE_FIELDS
from directory.text import plain_text
from home.spreadsheets import neutralise_formula
from providers.availability import from_mask
from providers.selectors import current_badges

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


def row(page, *, badges, councils, base_url: str) -> list[str]:
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
        "taking_new_people": "yes" if page.taking_new_people else "no",
        "taking_new_people_from": page.taking_new_people_from or "",
        "phone": page.phone if page.show_phone else "",
        "email": page.email if page.show_email else "",
        "website": page.website,
        "checks": "; ".join(str(c.get_kind_display()) for c in badges.get(page.pk, [])),
        "profile_url": base_url + url if url.startswith("/") else url,
        "last_confirmed": page.last_confirmed_at.date() if page.last_confirmed_at else "",
        "last_published": page.last_published_at.date() if page.last_published_at else "",
    }
    return [neutralise(values[column]) for column in COLUMNS]


def _header() -> str:
    """The first chunk: a byte order mark, then the header row. Without the mark Excel
    reads the file as Windows-1252 ("ZoÃ«'s CafÃ©"); the survey downloads have one too."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer).writerow(COLUMNS)
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


def _chunk(pages, *, councils, base_url) -> str:
    badges = current_badges(page_ids=[p.pk for p in pages])
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for page in pages:
        writer.writerow(row(page, badges=badges, councils=councils, base_url=base_url))
    return buffer.getvalue()


def stream_ids(page_ids: list[int], *, base_url: str):
    """The CSV of these listings, in this order (search results), CHUNK at a time."""
    from providers.geography.models import Council
    from providers.models import ProviderPage

    councils = {
        c.pk: (c.name, c.region_name) for c in Council.objects.only("pk", "name", "region_name")
    }
    yield _header()
    for start in range(0, len(page_ids), CHUNK):
        ids = page_ids[start : start + CHUNK]
        pages = ProviderPage.objects.prefetch_related(*PREFETCH).in_bulk(ids)
        yield _chunk([pages[i] for i in ids if i in pages], councils=councils, base_url=base_url)
