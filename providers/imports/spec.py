"""The import format: columns, and turning one row of text values into the values of a
listing, or a list of problems (field, message) a moderator can act on."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape

from providers.geography.models import Council
from providers.geography.selectors import Location
from providers.models import (
    AccessFeature,
    Audience,
    Language,
    PaymentMethod,
    ProviderPage,
    SupportKind,
)
from providers.models.listing import MAX_PRICE, SUMMARY_MAX_LENGTH

from .rules import check_support_kinds, fitting_support_kinds

REQUIRED_COLUMNS = ["external_id", "name", "postcode"]
OPTIONAL_COLUMNS = [
    "kind",
    "summary",
    "description",
    "town",
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
    "phone",
    "show_phone",
    "email",
    "show_email",
    "website",
    "taking_new_people",
]
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# The listing field a column sets, where it has another name.
FIELD_OF_COLUMN = {"name": "title", "postcode": "base_postcode"}
VOCABULARIES = {
    "support_kinds": SupportKind,
    "audiences": Audience,
    "access_features": AccessFeature,
    "languages": Language,
    "payment_methods": PaymentMethod,
}
MAX_LENGTHS = {
    "external_id": 100,
    "name": 255,
    "summary": SUMMARY_MAX_LENGTH,
    "description": 5000,
    "town": 60,
    "premises_address": 300,
    "price_note": 200,
    "phone": 30,
    "email": 254,
    "website": 200,
}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
_PHONE = re.compile(r"\+?[0-9 ()-]{6,30}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Anything a spreadsheet could run as a formula. "+" and "-" are fine in a phone number.
_FORMULA = ("=", "@", "\t", "\r")


@dataclass
class Row:
    """One record of the input: where it came from and its text values by column."""

    line: int  # CSV line number (header = 1), or JSON item number (from 1)
    values: dict[str, str]
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def external_id(self) -> str:
        return (self.values.get("external_id") or "").strip()


class Vocabularies:
    """Every vocabulary term by lower-case slug and name, councils by code and name, and
    the kinds of support that fit each kind of provider."""

    def __init__(self):
        self.terms = {}
        for key, model in VOCABULARIES.items():
            lookup = {}
            for term in model.objects.all():
                lookup[term.slug.lower()] = term
                lookup[term.name.lower()] = term
            self.terms[key] = lookup
        self.councils = {}
        for council in Council.objects.all():
            self.councils[council.pk.lower()] = council
            self.councils[council.name.lower()] = council
        self.fitting_support_kinds = fitting_support_kinds()


def given_fields(row: Row) -> set[str]:
    """The listing fields this row gives a value for (an empty one too). A column left out
    of the file (a field left out of a feed) is not given: on an update, that field of the
    listing stays as it is."""
    return {FIELD_OF_COLUMN.get(column, column) for column in row.values if column in COLUMNS}


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;|]", value) if part.strip()]


def _yes_no(row, name, default: bool) -> bool | None:
    raw = (row.values.get(name) or "").strip().lower()
    if raw == "":
        return default
    if raw in YES:
        return True
    if raw in NO:
        return False
    row.problems.append((name, "must be yes or no"))
    return None


def _price(row, name):
    raw = (row.values.get(name) or "").strip().lstrip("£")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        row.problems.append((name, "must be an amount in pounds, like 22.50"))
        return None
    if not value.is_finite() or value < 0 or value > MAX_PRICE:
        row.problems.append((name, f"must be from 0 to {MAX_PRICE} pounds"))
        return None
    return value.quantize(Decimal("0.01"))


def row_postcode(row: Row) -> str:
    return (row.values.get("postcode") or "").strip()


def clean(
    row: Row,
    *,
    vocabularies: Vocabularies,
    locations: dict[str, Location | None],
    current: ProviderPage | None = None,
) -> dict | None:
    """The listing's values from one row, or None with row.problems filled in.
    `locations`: lookup_postcodes of the file's postcodes (`row_postcode` of each row).
    `current`: the listing the row updates (its latest revision), if there is one."""
    values = {k: (v or "") for k, v in row.values.items() if k in COLUMNS}
    for name, value in values.items():
        if _CONTROL.search(value):
            row.problems.append((name, "contains control characters"))
        elif value.strip().startswith(_FORMULA) or (
            value.strip().startswith(("+", "-")) and name not in ("phone",) and not _number(value)
        ):
            row.problems.append(
                (name, "looks like a spreadsheet formula; remove the = + - or @ at the start")
            )
        elif len(value.strip()) > MAX_LENGTHS.get(name, 1000):
            row.problems.append((name, f"is longer than {MAX_LENGTHS.get(name, 1000)} characters"))
    missing = [name for name in REQUIRED_COLUMNS if not values.get(name, "").strip()]
    row.problems.extend((name, "is required") for name in missing)
    if missing:
        return None
    # Go on checking the rest, so the report shows everything wrong with the row at once.

    data = {
        "external_id": values["external_id"].strip(),
        "title": " ".join(values["name"].split()),
        "summary": " ".join(values.get("summary", "").split()),
        "description": "".join(
            f"<p>{escape(' '.join(p.split()))}</p>"
            for p in re.split(r"\n\s*\n", values.get("description", "").strip())
            if p.strip()
        ),
        "town": values.get("town", "").strip(),
        "premises_address": values.get("premises_address", "").strip(),
        "price_note": values.get("price_note", "").strip(),
        "phone": values.get("phone", "").strip(),
        "email": values.get("email", "").strip(),
        "website": values.get("website", "").strip(),
    }
    kind = values.get("kind", "").strip().lower().replace(" ", "_").replace("-", "_")
    kinds = {
        "": "micro_enterprise",
        "micro_enterprise": "micro_enterprise",
        "shared_lives": "shared_lives",
        "shared_lives_scheme": "shared_lives",
    }
    if kind not in kinds:
        row.problems.append(("kind", "must be micro_enterprise or shared_lives"))
    data["kind"] = kinds.get(kind)

    postcode = row_postcode(row)
    location = locations[postcode]
    if location is None or location.is_outward_only:
        row.problems.append(("postcode", f"“{postcode}” is not a known full UK postcode"))
    data["location"] = location

    radius = values.get("travel_radius_miles", "").strip()
    data["travel_radius_miles"] = None
    if radius:
        if radius.isascii() and radius.isdigit() and len(radius) < 5 and 1 <= int(radius) <= 50:
            data["travel_radius_miles"] = int(radius)
        else:
            row.problems.append(
                ("travel_radius_miles", "must be a whole number of miles from 1 to 50")
            )

    councils = []
    for name in _split(values.get("councils_covered", "")):
        council = vocabularies.councils.get(name.lower())
        if council is None:
            row.problems.append(("councils_covered", f"“{name}” is not a council name or GSS code"))
        else:
            councils.append(council)
    data["councils_covered"] = sorted({c.pk: c for c in councils}.values(), key=lambda c: c.pk)

    written = {}  # each vocabulary's known terms as the row gives them: [(name, term)]
    for key in VOCABULARIES:
        written[key] = []
        for name in _split(values.get(key, "")):
            term = vocabularies.terms[key].get(name.lower())
            if term is None:
                row.problems.append((key, f"“{name}” is not one of our terms"))
            else:
                written[key].append((name, term))
        terms = [term for _name, term in written[key]]
        data[key] = sorted({t.pk: t for t in terms}.values(), key=lambda t: t.pk)
    check_support_kinds(
        row,
        data,
        current=current,
        written=written["support_kinds"],
        fitting=vocabularies.fitting_support_kinds,
    )

    for name in ("price_per_hour", "price_per_session", "price_per_night"):
        data[name] = _price(row, name)
    data["show_phone"] = _yes_no(row, "show_phone", default=bool(data["phone"]))
    data["show_email"] = _yes_no(row, "show_email", default=False)
    data["taking_new_people"] = _yes_no(row, "taking_new_people", default=True)

    if data["phone"] and not _PHONE.fullmatch(data["phone"]):
        row.problems.append(("phone", "is not a phone number"))
    if data["email"]:
        try:
            EmailValidator()(data["email"])
        except ValidationError:
            row.problems.append(("email", "is not an email address"))
    if data["website"]:
        try:
            URLValidator(schemes=["http", "https"])(data["website"])
        except ValidationError:
            row.problems.append(("website", "is not a web address starting http:// or https://"))
    if data["kind"] == ProviderPage.Kind.SHARED_LIVES and data["premises_address"]:
        pass  # kept, but never published (Shared Lives locations are always generalised)
    if not row.problems:
        return data
    # One problem a field: the first found (a formula in a price is not also "not an amount").
    first = {}
    for name, problem in row.problems:
        first.setdefault(name, problem)
    row.problems[:] = list(first.items())
    return None


def _number(value: str) -> bool:
    try:
        Decimal(value.strip())
    except InvalidOperation:
        return False
    return True
