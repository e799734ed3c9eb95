"""SECURITY MATRIX: every URL in the `accounts`, `portal` and `claims` namespaces × {GET, POST} ×
{another provider, anonymous, moderator} (and, for owner-only URLs, the victim's own
co-editor). For each request:

- the response never shows the victim's data (its listing's title and draft text, its
  accounts' email addresses, its enquiries, checks, invitations), whatever the status;
- the victim's rows are exactly as they were (users, memberships, page, revisions,
  workflow states, checks, enquiries, reports, photos, invitations);
- anonymous visitors and moderators change nothing at all in those tables;
- a URL that needs a signed-in provider sends an anonymous visitor to the sign-in page
  and gives a moderator no 2xx.

ADDING A ROW: every URL name in either namespace needs an entry in ROWS (the test
`test_every_url_has_a_row` fails otherwise). A row says how to build the URL's kwargs
from the World (usually pointing at the VICTIM's objects, which the actor must not
reach), what to POST (default: nothing, which must change nothing either), and whether
the URL is for signed-in providers (`signed_in=True`), public (`signed_in=False`), or
only for a listing's owner (`owner_only=True`, then the victim's co-editor is tried too).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from providers.accounts import editors as accounts_editors
from providers.accounts import services as accounts_services
from providers.accounts.models import AccountDeletion, CoEditorInvitation
from providers.accounts.tokens import email_confirmation_token
from providers.models import (
    Enquiry,
    ListingClaim,
    ListingMembership,
    ProblemReport,
    ProviderCheck,
    ProviderPage,
    ProviderPhoto,
    ReminderLog,
)
from tests import builders

pytestmark = pytest.mark.django_db

NAMESPACES = ("accounts", "portal", "claims")
VICTIM_TITLE = "Victim Shared Lives Scheme"
VICTIM_DRAFT_SUMMARY = "VICTIM-DRAFT-SUMMARY-not-yet-approved"
VICTIM_EMAIL = "victim.owner@example.org"
VICTIM_CO_EDITOR_EMAIL = "victim.staff@example.org"
VICTIM_INVITED_EMAIL = "victim.invited@example.org"
VICTIM_ENQUIRY = "VICTIM-ENQUIRY-please-call-me"
VICTIM_CHECK_REFERENCE = "VICTIM-CHECK-REF-123"


@dataclass
class World:
    directory: Page
    victim: object
    victim_page: ProviderPage
    victim_co_editor: object
    victim_co_membership: ListingMembership
    victim_invitation: CoEditorInvitation
    victim_used_invitation: CoEditorInvitation
    victim_enquiry: Enquiry
    victim_check: ProviderCheck
    attacker: object
    attacker_page: ProviderPage
    moderator: object
    secrets: tuple = (
        VICTIM_TITLE,
        VICTIM_DRAFT_SUMMARY,
        VICTIM_EMAIL,
        VICTIM_CO_EDITOR_EMAIL,
        VICTIM_INVITED_EMAIL,
        VICTIM_ENQUIRY,
        VICTIM_CHECK_REFERENCE,
    )


def build_world(home) -> World:
    directory = builders.build_directory(home=home)
    victim, page = builders.build_provider_account(
        directory=directory,
        email=VICTIM_EMAIL,
        kind="shared_lives",
        title=VICTIM_TITLE,
        postcode=None,
        live=True,
    )
    page.summary = VICTIM_DRAFT_SUMMARY  # a draft change awaiting approval
    page.save_revision(user=victim)
    co_editor = builders.build_co_editor(page=page, email=VICTIM_CO_EDITOR_EMAIL)
    invitation = CoEditorInvitation.objects.create(page=page, email=VICTIM_INVITED_EMAIL)
    used = CoEditorInvitation.objects.create(
        page=page, email=VICTIM_CO_EDITOR_EMAIL, accepted_at=timezone.now()
    )
    enquiry = Enquiry.objects.create(
        page=page,
        name="Pat",
        reply_to="pat@example.org",
        message=VICTIM_ENQUIRY,
        consent=True,
        submission_token="victim-enquiry",
    )
    check = builders.build_check(page=page, kind="insurance", reference=VICTIM_CHECK_REFERENCE)
    # The attacker has every power a provider can have: it owns a Shared Lives listing too.
    attacker, attacker_page = builders.build_provider_account(
        directory=directory, kind="shared_lives", title="Attacker Scheme", postcode=None
    )
    moderator = builders.build_user(groups=["Moderators"])
    return World(
        directory=directory,
        victim=victim,
        victim_page=page,
        victim_co_editor=co_editor,
        victim_co_membership=ListingMembership.objects.get(user=co_editor),
        victim_invitation=invitation,
        victim_used_invitation=used,
        victim_enquiry=enquiry,
        victim_check=check,
        attacker=attacker,
        attacker_page=attacker_page,
        moderator=moderator,
    )


# Rows -----------------------------------------------------------------------------------


def no_kwargs(world):
    return {}


def no_data(world):
    return {}


@dataclass(frozen=True)
class Row:
    kwargs: Callable[[World], dict] = no_kwargs
    post: Callable[[World], dict] = no_data
    signed_in: bool = True  # False: a public page (sign-in, sign-up, reset, links in emails)
    owner_only: bool = False  # True: the victim's co-editor must not use it either
    public: tuple = ()  # victim's strings this page may show (a live listing's public title)
    note: str = ""


def _uid(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


ROWS: dict[str, Row] = {
    # accounts: public pages. Crafted POSTs aim at the victim's address.
    "accounts:sign_in": Row(
        signed_in=False, post=lambda w: {"username": VICTIM_EMAIL, "password": "guess"}
    ),
    "accounts:sign_out": Row(signed_in=False),
    "accounts:sign_up": Row(
        signed_in=False,
        post=lambda w: {
            "name": "Takeover",
            "kind": "micro_enterprise",
            "email": VICTIM_EMAIL.upper(),
            "password": "a-long-takeover-password",
            "password_confirm": "a-long-takeover-password",
        },
        note="an address in use changes nothing and shows the same page",
    ),
    "accounts:check_email": Row(signed_in=False),
    "accounts:confirm_email": Row(
        signed_in=False,
        kwargs=lambda w: {
            "uidb64": _uid(w.victim),
            "token": email_confirmation_token.make_token(w.victim),
        },
    ),
    "accounts:password_reset": Row(signed_in=False, post=lambda w: {"email": VICTIM_EMAIL}),
    "accounts:password_reset_done": Row(signed_in=False),
    "accounts:password_reset_complete": Row(signed_in=False),
    "accounts:password_reset_confirm": Row(
        signed_in=False,
        kwargs=lambda w: {"uidb64": _uid(w.victim), "token": "bad-token"},
        post=lambda w: {
            "new_password1": "hijacked-password-1",
            "new_password2": "hijacked-password-1",
        },
    ),
    "accounts:accept_invitation": Row(
        signed_in=False,
        kwargs=lambda w: {
            "token": signing.dumps(
                w.victim_used_invitation.pk, salt=accounts_editors.INVITATION_SALT
            )
        },
        post=lambda w: {
            "password": "a-long-takeover-password",
            "password_confirm": "a-long-takeover-password",
        },
        note="a used invitation cannot be used again, by anyone",
    ),
    "accounts:account_deleted": Row(signed_in=False),
    # accounts: signed-in provider pages. They act on the signed-in account only.
    "accounts:account": Row(),
    "accounts:change_email": Row(post=lambda w: {"email": VICTIM_EMAIL, "password": "guess"}),
    "accounts:change_email_confirm": Row(
        kwargs=lambda w: {
            "token": signing.dumps(
                {"user": w.victim.pk, "old": VICTIM_EMAIL, "new": "thief@example.org"},
                salt=accounts_services.CHANGE_EMAIL_SALT,
            )
        },
        note="the victim's own valid link does nothing for anyone else",
    ),
    "accounts:password_change": Row(),
    "accounts:delete_account": Row(post=lambda w: {"password": builders.PASSWORD}),
    "accounts:editors": Row(owner_only=True, post=lambda w: {"email": "friend@example.org"}),
    "accounts:remove_editor": Row(
        owner_only=True, kwargs=lambda w: {"pk": w.victim_co_membership.pk}
    ),
    "accounts:cancel_invitation": Row(
        owner_only=True, kwargs=lambda w: {"pk": w.victim_invitation.pk}
    ),
    # portal: the portal helper adds its rows here.
    # Every portal URL acts on the signed-in account's own listing (no listing ID in any
    # URL); sub-objects in a URL (an enquiry, a check kind) are looked up through it.
    # Crafted POSTs try moderator-only fields and the victim's objects.
    "portal:dashboard": Row(),
    "portal:edit_about": Row(
        post=lambda w: {
            "title": "Hijacked",
            "summary": "Hijacked",
            "kind": "micro_enterprise",
            "live": "on",
            "owner": str(w.attacker.pk),
        }
    ),
    "portal:edit_offer": Row(post=lambda w: {"support_kinds": ["1", "2"]}),
    "portal:edit_prices": Row(post=lambda w: {"price_per_hour": "1.00"}),
    "portal:edit_availability": Row(post=lambda w: {"mon": ["morning"], "taking_new_people": "no"}),
    "portal:edit_where": Row(
        post=lambda w: {"postcode": "RM17 5SW", "travel_radius_miles": "5", "external_id": "x"}
    ),
    "portal:edit_contact": Row(post=lambda w: {"phone": "01632 960001", "show_phone": "on"}),
    "portal:photos": Row(post=lambda w: {"alt_text": "A photo", "page": str(w.victim_page.pk)}),
    "portal:photo_remove": Row(post=lambda w: {"image": "1"}),
    "portal:preview": Row(),
    "portal:submit": Row(post=lambda w: {"page": str(w.victim_page.pk)}),
    "portal:reconfirm": Row(post=lambda w: {"page": str(w.victim_page.pk)}),
    "portal:checks": Row(),
    "portal:check_edit": Row(
        kwargs=lambda w: {"kind": w.victim_check.kind},
        post=lambda w: {
            "cover_amount": "1000",
            "expires_on": "1/1/2099",
            "verified_at": "2026-01-01T00:00:00Z",
            "page": str(w.victim_page.pk),
        },
    ),
    "portal:check_remove": Row(kwargs=lambda w: {"kind": w.victim_check.kind}),
    "portal:enquiries": Row(),
    "portal:enquiry": Row(kwargs=lambda w: {"pk": w.victim_enquiry.pk}),
    # claims: "Is this your business?" on the victim's live listing, which has an owner,
    # so nobody may claim it. Its title is public (the listing is live).
    "claims:claim": Row(
        kwargs=lambda w: {"slug": w.victim_page.slug},
        post=lambda w: {"message": "This is my business, honestly."},
        public=(VICTIM_TITLE,),
    ),
    "claims:sent": Row(kwargs=lambda w: {"slug": w.victim_page.slug}, public=(VICTIM_TITLE,)),
}


def url_names(namespace: str) -> set[str]:
    """Every named URL inside `namespace` (nested namespaces included), as "ns:name"."""
    _prefix, resolver = get_resolver().namespace_dict[namespace]

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{prefix}{pattern.name}"

    return set(walk(resolver.url_patterns, f"{namespace}:"))


def all_url_names() -> set[str]:
    names = set()
    for namespace in NAMESPACES:
        if namespace in get_resolver().namespace_dict:
            names |= url_names(namespace)
    return names


def urls_without_rows() -> list[str]:
    return sorted(all_url_names() - set(ROWS))


def test_every_url_has_a_row():
    missing = urls_without_rows()
    stale = sorted(set(ROWS) - all_url_names())
    assert not missing, f"add a row to ROWS for each new URL: {missing}"
    assert not stale, f"these rows name no URL any more: {stale}"


def test_the_matrix_notices_a_url_without_a_row(settings):
    """The guard above really compares the resolver's names with the rows: a URL added
    to the accounts namespace (here by a test URLconf) is reported."""
    settings.ROOT_URLCONF = "tests.providers.urls_matrix_extra"

    assert urls_without_rows() == ["accounts:brand_new_page", "portal:brand_new_portal_page"]


# Snapshots ----------------------------------------------------------------------------

PAGE_MODELS = (
    ProviderCheck,
    Enquiry,
    ProblemReport,
    ReminderLog,
    ProviderPhoto,
    CoEditorInvitation,
    ListingClaim,
)
ALL_MODELS = (
    get_user_model(),
    ListingMembership,
    Page,
    ProviderPage,
    Revision,
    WorkflowState,
    TaskState,
    PageLogEntry,
    AccountDeletion,
    *PAGE_MODELS,
)


def rows(queryset):
    return list(queryset.order_by("pk").values())


def victim_snapshot(world) -> dict:
    """Everything that belongs to the victim's listing and its accounts."""
    page_ids = [world.victim_page.pk]
    user_ids = [world.victim.pk, world.victim_co_editor.pk]
    page_type = ContentType.objects.get_for_model(Page)
    object_ids = [str(pk) for pk in page_ids]
    snapshot = {
        "users": rows(get_user_model().objects.filter(pk__in=user_ids)),
        "memberships": rows(
            ListingMembership.objects.filter(Q(page_id__in=page_ids) | Q(user_id__in=user_ids))
        ),
        "page": rows(Page.objects.filter(pk__in=page_ids)),
        "listing": rows(ProviderPage.objects.filter(pk__in=page_ids)),
        "revisions": rows(
            Revision.objects.filter(base_content_type=page_type, object_id__in=object_ids)
        ),
        "workflows": rows(
            WorkflowState.objects.filter(base_content_type=page_type, object_id__in=object_ids)
        ),
    }
    for model in PAGE_MODELS:
        snapshot[model._meta.label] = rows(model.objects.filter(page_id__in=page_ids))
    return snapshot


