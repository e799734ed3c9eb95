"""GOV.UK-style form rendering for every public form.

A form that mixes in `GovukFormMixin` renders each field with `{{ field.as_field_group }}`
(or `{{ form }}`) as a GOV.UK form group: label or legend, hint, error message, and the
input with GOV.UK classes; `components/error_summary.html` lists its errors. A field may carry `prefix` or
`suffix` attributes ("£", "hours"), shown beside its text box. No HTML
`required` attributes, so our own error messages (not the browser's) explain what to fix.
A text field with a maximum length says so the GOV.UK way ("Town or area must be 60
characters or fewer") unless it brings its own message."""

from typing import NamedTuple

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _

from home.text import one_line

INPUT_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "password": "govuk-input",
    "number": "govuk-input govuk-input--width-5",
    "url": "govuk-input",
    "date": "govuk-input govuk-input--width-10",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class GovukRenderer(TemplatesSetting):
    form_template_name = "components/fields/form.html"
    field_template_name = "components/fields/field.html"


class Option(NamedTuple):
    id: str
    value: str
    label: str
    checked: bool


class GovukBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        base = INPUT_CLASSES.get(self.widget_type)
        if base:
            widget = widget or self.field.widget
            classes = [base, widget.attrs.get("class", ""), attrs.get("class", "")]
            if self.errors:
                classes.append(ERROR_CLASSES[base.split()[0]])
            if self.character_limit:
                classes.append("govuk-js-character-count")
            attrs["class"] = " ".join(c for c in classes if c)
        return attrs

    @property
    def character_limit(self) -> int | None:
        """The most characters a text area takes, which GOV.UK's character count says
        under it (and, with JavaScript, counts down as the user types)."""
        return getattr(self.field, "max_length", None) if self.widget_type == "textarea" else None

    @property
    def character_limit_id(self) -> str:
        return f"{self.auto_id}-info"  # the id GOV.UK's character count script looks for

    @property
    def character_limit_text(self) -> str:
        return _("You can enter up to %(count)s characters") % {
            "count": f"{self.character_limit:,}"
        }

    @property
    def aria_describedby(self):
        described = super().aria_describedby
        if described is None or not self.character_limit:
            return described
        return " ".join(filter(None, [described, self.character_limit_id]))

    @property
    def options(self) -> list[Option]:
        """The radios or checkboxes of a choice field, as `{% for option in field %}`
        gives them (ids "<auto_id>_<n>", values as text, the chosen ones checked) without
        building a widget and its template context for every option: that was most of
        the time the search page spent on its filters."""
        values = self.value()
        if values is None and self.field.widget.allow_multiple_selected:
            values = []
        elif not isinstance(values, (list, tuple)):
            values = [values]
        chosen = {"" if v is None else str(v) for v in values}
        return [
            Option(f"{self.auto_id}_{index}", str(value), label, str(value) in chosen)
            for index, (value, label) in enumerate(self.field.choices)
        ]

    @property
    def error_anchor(self) -> str:
        """Where the error summary's link for this field goes: the first option of a
        group of radios or checkboxes, else the input itself."""
        if self.widget_type in ("radioselect", "checkboxselectmultiple"):
            return f"{self.auto_id}_0"
        return self.auto_id


def too_long_message(*, label, max_length: int) -> str:
    """ "Town or area must be 60 characters or fewer": the label without any "(optional)",
    the number with thousands separators, ready for ValidationError (no bare %)."""
    optional = _("(optional)")
    label = str(label).strip()
    if label.endswith(optional):
        label = label.removesuffix(optional).strip()
    message = _("%(label)s must be %(max_length)s characters or fewer") % {
        "label": label,
        "max_length": f"{max_length:,}",
    }
    return message.replace("%", "%%")


class SingleLineField(forms.CharField):
    """A text box for one line (a name, a town): a line break, pasted in or sent by a
    crafted request, becomes a space and other control characters are dropped
    (home.text.one_line), so the answer is stored as it is shown. Names end up in email
    subjects, where a line break is refused."""

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if value else value


class GovukFormMixin:
    default_renderer = GovukRenderer()
    bound_field_class = GovukBoundField
    use_required_attribute = False
    mark_optional = False  # add "(optional)" to the labels of fields that are not required
    template_name_div = "components/fields/form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # No maxlength in the browser: it cuts pasted text off without a word (GOV.UK:
            # users may not notice). The server says what is too long and keeps the answer.
            field.widget.attrs.pop("maxlength", None)
            max_length = getattr(field, "max_length", None)
            if max_length and "max_length" not in field.error_messages:
                field.error_messages["max_length"] = too_long_message(
                    label=field.label or pretty_name(name), max_length=max_length
                )


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
