"""Forms for provider accounts. Every form renders the GOV.UK way (home.forms)."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm, GovukFormMixin, SingleLineField
from providers.models import ProviderPage

from . import services


def _email_field(label=None, help_text="", required=None, *, autocomplete="email"):
    """An email address box; autocomplete "off" where it is someone else's address."""
    return forms.EmailField(
        label=label or _("Email address"),
        help_text=help_text,
        max_length=150,
        error_messages={
            "required": required or _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Email address must be 150 characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": autocomplete, "spellcheck": "false"}),
    )


def _password_field(label, required, *, autocomplete="current-password", help_text=""):
    """A password box: never stripped, never shown, filled in by password managers."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        strip=False,
        error_messages={"required": required},
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


NEW_PASSWORD_HINT = _("At least 10 characters. Avoid common words and passwords.")


def _new_password_fields(label, confirm_label, *, required, confirm_required):
    """A new password and the box that confirms it."""
    return (
        _password_field(label, required, autocomplete="new-password", help_text=NEW_PASSWORD_HINT),
        _password_field(confirm_label, confirm_required, autocomplete="new-password"),
    )


def _create_password_fields():
    """For someone choosing their first password (sign-up, accepting an invitation)."""
    return _new_password_fields(
        _("Create a password"),
        _("Confirm your password"),
        required=_("Enter a password"),
        confirm_required=_("Confirm your password"),
    )


class SignInForm(GovukFormMixin, auth_forms.AuthenticationForm):
    """Sign in with the email address as the username. Goes through authenticate(request=...)
    (AuthenticationForm.clean), so django-axes counts failures and locks out."""

    username = forms.CharField(
        label=_("Email address"),
        max_length=150,
        error_messages={"required": _("Enter your email address")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = _password_field(_("Password"), _("Enter your password"))
    error_messages = {
        "invalid_login": _("The email address or password is not correct"),
        "inactive": _("This account cannot be used"),
    }

    def clean_username(self):
        return services.normalise_email(self.cleaned_data["username"])

    def clean(self):
        """A wrong email address or password is shown by the password box as well as in
        the error summary (which says which field to correct), and marks it invalid."""
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code != "invalid_login":
                raise
            self.add_error("password", error)
            return self.cleaned_data

    def get_invalid_login_error(self):
        """A wrong password and an unconfirmed account both fail authentication (inactive
        accounts cannot sign in). Only when the password is right for an account that is
        waiting for its email address to be confirmed do we say so, and send a new link."""
        request = self.request
        if request is not None and not getattr(request, "axes_locked_out", False):
            user = services.unconfirmed_account(
                email=self.cleaned_data.get("username", ""),
                password=self.cleaned_data.get("password", ""),
            )
            if user is not None:
                if services.send_verification_email(request=request, user=user):
                    sent = _("We have sent you a new link: check your email")
                else:  # one was sent a moment ago (the email throttle)
                    sent = _("We sent you a link a few minutes ago: check your email")
                first = _("You need to confirm your email address before you can sign in.")
                return forms.ValidationError(f"{first} {sent}", code="unconfirmed")
        return super().get_invalid_login_error()


class SignUpForm(GovukForm):
    name = SingleLineField(
        label=_("Name of your business or scheme"),
        help_text=_("As people will see it in the directory. You can change it later."),
        max_length=255,
        error_messages={
            "required": _("Enter the name of your business or scheme"),
            "max_length": _("Name must be 255 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kind = forms.ChoiceField(
        label=_("What kind of provider are you?"),
        choices=ProviderPage.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what kind of provider you are"),
            "invalid_choice": _("Select what kind of provider you are"),
        },
    )
    email = _email_field(
        help_text=_("You will use it to sign in. We will send you a link to confirm it.")
    )
    password, password_confirm = _create_password_fields()

    def clean_email(self):
        return services.normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        _check_new_password(self, "password", "password_confirm", email=cleaned.get("email"))
        return cleaned


def _check_new_password(form, field, confirm_field, *, email="", user=None):
    """The settings' password validators, and both copies the same."""
    password = form.cleaned_data.get(field)
    confirm = form.cleaned_data.get(confirm_field)
    if not password:
        return
    if user is None:
        user = get_user_model()(username=email or "", email=email or "")
    try:
        password_validation.validate_password(password, user)
    except forms.ValidationError as error:
        form.add_error(field, error)
        return
    if confirm is not None and confirm != password:
        form.add_error(confirm_field, _("The passwords do not match"))


def _change_password_fields():
    """For someone replacing their password (a reset, or a change)."""
    return _new_password_fields(
        _("New password"),
        _("Confirm your new password"),
        required=_("Enter a new password"),
        confirm_required=_("Confirm your new password"),
    )


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    """Reset links go to provider accounts only: staff reset their password in the admin."""

    email = _email_field()

    def get_users(self, email):
        return (user for user in super().get_users(email) if services.is_provider_account(user))

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        if services.first_in_window(kind="password_reset", to=context["email"]):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    new_password1, new_password2 = _change_password_fields()
    error_messages = {"password_mismatch": _("The passwords do not match")}

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self)


class ConfirmEmailForm(GovukForm):
    """The password chosen at sign-up, asked for where the emailed link lands. Whoever
    signed up with an address last chose its password (services.sign_up), so the link
    alone must not activate an account with a password its owner may not know."""

    password = _password_field(
        _("Password"),
        _("Enter your password"),
        help_text=_("The password you chose when you signed up"),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):  # the link itself is the secret here
            raise forms.ValidationError(
                _(
                    "The password is not right. If you have forgotten it, sign up again "
                    "with this email address and choose a new one"
                ),
                code="password_incorrect",
            )
        return password
