"""Forms for adding co-editors to a Shared Lives scheme's listing (home.forms renders
them the GOV.UK way)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm

from . import services
from .forms import _check_new_password, _email_field


class InviteCoEditorForm(GovukForm):
    email = _email_field(
        label=_("Email address of the person to add"),
        help_text=_("We will send them a link to create their account. It works for 7 days."),
    )

    def clean_email(self):
        return services.normalise_email(self.cleaned_data["email"])


class AcceptInvitationForm(GovukForm):
    password = forms.CharField(
        label=_("Create a password"),
        help_text=_("At least 10 characters. Avoid common words and passwords."),
        strip=False,
        error_messages={"required": _("Enter a password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Confirm your password"),
        strip=False,
        error_messages={"required": _("Confirm your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        _check_new_password(self, "password", "password_confirm", email=self.email)
        return cleaned