def full_snapshot() -> dict:
    return {model._meta.label: rows(model.objects.all()) for model in ALL_MODELS}


# The matrix ---------------------------------------------------------------------------

ACTORS = ("another provider", "anonymous", "moderator")


def client_for(actor: str, world: World) -> Client:
    client = Client()
    user = {
        "another provider": world.attacker,
        "moderator": world.moderator,
        "victim's co-editor": world.victim_co_editor,
    }.get(actor)
    if user is not None:
        client.force_login(user)
    return client


def check_request(world, name, row, method, actor) -> list[str]:
    problems = []
    url = reverse(name, kwargs=row.kwargs(world))
    client = client_for(actor, world)
    everything_checked = actor in ("anonymous", "moderator")
    before_victim = victim_snapshot(world)
    before_all = full_snapshot() if everything_checked else None
    response = client.get(url) if method == "GET" else client.post(url, row.post(world))
    where = f"{method} {url} as {actor}"
    status = response.status_code
    if status >= 500:
        problems.append(f"{where}: server error {status}")
    if actor != "victim's co-editor":
        body = response.content.decode(errors="replace").lower()
        # A form shows the answers it was sent: the actor's own input is not a leak.
        typed = (
            " ".join(str(v) for v in row.post(world).values()).lower() if method == "POST" else ""
        )
        shown = [
            s
            for s in world.secrets
            if s.lower() in body and s.lower() not in typed and s not in row.public
        ]
        if shown:
            problems.append(f"{where}: status {status} shows the victim's {shown}")
    if victim_snapshot(world) != before_victim:
        problems.append(f"{where}: changed the victim's data")
    if everything_checked and full_snapshot() != before_all:
        problems.append(f"{where}: changed the database")
    location = response.get("Location", "")
    if location.startswith(("http://", "https://", "//")):
        problems.append(f"{where}: redirects off the site to {location}")
    sent_to_sign_in = status == 302 and location.startswith("/manage/sign-in/")
    if row.signed_in and actor == "anonymous" and status != 405 and not sent_to_sign_in:
        problems.append(f"{where}: status {status}, not sent to sign in")
    if row.signed_in and actor == "moderator" and 200 <= status < 300:
        problems.append(f"{where}: a moderator got {status} from a provider page")
    if row.owner_only and actor == "victim's co-editor" and status not in (403, 404, 405):
        problems.append(f"{where}: a co-editor got {status} from an owner-only page")
    return problems


