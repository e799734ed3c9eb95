"""Form fields with GOV.UK-style messages: numbers typed into text boxes (inputmode
numeric/decimal), radios and checkboxes."""

import decimal
import re

from django import forms
from django.core.exceptions import ValidationError


class NumberField(forms.CharField):
    """A number in a text box: whole (places=0) or with up to `places` decimals.
    `messages` holds "required", "invalid", "places" and "range" texts."""

    def __init__(self, *, min_value, max_value, places=0, messages, **kwargs):
        self.min_value, self.max_value, self.places = min_value, max_value, places
        self.messages = messages
        kwargs.setdefault("required", True)
        super().__init__(
            error_messages={"required": messages["required"]}, strip=True, max_length=None, **kwargs
        )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "inputmode": "decimal" if self.places else "numeric",
                "spellcheck": "false",
                "class": "govuk-input--width-5"
                if self.max_value >= 1000
                else "govuk-input--width-4",
            }
        )
        return attrs

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        text = text.replace(",", "").replace("£", "").strip()
        pattern = r"\d+" if self.places == 0 else r"\d+(\.\d*)?|\.\d+"
        if not re.fullmatch(pattern, text):
            raise ValidationError(self.messages["invalid"], code="invalid")
        # Checked digit by digit, then range before rounding: any number of digits gives
        # a message (round() of a 28-digit Decimal and int() of a 4,301-digit one raise).
        number = decimal.Decimal(text)
        if _has_more_places(number, self.places):
            raise ValidationError(self.messages["places"], code="places")
        if not self.min_value <= number <= self.max_value:
            raise ValidationError(self.messages["range"], code="range")
        return int(number) if self.places == 0 else round(number, self.places)

    def prepare_value(self, value):
        if isinstance(value, decimal.Decimal):
            return format(value.normalize(), "f") if value == value.to_integral() else str(value)
        return value


def _has_more_places(number: decimal.Decimal, places: int) -> bool:
    """True if `number` has a non-zero digit after its first `places` decimals."""
    _sign, digits, exponent = number.as_tuple()
    extra = -exponent - places
    return extra > 0 and any(digits[-extra:])


def radios(choices, *, required=True, required_message, label, help_text=""):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        label=label,
        help_text=help_text,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def checkboxes(choices, *, required=True, required_message, label, help_text=""):
    return forms.MultipleChoiceField(
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
        label=label,
        help_text=help_text,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )
