"""HSDS 3.0 / ORUK 3.0 dicts for listings. Plain functions; `ListingContext` holds what a
page of listings needs from other tables, read in a fixed number of queries.

Privacy (product decision 4): the base postcode is never published. A home-based provider
(every micro-enterprise without business premises, and every Shared Lives scheme) is
located at the centroid of its outward code ("RM17") with no address; only a
micro-enterprise's premises address is published, placed at its own postcode if the
address contains one we know, else again at the outward-code centroid."""

from decimal import Decimal

from django.utils.translation import gettext as _

from providers.availability import DAYS, PARTS, from_mask
from providers.geography.selectors import FULL_POSTCODE
from providers.models import ProviderCheck

from ..text import plain_text
from . import ids
from .context import (
    ListingContext,
    is_home_based,
    outward_code,
    premises_postcode,
)
from .taxonomy import VOCABULARIES, term_dict
from .wgs84 import grid_to_wgs84

PART_TIMES = {
    "morning": ("08:00:00", "12:00:00"),
    "afternoon": ("12:00:00", "17:00:00"),
    "evening": ("17:00:00", "22:00:00"),
    "overnight": ("22:00:00", "08:00:00"),
}
RRULE_DAYS = {
    "mon": "MO",
    "tue": "TU",
    "wed": "WE",
    "thu": "TH",
    "fri": "FR",
    "sat": "SA",
    "sun": "SU",
}
PRICE_FIELDS = [
    ("price_per_hour", "per hour"),
    ("price_per_session", "per session"),
    ("price_per_night", "per night"),
]


def _money(amount: Decimal) -> str:
    return f"£{amount:.2f}"


def fees_text(page) -> str:
    parts = [
        f"{_money(getattr(page, field))} {label}"
        for field, label in PRICE_FIELDS
        if getattr(page, field) is not None
    ]
    if page.price_note:
        parts.append(page.price_note)
    return "; ".join(parts)


def accreditations_text(checks) -> str:
    labels = []
    for check in checks:
        label = str(check.get_kind_display())
        if check.kind == ProviderCheck.Kind.DBS and check.dbs_level:
            label += f" ({check.get_dbs_level_display().lower()})"
        labels.append(label)
    return "; ".join(labels)


def organization_dict(page, ctx: ListingContext) -> dict:
    key = page.translation_key
    data = {
        "id": ids.child_id(key, "organization"),
        "name": page.title,
        "description": page.summary or page.title,
        "uri": ctx.url(page),
    }
    if page.website:
        data["website"] = page.website
    if page.email and page.show_email:
        data["email"] = page.email
    return data


def service_basic(page, ctx: ListingContext) -> dict:
    """The one-to-one fields of a service (list endpoints)."""
    data = {
        "id": str(page.translation_key),
        "name": page.title,
        "description": plain_text(page.description) or page.summary or page.title,
        "url": ctx.url(page),
        "status": "active",
        "organization": organization_dict(page, ctx),
    }
    if page.summary:
        data["alternate_name"] = page.summary
    if page.email and page.show_email:
        data["email"] = page.email
    if fees := fees_text(page):
        data["fees"] = fees
    if accreditations := accreditations_text(ctx.badges.get(page.pk, [])):
        data["accreditations"] = accreditations
    if page.last_confirmed_at:
        data["assured_date"] = page.last_confirmed_at.date().isoformat()
    if not page.taking_new_people:
        data["alert"] = (
            _("Not taking on new people until %(date)s.")
            % {"date": f"{page.taking_new_people_from:%d %B %Y}"}
            if page.taking_new_people_from
            else _("Not taking on new people at the moment.")
        )
    if page.last_published_at:
        data["last_modified"] = page.last_published_at.isoformat()
    return data


