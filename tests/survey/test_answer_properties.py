"""Whatever a respondent types into a number box, the question page answers with a
decision (a number in range, or a message to show) and never a server error."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from survey.forms import STEPS
from survey.forms.fields import NumberField

NUMBER_FIELDS = {
    name: field
    for step in STEPS
    for name, field in step.form_class.base_fields.items()
    if isinstance(field, NumberField)
}
digits = st.text(alphabet="0123456789", min_size=1, max_size=60)
typed = st.one_of(
    digits,
    st.builds("{}.{}".format, digits, digits),
    st.builds(".{}".format, digits),
    st.builds("£{},{}".format, digits, digits),
    st.text(alphabet="0123456789.,£ -+eE", max_size=60),
    st.text(max_size=60),
)


def test_every_number_box_is_tried():
    assert set(NUMBER_FIELDS) == {
        "people_supported",
        "workers",
        "hours_weekly",
        "hourly_rate",
        "year_started_care",
        "year_self_employed",
    }


@pytest.mark.parametrize("name", NUMBER_FIELDS)
@settings(max_examples=200, deadline=None)
@given(text=typed)
def test_a_number_box_always_decides(name, text):
    field = NUMBER_FIELDS[name]
    try:
        value = field.clean(text)
    except ValidationError as error:
        assert error.messages and all(error.messages)
        return

    if value is not None:
        assert field.min_value <= value <= field.max_value
