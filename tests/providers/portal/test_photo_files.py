"""What is stored for an uploaded photo: turned upright and re-encoded without its
metadata, under a random name; removed from the draft before anyone approved it, it is
deleted with its files."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from providers.models import ProviderPage, ProviderPhoto
from providers.portal import services
from providers.portal.photo_files import UnreadableImage

from .test_photos import PHOTOS, cut_off_jpeg, draft_photos, media, png  # noqa: F401 (fixture)

Image = get_image_model()


def phone_jpeg(name="IMG_0042.jpg"):
    """A 900x600 photo, red on the left and blue on the right, as a phone saves it: held
    upright (EXIF orientation 6: turn it a quarter clockwise to show it), with where it
    was taken (GPS), the camera, a comment and XMP."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "AcmeCam"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 28.0, 40.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (0.0, 19.0, 30.0),
    }
    picture = PILImage.new("RGB", (900, 600), (200, 0, 0))
    picture.paste((0, 0, 200), (450, 0, 900, 600))
    buffer = io.BytesIO()
    picture.save(
        buffer, "JPEG", exif=exif, comment=b"12 Acacia Avenue", xmp=b"<x:xmpmeta>home</x:xmpmeta>"
    )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def assert_no_metadata(path):
    data = path.read_bytes()
    with PILImage.open(path) as picture:
        assert not picture.getexif()
        assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not {"exif", "xmp", "comment"} & set(picture.info)
    for secret in (b"AcmeCam", b"Acacia", b"xmpmeta", b"Exif"):
        assert secret not in data


def put_in_draft(page, image):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.photos.add(ProviderPhoto(image=image, alt_text=image.title))
    draft.save_revision()


def test_a_photo_is_stored_upright_and_without_its_metadata(
    provider_client, listing, settings, client
):
    provider_client.post(PHOTOS, {"image": phone_jpeg(), "alt_text": "Our garden"})

    image = draft_photos(listing)[0].image
    original = settings.MEDIA_ROOT / image.file.name
    assert_no_metadata(original)
    with PILImage.open(original) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (600, 900)  # turned upright
        red, _, blue = picture.getpixel((300, 10))
        assert red > 150 > blue  # what was on the left is now at the top
    assert (image.width, image.height) == (600, 900)

    ProviderPage.objects.get(pk=listing.pk).get_latest_revision().publish()
    html = client.get(ProviderPage.objects.get(pk=listing.pk).url).content.decode()
    (src,) = re.findall(r'<img [^>]*src="/media/([^"]+)"', html)
    assert_no_metadata(settings.MEDIA_ROOT / src)


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "garden.png"), ("WEBP", "garden.webp")])
def test_a_png_or_webp_photo_keeps_its_format_but_not_its_metadata(
    provider_client, listing, settings, fmt, name
):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "AcmeCam"
    exif[ExifTags.Base.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N"}
    buffer = io.BytesIO()
    PILImage.new("RGBA", (900, 600), (0, 120, 60, 255)).save(buffer, fmt, exif=exif)
    upload = SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")

    provider_client.post(PHOTOS, {"image": upload, "alt_text": "Our garden"})

    original = settings.MEDIA_ROOT / draft_photos(listing)[0].image.file.name
    assert_no_metadata(original)
    with PILImage.open(original) as picture:
        assert (picture.format, picture.size) == (fmt, (900, 600))


def test_a_photo_is_stored_under_a_random_name_not_the_uploaded_one(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png("jane-smith-home.png"), "alt_text": "A garden"})
    provider_client.post(PHOTOS, {"image": phone_jpeg("jane.JPEG"), "alt_text": "Another"})

    images = [photo.image for photo in draft_photos(listing)]
    names = [image.file.name for image in images]
    names += [image.get_rendition("fill-600x400").file.name for image in images]
    assert all("jane" not in name for name in names)
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", names[0])
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.jpg", names[1])
    assert names[0] != names[1]


def remove(client, image):
    return client.post(reverse("portal:photo_remove"), {"image": image.pk})


def publish(page):
    ProviderPage.objects.get(pk=page.pk).get_latest_revision().publish()


def test_removing_a_photo_never_approved_deletes_it_and_its_files(
    provider_client, listing, django_capture_on_commit_callbacks
):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Only in the draft"})
    image = draft_photos(listing)[0].image
    files = [image.file.path, image.get_rendition("fill-600x400").file.path]

    with django_capture_on_commit_callbacks(execute=True):
        response = remove(provider_client, image)

    assert response.status_code == 302
    assert draft_photos(listing) == []
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not any(image.file.storage.exists(path) for path in files)


def test_removing_a_live_photo_keeps_it_on_the_live_listing(provider_client, listing, client):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our garden"})
    image = draft_photos(listing)[0].image
    publish(listing)

    remove(provider_client, image)

    assert draft_photos(listing) == []
    assert Image.objects.filter(pk=image.pk).exists()
    html = client.get(ProviderPage.objects.get(pk=listing.pk).url).content.decode()
    assert 'alt="Our garden"' in html


def test_removing_a_photo_that_was_once_live_keeps_it(provider_client, listing):
    provider_client.post(PHOTOS, {"image": png(), "alt_text": "Our garden"})
    image = draft_photos(listing)[0].image
    publish(listing)
    remove(provider_client, image)
    publish(listing)  # approved without it; the published revision before still shows it
    put_in_draft(listing, image)  # as when a moderator goes back to that revision

    remove(provider_client, image)

    assert draft_photos(listing) == []
    assert Image.objects.filter(pk=image.pk).exists()


def test_removing_a_photo_keeps_a_library_image_or_one_another_listing_uses(
    provider_client, listing, other_listing, moderator
):
    library = Image.objects.create(title="Library", file=png(), uploaded_by_user=moderator)
    provider_client.post(PHOTOS, {"image": png(colour=(1, 2, 3)), "alt_text": "Shared"})
    shared = draft_photos(listing)[0].image
    put_in_draft(listing, library)
    put_in_draft(other_listing, shared)

    remove(provider_client, library)
    remove(provider_client, shared)

    assert draft_photos(listing) == []
    assert set(Image.objects.values_list("pk", flat=True)) == {library.pk, shared.pk}


def test_the_service_refuses_a_photo_it_cannot_read_and_stores_nothing(listing, owner):
    with pytest.raises(UnreadableImage):
        services.add_photo(page=listing, user=owner, file=cut_off_jpeg(), alt_text="Cut off")

    assert draft_photos(listing) == []
    assert not Image.objects.exists()
