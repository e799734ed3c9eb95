"""What one photo upload may cost the server: a picture over the pixel limit is refused
from its header, before anything decodes it (a small file can unpack into gigabytes);
the same photo again, or one more than a full listing takes, is refused before it is
re-encoded."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images import get_image_model

from providers.portal import services

from .test_photos import PHOTOS, draft_photos, huge_png, media, png  # noqa: F401 (fixture)

Image = get_image_model()


@pytest.fixture
def decoded(monkeypatch):
    """The size of every picture Pillow decodes (ImageFile.load with data still to read),
    as it happens; Pillow still decodes it."""
    sizes = []
    load = ImageFile.ImageFile.load

    def counted_load(picture):
        if picture.tile:
            sizes.append(picture.size)
        return load(picture)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted_load)
    return sizes


def black_and_white_png(size):
    """A real picture of `size` pixels, one bit each: a small file, however many pixels."""
    buffer = io.BytesIO()
    PILImage.new("1", size).save(buffer, "PNG")
    return SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")


def test_a_photo_over_25_megapixels_is_refused_with_the_answers_kept(provider_client, listing):
    upload = black_and_white_png((5100, 5100))  # 26 megapixels
    assert upload.size < 50_000

    response = provider_client.post(
        PHOTOS, {"image": upload, "alt_text": "Our garden", "caption": "In June"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "The photo must be smaller than 25 megapixels" in html
    assert 'value="Our garden"' in html and 'value="In June"' in html
    assert draft_photos(listing) == []
    assert not Image.objects.exists()


def test_a_phone_sized_photo_is_accepted(provider_client, listing):
    upload = black_and_white_png((6000, 4000))  # 24 megapixels, as a phone takes them

    response = provider_client.post(PHOTOS, {"image": upload, "alt_text": "Our garden"})

    assert response.status_code == 302
    assert [photo.alt_text for photo in draft_photos(listing)] == ["Our garden"]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("size", [(6000, 5000), (11000, 11000), (20000, 20000)])
def test_too_many_pixels_are_refused_from_the_header_without_decoding_the_picture(
    provider_client, listing, decoded, size
):
    # Only the header is there: a file that decoding would refuse as cut off.
    response = provider_client.post(PHOTOS, {"image": huge_png(*size), "alt_text": "Huge"})

    html = response.content.decode()
    assert "The photo must be smaller than 25 megapixels" in html
    assert "could not be read" not in html
    assert decoded == []
    assert draft_photos(listing) == []


def test_the_same_photo_again_is_refused_without_decoding_it(provider_client, listing, decoded):
    provider_client.post(PHOTOS, {"image": png(size=(1200, 800)), "alt_text": "A garden"})
    decoded.clear()

    response = provider_client.post(
        PHOTOS, {"image": png(size=(1200, 800)), "alt_text": "A garden"}
    )

    assert response.status_code == 302
    assert decoded == []
    page = provider_client.get(PHOTOS).content.decode()
    assert "That photo is already on your listing." in page
    assert len(draft_photos(listing)) == 1
    assert Image.objects.count() == 1


def test_a_photo_for_a_full_listing_is_refused_without_decoding_it(listing, owner, decoded):
    for n in range(services.MAX_PHOTOS):
        services.add_photo(
            page=listing, user=owner, file=png(colour=(n, 0, 0)), alt_text=f"Photo {n}"
        )
    decoded.clear()

    with pytest.raises(services.TooManyPhotos):
        services.add_photo(
            page=listing, user=owner, file=png(colour=(99, 0, 0)), alt_text="One too many"
        )

    assert decoded == []
    assert len(draft_photos(listing)) == services.MAX_PHOTOS
    assert Image.objects.count() == services.MAX_PHOTOS


def test_an_account_can_add_only_so_many_photos_an_hour(
    provider_client, listing, other_listing, client, settings
):
    settings.PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR = 2
    for n in range(2):
        response = provider_client.post(
            PHOTOS, {"image": png(colour=(n, 0, 0)), "alt_text": f"Photo {n}"}
        )
        assert response.status_code == 302

    response = provider_client.post(
        PHOTOS, {"image": png(colour=(9, 0, 0)), "alt_text": "Our kitchen", "caption": "New"}
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert "You can add up to 2 photos an hour" in html
    assert 'value="Our kitchen"' in html and 'value="New"' in html
    assert len(draft_photos(listing)) == 2
    client.force_login(other_listing.other_user)  # another account has its own count
    response = client.post(PHOTOS, {"image": png(colour=(9, 0, 0)), "alt_text": "Garden"})
    assert response.status_code == 302
