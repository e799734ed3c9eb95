"""Object-level access on every portal URL: anonymous visitors are sent to sign in,
staff without a listing get a 403 page, and another provider only ever reaches their own
listing (the URLs carry no listing ID; sub-objects are found through the listing).
Every URL in the portal namespace must be listed here."""

import pytest
from django.conf import settings
from django.urls import reverse

from providers.models import Enquiry, ProviderCheck, ProviderPage
from providers.portal.urls import urlpatterns
from tests import builders

ARGS = {
    "check_edit": ["insurance"],
    "check_remove": ["insurance"],
    "enquiry": [1],
    "enquiry_delete": [1],
}
NAMES = sorted(p.name for p in urlpatterns)


def url(name, enquiry_pk=None):
    args = ARGS.get(name, [])
    if name in ("enquiry", "enquiry_delete") and enquiry_pk is not None:
        args = [enquiry_pk]
    return reverse(f"portal:{name}", args=args)


def test_every_portal_url_is_covered():
    assert set(ARGS) <= set(NAMES)
    assert len(NAMES) == 19


@pytest.fixture
def victim(listing, thurrock_postcodes):
    """The listing someone else must not reach, with things worth protecting."""
    builders.build_check(page=listing, kind="insurance", cover_amount=1_000_000)
    enquiry = builders.build_enquiry(page=listing, message="Secret message for Sunrise")
    return listing, enquiry


def snapshot(page):
    page = ProviderPage.objects.get(pk=page.pk)
    return (
        page.latest_revision_id,
        page.live,
        page.last_confirmed_at,
        list(ProviderCheck.objects.filter(page=page).values()),
        list(Enquiry.objects.filter(page=page).values()),
    )


REQUESTS = [(name, method) for name in NAMES for method in ("get", "post")]


def test_anonymous_visitors_are_sent_to_sign_in(client, victim):
    listing, enquiry = victim
    before = snapshot(listing)

    for name, method in REQUESTS:
        response = getattr(client, method)(url(name, enquiry.pk))

        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith(settings.LOGIN_URL), (name, method)
    assert snapshot(listing) == before


def test_staff_without_a_listing_get_no_listing_page(client, victim, moderator):
    listing, enquiry = victim
    client.force_login(moderator)
    before = snapshot(listing)

    for name, method in REQUESTS:
        response = getattr(client, method)(url(name, enquiry.pk))

        body = response.content.decode()
        assert response.status_code == 403, (name, method)
        assert "There is no listing for this account" in body, (name, method)
        assert "Sunrise" not in body, (name, method)
    assert snapshot(listing) == before


def test_another_provider_never_reaches_this_listing(
    client, victim, other_listing, workflow, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    listing, enquiry = victim
    image_id = _photo_on(listing)
    client.force_login(other_listing.other_user)
    before = snapshot(listing)

    for name, method in REQUESTS:
        response = getattr(client, method)(url(name, enquiry.pk), {"image": image_id})

        body = response.content.decode()
        assert response.status_code in (200, 302, 404, 405), (name, method)
        assert "Sunrise" not in body, (name, method)
        assert "Secret message" not in body, (name, method)
    assert snapshot(listing) == before


def test_removing_a_check_only_ever_asks_about_and_removes_the_providers_own(
    client, victim, other_listing
):
    """The check's kind is in the URL; the check is always the signed-in listing's."""
    listing, _enquiry = victim
    builders.build_check(page=other_listing, kind="insurance", cover_amount=2_000_000)
    client.force_login(other_listing.other_user)
    remove = url("check_remove")

    asked = client.get(remove)
    client.post(remove)

    assert asked.status_code == 200 and "Sunrise" not in asked.content.decode()
    assert not ProviderCheck.objects.filter(page=other_listing).exists()
    assert ProviderCheck.objects.filter(page=listing, kind="insurance").exists()


def _photo_on(page):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    from providers.models import ProviderPhoto
    from tests.providers.portal.test_photos import png

    upload = png()
    image = get_image_model().objects.create(
        title="x", file=SimpleUploadedFile(upload.name, upload.read())
    )
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.photos.add(ProviderPhoto(image=image, alt_text="Sunrise garden"))
    draft.save_revision()
    return image.pk


def test_providers_cannot_reach_the_wagtail_admin(provider_client):
    response = provider_client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "/admin/login/" in response.get("Location", "/admin/login/")
