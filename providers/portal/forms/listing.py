"""The listing's edit sections. Each form edits the latest revision of the page (so draft
work is never lost) and names its fields explicitly: a crafted POST can never set the
kind, publishing, owner, import ID, freshness or anything a moderator decides."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from home.forms import GovukModelForm, SingleLineField
from providers.geography.forms import PostcodeField
from providers.geography.models import Council
from providers.models import (
    AccessFeature,
    Audience,
    Language,
    PaymentMethod,
    ProviderPage,
    SupportKind,
)
from providers.models.listing import MAX_PRICE, SUMMARY_MAX_LENGTH
from providers.selectors import support_kinds_for
from providers.services import apply_location

from ..richtext import html_to_text, text_to_html
from .fields import PoundsField, TextareaField

DESCRIPTION_MAX_LENGTH = 3000


class SectionForm(GovukModelForm):
    """save() returns the edited (unsaved) page; apply_to() edits save_draft's fresh copy."""

    def save(self, commit=False):
        page = super().save(commit=False)
        self.save_m2m()
        return page

    def apply_to(self, page: ProviderPage) -> ProviderPage:
        self.instance = construct_instance(self, page, self._meta.fields, self._meta.exclude)
        return self.save()


class AboutForm(SectionForm):
    description = TextareaField(
        label=_("Description"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What you do, how you work and what makes you different. Leave a blank line "
            "between paragraphs. Start lines with “- ” to make a list."
        ),
        error_messages={"max_length": _("Description must be %(limit_value)s characters or fewer")},
    )

    class Meta:
        model = ProviderPage
        fields = ["title", "summary"]
        field_classes = {"title": SingleLineField, "summary": SingleLineField}
        labels = {"title": _("Name of your service")}
        help_texts = {  # not Wagtail's help for editors ("The page title as you'd like…")
            "title": _("As people know it, for example Grays Home Help"),
            "summary": _("One or two plain sentences: what you do and for whom."),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": _("Enter the name of your service")},
            "summary": {
                "max_length": _("Summary must be %s characters or fewer") % SUMMARY_MAX_LENGTH
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["description"] = html_to_text(self.instance.description)

    def save(self, commit=False):
        page = super().save(commit=False)
        page.description = text_to_html(self.cleaned_data["description"])
        return page


def _terms(model, label):
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.all(),
        required=False,
        label=label,
        widget=forms.CheckboxSelectMultiple,
    )


class OfferForm(SectionForm):
    support_kinds = _terms(SupportKind, _("Kinds of support"))
    audiences = _terms(Audience, _("Who it is for"))
    access_features = _terms(AccessFeature, _("Access and communication"))
    languages = _terms(Language, _("Languages other than English"))
    payment_methods = _terms(PaymentMethod, _("Ways to pay"))

    class Meta:
        model = ProviderPage
        fields = ["support_kinds", "audiences", "access_features", "languages", "payment_methods"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the kinds that fit the listing's kind are offered, or accepted.
        field = self.fields["support_kinds"]
        field.queryset = support_kinds_for(kind=self.instance.kind)
        field.error_messages["invalid_choice"] = _("Select kinds of support from the list")


def _price(label):
    return PoundsField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_PRICE,
        error_messages={
            "invalid": _("Enter a price in pounds, like 22.50"),
            "min_value": _("Enter a price between £0 and £%s") % MAX_PRICE,
            "max_value": _("Enter a price between £0 and £%s") % MAX_PRICE,
            "max_decimal_places": _("Enter a price in pounds and pence, like 22.50"),
            "max_digits": _("Enter a price between £0 and £%s") % MAX_PRICE,
            "max_whole_digits": _("Enter a price between £0 and £%s") % MAX_PRICE,
        },
    )


class PricesForm(SectionForm):
    price_per_hour = _price(_("Price per hour (£)"))
    price_per_session = _price(_("Price per session (£)"))
    price_per_night = _price(_("Price per night (£)"))

    class Meta:
        model = ProviderPage
        fields = ["price_per_hour", "price_per_session", "price_per_night", "price_note"]
        field_classes = {"price_note": SingleLineField}
        help_texts = {
            "price_note": _("For example: minimum two hours; higher rate on bank holidays.")
        }


class WhereForm(SectionForm):
    postcode = PostcodeField(
        allow_outward=False,
        label=_("Postcode you work from"),
        help_text=_(
            "We use it to work out who you are near. It is never shown: your listing "
            "shows only the area, like “Grays, Thurrock (RM17)”."
        ),
    )
    councils_covered = forms.ModelMultipleChoiceField(
        queryset=Council.objects.order_by("name"),
        required=False,
        label=_("Councils you cover"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose whole council areas you work across, if any."),
    )
    travel_radius_miles = forms.IntegerField(
        label=_("How far will you travel (miles)?"),
        required=False,
        min_value=1,
        max_value=50,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        help_text=_("Between 1 and 50 miles from your postcode."),
        error_messages={
            "invalid": _("Enter the number of miles, like 10"),
            "min_value": _("Enter a number of miles between 1 and 50"),
            "max_value": _("Enter a number of miles between 1 and 50"),
        },
    )

    class Meta:
        model = ProviderPage
        fields = ["town", "travel_radius_miles", "councils_covered", "premises_address"]
        field_classes = {"town": SingleLineField}
        widgets = {"premises_address": forms.Textarea(attrs={"rows": 4})}

    field_order = ["postcode", "town", "travel_radius_miles", "councils_covered"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["postcode"] = self.instance.base_postcode
        if self.instance.is_shared_lives:  # never published (profile.published_premises_address)
            del self.fields["premises_address"]

    def clean(self):
        data = super().clean()
        no_coverage = not data.get("travel_radius_miles") and not data.get("councils_covered")
        if no_coverage and "travel_radius_miles" not in self.errors:
            self.add_error(
                "travel_radius_miles",
                _("Enter how far you will travel, or choose the councils you cover"),
            )
        return data

    def save(self, commit=False):
        page = super().save(commit=False)
        apply_location(page=page, location=self.cleaned_data["postcode"])
        return page


def _digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


class ContactForm(SectionForm):
    class Meta:
        model = ProviderPage
        fields = ["phone", "show_phone", "website", "email", "show_email"]
        labels = {"phone": _("Phone number"), "email": _("Email address")}
        help_texts = {
            "email": _("Enquiries from the site are sent here (and to your account's email)."),
            "website": _("For example, https://www.example.org"),
        }
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "spellcheck": "false"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        }
        error_messages = {
            "website": {"invalid": _("Enter a web address, like https://www.example.org")},
            "email": {"invalid": _("Enter an email address, like name@example.org")},
        }

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if (
            phone
            and not (10 <= len(_digits(phone)) <= 13)
            or any(c not in "0123456789 +()-" for c in phone)
        ):
            raise ValidationError(_("Enter a phone number, like 01632 960001 or 07700 900982"))
        return phone

    def clean_website(self):
        website = self.cleaned_data["website"]
        if website and urlsplit(website).scheme.lower() not in ("http", "https"):
            raise ValidationError(
                _("Enter a web address that starts with https:// or http://"), code="scheme"
            )
        return website

    def clean(self):
        data = super().clean()
        if data.get("show_phone") and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Enter a phone number to show it on your listing"))
        if data.get("show_email") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter an email address to show it on your listing"))
        return data
