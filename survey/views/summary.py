"""Answers as the respondent reads them: for "check your answers" and "your response"."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _

from survey.forms import applicable_steps


def _display(field, value) -> str:
    if value is None or value == "" or value == []:
        return _("Not answered")
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(code, code)) for code in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def answer_sections(response) -> list[dict]:
    sections = []
    for step in applicable_steps(response):
        form = step.form_class()
        initial = step.initial(response)
        rows = []
        for name, field in form.fields.items():
            value = initial.get(name)
            if name == "hourly_rate" and value is not None:
                text = f"£{value:.2f}"
            elif name == "hours_weekly" and value is not None:
                text = _("%(hours)s hours") % {"hours": _display(field, value)}
            else:
                text = _display(field, value)
            label = str(field.label).removesuffix(" (optional)")
            rows.append({"name": name, "label": label, "value": text})
        sections.append({"step": step, "rows": rows})
    return sections
