from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm


class ClaimForm(GovukForm):
    message = forms.CharField(
        label=_("How can we check this is your business?"),
        help_text=_(
            "For example your role, the phone number or email address on the listing, or your "
            "registration number. A moderator reads this before deciding."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={
            "required": _("Enter how we can check this is your business"),
            "max_length": _("Message must be 2,000 characters or fewer"),
        },
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Tell us a little more (at least 10 characters)"))
        return message
