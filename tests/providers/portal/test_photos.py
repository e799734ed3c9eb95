"""Photos: uploaded as Wagtail images into the draft, type, size and pixels checked, alt
text required; removing one changes only the draft. What is stored: test_photo_files."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage

from providers.models import ProviderPage

PHOTOS = reverse("portal:photos")


def png(name="garden.png", size=(600, 400), colour=(0, 120, 60), fmt="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def draft_photos(page):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return list(draft.photos.all())


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_uploading_a_photo_adds_it_to_the_draft_only(provider_client, listing):
    response = provider_client.post(
        PHOTOS, {"image": png(), "alt_text": "A raised vegetable bed", "caption": "Our garden"}
    )

    assert response.status_code == 302
    photos = draft_photos(listing)
    assert [(p.alt_text, p.caption) for p in photos] == [("A raised vegetable bed", "Our garden")]
    assert ProviderPage.objects.get(pk=listing.pk).photos.count() == 0  # live unchanged
    page = provider_client.get(PHOTOS).content.decode()
    assert "</span> A raised vegetable bed</p>" in page  # shown as its description


def test_each_photo_is_described_once_and_its_remove_button_named_after_it(
    provider_client, listing
):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "A raised vegetable bed"})
    provider_client.post(PHOTOS, {"image": png(colour=(9, 9, 9)), "alt_text": "Our kitchen"})

    page = provider_client.get(PHOTOS).content.decode()

    # The description is text right next to the thumbnail, so the image itself is
    # decorative here: a screen reader reads each description once, not twice.
    assert page.count('alt=""') == 2
    assert 'alt="A raised vegetable bed"' not in page and 'alt="Our kitchen"' not in page
    assert page.count("A raised vegetable bed") == 2  # the description line, the button
    for description in ("A raised vegetable bed", "Our kitchen"):
        assert (
            f'Remove<span class="govuk-visually-hidden"> photo: {description}</span></button>'
            in page
        )
    assert "photo 1" not in page


def test_uploading_the_same_photo_twice_adds_it_once(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "A garden"})
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "A garden"})

    assert len(draft_photos(listing)) == 1


def test_alt_text_is_required(provider_client, listing):
    response = provider_client.post(PHOTOS, {"image": png(), "caption": "Kept caption"})

    html = response.content.decode()
    assert "Describe what the photo shows" in html
    assert "Choose the photo again" in html  # the browser has dropped the chosen file
    assert 'value="Kept caption"' in html
    assert draft_photos(listing) == []


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain"),
        SimpleUploadedFile("fake.png", b"not really a png", content_type="image/png"),
    ],
    ids=["text file", "not an image"],
)
def test_wrong_file_types_are_refused(provider_client, listing, upload):
    response = provider_client.post(PHOTOS, {"image": upload, "alt_text": "Something"})

    html = response.content.decode()
    assert "The selected file must be a JPG, PNG or WEBP image" in html
    assert 'value="Something"' in html
    assert draft_photos(listing) == []


def test_a_gif_is_refused(provider_client, listing):
    response = provider_client.post(
        PHOTOS, {"image": png("anim.gif", fmt="GIF"), "alt_text": "Something"}
    )
    assert "The selected file must be a JPG, PNG or WEBP image" in response.content.decode()


def test_an_oversized_photo_is_refused(provider_client, listing, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 200

    response = provider_client.post(
        PHOTOS, {"image": png(size=(200, 200)), "alt_text": "Big picture"}
    )

    assert "The selected file must be smaller than 200" in response.content.decode()
    assert draft_photos(listing) == []


def test_removing_a_photo(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "One"})
    photo = draft_photos(listing)[0]

    response = provider_client.post(reverse("portal:photo_remove"), {"image": photo.image_id})

    assert response.status_code == 302
    assert draft_photos(listing) == []


def test_removing_a_photo_that_is_not_on_the_listing_is_not_found(provider_client, listing):
    response = provider_client.post(reverse("portal:photo_remove"), {"image": "99999"})
    assert response.status_code == 404
    response = provider_client.post(reverse("portal:photo_remove"), {"image": "abc"})
    assert response.status_code == 404


def test_there_is_a_limit_on_photos(provider_client, listing):
    for n in range(6):
        provider_client.post(PHOTOS, {"image": png(colour=(n, 0, 0)), "alt_text": f"Photo {n}"})

    response = provider_client.post(PHOTOS, {"image": png(colour=(99, 0, 0)), "alt_text": "7"})

    assert "You can have up to 6 photos" in response.content.decode()
    assert len(draft_photos(listing)) == 6


def test_a_thumbnail_shrinks_to_fit_a_narrow_screen(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our garden"})

    html = provider_client.get(PHOTOS).content.decode()

    (thumbnail,) = re.findall(r"<img [^>]*>", html)
    assert 'class="app-photo-thumbnail"' in thumbnail  # max-width: 100% (_components.scss)


def huge_png(width=20000, height=20000):
    """A PNG whose header says it is width x height pixels (the picture is not there)."""
    data = bytearray(png(size=(1, 1)).read())
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:33] = header + struct.pack(">I", zlib.crc32(header))
    return SimpleUploadedFile("huge.png", bytes(data), content_type="image/png")


def test_a_photo_with_too_many_pixels_is_refused(provider_client, listing, settings):
    response = provider_client.post(PHOTOS, {"image": huge_png(), "alt_text": "Huge"})

    assert "The photo must be smaller than 25 megapixels" in response.content.decode()
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 2_500_000
    response = provider_client.post(PHOTOS, {"image": png(size=(2000, 1500)), "alt_text": "Big"})
    assert "The photo must be smaller than 2.5 megapixels" in response.content.decode()
    assert draft_photos(listing) == []


def on_its_side(size):
    """A JPEG of `size` pixels that is shown turned a quarter (EXIF orientation 6)."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 0, 0)).save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("side.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize(
    "upload",
    [png(size=(10, 10)), png(size=(599, 800)), png(size=(1200, 399)), on_its_side((600, 400))],
    ids=["tiny", "too narrow", "too low", "narrow once turned upright"],
)
def test_a_photo_smaller_than_the_profile_shows_it_is_refused(provider_client, listing, upload):
    response = provider_client.post(PHOTOS, {"image": upload, "alt_text": "Small"})

    html = response.content.decode()
    assert "The photo must be at least 600 pixels wide and 400 pixels high" in html
    assert "at least 600 pixels wide and 400 high." in html  # said in the hint too
    assert draft_photos(listing) == []


def test_a_photo_as_big_as_the_profile_shows_it_is_accepted(provider_client, listing):
    provider_client.post(PHOTOS, {"image": on_its_side((400, 600)), "alt_text": "Upright"})

    assert [photo.alt_text for photo in draft_photos(listing)] == ["Upright"]


def cut_off_jpeg():
    """A real 800x600 JPEG with its second half missing, as an upload cut off part way:
    its header reads, its picture does not."""
    buffer = io.BytesIO()
    PILImage.effect_noise((800, 600), 64).convert("RGB").save(buffer, "JPEG")
    data = buffer.getvalue()
    return SimpleUploadedFile("cut.jpg", data[: len(data) // 2], content_type="image/jpeg")


def test_a_photo_that_cannot_be_read_is_refused_with_a_message(provider_client, listing):
    response = provider_client.post(PHOTOS, {"image": cut_off_jpeg(), "alt_text": "Cut off"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "The selected file could not be read: choose a JPG, PNG or WEBP image" in html
    assert 'value="Cut off"' in html
    assert draft_photos(listing) == []
