"""The question forms about the person: career, plans, skills, checks, about you,
consent and health (one per page, like those in `questions.py`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from survey.models import choices
from survey.models.response import EARLIEST_YEAR

from .fields import NumberField, checkboxes, radios
from .questions import StepForm


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
        label=_("What training would you like?"),
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
        label=_("How old are you?"),
        required=False,
        required_message="",
    )
    sex = radios(
        choices.Sex.choices, label=_("What is your sex?"), required=False, required_message=""
    )
    ethnic_group = radios(
        choices.EthnicGroup.choices,
        label=_("What is your ethnic group?"),
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
        label=_("Do you have a disability or long-term health condition?"),
        help_text=_("One that has lasted, or is expected to last, 12 months or more."),
        required=False,
        required_message="",
    )
    unpaid_carer = radios(
        choices.YesNoPreferNot.choices,
        label=_("Do you look after a family member, partner or friend without being paid?"),
        help_text=_("Because of their health, disability or age, outside your paid work."),
        required=False,
        required_message="",
    )
