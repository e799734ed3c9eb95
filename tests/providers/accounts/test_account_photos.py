"""Deleting an account deletes its listing's photos, including ones only ever in a
draft (never approved), files and renditions too; never an image another listing uses."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from providers.accounts.deletion import delete_account
from providers.models import ProviderPage, ProviderPhoto
from providers.portal import services
from tests import builders
from tests.providers.portal.test_photos import media, png  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
Image = get_image_model()


def draft_image(page, alt_text):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return next(photo.image for photo in draft.photos.all() if photo.alt_text == alt_text)


def add_to_draft(page, image, *, user=None):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.photos.add(ProviderPhoto(image=image, alt_text=image.title))
    draft.save_revision(user=user)


def test_deleting_an_account_deletes_photos_only_in_its_draft_but_not_shared_ones(
    client, provider, directory, django_capture_on_commit_callbacks
):
    user, page = provider
    client.force_login(user)
    client.post(reverse("portal:photos"), {"image": png(), "alt_text": "Our draft garden"})
    draft_only = draft_image(page, "Our draft garden")
    rendition = draft_only.get_rendition("fill-80x60")
    files = [draft_only.file.path, rendition.file.path]
    # Images in this draft that another listing also uses, live or in its own draft.
    other_live = builders.build_provider(directory=directory, postcode=None)
    other_draft = builders.build_provider(directory=directory, postcode=None, live=False)
    shared_live, shared_draft = (
        Image.objects.create(title=title, file=png(f"{title}.png"), uploaded_by_user=user)
        for title in ("Shared live", "Shared draft")
    )
    for image in (shared_live, shared_draft):
        add_to_draft(page, image, user=user)
    add_to_draft(other_live, shared_live)
    ProviderPage.objects.get(pk=other_live.pk).get_latest_revision().publish()
    add_to_draft(other_draft, shared_draft)
    assert ProviderPhoto.objects.filter(page=page).count() == 0  # draft only

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/manage/account/delete/", {"password": builders.PASSWORD})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=draft_only.pk).exists()
    assert not Image.objects.filter(title="Our draft garden").exists()
    assert not Rendition.objects.filter(image_id=draft_only.pk).exists()
    assert not any(draft_only.file.storage.exists(path) for path in files)
    assert set(Image.objects.values_list("pk", flat=True)) == {shared_live.pk, shared_draft.pk}
    assert ProviderPhoto.objects.get(page=other_live).image == shared_live
    assert draft_image(other_draft, "Shared draft") == shared_draft


def test_deleting_an_account_keeps_a_library_image_a_moderator_put_in_its_draft(provider):
    user, page = provider
    moderator = builders.build_user(groups=["Moderators"])
    library = Image.objects.create(title="Library", file=png(), uploaded_by_user=moderator)
    add_to_draft(page, library, user=moderator)

    delete_account(user=user)

    assert Image.objects.filter(pk=library.pk).exists()


def test_deleting_an_account_deletes_its_live_and_draft_photos(provider):
    user, page = provider
    draft = page.get_latest_revision_as_object()
    services.add_photo(page=draft, user=user, file=png(), alt_text="Live one")
    ProviderPage.objects.get(pk=page.pk).get_latest_revision().publish()
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    services.add_photo(page=draft, user=user, file=png(colour=(1, 2, 3)), alt_text="Draft one")
    assert Image.objects.count() == 2

    delete_account(user=user)

    assert not Image.objects.exists()
