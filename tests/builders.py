"""Plain functions that build test data. Each takes keyword arguments with sensible defaults.
The survey's live in tests/survey/builders.py and are imported here, so every test reaches
them all as `builders.build_...`."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage

_counter = itertools.count(1)
PASSWORD = "a-long-test-password-1"


def build_home(
    *, title="Find care and support near you", introduction="<p>Welcome.</p>"
) -> HomePage:
    """A live HomePage at the root of the default site (replacing Wagtail's stock page)."""
    root = Page.get_first_root_node()
    Page.objects.child_of(root).exact_type(Page).delete()
    home = HomePage(title=title, slug=f"home-{next(_counter)}", introduction=introduction)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": title},
    )
    return home


def build_standard_page(
    *, parent, title=None, summary="A short summary.", body=None, show_in_menus=False, live=True
) -> StandardPage:
    n = next(_counter)
    page = StandardPage(
        title=title or f"Guidance page {n}",
        slug=f"guidance-{n}",
        summary=summary,
        body=body if body is not None else [{"type": "paragraph", "value": "<p>Body text.</p>"}],
        show_in_menus=show_in_menus,
        live=live,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def build_user(*, username=None, email=None, password=PASSWORD, groups=(), superuser=False):
    n = next(_counter)
    user = get_user_model().objects.create_user(
        username=username or f"user{n}",
        email=email or f"user{n}@example.org",
        password=password,
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def build_postcode(
    *, postcode="RM17 5SW", easting=561234, northing=178901, district_code="E06000034"
):
    """A Postcode row (district codes come from the councils migration), and its
    OutwardCode recomputed from the postcodes now stored."""
    from providers.geography.models import Postcode
    from providers.geography.selectors import normalise_postcode
    from providers.geography.services import refresh_outward_code

    normalised = normalise_postcode(postcode)
    if normalised is None or " " not in normalised:
        raise ValueError(f"not a full postcode: {postcode!r}")
    row, _created = Postcode.objects.update_or_create(
        postcode=normalised,
        defaults={"easting": easting, "northing": northing, "district_id": district_code},
    )
    refresh_outward_code(normalised.split(" ")[0])
    return row


def build_directory(*, home, title="Find support", slug="find-support"):
    """The directory (search) page that holds every listing."""
    from directory.models import DirectoryPage
    from providers.services import ensure_moderation_workflow

    page = DirectoryPage(title=title, slug=slug, introduction="<p>Search.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    ensure_moderation_workflow(directory=page)  # listings under it go through moderation
    return page


def build_provider(
    *,
    directory,
    title=None,
    kind="micro_enterprise",
    summary="Friendly personal care and companionship.",
    postcode="RM17 5SW",
    town="Grays",
    price_per_hour="22.50",
    travel_radius_miles=10,
    councils=(),
    support_kinds=(),
    audiences=(),
    access_features=(),
    languages=(),
    payment_methods=(),
    availability=0,
    taking_new_people=True,
    last_confirmed_at="now",
    live=True,
    owner=None,
    **fields,
):
    """A ProviderPage under `directory`, published (live=True) or a draft, with its base
    postcode resolved (the postcode must exist: use the thurrock_postcodes fixture or
    build_postcode). `owner`, if given, becomes the listing's owning account. Vocabulary
    arguments take slugs; councils take GSS codes."""
    from decimal import Decimal

    from django.utils import timezone

    from providers.geography.models import Council
    from providers.geography.selectors import lookup_postcode
    from providers.models import (
        AccessFeature,
        Audience,
        Language,
        ListingMembership,
        PaymentMethod,
        ProviderPage,
        SupportKind,
    )
    from providers.services import apply_location

    n = next(_counter)
    page = ProviderPage(
        title=title or f"Provider {n}",
        slug=f"provider-{n}",
        kind=kind,
        summary=summary,
        town=town,
        price_per_hour=Decimal(price_per_hour) if price_per_hour is not None else None,
        travel_radius_miles=travel_radius_miles,
        availability=availability,
        taking_new_people=taking_new_people,
        last_confirmed_at=timezone.now() if last_confirmed_at == "now" else last_confirmed_at,
        live=live,
        owner=owner,
        **fields,
    )
    if postcode:
        location = lookup_postcode(postcode)
        if location is None:
            raise ValueError(f"postcode not loaded: {postcode!r}")
        apply_location(page=page, location=location)
    page.support_kinds = list(SupportKind.objects.filter(slug__in=support_kinds))
    page.audiences = list(Audience.objects.filter(slug__in=audiences))
    page.access_features = list(AccessFeature.objects.filter(slug__in=access_features))
    page.languages = list(Language.objects.filter(slug__in=languages))
    page.payment_methods = list(PaymentMethod.objects.filter(slug__in=payment_methods))
    page.councils_covered = list(Council.objects.filter(gss_code__in=councils))
    directory.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
        page.refresh_from_db()
    if owner is not None:
        ListingMembership.objects.create(user=owner, page=page, role="owner")
    return page


def build_check(*, page, kind="dbs", verified=True, expires_on=None, issued_on=None, **fields):
    """A ProviderCheck on a listing, verified now by default."""
    from django.utils import timezone

    from providers.models import ProviderCheck

    return ProviderCheck.objects.create(
        page=page,
        kind=kind,
        issued_on=issued_on,
        expires_on=expires_on,
        verified_at=timezone.now() if verified else None,
        **fields,
    )


def build_moderation_workflow(*, directory, group_name="Moderators"):
    """A moderation workflow (one GroupApprovalTask for `group_name`) assigned to the
    directory page, as the moderation data migration sets up on a real site."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    n = next(_counter)
    group, _created = Group.objects.get_or_create(name=group_name)
    workflow = Workflow.objects.create(name=f"Listing moderation {n}", active=True)
    task = GroupApprovalTask.objects.create(name=f"Moderator approval {n}", active=True)
    task.groups.set([group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})
    return workflow


def build_enquiry(*, page, name="Alex Smith", message="Can you help my mother?", read=False):
    from django.utils import timezone

    from providers.models import Enquiry

    n = next(_counter)
    return Enquiry.objects.create(
        page=page,
        name=name,
        reply_to=f"alex{n}@example.org",
        message=message,
        consent=True,
        submission_token=f"token-{n}",
        read_at=timezone.now() if read else None,
    )


def build_provider_account(*, directory, email=None, password=PASSWORD, **listing):
    """A confirmed provider account (username = its email address, as sign-up makes it)
    that owns a listing built by build_provider (`listing` is passed on to it; the default
    postcode needs the thurrock_postcodes fixture, or pass postcode=None). It can sign in
    at /manage/sign-in/ with the email address and `password`. Returns (user, page)."""
    n = next(_counter)
    email = (email or f"provider{n}@example.org").lower()
    user = build_user(username=email, email=email, password=password)
    page = build_provider(directory=directory, owner=user, **listing)
    return user, page


def build_co_editor(*, page, email=None, password=PASSWORD):
    """A confirmed account that co-edits `page` (a Shared Lives scheme's listing)."""
    from providers.models import ListingMembership

    n = next(_counter)
    email = (email or f"coeditor{n}@example.org").lower()
    user = build_user(username=email, email=email, password=password)
    ListingMembership.objects.create(user=user, page=page, role="co_editor")
    return user


from tests.survey.builders import COMPLETE_ANSWERS, build_response, build_wave  # noqa: E402, F401
