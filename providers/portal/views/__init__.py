"""Provider portal views. Thin: each finds the signed-in account's listing (never from
the URL), calls a selector or a service, and renders."""

from .checks import check_edit, check_remove, checks
from .dashboard import dashboard, preview, reconfirm, submit
from .discard import discard
from .edit import edit_section, photo_remove, photos
from .enquiries import enquiries, enquiry, enquiry_delete

__all__ = [
    "check_edit",
    "check_remove",
    "checks",
    "dashboard",
    "discard",
    "edit_section",
    "enquiries",
    "enquiry",
    "enquiry_delete",
    "photo_remove",
    "photos",
    "preview",
    "reconfirm",
    "submit",
]
