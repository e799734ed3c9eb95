import pytest
from django import forms

from providers.geography.forms import PostcodeField

ENTER = "Enter a postcode, like RM17 6SL"
REAL = "Enter a real postcode, like RM17 6SL"
UNKNOWN = (
    "We could not find that postcode. Check it and try again, "
    "or enter the first part only, like RM17"
)


class SearchForm(forms.Form):
    postcode = PostcodeField()


class FullOnlyForm(forms.Form):
    postcode = PostcodeField(allow_outward=False)


class OptionalForm(forms.Form):
    postcode = PostcodeField(required=False)


def errors(form_class, value):
    form = form_class(data={"postcode": value})
    assert not form.is_valid()
    return form.errors["postcode"]


def test_clean_returns_a_location(thurrock_postcodes):
    form = SearchForm(data={"postcode": " rm17 5sw"})
    assert form.is_valid()
    assert form.cleaned_data["postcode"].council_name == "Thurrock"


def test_outward_code_allowed_by_default(thurrock_postcodes):
    form = SearchForm(data={"postcode": "rm17"})
    assert form.is_valid()
    assert form.cleaned_data["postcode"].is_outward_only


@pytest.mark.parametrize("value", ["", "   "])
def test_empty(db, value):
    assert errors(SearchForm, value) == [ENTER]


@pytest.mark.parametrize("value", ["hello", "RM17 5S", "12 345"])
def test_malformed(db, value):
    assert errors(SearchForm, value) == [REAL]


def test_unknown(thurrock_postcodes):
    assert errors(SearchForm, "ZZ1 1ZZ") == [UNKNOWN]
    assert errors(SearchForm, "ZZ1") == [UNKNOWN]


def test_full_postcode_required_when_outward_not_allowed(thurrock_postcodes):
    assert errors(FullOnlyForm, "RM17") == ["Enter a full postcode, like RM17 6SL"]
    assert errors(FullOnlyForm, "ZZ1 1ZZ") == [
        "We could not find that postcode. Check it and try again"
    ]
    assert FullOnlyForm(data={"postcode": "RM17 5SW"}).is_valid()


def test_optional_and_empty_is_none(db):
    form = OptionalForm(data={"postcode": ""})
    assert form.is_valid()
    assert form.cleaned_data["postcode"] is None


def test_widget_helps_autofill():
    html = str(SearchForm()["postcode"])
    assert 'autocomplete="postal-code"' in html
    assert 'spellcheck="false"' in html
