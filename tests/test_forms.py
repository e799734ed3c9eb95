"""Every public form renders the GOV.UK way: label, hint, error message tied to the input,
an error summary linking to each field, and the user's answers kept."""

from django import forms
from django.template.loader import render_to_string

from home.forms import GovukForm


class ExampleForm(GovukForm):
    name = forms.CharField(label="Your name", help_text="As you want it shown")
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "Alpha"), ("b", "Beta")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")


def test_a_field_in_error_has_its_message_hint_and_answer_tied_to_the_input():
    form = ExampleForm(data={"name": "", "kind": "b"})

    html = form.as_div()

    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_error"' in html
    assert 'value="b" checked' in html  # the answer given is kept
    assert "<legend" in html
    assert "required>" not in html and "required " not in html.replace("is required", "")


def test_the_error_summary_links_to_each_field():
    form = ExampleForm(data={"name": "x"})
    form.is_valid()

    html = render_to_string("components/error_summary.html", {"form": form})

    assert "There is a problem" in html
    assert 'href="#id_kind_0"' in html  # the first radio
    assert 'href="#id_agree"' in html
    assert 'href="#id_name"' not in html


def test_a_widget_class_such_as_a_width_is_kept():
    class WidthForm(GovukForm):
        hours = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-4"}))

    html = WidthForm().as_div()

    assert 'class="govuk-input govuk-input--width-4"' in html


class MessageForm(GovukForm):
    message = forms.CharField(
        label="Your message", help_text="What you need", max_length=2000, widget=forms.Textarea
    )
    town = forms.CharField(label="Town", max_length=60)


def test_a_text_area_with_a_limit_says_so_the_way_the_govuk_character_count_does():
    html = MessageForm(data={"message": "x" * 2001, "town": "Grays"}).as_div()

    assert 'data-module="govuk-character-count" data-maxlength="2000"' in html
    assert '<div class="govuk-hint govuk-character-count__message" id="id_message-info">' in html
    assert "You can enter up to 2,000 characters" in html
    assert 'aria-describedby="id_message_helptext id_message_error id_message-info"' in html
    assert 'class="govuk-textarea govuk-textarea--error govuk-js-character-count"' in html
    assert "Your message must be 2,000 characters or fewer" in html
    assert html.count("govuk-character-count") == 3  # the text box only: not the town
