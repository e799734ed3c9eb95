"""Wagtail's admin side routes show no page to staff who have no business with pages
(design decision 2): workforce analysts and survey administrators may use the admin, but
hold no page permission, and providers never use it. The page choosers have their own
tests in test_security.py."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState

from providers.models import ProviderPage, ProviderPhoto
from tests import builders

pytestmark = pytest.mark.django_db

# Text that only a page (or a listing's photo) could put on a response.
SECRETS = ("Zebrafinch", "Find support", "zoe.provider@example.org")

# Routes that showed no page to these users before any change of ours: kept so.
SAFE_ROUTES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{directory}/",
    "/admin/pages/{directory}/results/",
    "/admin/pages/search/?q=zebrafinch",
    "/admin/pages/search/results/?q=zebrafinch",
    "/admin/pages/{live}/edit/",
    "/admin/pages/{live}/edit/preview/",
    "/admin/pages/{draft}/view_draft/",
    "/admin/pages/{live}/history/",
    "/admin/pages/{live}/history/results/",
    "/admin/pages/{live}/revisions/{revision}/view/",
    "/admin/pages/{live}/revisions/compare/earliest...latest/",
    "/admin/pages/{live}/workflow_history/",
    "/admin/pages/workflow/preview/{live}/{task}/",
    "/admin/pages/{live}/usage/",
    "/admin/pages/usage/providers/providerpage/",
    "/admin/pages/{live}/move/",
    "/admin/pages/{live}/copy/",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/site-history/results/",
    "/admin/api/main/pages/?search=zebrafinch",
    "/admin/api/main/pages/{live}/",
    "/admin/api/main/pages/find/?id={live}",
    "/admin/images/usage/{image}/",
    "/admin/redirects/",
    "/admin/provider-listings/",
]

# Routes that showed pages to them (titles, or a listing's moderation state), now refused.
REFUSED_ROUTES = [
    "/admin/pages/{live}/move/{root}/confirm/",
    "/admin/pages/workflow/confirm_cancellation/{live}/",
    "/admin/bulk/wagtailcore/page/publish/?id={live}&id={draft}",
    "/admin/bulk/wagtailcore/page/delete/?id=all&childOf={root}&q=zebrafinch",
    "/admin/bulk/wagtailimages/image/delete/?id={image}",  # its title: a photo's description
]


@pytest.fixture
def side_route_pages(directory, thurrock_postcodes):
    """A live listing (with a photo) whose changes await approval, locked by a moderator,
    and a draft listing: between them, a line in every admin route that lists pages."""
    from PIL import Image as PILImage

    moderator = builders.build_user(groups=["Moderators"])
    provider, live = builders.build_provider_account(
        directory=directory, title="Zebrafinch Care", email="zoe.provider@example.org"
    )
    buffer = BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Zebrafinch garden", file=ImageFile(buffer, name="garden.png")
    )
    ProviderPhoto.objects.create(page=live, image=image, alt_text="Zebrafinch garden")
    live.summary = "Zebrafinch changes."
    revision = live.save_revision(user=provider, log_action=True)
    live.get_workflow().start(live, provider)
    ProviderPage.objects.filter(pk=live.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )
    draft = builders.build_provider(directory=directory, title="Zebrafinch Draft", live=False)
    return {
        "provider": provider,
        "ids": {
            "live": live.pk,
            "draft": draft.pk,
            "directory": directory.pk,
            "root": Page.get_first_root_node().pk,
            "revision": revision.pk,
            "task": TaskState.objects.get(revision=revision).task_id,
            "image": image.pk,
        },
    }


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def leaks(client, routes, ids) -> dict[str, tuple[int, list[str]]]:
    """{route: (status, secrets shown)} for each route that shows a secret."""
    found = {}
    for route in routes:
        response = client.get(route.format(**ids))
        shown = [secret for secret in SECRETS if secret in body(response)]
        if shown:
            found[route] = (response.status_code, shown)
    return found


@pytest.mark.parametrize("group", ["Analysts", "Survey administrators"])
def test_no_admin_route_shows_pages_to_staff_without_page_permissions(
    client, side_route_pages, group
):
    client.force_login(builders.build_user(groups=[group]))

    assert leaks(client, SAFE_ROUTES, side_route_pages["ids"]) == {}


@pytest.mark.parametrize("group", ["Analysts", "Survey administrators"])
def test_routes_that_showed_pages_refuse_staff_without_page_permissions(
    client, side_route_pages, group
):
    client.force_login(builders.build_user(groups=[group]))

    for route in REFUSED_ROUTES:
        response = client.get(route.format(**side_route_pages["ids"]))
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), route
    assert leaks(client, REFUSED_ROUTES, side_route_pages["ids"]) == {}


@pytest.mark.parametrize("kwargs", [{"groups": ["Moderators"]}, {"superuser": True}])
def test_moderators_and_superusers_keep_those_routes(client, side_route_pages, kwargs):
    client.force_login(builders.build_user(**kwargs))

    for route in REFUSED_ROUTES:
        response = client.get(route.format(**side_route_pages["ids"]))
        assert response.status_code == 200, route
    shown = leaks(client, REFUSED_ROUTES, side_route_pages["ids"])
    assert REFUSED_ROUTES[0] in shown and REFUSED_ROUTES[2] in shown


def test_providers_get_nothing_from_the_admin(client, side_route_pages):
    """A provider's account is sent to the admin's sign-in (or refused) everywhere."""
    client.force_login(side_route_pages["provider"])

    for route in SAFE_ROUTES + REFUSED_ROUTES:
        response = client.get(route.format(**side_route_pages["ids"]))
        assert response.status_code in (302, 403, 404), route
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), route