@pytest.mark.parametrize("name", sorted(ROWS))
def test_no_one_else_reaches_the_victims_data(name, home, django_capture_on_commit_callbacks):
    world = build_world(home)
    row = ROWS[name]
    actors = ACTORS + (("victim's co-editor",) if row.owner_only else ())
    problems = []
    for actor in actors:
        for method in ("GET", "POST"):
            with django_capture_on_commit_callbacks(execute=True):
                problems += check_request(world, name, row, method, actor)

    assert problems == []


# Crafted requests -----------------------------------------------------------------------


def test_a_crafted_sign_up_cannot_make_staff_publish_or_skip_confirmation(client, home):
    directory = builders.build_directory(home=home)

    client.post(
        "/manage/sign-up/",
        {
            "name": "Crafty Care",
            "kind": "micro_enterprise",
            "email": "crafty@example.org",
            "password": "a-long-crafty-password",
            "password_confirm": "a-long-crafty-password",
            "is_staff": "on",
            "is_superuser": "on",
            "is_active": "on",
            "groups": "1",
            "live": "on",
            "owner": "1",
            "role": "owner",
            "page": str(directory.pk),
        },
    )

    user = get_user_model().objects.get(username="crafty@example.org")
    assert not (user.is_staff or user.is_superuser or user.is_active)
    assert not user.groups.exists()
    page = ProviderPage.objects.get()
    assert not page.live and page.owner_id == user.pk
    assert ListingMembership.objects.get(user=user).page_id == page.pk


