from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm
from survey.services import normalise_receipt_code

NOT_A_CODE = _(
    "Enter the receipt code exactly as shown, 12 letters and numbers like 7KQ4-M2XD-9RBT"
)


class ReceiptCodeForm(GovukForm):
    code = forms.CharField(
        label=_("Receipt code"),
        help_text=_("12 letters and numbers, like 7KQ4-M2XD-9RBT. It is on the page you saved."),
        max_length=40,
        error_messages={"required": _("Enter your receipt code"), "max_length": NOT_A_CODE},
    )

    def clean_code(self):
        code = normalise_receipt_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(NOT_A_CODE, code="invalid")
        return code


class EraseForm(GovukForm):
    confirm = forms.ChoiceField(
        choices=[("yes", _("Yes, delete my response")), ("no", _("No, keep it"))],
        widget=forms.RadioSelect,
        label=_("Are you sure you want to delete your response?"),
        error_messages={"required": _("Select yes if you want to delete your response")},
    )
