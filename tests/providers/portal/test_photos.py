"""Photos: uploaded as Wagtail images into the draft, type and size checked, alt text
required; removing one changes only the draft."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from providers.models import ProviderPage, ProviderPhoto

PHOTOS = reverse("portal:photos")
Image = get_image_model()


def png(name="garden.png", size=(600, 400), colour=(0, 120, 60), fmt="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


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


def draft_photos(page):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return list(draft.photos.all())


def put_in_draft(page, image):
    draft = ProviderPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.photos.add(ProviderPhoto(image=image, alt_text=image.title))
    draft.save_revision()


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
    assert 'alt="A raised vegetable bed"' in page


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

    assert "The photo must be smaller than 128 megapixels" in response.content.decode()
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
