from .availability import AvailabilityForm
from .checks import CHECK_FORMS, check_form
from .listing import AboutForm, ContactForm, OfferForm, PricesForm, WhereForm
from .photos import PhotoForm

__all__ = [
    "CHECK_FORMS",
    "AboutForm",
    "AvailabilityForm",
    "ContactForm",
    "OfferForm",
    "PhotoForm",
    "PricesForm",
    "WhereForm",
    "check_form",
]
