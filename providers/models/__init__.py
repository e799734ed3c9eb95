"""What a listing is. A listing is a Wagtail page (`ProviderPage`) so revisions, preview,
moderation workflows, the audit log and search come from Wagtail. State that must not
travel with revisions (who may edit, checks and their verification, enquiries, problem
reports, reminders sent) lives in plain models beside it."""

from .checks import ProviderCheck
from .listing import ProviderPage, ProviderPhoto
from .membership import ListingMembership
from .messages import Enquiry, ProblemReport, ReminderLog
from .vocabularies import AccessFeature, Audience, Language, PaymentMethod, SupportKind

__all__ = [
    "AccessFeature",
    "Audience",
    "Enquiry",
    "Language",
    "ListingMembership",
    "PaymentMethod",
    "ProblemReport",
    "ProviderCheck",
    "ProviderPage",
    "ProviderPhoto",
    "ReminderLog",
    "SupportKind",
]
