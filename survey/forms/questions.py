"""The question forms: one per page. Cleaned data are saved straight onto the draft
response (field names = Response fields). Here: the work, support, place and pay
questions; the questions about the person (career, plans, skills, checks, about you,
consent, health) are in `person.py`."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm
from survey.models import choices
from survey.models.response import (
    HOURS_MAX,
    PEOPLE_MAX,
    RATE_MAX,
    WORKERS_MAX,
)

from .fields import NumberField, checkboxes, radios


class StepForm(GovukForm):
    mark_optional = True

    def answers(self) -> dict:
        """The cleaned data as Response field values (lists in choice order)."""
        data = {}
        for name, value in self.cleaned_data.items():
            field = self.fields[name]
            if isinstance(field, forms.MultipleChoiceField):
                order = [code for code, _label in field.choices]
                value = [code for code in order if code in value]
            elif value == "" and isinstance(field, forms.ChoiceField):
                value = None  # an optional question left unanswered
            data[name] = value
        return data


class WorkForm(StepForm):
    provider_kind = radios(
        choices.ProviderKind.choices,
        label=_("What kind of provider are you?"),
        required_message=_("Select what kind of provider you are"),
    )
    legal_form = radios(
        choices.LegalForm.choices,
        label=_("How is your work set up?"),
        required_message=_("Select how your work is set up"),
    )


class SupportForm(StepForm):
    support_kinds = checkboxes(
        choices.SupportKind.choices,
        label=_("What kinds of support do you give?"),
        help_text=_("Select all that apply."),
        required_message=_("Select at least one kind of support you give"),
    )
    people_supported = NumberField(
        label=_("How many people do you support in a typical week?"),
        required=False,
        min_value=0,
        max_value=PEOPLE_MAX,
        messages={
            "required": "",
            "invalid": _("Enter the number of people as a whole number, like 5"),
            "range": _("Number of people must be between 0 and %(max)s") % {"max": PEOPLE_MAX},
        },
    )
    workers = NumberField(
        label=_("How many people work in your business, including you?"),
        help_text=_("Count paid and unpaid workers."),
        min_value=1,
        max_value=WORKERS_MAX,
        messages={
            "required": _("Enter how many people work in your business, including you"),
            "invalid": _("Enter the number of workers as a whole number, like 2"),
            "range": _("Number of workers must be between 1 and %(max)s") % {"max": WORKERS_MAX},
        },
    )


OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
NOT_A_DISTRICT = _("Enter the first part of a postcode only, like RM17")


class PlaceForm(StepForm):
    council_id = forms.ChoiceField(
        label=_("Which council area do you mostly work in?"),
        help_text=_("The council that arranges adult social care where most of your work is."),
        error_messages={
            "required": _("Select the council area you mostly work in"),
            "invalid_choice": _("Select the council area you mostly work in"),
        },
    )
    postcode_district = forms.CharField(
        label=_("Postcode district"),
        help_text=_("The first part of the postcode where you are based, like RM17."),
        required=False,
        max_length=8,
        error_messages={"max_length": NOT_A_DISTRICT},
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-5", "spellcheck": "false", "autocomplete": "off"}
        ),
    )

    def __init__(self, *args, **kwargs):
        from providers.geography.models import Council

        super().__init__(*args, **kwargs)
        self.fields["council_id"].choices = [
            ("", _("Choose a council")),
            *Council.objects.order_by("name").values_list("gss_code", "name"),
        ]

    def clean_postcode_district(self):
        # Spaces inside are not dropped: "NE8 1" is part of a postcode, not district NE81.
        text = self.cleaned_data["postcode_district"].strip().upper()
        if text and not OUTWARD_CODE.match(text):
            raise ValidationError(NOT_A_DISTRICT, code="invalid")
        return text


class PayForm(StepForm):
    hours_weekly = NumberField(
        label=_("How many hours do you work in a typical week?"),
        help_text=_("Include travel between visits. Leave blank if you prefer not to say."),
        required=False,
        min_value=0,
        max_value=HOURS_MAX,
        places=1,
        messages={
            "required": "",
            "invalid": _("Enter hours as a number, like 37.5"),
            "places": _("Enter hours to no more than 1 decimal place, like 37.5"),
            "range": _("Hours in a typical week must be between 0 and %(max)s")
            % {"max": HOURS_MAX},
        },
    )
    hourly_rate = NumberField(
        label=_("What do you usually charge per hour?"),
        help_text=_("In pounds, like 18.50. Leave blank if you prefer not to say."),
        required=False,
        min_value=0,
        max_value=RATE_MAX,
        places=2,
        messages={
            "required": "",
            "invalid": _("Enter your hourly rate as an amount, like 18.50"),
            "places": _("Enter your hourly rate in pounds and pence, like 18.50"),
            "range": _("Hourly rate must be between £0 and £%(max)s") % {"max": RATE_MAX},
        },
    )
    turnover_band = radios(
        choices.TurnoverBand.choices,
        label=_("What was your turnover in the last 12 months?"),
        help_text=_("All the money your business took in, before costs."),
        required_message=_("Select your turnover, or select prefer not to say"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hours_weekly"].suffix = _("hours")
        self.fields["hourly_rate"].prefix = "£"


class PayersForm(StepForm):
    payers = checkboxes(
        choices.Payer.choices,
        label=_("How are you paid for your work?"),
        help_text=_("Select all that apply."),
        required_message=_("Select at least one way you are paid"),
    )
    main_payer = radios(
        choices.Payer.choices,
        label=_("Which of these pays for most of your work?"),
        required_message=_("Select which way pays for most of your work"),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("payers")
            and data.get("main_payer")
            and data["main_payer"] not in data["payers"]
        ):
            self.add_error(
                "main_payer",
                _("The way that pays for most of your work must be one you selected above"),
            )
        return data
