"""Adding a photo: a Wagtail image (type, file size and pixels checked by
WagtailImageField against WAGTAILIMAGES_EXTENSIONS, WAGTAILIMAGES_MAX_UPLOAD_SIZE and
WAGTAILIMAGES_MAX_IMAGE_PIXELS, the pixels from the file's header), at least as big as the
profile shows it, with required alt text. The picture is first decoded when it is stored
(services.add_photo), so a file that cannot be read to the end is refused there."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField

from home.forms import GovukForm, SingleLineField
from providers.portal.photo_files import UnreadableImage, too_many_pixels, upright_size
from providers.profile import PHOTO_HEIGHT, PHOTO_WIDTH


def _one_of(extensions) -> str:
    """["jpg", "jpeg", "png", "webp"] -> "JPG, PNG or WEBP" (JPEG is JPG spelt out)."""
    names = list(dict.fromkeys(e.upper().replace("JPEG", "JPG") for e in extensions))
    if len(names) == 1:
        return names[0]
    return _("%(names)s or %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


class PhotoField(WagtailImageField):
    """Counts a picture's pixels from its file's header: Wagtail's own check decodes the
    whole picture first, the very cost its limit is there to spare (a 375 KB PNG can be
    121 megapixels, over 1 GB decoded). Nothing here decodes the picture."""

    default_error_messages = {"unreadable": _("The selected file could not be read")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pillow itself refuses to open a picture over twice its own limit.
        pillow_max = 2 * PILImage.MAX_IMAGE_PIXELS
        self.pixel_limit = min(self.max_image_pixels or pillow_max, pillow_max)
        self.error_messages["file_too_many_pixels"] = _(
            "The photo must be smaller than %s megapixels: save a smaller copy and choose that"
        ) % floatformat(self.pixel_limit / 1_000_000, -1)

    def check_image_pixel_size(self, f):
        if too_many_pixels(f, limit=self.pixel_limit):
            raise forms.ValidationError(
                self.error_messages["file_too_many_pixels"], code="file_too_many_pixels"
            )


class PhotoForm(GovukForm):
    image = PhotoField(label=_("Upload a photo"))
    alt_text = SingleLineField(
        label=_("Describe the photo"),
        max_length=250,
        help_text=_(
            "What the photo shows, for people who cannot see it. For example: "
            "“Two people planting tomatoes in a raised garden bed”."
        ),
        error_messages={
            "required": _("Describe what the photo shows"),
            "max_length": _("Description must be 250 characters or fewer"),
        },
    )
    caption = SingleLineField(
        label=_("Caption (optional)"),
        max_length=250,
        required=False,
        error_messages={"max_length": _("Caption must be 250 characters or fewer")},
    )

    def __init__(self, *args, photo_count=0, max_photos=6, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_count, self.max_photos = photo_count, max_photos
        # Built here (not at import) so it follows the current image settings.
        field = self.fields["image"] = PhotoField(label=_("Upload a photo"))
        formats = _one_of(field.allowed_image_extensions)
        size = filesizeformat(field.max_upload_size)
        field.help_text = _(
            "%(formats)s, up to %(size)s, at least %(width)s pixels wide and %(height)s high."
        ) % {"formats": formats, "size": size, "width": PHOTO_WIDTH, "height": PHOTO_HEIGHT}
        wrong_type = _("The selected file must be a %(formats)s image") % {"formats": formats}
        field.error_messages.update(
            {
                "required": _("Choose a photo to upload"),
                "invalid_image": wrong_type,
                "invalid_image_extension": wrong_type,
                "invalid_image_known_format": wrong_type,
                "unreadable": _("The selected file could not be read: choose a %(formats)s image")
                % {"formats": formats},
                "file_too_large": _("The selected file must be smaller than %s") % size,
                "file_too_large_unknown_size": _("The selected file must be smaller than %s")
                % size,
                "too_many_photos": _(
                    "You can have up to %(n)s photos. Remove one before adding another."
                )
                % {"n": max_photos},
                "too_many_uploads": _(
                    "You can add up to %(n)s photos an hour. Your answers are still here: "
                    "choose the photo again later."
                )
                % {"n": settings.PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR},
            }
        )

    def _error(self, code) -> forms.ValidationError:
        return forms.ValidationError(self.fields["image"].error_messages[code], code=code)

    def refuse_image(self, code: str) -> None:
        """Show one of the photo field's errors ("too_many_photos", "unreadable",
        "too_many_uploads"), also for what is found only once the form is valid."""
        self.add_error("image", self._error(code))

    def clean_image(self):
        image = self.cleaned_data["image"]
        try:
            width, height = upright_size(image)
        except UnreadableImage:
            raise self._error("unreadable") from None
        if width < PHOTO_WIDTH or height < PHOTO_HEIGHT:
            raise forms.ValidationError(
                _("The photo must be at least %(width)s pixels wide and %(height)s pixels high")
                % {"width": PHOTO_WIDTH, "height": PHOTO_HEIGHT},
                code="too_small",
            )
        return image

    def clean(self):
        data = super().clean()
        if self.photo_count >= self.max_photos and "image" not in self.errors:
            self.refuse_image("too_many_photos")
        if self.errors and "image" not in self.errors and data.get("image"):
            # A browser never keeps a chosen file when the page comes back with errors.
            self.add_error("image", _("Choose the photo again"))
        return data
