"""Forms for adding co-editors to a Shared Lives scheme's listing (home.forms renders
them the GOV.UK way)."""

from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm

from . import services
from .forms import _check_new_password, _create_password_fields, _email_field


class InviteCoEditorForm(GovukForm):
    email = _email_field(
        label=_("Email address of the person to add"),
        help_text=_("We will send them a link to create their account. It works for 7 days."),
        required=_("Enter the email address of the person you want to add"),
        autocomplete="off",  # not the signed-in user's own address
    )

    def clean_email(self):
        return services.normalise_email(self.cleaned_data["email"])


class AcceptInvitationForm(GovukForm):
    password, password_confirm = _create_password_fields()

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        _check_new_password(self, "password", "password_confirm", email=self.email)
        return cleaned
