"""Forms of the survey's staff screens in the Wagtail admin."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Wave
from .selectors import wave_is_published
from .services import normalise_receipt_code

MAX_INVITATIONS = 200


class WaveForm(WagtailAdminModelForm):
    class Meta:
        model = Wave
        fields = ["title", "opens_on", "closes_on", "introduction", "privacy_notice"]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The closing date must be on or after the opening date"))
        self._keep_published_dates(data)
        return data

    def _keep_published_dates(self, data):
        changed = [
            name
            for name in ("opens_on", "closes_on")
            if name in data and data[name] != getattr(self.instance, name)
        ]
        if self.instance.pk and changed and wave_is_published(wave=self.instance):
            for name in changed:
                self.add_error(
                    name,
                    _(
                        "The tables of this wave have been published, so its dates cannot be changed"
                    ),
                )


class InvitationForm(forms.Form):
    wave = forms.ModelChoiceField(queryset=Wave.objects.none(), label=_("Wave"))
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        label=_("Email addresses"),
        help_text=_(
            "One per line, up to %(max)s. Each gets its own one-use link. "
            "The addresses are used for this email only and are not stored."
        )
        % {"max": MAX_INVITATIONS},
    )

    # A new token each time the form is shown: the same form is sent only once.
    batch = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        max_length=64,
        initial=lambda: secrets.token_urlsafe(16),
    )

    def __init__(self, *args, waves, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = waves

    def clean_emails(self):
        addresses = []
        for line in self.cleaned_data["emails"].splitlines():
            address = line.strip().strip(",;")
            if not address:
                continue
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    _("“%(address)s” is not an email address") % {"address": address}
                ) from None
            if address.lower() not in {a.lower() for a in addresses}:
                addresses.append(address)
        if not addresses:
            raise ValidationError(_("Enter at least one email address"))
        if len(addresses) > MAX_INVITATIONS:
            raise ValidationError(
                _("Send at most %(max)s invitations at a time") % {"max": MAX_INVITATIONS}
            )
        return addresses


NOT_A_CODE = _("A receipt code has 12 letters and numbers")


class EraseByCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"), max_length=40, error_messages={"max_length": NOT_A_CODE}
    )
    confirm = forms.BooleanField(
        label=_("Delete this response now"),
        required=False,
        help_text=_("Leave unticked to check the code first."),
    )

    def clean_code(self):
        code = normalise_receipt_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(NOT_A_CODE)
        return code
