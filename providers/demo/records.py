"""The shapes of the demo data: plain records that specs.py builds and seed.py writes."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PostcodeRow:
    postcode: str
    easting: int
    northing: int
    district_code: str


@dataclass
class CheckSpec:
    kind: str
    verified: bool
    issued_days_ago: int | None = None
    expires_in_days: int | None = None
    dbs_level: str = ""
    cover_amount: int | None = None
    reference: str = ""


@dataclass
class EnquirySpec:
    name: str
    reply_to: str
    message: str
    days_ago: int
    read: bool


@dataclass
class ListingSpec:
    external_id: str
    title: str
    kind: str
    state: str
    postcode: PostcodeRow
    town: str
    summary: str
    description: str
    fields: dict
    confirmed_days_ago: int | None
    support_kinds: list[str]
    audiences: list[str]
    access_features: list[str]
    languages: list[str]
    payment_methods: list[str]
    cover_own_council: bool
    changed_summary: str = ""
    rejection_comment: str = ""
    checks: list[CheckSpec] = field(default_factory=list)
    enquiries: list[EnquirySpec] = field(default_factory=list)
    login: tuple[str, str] | None = None  # (email, password) of a demo provider login
    co_editor: tuple[str, str] | None = None  # a Shared Lives scheme's staff member's login
    locked: bool = False  # a moderator has locked it (Wagtail's page lock)
