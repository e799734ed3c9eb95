"""Dry run and import. `plan()` changes nothing: it says, row by row, what would be
created, updated or left alone and which rows are bad and why. `apply()` re-plans (the
database may have moved on since the dry run) and then writes, in one transaction:
everything or nothing (ALL_OR_NOTHING), or the valid rows only (VALID_ROWS).

Idempotent by external ID: a row whose listing already has exactly these values is left
alone, so importing the same file twice changes nothing the second time. Imported
listings are owned by no provider; a listing a provider has claimed is never overwritten."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from providers.geography.selectors import lookup_postcodes
from providers.models import ProviderPage
from providers.selectors import directory_root
from providers.services import NoDirectoryPage, _unique_slug, apply_location, reconfirm_listing

from .readers import Parsed
from .rules import check_may_go_live
from .spec import VOCABULARIES, Row, Vocabularies, clean, given_fields, row_postcode

ALL_OR_NOTHING = "all_or_nothing"
VALID_ROWS = "valid_rows"
SCALAR_FIELDS = [
    "title",
    "kind",
    "summary",
    "description",
    "town",
    "premises_address",
    "travel_radius_miles",
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
    "base_postcode",
]
M2M_FIELDS = [*VOCABULARIES, "councils_covered"]


@dataclass
class Planned:
    row: Row
    action: str  # "create", "update", "unchanged" or "error"
    data: dict | None = None
    page: ProviderPage | None = None
    changes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return (self.data or {}).get("title") or self.row.values.get("name", "")


@dataclass
class Plan:
    format: str
    rows: list[Planned]
    notices: list[str]

    def count(self, action: str) -> int:
        return sum(1 for p in self.rows if p.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged", "error")}

    @property
    def errors(self) -> list[Planned]:
        return [p for p in self.rows if p.action == "error"]

    @property
    def changes(self) -> list[Planned]:
        return [p for p in self.rows if p.action in ("create", "update")]


def _current(page: ProviderPage) -> ProviderPage:
    """The version of the listing to compare against: the latest revision."""
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def _differences(page: ProviderPage, data: dict, *, fields: set[str]) -> list[str]:
    """The given `fields` whose values in `data` differ from the listing's."""
    changed = []
    location = data["location"]
    wanted = {**data, "base_postcode": location.postcode}
    for name in SCALAR_FIELDS:
        if name not in fields:
            continue
        current, new = getattr(page, name), wanted[name]
        if isinstance(current, Decimal) or isinstance(new, Decimal):
            current = None if current is None else Decimal(current).quantize(Decimal("0.01"))
        if (current or None) != (new or None) and current != new:
            changed.append(name)
    for name in M2M_FIELDS:
        if name not in fields:
            continue
        current = sorted(obj.pk for obj in getattr(page, name).all())
        if current != [obj.pk for obj in data[name]]:
            changed.append(name)
    return changed


def plan(parsed: Parsed, *, publish: bool) -> Plan:
    vocabularies = Vocabularies()
    seen: dict[str, int] = {}
    ids = [r.external_id for r in parsed.rows if r.external_id]
    # With what _differences and the rules read of each listing, for all of them at once.
    pages = ProviderPage.objects.filter(external_id__in=ids)
    existing = {
        page.external_id: page for page in pages.prefetch_related("memberships", *M2M_FIELDS)
    }
    locations = lookup_postcodes(raws=[row_postcode(row) for row in parsed.rows])
    planned = []
    for row in parsed.rows:
        page = existing.get(row.external_id)
        current = _current(page) if page is not None else None
        data = (
            None
            if row.problems
            else clean(row, vocabularies=vocabularies, locations=locations, current=current)
        )
        if row.external_id and row.external_id in seen:
            row.problems.append(
                ("external_id", f"“{row.external_id}” is also on line {seen[row.external_id]}")
            )
        elif row.external_id:
            seen[row.external_id] = row.line
        if row.problems:
            planned.append(Planned(row, "error"))
            continue
        if page is not None and page.memberships.all():
            row.problems.append(
                (
                    "",
                    "This listing has been claimed by its provider, so imports no longer change it.",
                )
            )
            planned.append(Planned(row, "error", data, page))
            continue
        if page is None:
            item = Planned(row, "create", data)
        else:
            changes = _differences(current, data, fields=given_fields(row))
            needs_publishing = publish and (not page.live or page.has_unpublished_changes)
            if changes or needs_publishing:
                item = Planned(row, "update", data, page, changes or ["published"])
            else:
                item = Planned(row, "unchanged", data, page)
        if publish and item.action != "unchanged":
            check_may_go_live(row, data, current=current)
            if row.problems:
                item.action = "error"
        planned.append(item)
    return Plan(parsed.format, planned, parsed.notices)


class NothingImported(Exception):
    """All-or-nothing was chosen and some rows are bad."""


class TooManyChanges(Exception):
    """The file would create or update more listings than the caller allows at once."""


def _fill(page: ProviderPage, data: dict, *, fields: set[str] | None = None) -> None:
    """Set the listing's fields from `data`: all of them, or only the given `fields`
    (an update leaves the fields of columns left out of the file as they are)."""
    for name in SCALAR_FIELDS:
        if name != "base_postcode" and (fields is None or name in fields):
            setattr(page, name, data[name])
    apply_location(page=page, location=data["location"])
    for name in M2M_FIELDS:
        if fields is None or name in fields:
            setattr(page, name, list(data[name]))


@transaction.atomic
def apply(
    parsed: Parsed, *, mode: str, publish: bool, user, max_changes: int | None = None
) -> Plan:
    """Import; returns the plan that was carried out. TooManyChanges, and nothing written,
    if it would create or update more than `max_changes` listings."""
    result = plan(parsed, publish=publish)
    if mode == ALL_OR_NOTHING and result.errors:
        raise NothingImported
    if max_changes is not None and len(result.changes) > max_changes:
        raise TooManyChanges
    parent = directory_root()
    if parent is None:
        raise NoDirectoryPage
    now = timezone.now()
    for item in result.changes:
        if item.action == "create":
            page = ProviderPage(
                slug=_unique_slug(parent, item.data["title"]),
                external_id=item.data["external_id"],
                live=False,
                owner=None,
                last_confirmed_at=now,
            )
            _fill(page, item.data)
            parent.add_child(instance=page)
        else:
            page = (
                item.page.get_latest_revision_as_object()
                if item.page.latest_revision_id
                else item.page
            )
            _fill(page, item.data, fields=given_fields(item.row))
            if publish:
                # A live import publishes the source's current values, so it confirms the
                # listing. A draft import does not: the live content (perhaps hidden as
                # stale) is still the old one, and confirming would put it back in search.
                reconfirm_listing(page=page, user=user)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        item.page = page
    return result