def location_dict(page, ctx: ListingContext) -> dict:
    key = page.translation_key
    outward = outward_code(page)
    data = {"id": ids.child_id(key, "location"), "location_type": "physical"}
    point = ctx.outwards.get(outward)
    if is_home_based(page):
        data["name"] = page.area_label or outward or page.title
        data["description"] = (
            _("The area this provider works from (the centre of postcode district %(outward)s).")
            % {"outward": outward}
            if outward
            else _("The area this provider works from.")
        )
    else:
        postcode = premises_postcode(page)
        point = ctx.postcodes.get(postcode, point)
        lines = [ln.strip(" ,") for ln in page.premises_address.splitlines() if ln.strip(" ,")]
        if postcode:
            lines = [ln for ln in lines if not FULL_POSTCODE.fullmatch(ln.replace(" ", "").upper())]
        data["name"] = page.title
        data["description"] = _("Business premises open to visitors.")
        data["addresses"] = [
            {
                "id": ids.child_id(key, "address"),
                "location_id": data["id"],
                "address_1": lines[0] if lines else page.title,
                "city": page.town or (lines[-1] if len(lines) > 1 else ""),
                "state_province": ctx.councils.get(page.council_code, ""),
                "postal_code": postcode or outward,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    if point is not None:
        data["latitude"], data["longitude"] = grid_to_wgs84(point.easting, point.northing)
    return data


def service_at_location_dict(page, ctx: ListingContext, *, with_service=True) -> dict:
    key = page.translation_key
    data = {
        "id": ids.child_id(key, "service_at_location"),
        "service_id": str(key),
        "location_id": ids.child_id(key, "location"),
        "location": location_dict(page, ctx),
    }
    if with_service:
        data["service"] = service_basic(page, ctx)
    return data


def schedules(page) -> list[dict]:
    slots = set(from_mask(page.availability))
    result = []
    for part, label in PARTS:
        days = [day for day, _day in DAYS if f"{day}_{part}" in slots]
        if not days:
            continue
        opens, closes = PART_TIMES[part]
        result.append(
            {
                "id": ids.child_id(page.translation_key, f"schedule:{part}"),
                "service_id": str(page.translation_key),
                "freq": "WEEKLY",
                "interval": 1,
                "byday": ",".join(RRULE_DAYS[d] for d in days),
                "opens_at": opens,
                "closes_at": closes,
                "description": str(label),
            }
        )
    return result


def service_areas(page, ctx: ListingContext) -> list[dict]:
    key = page.translation_key
    areas = []
    if page.travel_radius_miles and page.base_postcode:
        name = _("Within %(miles)s miles of %(area)s") % {
            "miles": page.travel_radius_miles,
            "area": page.area_label or outward_code(page),
        }
        areas.append(
            {
                "id": ids.child_id(key, "area:radius"),
                "service_id": str(key),
                "name": name,
                "service_area": name,
                "extent_type": "radius_miles",
                "extent": str(page.travel_radius_miles),
            }
        )
    for council in page.councils_covered.all():
        areas.append(
            {
                "id": ids.child_id(key, f"area:{council.pk}"),
                "service_id": str(key),
                "name": council.name,
                "service_area": council.name,
                "uri": f"http://statistics.data.gov.uk/id/statistical-geography/{council.pk}",
            }
        )
    return areas


def attributes(page, ctx: ListingContext) -> list[dict]:
    """The service's taxonomy terms, as HSDS attributes linking service and term."""
    key = str(page.translation_key)
    terms = [ctx.taxonomies.provider_kind(page.kind)]
    for vocabulary in VOCABULARIES:
        if vocabulary.model is not None:
            terms += [
                ctx.taxonomies.term(vocabulary.key, t.pk)
                for t in getattr(page, vocabulary.key).all()
            ]
    return [
        {
            "id": ids.child_id(key, f"attribute:{term.id}"),
            "link_id": key,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term.id,
            "taxonomy_term": term_dict(term),
        }
        for term in terms
        if term is not None
    ]


def service_full(page, ctx: ListingContext) -> dict:
    key = page.translation_key
    data = service_basic(page, ctx)
    if page.phone and page.show_phone:
        data["phones"] = [{"id": ids.child_id(key, "phone"), "number": page.phone}]
    data["schedules"] = schedules(page)
    data["service_areas"] = service_areas(page, ctx)
    data["service_at_locations"] = [service_at_location_dict(page, ctx, with_service=False)]
    data["languages"] = [
        {
            "id": ids.child_id(key, f"language:{lang.slug}"),
            "service_id": str(key),
            "name": lang.name,
            "code": lang.slug,
        }
        for lang in page.languages.all()
    ]
    data["cost_options"] = [
        {
            "id": ids.child_id(key, f"cost:{field}"),
            "service_id": str(key),
            "option": label,
            "amount": float(getattr(page, field)),
            "amount_description": f"{_money(getattr(page, field))} {label}",
        }
        for field, label in PRICE_FIELDS
        if getattr(page, field) is not None
    ]
    data["attributes"] = attributes(page, ctx)
    return data