def test_a_crafted_invitation_acceptance_cannot_choose_its_role_or_listing(client, home):
    world = build_world(home)
    token = signing.dumps(world.victim_invitation.pk, salt=accounts_editors.INVITATION_SALT)

    client.post(
        f"/manage/invitation/{token}/",
        {
            "password": "a-long-staff-password",
            "password_confirm": "a-long-staff-password",
            "role": "owner",
            "page": str(world.attacker_page.pk),
            "email": "someone.else@example.org",
            "is_staff": "on",
        },
    )

    user = get_user_model().objects.get(username=VICTIM_INVITED_EMAIL)
    assert not user.is_staff
    membership = ListingMembership.objects.get(user=user)
    assert (membership.page_id, membership.role) == (world.victim_page.pk, "co_editor")
    assert not get_user_model().objects.filter(email="someone.else@example.org").exists()


def test_a_crafted_change_email_cannot_set_the_username_or_staff(client, home):
    world = build_world(home)
    client.force_login(world.attacker)

    client.post(
        "/manage/account/email/",
        {
            "email": "new@example.org",
            "password": builders.PASSWORD,
            "username": VICTIM_EMAIL,
            "is_staff": "on",
        },
    )

    world.attacker.refresh_from_db()
    assert world.attacker.username != VICTIM_EMAIL and not world.attacker.is_staff


ADMIN_PATHS = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/snippets/", "/admin/images/"]


def test_providers_cannot_reach_the_admin(client, home):
    world = build_world(home)
    paths = ADMIN_PATHS + [
        f"/admin/pages/{world.victim_page.pk}/edit/",
        f"/admin/pages/{world.attacker_page.pk}/edit/",
        f"/admin/pages/{world.victim_page.pk}/history/",
        f"/admin/pages/{world.directory.pk}/",
    ]
    for user in (world.attacker, world.victim_co_editor):
        client.force_login(user)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"].startswith("/admin/login/"), path
    # Signing in at the admin's own login page gives no admin either.
    client.logout()
    client.post(
        "/admin/login/", {"username": world.attacker.username, "password": builders.PASSWORD}
    )
    for path in paths:
        assert client.get(path).status_code == 302, path
