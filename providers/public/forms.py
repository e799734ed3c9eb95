"""The two public forms under a listing. Both carry a signed form token (idempotency and
minimum fill time) and a honeypot; their messages follow the GOV.UK Design System."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from home.forms import GovukForm
from providers.models import ProblemReport

from .antiabuse import FormToken, issue_form_token, read_form_token

HONEYPOT_FIELD = "nickname"
PHONE_CHARACTERS = re.compile(r"^[0-9+()\-\s.]+$")


class ProtectedForm(GovukForm):
    """A public form with a signed token and a honeypot. `form_token` is the token as read
    (None when missing or altered); `submission_token` is the idempotency key."""

    # Its form-wide errors (sent too quickly, token altered) are no field's fault: the error
    # summary links them to the send button (id "send" in each form's template).
    non_field_error_anchor = "send"
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    nickname = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = issue_form_token()
        self.token: FormToken | None = None

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def submission_token(self) -> str:
        return self.token.submission_token if self.token else ""

    def clean_nickname(self):
        value = self.cleaned_data.get(HONEYPOT_FIELD, "")
        if value.strip():
            raise ValidationError(
                _("Leave the field labelled ‘Leave this field empty’ empty"), code="honeypot"
            )
        return ""

    def clean(self):
        cleaned = super().clean()
        self.token = read_form_token(self.data.get(self.add_prefix("form_token"), ""))
        if self.token is None:
            self._renew_token()
            raise ValidationError(
                _("Something went wrong with the form. Check your answers and send it again."),
                code="bad_token",
            )
        if not self.errors and self.token.age() < settings.ENQUIRY_MIN_FILL_SECONDS:
            raise ValidationError(
                _(
                    "The form was sent very quickly, so we could not be sure a person sent it. "
                    "Check your answers and send it again."
                ),
                code="too_fast",
            )
        return cleaned

    def _renew_token(self):
        """Give a form whose token was missing or altered a fresh one, so the next send works
        (the answers stay as they were)."""
        data = self.data.copy()
        data[self.add_prefix("form_token")] = issue_form_token()
        self.data = data


def _reply_to(value: str) -> str:
    value = value.strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                _("Enter an email address in the correct format, like name@example.com"),
                code="invalid_email",
            ) from None
        return value
    digits = re.sub(r"\D", "", value)
    if not PHONE_CHARACTERS.match(value) or not 10 <= len(digits) <= 15:
        raise ValidationError(
            _(
                "Enter an email address or a phone number in the correct format, "
                "like name@example.com or 01632 960 001"
            ),
            code="invalid",
        )
    return value


class EnquiryForm(ProtectedForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={
            "required": _("Enter your name"),
            "max_length": _("Your name must be 100 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    reply_to = forms.CharField(
        label=_("How should they reply to you?"),
        help_text=_("An email address or a phone number"),
        max_length=200,
        error_messages={
            "required": _("Enter an email address or a phone number so they can reply"),
            "max_length": _("This must be 200 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        help_text=_(
            "Say what support you are looking for, for whom, and when. "
            "Do not include medical details."
        ),
        max_length=3000,
        error_messages={
            "required": _("Enter your message"),
            "max_length": _("Your message must be 3,000 characters or fewer"),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_("I agree that you can pass my name, contact details and message to this provider"),
        error_messages={
            "required": _("Tick the box to agree that we can pass your message to the provider")
        },
    )

    field_order = ["name", "reply_to", "message", "consent", "nickname"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Enter your name"), code="required")
        return name

    def clean_reply_to(self):
        return _reply_to(self.cleaned_data["reply_to"])

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError(_("Enter your message"), code="required")
        return message


class ProblemReportForm(ProtectedForm):
    reason = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=ProblemReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what the problem is"),
            "invalid_choice": _("Select what the problem is"),
        },
    )
    details = forms.CharField(
        label=_("Tell us more (optional)"),
        help_text=_("What is wrong, and what should it say? Do not include medical details."),
        max_length=3000,
        required=False,
        error_messages={"max_length": _("Details must be 3,000 characters or fewer")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reporter_email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_("Only if you are happy for a moderator to contact you about this"),
        max_length=254,
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    field_order = ["reason", "details", "reporter_email", "nickname"]
