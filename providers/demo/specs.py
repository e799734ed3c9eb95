"""Plain descriptions of the demo listings, generated from a seed (no database writes).

Everything here is a pure function of the seed and the vocabularies' slugs, so the same
seed gives the same listings on every machine."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils.text import slugify

from providers import availability
from providers.models.vocabularies import SHARED_LIVES_SUPPORT_PREFIX

from . import content
from .records import CheckSpec, EnquirySpec, ListingSpec, PostcodeRow

# Listing states and how often they occur (the two demo logins come first, fixed).
STATES = {
    "live": 60,
    "reconfirm": 8,  # last confirmed 100 days ago: the provider is reminded
    "stale": 6,  # 200 days: "may be out of date"
    "hidden": 4,  # 400 days: out of search results
    "draft": 6,
    "awaiting": 6,  # new listing awaiting its first approval
    "changes_pending": 6,  # live, with changes awaiting approval
    "rejected": 4,  # submitted and rejected with a comment
    "unapproved_changes": 3,  # live, with a draft (an import's) not submitted for approval
}
CONFIRMED_DAYS_AGO = {"reconfirm": 100, "stale": 200, "hidden": 400}
SHARED_LIVES_SHARE = 0.12


def _price(rng, low, high) -> Decimal:
    return Decimal(rng.randrange(low * 2, high * 2 + 1)) / 2


def _availability(rng, kind: str) -> int:
    days = ["mon", "tue", "wed", "thu", "fri"]
    if rng.random() < 0.5:
        days += ["sat"] + (["sun"] if rng.random() < 0.5 else [])
    parts = ["morning", "afternoon"]
    if rng.random() < 0.4:
        parts.append("evening")
    if kind == "shared_lives" or rng.random() < 0.1:
        parts.append("overnight")
    return availability.to_mask(f"{d}_{p}" for d in days for p in parts)


def _title(rng, *, kind, town, council, region, used: set[str]) -> str:
    place = town or council
    for _attempt in range(20):
        if kind == "shared_lives":
            title = rng.choice(content.SCHEME_PATTERNS).format(council=council, region=region)
        else:
            pattern = rng.randrange(4)
            if pattern == 0:
                title = f"{rng.choice(content.FIRST_NAMES)}'s {rng.choice(content.SERVICES)}"
            elif pattern == 1:
                title = f"{place} {rng.choice(content.NICE_NOUNS)}"
            elif pattern == 2:
                title = f"{rng.choice(content.NICE_NAMES)} {rng.choice(content.NICE_NOUNS)}"
            else:
                title = f"{rng.choice(content.SURNAMES)} Care and Support"
        if title not in used:
            used.add(title)
            return title
    title = f"{title} ({place})"
    used.add(title)
    return title


def _checks(rng, kind: str, state: str) -> list[CheckSpec]:
    checks = []
    if kind == "micro_enterprise":
        issued = rng.randrange(30, 1000)
        checks.append(
            CheckSpec(
                "dbs",
                verified=rng.random() < 0.85,
                issued_days_ago=issued,
                dbs_level=rng.choice(["enhanced", "enhanced_barred", "standard"]),
                reference=f"00{rng.randrange(10**9, 10**10)}",
            )
        )
    else:
        checks.append(
            CheckSpec(
                "regulator",
                verified=state != "draft",
                reference=f"1-{rng.randrange(10**9, 10**10)}",
            )
        )
    checks.append(
        CheckSpec(
            "insurance",
            verified=rng.random() < 0.8,
            issued_days_ago=None,
            expires_in_days=rng.choice([rng.randrange(-40, 0), rng.randrange(1, 30)])
            if rng.random() < 0.2
            else rng.randrange(30, 360),
            cover_amount=rng.choice([1_000_000, 2_000_000, 5_000_000]),
            reference=f"PL-{rng.randrange(100000, 999999)}",
        )
    )
    if kind == "micro_enterprise" and rng.random() < 0.25:
        checks.append(
            CheckSpec(
                "quality_scheme",
                verified=rng.random() < 0.7,
                expires_in_days=rng.randrange(60, 700),
                reference=rng.choice(content.QUALITY_SCHEMES),
            )
        )
    return checks


def _enquiries(rng, town: str, count: int, unread: int) -> list[EnquirySpec]:
    result = []
    for n in range(count):
        name = rng.choice(content.ENQUIRY_NAMES)
        reply_to = (
            f"{name.lower()}{rng.randrange(10, 99)}@example.com"
            if rng.random() < 0.6
            else f"07700 900{rng.randrange(100, 999)}"
        )
        message = rng.choice(content.ENQUIRY_MESSAGES).format(town=town or "the area")
        result.append(EnquirySpec(name, reply_to, message, rng.randrange(0, 40), n >= unread))
    return result


def build_specs(
    *, seed: int, postcodes: list[PostcodeRow], places: dict, vocab: dict, count: int
) -> list[ListingSpec]:
    """`places`: {district_code: (district_name, council_code, council_name, region_name)};
    `vocab`: {"support_kinds": [slugs], ...} sorted."""
    rng = random.Random(seed)
    order = sorted(postcodes, key=lambda row: row.postcode)
    rng.shuffle(order)
    thurrock = [row for row in order if row.district_code == "E06000034"]
    rm17 = [row for row in thurrock if row.postcode.startswith("RM17 ")]
    used_titles: set[str] = set()
    specs = []
    state_names, weights = zip(*STATES.items(), strict=True)
    for n in range(count):
        if n == 0:
            row, kind, state = rm17[0], "micro_enterprise", "changes_pending"
        elif n == 1:
            row, kind, state = thurrock[1], "shared_lives", "live"
        else:
            row = order[n % len(order)]
            kind = "shared_lives" if rng.random() < SHARED_LIVES_SHARE else "micro_enterprise"
            # Every state appears early on; the rest are drawn by weight.
            state = state_names[n - 2] if n - 2 < len(state_names) else None
            state = state or rng.choices(state_names, weights)[0]
        specs.append(_listing(rng, n, row, kind, state, places, vocab, used_titles))
    first, scheme = specs[0], specs[1]
    first.title, first.town = "Grays Home Companions", "Grays"
    first.login = ("provider@example.org", "demo-provider-pass")
    first.checks = [
        CheckSpec("dbs", True, issued_days_ago=400, dbs_level="enhanced_barred",
                  reference="001234567890"),
        CheckSpec("insurance", True, expires_in_days=21, cover_amount=2_000_000,
                  reference="PL-204816"),
    ]  # fmt: skip
    first.enquiries = _enquiries(rng, "Grays", 5, unread=3)
    scheme.title = "Thurrock Shared Lives"
    scheme.login = ("scheme@example.org", "demo-scheme-pass")
    scheme.co_editor = ("scheme-staff@example.org", "demo-staff-pass")
    # A live listing a moderator has locked while they look into it.
    locked = next(spec for spec in specs[2:] if spec.state == "live" and spec.login is None)
    locked.login, locked.locked = ("locked@example.org", "demo-locked-pass"), True
    return specs


def _listing(rng, n, row, kind, state, places, vocab, used_titles) -> ListingSpec:
    district_name, _council_code, council_name, region_name = places[row.district_code]
    outward = row.postcode.split(" ")[0]
    town = content.TOWNS.get(outward, "")
    title = _title(
        rng, kind=kind, town=town, council=council_name, region=region_name, used=used_titles
    )
    place = town or content.PLACE_NAMES.get(district_name, district_name)
    if kind == "shared_lives":
        support = [s for s in vocab["support_kinds"] if s.startswith(SHARED_LIVES_SUPPORT_PREFIX)]
        support = rng.sample(support, rng.randint(1, len(support)))
        audiences = rng.sample(vocab["audiences"], rng.randint(2, 5))
        summary = (
            f"Shared Lives in {council_name}: support and a place in family life with an "
            f"approved Shared Lives carer."
        )
        description = "".join(f"<p>{text}</p>" for text in content.SCHEME_TEXT)
        fields = {
            "price_per_night": _price(rng, 55, 120),
            "price_per_session": _price(rng, 45, 75),
            "price_note": rng.choice(content.SCHEME_PRICE_NOTES),
        }
    else:
        others = [
            s for s in vocab["support_kinds"] if not s.startswith(SHARED_LIVES_SUPPORT_PREFIX)
        ]
        support = rng.sample(others, rng.randint(2, 4))
        audiences = rng.sample(vocab["audiences"], rng.randint(1, 3))
        summary = (
            f"{vocab['support_names'][support[0]]}; "
            f"{vocab['support_names'][support[1]].lower()}. For "
            f"{vocab['audience_names'][audiences[0]].lower()} in and around {place}."
        )
        opening = rng.choice(content.OPENINGS).format(
            years=rng.randrange(3, 25), workers=rng.randrange(2, 8)
        )
        items = "".join(f"<li>{vocab['support_names'][s]}</li>" for s in support)
        description = (
            f"<p>{opening}</p><p>{rng.choice(content.MIDDLES)}</p>"
            f"<p><b>What I can help with:</b></p><ul>{items}</ul>"
            f"<p>{rng.choice(content.CLOSINGS)}</p>"
        )
        fields = {
            "price_per_hour": _price(rng, 15, 35),
            "price_per_session": _price(rng, 40, 90) if rng.random() < 0.3 else None,
            "price_note": rng.choice(content.PRICE_NOTES),
            "travel_radius_miles": rng.choice([3, 5, 5, 8, 10, 10, 15, 20]),
        }
    taking = rng.random() < 0.8
    slug_name = slugify(title.replace("'", ""))[:30].strip("-").replace("-", ".")
    fields |= {
        "availability": _availability(rng, kind),
        "taking_new_people": taking,
        "taking_new_people_from": None if taking else timedelta(days=rng.randrange(30, 120)),
        "phone": f"07700 900{rng.randrange(100, 999)}",
        "show_phone": rng.random() < 0.6,
        "email": f"{slug_name}@example.org",
        "show_email": rng.random() < 0.4,
        "website": f"https://{slug_name.replace('.', '')}.example.org/"
        if rng.random() < 0.3
        else "",
    }
    access = rng.sample(vocab["access_features"], rng.randint(0, 2))
    if kind == "micro_enterprise" and "home-based" not in access:
        access.append("home-based")
    confirmed = CONFIRMED_DAYS_AGO.get(state, rng.randrange(0, 80))
    spec = ListingSpec(
        external_id=f"demo-{n + 1:04d}",
        title=title,
        kind=kind,
        state=state,
        postcode=row,
        town=town,
        summary=summary[:280],
        description=description,
        fields=fields,
        confirmed_days_ago=None if state in ("draft", "awaiting", "rejected") else confirmed,
        support_kinds=support,
        audiences=audiences,
        access_features=access,
        languages=rng.sample(vocab["languages"], rng.randint(1, 2)) if rng.random() < 0.2 else [],
        payment_methods=rng.sample(vocab["payment_methods"], rng.randint(1, 3)),
        cover_own_council=kind == "shared_lives" or rng.random() < 0.2,
        checks=_checks(rng, kind, state),
    )
    if state in ("changes_pending", "unapproved_changes"):
        spec.changed_summary = f"{spec.summary[:200]} Now also taking evening visits."
    if state == "rejected":
        spec.rejection_comment = rng.choice(content.REJECTION_COMMENTS)
    if state in ("live", "changes_pending", "reconfirm", "stale") and rng.random() < 0.25:
        spec.enquiries = _enquiries(rng, town, rng.randint(1, 3), unread=rng.randint(0, 1))
    return spec
