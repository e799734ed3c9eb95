"""Discarding changes and photos: a photo only the discarded changes showed (no moderator
ever approved it) is deleted with its files, as removing it would; a live photo, or one a
moderator once published, stays."""

from django.urls import reverse
from wagtail.images import get_image_model

from providers.models import ProviderPage

from .test_photo_files import publish, put_in_draft, remove
from .test_photos import PHOTOS, draft_photos, media, png  # noqa: F401 (fixture)

Image = get_image_model()
DISCARD = reverse("portal:discard")


def test_a_photo_added_only_in_the_draft_is_deleted_and_a_live_one_kept(
    provider_client, listing, client, django_capture_on_commit_callbacks
):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our garden"})
    live = draft_photos(listing)[0].image
    publish(listing)
    provider_client.post(PHOTOS, {"image": png(colour=(9, 9, 9)), "alt_text": "New kitchen"})
    added = next(p.image for p in draft_photos(listing) if p.image_id != live.pk)
    files = [added.file.path, added.get_rendition("fill-600x400").file.path]
    asked = provider_client.get(DISCARD).content.decode()
    assert "The photo you added that is not on your live listing is deleted." in asked

    with django_capture_on_commit_callbacks(execute=True):
        provider_client.post(DISCARD)

    assert not Image.objects.filter(pk=added.pk).exists()
    assert not any(added.file.storage.exists(path) for path in files)
    assert Image.objects.filter(pk=live.pk).exists()
    assert live.file.storage.exists(live.file.name)
    assert [p.image_id for p in draft_photos(listing)] == [live.pk]
    html = client.get(ProviderPage.objects.get(pk=listing.pk).url).content.decode()
    assert 'alt="Our garden"' in html


def test_a_live_photo_removed_in_the_draft_comes_back_and_is_kept(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our garden"})
    live = draft_photos(listing)[0].image
    publish(listing)
    remove(provider_client, live)
    assert draft_photos(listing) == []

    provider_client.post(DISCARD)

    assert [p.image_id for p in draft_photos(listing)] == [live.pk]
    assert Image.objects.filter(pk=live.pk).exists()


def test_a_photo_once_published_or_from_the_library_is_kept(provider_client, listing, moderator):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our old garden"})
    once_live = draft_photos(listing)[0].image
    publish(listing)
    remove(provider_client, once_live)
    publish(listing)  # approved without it; the revision before still shows it
    library = Image.objects.create(title="Library", file=png(), uploaded_by_user=moderator)
    put_in_draft(listing, once_live)
    put_in_draft(listing, library)

    provider_client.post(DISCARD)

    assert draft_photos(listing) == []
    assert Image.objects.filter(pk__in=[once_live.pk, library.pk]).count() == 2
