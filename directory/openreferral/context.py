"""What is published of a listing's place (product decision 4: the base postcode never
is), and `ListingContext`: what a page of listings needs from other tables, read in a
fixed number of queries."""

import re

from wagtail.models import Page

from providers.geography.models import Council, OutwardCode, Postcode
from providers.geography.selectors import normalise_postcode
from providers.models import ProviderPage
from providers.profile import published_premises_address
from providers.selectors import current_badges

from .taxonomy import Taxonomies

_POSTCODE_IN_TEXT = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\b", re.IGNORECASE)


def is_home_based(page: ProviderPage) -> bool:
    """Published by its area alone: no premises address it may publish."""
    return not published_premises_address(page)


def outward_code(page: ProviderPage) -> str:
    """The outward half of the (private) base postcode: all that is ever published of it."""
    return page.base_postcode.split(" ")[0] if page.base_postcode else ""


def premises_postcode(page: ProviderPage) -> str | None:
    match = _POSTCODE_IN_TEXT.search(page.premises_address or "")
    return normalise_postcode(match[1]) if match else None


# What the list endpoints publish of a listing (service_basic and location_dict read these).
LIST_FIELDS = (
    "id",
    "translation_key",
    "locale_id",
    "title",
    "slug",
    "url_path",
    "summary",
    "description",
    "website",
    "email",
    "show_email",
    "price_per_hour",
    "price_per_session",
    "price_per_night",
    "price_note",
    "last_confirmed_at",
    "last_published_at",
    "taking_new_people",
    "taking_new_people_from",
    "kind",
    "premises_address",
    "base_postcode",
    "area_label",
    "town",
    "council_code",
)


class ListingRow:
    """A listing's LIST_FIELDS, read with `.values()`: building Wagtail pages cost ~0.3 ms
    each, a third of a page of 200."""

    __slots__ = LIST_FIELDS

    def __init__(self, values: dict):
        for name in LIST_FIELDS:
            setattr(self, name, values[name])

    @property
    def pk(self) -> int:
        return self.id

    @property
    def is_shared_lives(self) -> bool:
        return self.kind == ProviderPage.Kind.SHARED_LIVES


def listing_rows(*, page_ids) -> dict[int, ListingRow]:
    """The listings with these ids, as ListingRows by id (one query)."""
    rows = ProviderPage.objects.filter(pk__in_array=page_ids).values(*LIST_FIELDS)
    return {row["id"]: ListingRow(row) for row in rows}


class ListingContext:
    """What serialising a page of listings needs, read in bulk: badges, outward-code and
    premises centroids, council names and taxonomy terms."""

    def __init__(self, pages, *, request, taxonomies: Taxonomies | None = None, full=False):
        self.request = request
        self.taxonomies = taxonomies or Taxonomies()
        self._urls = {}
        self._url_prefixes = {}  # a parent's url_path: its children's address less the slug
        page_ids = [p.pk for p in pages]
        self.badges = current_badges(page_ids=page_ids) if page_ids else {}
        outwards = {outward_code(p) for p in pages} - {""}
        self.outwards = {
            o.outward: o for o in OutwardCode.objects.filter(outward__in_array=outwards)
        }
        premises = {premises_postcode(p) for p in pages if not is_home_based(p)} - {None}
        self.postcodes = {
            pc.postcode: pc for pc in Postcode.objects.filter(postcode__in_array=premises)
        }
        codes = {p.council_code for p in pages} - {""}
        if full:
            for page in pages:
                codes |= {c.pk for c in page.councils_covered.all()}
        self.councils = dict(Council.objects.filter(pk__in_array=codes).values_list("pk", "name"))

    def url(self, page) -> str:
        """The listing's public address (asked for twice per service: read once). Wagtail
        works out one listing's address; its siblings' share all but the slug (Page.get_url
        costs ~0.1 ms, 20 ms over a page of 200)."""
        if page.pk not in self._urls:
            parent_path = page.url_path[: -len(page.slug) - 1]
            prefix = self._url_prefixes.get(parent_path)
            if prefix is not None:
                self._urls[page.pk] = f"{prefix}{page.slug}/"
            else:
                if not isinstance(page, Page):  # a ListingRow: Wagtail needs the page
                    page = ProviderPage.objects.get(pk=page.pk)
                url = page.get_url(request=self.request)
                url = self.request.build_absolute_uri(url) if url else ""
                self._urls[page.pk] = url
                if url.endswith(f"/{page.slug}/"):
                    self._url_prefixes[parent_path] = url[: -len(page.slug) - 1]
        return self._urls[page.pk]
