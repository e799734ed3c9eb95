from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .selectors import Location, lookup_postcode, normalise_postcode


class PostcodeField(forms.CharField):
    """A postcode box whose cleaned value is a Location (or None when optional and
    empty). With allow_outward (the default) the first part alone ("RM17") is
    accepted and gives the centre of that postcode district."""

    default_error_messages = {
        "required": _("Enter a postcode, like RM17 6SL"),
        "invalid": _("Enter a real postcode, like RM17 6SL"),
        "full_required": _("Enter a full postcode, like RM17 6SL"),
        "unknown": _(
            "We could not find that postcode. Check it and try again, "
            "or enter the first part only, like RM17"
        ),
        "unknown_full": _("We could not find that postcode. Check it and try again"),
    }

    def __init__(self, *, allow_outward: bool = True, **kwargs):
        self.allow_outward = allow_outward
        kwargs.setdefault("label", _("Postcode"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "postal-code", "spellcheck": "false"})
        return attrs

    def clean(self, value) -> Location | None:
        text = super().clean(value)
        if text in self.empty_values:
            return None
        postcode = normalise_postcode(text)
        if postcode is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if " " not in postcode and not self.allow_outward:
            raise ValidationError(self.error_messages["full_required"], code="full_required")
        location = lookup_postcode(postcode)
        if location is None:
            code = "unknown" if self.allow_outward else "unknown_full"
            raise ValidationError(self.error_messages[code], code=code)
        return location
