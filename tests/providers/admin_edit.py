"""Posting the Wagtail page editor as a moderator does: the edit form's current values
(as the editor renders them), with some changed, and the button pressed."""

from django.urls import reverse


def _field_data(form, data: dict) -> None:
    for bound in form:
        if bound.field.disabled:
            continue
        value = bound.value()
        if isinstance(value, bool) or value is None:
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
            continue
        formatted = bound.field.widget.format_value(value)
        data[bound.html_name] = "" if formatted is None else formatted


def edit_form_data(client, page, **changes) -> dict:
    """The editor's form data for `page`'s latest revision, with `changes` applied."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    _field_data(form, data)
    for formset in form.formsets.values():
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for subform in formset.forms:
            _field_data(subform, data)
    data.update(changes)
    return data


def press_in_editor(client, page, action: str, **changes):
    """Press a button of the page editor ("publish", "cancel-workflow")."""
    data = edit_form_data(client, page, **changes)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, {**data, f"action-{action}": f"action-{action}"})


def publish_in_editor(client, page, **changes):
    return press_in_editor(client, page, "publish", **changes)
