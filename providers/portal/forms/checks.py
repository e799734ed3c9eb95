"""The checks a provider records. Plain forms (not model forms): only the fields named
here reach providers.portal.services.record_check, never verification."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm, SingleLineField
from providers.models import ProviderCheck

from .fields import DateField

CQC_LOCATION_ID = re.compile(r"^1-\d{6,12}$")
MAX_COVER = 100_000_000


class DbsCheckForm(GovukForm):
    dbs_level = forms.ChoiceField(
        label=_("Level of check"),
        choices=ProviderCheck.DbsLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the level of your DBS check")},
    )
    issued_on = DateField(
        label=_("Date on the certificate"),
        not_future=True,
        help_text=_("For example, 27/3/2025"),
        error_messages={
            "required": _("Enter the date on your DBS certificate"),
            "invalid": _("Enter a real date, like 27/3/2025"),  # as the hint: a past date
            "future": _("The date on the certificate must be today or in the past"),
        },
    )


class CoverField(forms.IntegerField):
    widget = forms.TextInput

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[£,\s]", "", value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for name in ("min", "max", "step"):
            attrs.pop(name, None)
        attrs.update({"inputmode": "numeric", "class": "govuk-input--width-10"})
        return attrs


class InsuranceCheckForm(GovukForm):
    cover_amount = CoverField(
        label=_("Amount of cover (£)"),
        min_value=1,
        max_value=MAX_COVER,
        help_text=_("In pounds, for example 5,000,000 for £5 million"),
        error_messages={
            "required": _("Enter the amount of cover in pounds"),
            "invalid": _("Enter the amount of cover in whole pounds, like 5,000,000"),
            "min_value": _("Enter an amount of cover between £1 and £100,000,000"),
            "max_value": _("Enter an amount of cover between £1 and £100,000,000"),
        },
    )
    reference = SingleLineField(label=_("Policy number (optional)"), max_length=100, required=False)
    expires_on = DateField(
        label=_("Expiry date"),
        not_past=True,
        help_text=_("For example, 31/12/2026"),
        error_messages={
            "required": _("Enter the date your insurance expires"),
            "past": _("Your insurance has expired: enter the expiry date of your current policy"),
        },
    )


class RegulatorCheckForm(GovukForm):
    reference = forms.CharField(
        label=_("CQC location ID"),
        max_length=20,
        help_text=_("It starts with 1- and is on your CQC registration, like 1-123456789"),
        error_messages={"required": _("Enter your CQC location ID, like 1-123456789")},
    )

    def clean_reference(self):
        value = "".join(self.cleaned_data["reference"].split())
        if not CQC_LOCATION_ID.match(value):
            raise ValidationError(
                _("Enter a CQC location ID in the right format, like 1-123456789")
            )
        return value


class QualitySchemeCheckForm(GovukForm):
    reference = SingleLineField(
        label=_("Name of the quality scheme"),
        max_length=100,
        error_messages={"required": _("Enter the name of the quality scheme")},
    )
    expires_on = DateField(
        label=_("Membership expiry date (optional)"),
        required=False,
        not_past=True,
        help_text=_("For example, 31/12/2026"),
        error_messages={"past": _("The expiry date must be today or in the future")},
    )


CHECK_FORMS = {
    ProviderCheck.Kind.DBS: DbsCheckForm,
    ProviderCheck.Kind.INSURANCE: InsuranceCheckForm,
    ProviderCheck.Kind.REGULATOR: RegulatorCheckForm,
    ProviderCheck.Kind.QUALITY_SCHEME: QualitySchemeCheckForm,
}


def check_form(kind, *args, check=None, **kwargs):
    form_class = CHECK_FORMS[kind]
    initial = {}
    if check is not None:
        initial = {name: getattr(check, name) for name in form_class.base_fields}
    return form_class(*args, initial=initial, **kwargs)
