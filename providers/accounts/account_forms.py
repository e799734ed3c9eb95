"""Forms for a signed-in provider's account settings: change the email address or the
password, or delete the account. Each asks for the current password again."""

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm, GovukFormMixin

from . import services
from .forms import _change_password_fields, _email_field, _password_field


class _ReauthenticateMixin:
    """Asks for the current password and checks it through authenticate(request=...), so
    django-axes counts wrong guesses here too."""

    def _check_current_password(self, field="password", message=None):
        password = self.cleaned_data.get(field)
        if not password:
            return
        user = authenticate(self.request, username=self.user.get_username(), password=password)
        if user is None or user.pk != self.user.pk:
            self.add_error(field, message or _("Your password is not correct"))


def _current_password_field():
    return _password_field(
        _("Your password"), _("Enter your password"), help_text=_("To check it is you.")
    )


class ChangeEmailForm(_ReauthenticateMixin, GovukForm):
    email = _email_field(
        label=_("New email address"),
        help_text=_("We will send a link to it. Your address changes when you select the link."),
        required=_("Enter your new email address"),
    )
    password = _current_password_field()

    def __init__(self, *args, request, user, **kwargs):
        self.request, self.user = request, user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = services.normalise_email(self.cleaned_data["email"])
        if email == services.normalise_email(self.user.email):
            raise forms.ValidationError(_("This is already your email address"))
        return email

    def clean(self):
        cleaned = super().clean()
        self._check_current_password()
        return cleaned


class DeleteAccountForm(_ReauthenticateMixin, GovukForm):
    password = _current_password_field()

    def __init__(self, *args, request, user, **kwargs):
        self.request, self.user = request, user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self._check_current_password()
        return cleaned


class PasswordChangeForm(_ReauthenticateMixin, GovukFormMixin, auth_forms.PasswordChangeForm):
    """Django's form, but the current password is checked through authenticate(), as
    _ReauthenticateMixin does, not user.check_password: wrong guesses count towards the
    lockout like anywhere else."""

    old_password = _password_field(_("Current password"), _("Enter your current password"))
    new_password1, new_password2 = _change_password_fields()
    error_messages = {
        "password_mismatch": _("The passwords do not match"),
        "password_incorrect": _("Your current password is not correct"),
    }
    field_order = ["old_password", "new_password1", "new_password2"]

    def __init__(self, user, *args, request, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        return self.cleaned_data["old_password"]  # checked in clean(), through authenticate

    def clean(self):
        self._check_current_password("old_password", self.error_messages["password_incorrect"])
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self)
