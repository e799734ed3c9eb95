"""Form fields the portal shares: dates typed as text, prices and amounts in pounds, and
boxes of several lines."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d*)?")
DECIMAL_COMMA = re.compile(r"-?\d+,\d{1,2}")
DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


class DateField(forms.DateField):
    """A date typed as "27/3/2027" (also "27 3 2027", "2027-03-27" or "27 March 2027").
    `not_past` and `not_future` reject dates on the wrong side of today."""

    def __init__(self, *, not_past=False, not_future=False, **kwargs):
        self.not_past, self.not_future = not_past, not_future
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={"class": "govuk-input--width-10", "autocomplete": "off"},
            ),
        )
        messages = {
            "invalid": _("Enter a real date, like 27/3/2027"),
            "past": _("The date must be today or in the future"),
            "future": _("The date must be today or in the past"),
        }
        messages.update(kwargs.pop("error_messages", {}))
        super().__init__(error_messages=messages, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        today = timezone.localdate()
        if self.not_past and value < today:
            raise ValidationError(self.error_messages["past"], code="past")
        if self.not_future and value > today:
            raise ValidationError(self.error_messages["future"], code="future")


class PoundsField(forms.DecimalField):
    """An amount in pounds typed as text: "22.50", "£22.50" or "1,250". A comma is read
    only as a thousands separator ("1,250", "12,500.50"); "20,50" is taken for a decimal
    comma and the message says to use a full stop. Each message is given once, however
    many limits the amount breaks (max_value and max_digits often share theirs)."""

    widget = forms.TextInput
    default_error_messages = {"decimal_comma": _("Use a full stop for pence, like 20.50")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-5"}
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[£\s]", "", value)
            if "," in value:
                if THOUSANDS.fullmatch(value):
                    value = value.replace(",", "")
                elif DECIMAL_COMMA.fullmatch(value):
                    raise ValidationError(
                        self.error_messages["decimal_comma"], code="decimal_comma"
                    )
                else:
                    raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError as error:
            raise ValidationError(list(dict.fromkeys(error.messages))) from None

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return value


class TextareaField(forms.CharField):
    """Browsers send new lines as CRLF: normalise, so an untouched box is unchanged."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value
