"""GOV.UK-style form rendering for every public form.

A form that mixes in `GovukFormMixin` renders each field with `{{ field.as_field_group }}`
(or `{{ form }}`) as a GOV.UK form group: label or legend, hint, error message, and the
input with GOV.UK classes; `components/error_summary.html` lists its errors. No HTML
`required` attributes, so our own error messages (not the browser's) explain what to fix."""

from django import forms
from django.forms.renderers import TemplatesSetting

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


class GovukBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        base = INPUT_CLASSES.get(self.widget_type)
        if base:
            own = (widget or self.field.widget).attrs.get("class", "")  # e.g. a width class
            classes = [own, attrs.get("class", ""), base]
            if self.errors:
                classes.append(ERROR_CLASSES[base.split()[0]])
            attrs["class"] = " ".join(c for c in classes if c)
        return attrs

    @property
    def error_anchor(self) -> str:
        """Where the error summary's link for this field goes: the first option of a
        group of radios or checkboxes, else the input itself."""
        if self.widget_type in ("radioselect", "checkboxselectmultiple"):
            return f"{self.auto_id}_0"
        return self.auto_id


class GovukFormMixin:
    default_renderer = GovukRenderer()
    bound_field_class = GovukBoundField
    use_required_attribute = False
    template_name_div = "components/fields/form.html"


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
