"""An uploaded photo's file as it is stored: turned the way it is shown, re-encoded in its
own format without the metadata a camera or phone puts in it (EXIF, with where it was
taken, XMP, IPTC, comments), which would otherwise be published with it, and named at
random rather than after the uploader's file."""

import io
import struct
import uuid

from django.core.files.base import ContentFile
from PIL import ExifTags, Image, ImageOps

# What Pillow raises on a file it cannot decode (cut off, or broken inside).
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)
JPEG_QUALITY = 90
# What the re-encoded picture keeps of what Pillow read: how to show it, never who, where
# or with what it was taken. The colour profile stays so colours are not shifted.
KEPT_INFO = ("icc_profile", "transparency")
SAVE_AS = {"MPO": "JPEG"}  # a phone's multi-picture JPEG is saved as its main picture
OPTIONS = {
    "JPEG": {"quality": JPEG_QUALITY, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": JPEG_QUALITY},
}


class UnreadableImage(Exception):
    """The file looked like an image but Pillow could not read all of it."""


def too_many_pixels(file, *, limit: int) -> bool:
    """Has the picture in `file` more than `limit` pixels? Read from its header: nothing
    is decoded, so a small file that would unpack into a huge picture costs nothing to
    refuse (Pillow refuses one over twice Image.MAX_IMAGE_PIXELS as it opens it). False
    for a file Pillow cannot open: what is wrong with it is for other checks to say."""
    file.seek(0)
    try:
        with Image.open(file) as picture:
            width, height = picture.size
    except Image.DecompressionBombError:
        return True
    except DECODE_ERRORS:
        return False
    finally:
        file.seek(0)
    return width * height > limit


def upright_size(file) -> tuple[int, int]:
    """The picture's width and height as it is shown: turned as its EXIF orientation
    says (5 to 8 turn it a quarter). Read from its header, nothing decoded."""
    file.seek(0)
    try:
        with Image.open(file) as picture:
            width, height = picture.size
            turned = _orientation(picture) in (5, 6, 7, 8)
    except DECODE_ERRORS as error:
        raise UnreadableImage from error
    finally:
        file.seek(0)
    return (height, width) if turned else (width, height)


def _orientation(picture) -> int | None:
    """The EXIF orientation. A PNG's comes only from EXIF before its picture data:
    Pillow's getexif() would decode the whole picture to look after it."""
    if picture.format == "PNG" and "exif" not in picture.info:
        return None
    return picture.getexif().get(ExifTags.Base.Orientation)


def without_metadata(file) -> ContentFile:
    """The picture in `file` (an image; UnreadableImage if Pillow cannot read it), turned upright as its EXIF
    orientation says and saved again with nothing but its pixels and colour profile, in
    the same format. Named at random (its format's extension kept): nothing of the
    uploader's file name is published, nor can the file's address be guessed."""
    file.seek(0)
    try:
        with Image.open(file) as picture:
            fmt = SAVE_AS.get(picture.format, picture.format)
            upright = ImageOps.exif_transpose(picture)
        kept = {key: upright.info[key] for key in KEPT_INFO if key in upright.info}
        upright.info = {}  # Pillow writes some of what it read (a JPEG's comment) back out
        buffer = io.BytesIO()
        upright.save(buffer, fmt, **OPTIONS.get(fmt, {}), **kept)
    except DECODE_ERRORS as error:
        raise UnreadableImage from error
    finally:
        file.seek(0)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension(fmt)}")


def extension(fmt: str) -> str:
    return {"JPEG": "jpg"}.get(fmt, fmt.lower())
