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

Adding a URL: give it a Row in `matrix_world.ROWS` (see there).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from providers.accounts.models import AccountDeletion, CoEditorInvitation
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
from tests.providers.matrix_world import NAMESPACES, ROWS, World, build_world

pytestmark = pytest.mark.django_db


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
