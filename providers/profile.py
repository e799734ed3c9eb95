"""What the public profile page shows about a listing, read in a fixed number of queries.

`profile_context(page=)` works on a live page and on an unsaved or draft revision of one
(the portal's preview): vocabularies, councils and photos are read through the page's own
relations, which for a revision are held in memory. It never returns the base postcode:
the only place names it gives are the public area label and, when the provider chose to
give one, a business premises address."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.images import get_image_model

from . import availability
from .models import ProviderCheck, ProviderPage
from .selectors import Freshness, current_badges, freshness, public_contact

PHOTO_WIDTH, PHOTO_HEIGHT = 600, 400  # how big the profile shows a photo (at most)
PHOTO_SPEC = f"fill-{PHOTO_WIDTH}x{PHOTO_HEIGHT}"
Level = ProviderCheck.DbsLevel
DBS_LEVELS = {
    Level.BASIC: _lazy("Basic check"),
    Level.STANDARD: _lazy("Standard check"),
    Level.ENHANCED: _lazy("Enhanced check"),
    Level.ENHANCED_BARRED: _lazy("Enhanced check with barred list"),
}


def published_premises_address(page) -> str:
    """The business premises address a listing publishes, if any. Never a Shared Lives
    scheme's: the people it supports live in carers' homes, so wherever the directory shows
    or shares it (profile, API, exports), its place is only ever its area."""
    return "" if page.is_shared_lives else page.premises_address.strip()


@dataclass(frozen=True)
class Badge:
    kind: str
    title: str
    detail: str
    link: str
    verified_on: date | None


@dataclass(frozen=True)
class Photo:
    url: str
    width: int
    height: int
    alt: str
    caption: str


@dataclass(frozen=True)
class Price:
    label: str
    amount: str


@dataclass(frozen=True)
class Profile:
    page: ProviderPage
    kind_label: str
    support_kinds: list[str]
    audiences: list[str]
    access_features: list[str]
    languages: list[str]
    payment_methods: list[str]
    prices: list[Price]
    availability_parts: list[str]
    availability_rows: list[tuple[str, list[bool]]]
    councils: list[str]
    badges: list[Badge]
    photos: list[Photo]
    freshness: Freshness
    phone: str
    email: str
    website: str
    premises_address: str
    new_people_from: date | None  # not taking on new people until then

    @property
    def has_availability(self) -> bool:
        return any(any(row) for _label, row in self.availability_rows)

    @property
    def has_coverage(self) -> bool:
        return bool(self.page.travel_radius_miles or self.councils)


def _names(relation) -> list[str]:
    return [term.name for term in relation.all()]


def money(amount: Decimal) -> str:
    """GOV.UK style: "£29", "£29.50", "£1,250" (the search's cards use floatformat:"-2")."""
    return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"


def _prices(page: ProviderPage) -> list[Price]:
    rows = [
        (page.price_per_hour, _("Per hour")),
        (page.price_per_session, _("Per session")),
        (page.price_per_night, _("Per night")),
    ]
    return [Price(label, money(amount)) for amount, label in rows if amount is not None]


def _regulator(page: ProviderPage) -> tuple[str, str]:
    """Which regulator registers care in the listing's nation, and its public register."""
    if page.council_code.startswith("W"):
        return _("Care Inspectorate Wales (CIW)"), ""
    return _("Care Quality Commission (CQC)"), "https://www.cqc.org.uk/location/{ref}"


def _badge(page: ProviderPage, check: ProviderCheck) -> Badge:
    verified_on = timezone.localdate(check.verified_at) if check.verified_at else None
    link = ""
    if check.kind == ProviderCheck.Kind.DBS:
        title = _("DBS check")
        detail = str(DBS_LEVELS.get(check.dbs_level, ""))
        if check.issued_on:
            issued = date_format(check.issued_on, "F Y")
            detail = f"{detail}, {_('issued')} {issued}" if detail else f"{_('Issued')} {issued}"
    elif check.kind == ProviderCheck.Kind.INSURANCE:
        title = _("Public liability insurance")
        parts = []
        if check.cover_amount:
            parts.append(_("%(amount)s cover") % {"amount": f"£{check.cover_amount:,}"})
        if check.expires_on:
            parts.append(
                _("valid until %(date)s") % {"date": date_format(check.expires_on, "j F Y")}
            )
        detail = ", ".join(parts)
        detail = detail[:1].upper() + detail[1:]
    elif check.kind == ProviderCheck.Kind.REGULATOR:
        regulator, register = _regulator(page)
        title = _("Registered with the %(regulator)s") % {"regulator": regulator}
        detail = _("Registration ID: %(ref)s") % {"ref": check.reference} if check.reference else ""
        if check.reference and register:
            link = register.format(ref=check.reference.strip())
    else:
        title = _("Member of a quality scheme")
        detail = check.reference
    return Badge(check.kind, title, detail, link, verified_on)


def _councils(page: ProviderPage) -> list[str]:
    """Councils covered, the listing's own council first, then by name."""
    councils = sorted(
        page.councils_covered.all(), key=lambda c: (c.gss_code != page.council_code, c.name)
    )
    return [council.name for council in councils]


def _photos(page: ProviderPage) -> list[Photo]:
    photos = list(page.photos.all())
    if not photos:
        return []
    images = {
        image.pk: image
        for image in get_image_model()
        .objects.filter(pk__in=[p.image_id for p in photos])
        .prefetch_renditions(PHOTO_SPEC)
    }
    result = []
    for photo in sorted(photos, key=lambda p: p.sort_order or 0):
        image = images.get(photo.image_id)
        if image is None:
            continue
        rendition = image.get_rendition(PHOTO_SPEC)
        result.append(
            Photo(rendition.url, rendition.width, rendition.height, photo.alt_text, photo.caption)
        )
    return result


def new_people_from(page, *, today) -> date | None:
    """When a provider not taking on new people said they will be again (not yet passed)."""
    when = page.taking_new_people_from
    return when if not page.taking_new_people and when and when > today else None


def profile_context(*, page: ProviderPage, now=None) -> Profile:
    """Everything the profile template shows, in a bounded number of queries: one per
    vocabulary, one for councils, one for badges, and two for photos (however many)."""
    now = now or timezone.now()
    badges = current_badges(page_ids=[page.pk], today=timezone.localdate(now)).get(page.pk, [])
    order = list(ProviderCheck.Kind.values)
    badges.sort(key=lambda check: order.index(check.kind))
    contact = public_contact(page)
    return Profile(
        page=page,
        kind_label=page.get_kind_display(),
        support_kinds=_names(page.support_kinds),
        audiences=_names(page.audiences),
        access_features=_names(page.access_features),
        languages=_names(page.languages),
        payment_methods=_names(page.payment_methods),
        prices=_prices(page),
        availability_parts=[str(label) for _code, label in availability.PARTS],
        availability_rows=[
            (str(day), row) for day, row in availability.as_table(page.availability)
        ],
        councils=_councils(page),
        badges=[_badge(page, check) for check in badges],
        photos=_photos(page),
        freshness=freshness(last_confirmed_at=page.last_confirmed_at, now=now),
        phone=contact.phone,
        email=contact.email,
        website=contact.website,
        premises_address=published_premises_address(page),
        new_people_from=new_people_from(page, today=timezone.localdate(now)),
    )
