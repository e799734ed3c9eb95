"""The question forms: one per page. Cleaned data are saved straight onto the draft
response (field names = Response fields)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import GovukFormMixin
from survey.models import choices
from survey.models.response import (
    EARLIEST_YEAR,
    HOURS_MAX,
    PEOPLE_MAX,
    RATE_MAX,
    WORKERS_MAX,
)

from .fields import NumberField, checkboxes, radios


class StepForm(GovukFormMixin, forms.Form):
    """Rendered field by field with the shared components/fields/field.html."""

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
        label=_("How many people do you support in a typical week? (optional)"),
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
        label=_("Postcode district (optional)"),
        help_text=_("The first part of the postcode where you are based, like RM17."),
        required=False,
        max_length=8,
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
        text = self.cleaned_data["postcode_district"].upper().replace(" ", "")
        if text and not OUTWARD_CODE.match(text):
            raise ValidationError(
                _("Enter the first part of a postcode only, like RM17"), code="invalid"
            )
        return text


class PayForm(StepForm):
    hours_weekly = NumberField(
        label=_("How many hours do you work in a typical week? (optional)"),
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
        label=_("What do you usually charge per hour? (optional)"),
        help_text=_("In pounds (£), like 18.50. Leave blank if you prefer not to say."),
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


def _year(label, required_message, help_text=""):
    return NumberField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=9999,
        messages={
            "required": required_message,
            "invalid": _("Enter a year as 4 numbers, like 2015"),
            "range": _("Enter a year as 4 numbers, like 2015"),
        },
    )


class CareerForm(StepForm):
    year_started_care = _year(
        _("In which year did you start working in social care?"),
        _("Enter the year you started working in social care"),
        _("For example, 2012"),
    )
    year_self_employed = _year(
        _("In which year did you become self-employed in care?"),
        _("Enter the year you became self-employed in care"),
        _("For example, 2019"),
    )
    previous_employment = radios(
        choices.PreviousEmployment.choices,
        label=_("Where did you work before you became self-employed?"),
        required_message=_("Select where you worked before you became self-employed"),
    )

    def clean(self):
        data = super().clean()
        this_year = timezone.localdate().year
        for name in ("year_started_care", "year_self_employed"):
            year = data.get(name)
            if year is None:
                continue
            if year > this_year:
                self.add_error(name, _("The year cannot be in the future"))
            elif year < EARLIEST_YEAR:
                self.add_error(
                    name, _("The year must be %(year)s or later") % {"year": EARLIEST_YEAR}
                )
        started, became = data.get("year_started_care"), data.get("year_self_employed")
        if (
            started
            and became
            and "year_self_employed" not in self.errors
            and "year_started_care" not in self.errors
            and became < started
        ):
            self.add_error(
                "year_self_employed",
                _(
                    "The year you became self-employed must be the same as or after "
                    "the year you started in social care"
                ),
            )
        return data


class PlansForm(StepForm):
    reasons = checkboxes(
        choices.Reason.choices,
        label=_("Why did you become self-employed?"),
        help_text=_("Select all that apply."),
        required_message=_("Select at least one reason you became self-employed"),
    )
    intention_12m = radios(
        choices.Intention.choices,
        label=_("How likely are you to be doing this work in 12 months' time?"),
        required_message=_("Select how likely you are to be doing this work in 12 months"),
    )


class SkillsForm(StepForm):
    care_certificate = radios(
        choices.CareCertificate.choices,
        label=_("Do you have the Care Certificate?"),
        required_message=_("Select whether you have the Care Certificate"),
    )
    qualification = radios(
        choices.Qualification.choices,
        label=_("What is your highest social care qualification?"),
        help_text=_("For example, a level 3 diploma in adult care is level 3."),
        required_message=_("Select your highest social care qualification"),
    )
    training_12m = radios(
        choices.YesNo.choices,
        label=_("Have you had any care training in the last 12 months?"),
        required_message=_("Select yes if you have had care training in the last 12 months"),
    )
    training_wanted = checkboxes(
        choices.TrainingTopic.choices,
        label=_("What training would you like? (optional)"),
        help_text=_("Select all that apply."),
        required=False,
        required_message="",
    )


class ChecksForm(StepForm):
    dbs_check = radios(
        choices.DbsCheck.choices,
        label=_("Do you hold a DBS check?"),
        required_message=_("Select whether you hold a DBS check"),
    )
    public_liability = radios(
        choices.YesNo.choices,
        label=_("Do you have public liability insurance?"),
        required_message=_("Select yes if you have public liability insurance"),
    )
    regulator_registered = radios(
        choices.Registration.choices,
        label=_("Are you registered with the regulator (such as the CQC)?"),
        required_message=_("Select whether you are registered with the regulator"),
    )


class AboutYouForm(StepForm):
    age_band = radios(
        choices.AgeBand.choices,
        label=_("How old are you? (optional)"),
        required=False,
        required_message="",
    )
    sex = radios(
        choices.Sex.choices,
        label=_("What is your sex? (optional)"),
        required=False,
        required_message="",
    )
    ethnic_group = radios(
        choices.EthnicGroup.choices,
        label=_("What is your ethnic group? (optional)"),
        required=False,
        required_message="",
    )


class ConsentForm(StepForm):
    special_category_consent = radios(
        [
            ("yes", _("Yes, I agree to answer these questions")),
            ("no", _("No, skip these questions")),
        ],
        label=_("Do you agree to answer 2 questions about your health and caring?"),
        required_message=_(
            "Select yes if you agree to answer questions about your health and caring"
        ),
    )

    def answers(self) -> dict:
        consent = self.cleaned_data["special_category_consent"] == "yes"
        data = {"special_category_consent": consent}
        if not consent:
            data.update(disability=None, unpaid_carer=None)
        return data

    @classmethod
    def initial_from(cls, response) -> dict:
        value = response.special_category_consent
        return {"special_category_consent": None if value is None else ("yes" if value else "no")}


class HealthForm(StepForm):
    disability = radios(
        choices.YesNoPreferNot.choices,
        label=_("Do you have a disability or long-term health condition? (optional)"),
        help_text=_("One that has lasted, or is expected to last, 12 months or more."),
        required=False,
        required_message="",
    )
    unpaid_carer = radios(
        choices.YesNoPreferNot.choices,
        label=_(
            "Do you look after a family member, partner or friend without being paid? (optional)"
        ),
        help_text=_("Because of their health, disability or age, outside your paid work."),
        required=False,
        required_message="",
    )
