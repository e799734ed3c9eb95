import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from providers.geography.selectors import normalise_postcode

NORMALISED = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9][A-Z]{2})?")
LETTER = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGIT = st.sampled_from("0123456789")


@st.composite
def outward_codes(draw) -> str:
    area = draw(st.text(LETTER, min_size=1, max_size=2))
    tail = draw(st.sampled_from(["", "digit", "letter"]))
    extra = {"": "", "digit": draw(DIGIT), "letter": draw(LETTER)}[tail]
    return f"{area}{draw(DIGIT)}{extra}"


@st.composite
def postcodes(draw) -> str:
    return f"{draw(outward_codes())} {draw(DIGIT)}{draw(LETTER)}{draw(LETTER)}"


@st.composite
def messy(draw, canonical: str) -> str:
    """The same postcode as someone might type it: any case, spaces anywhere."""
    chars = [c.lower() if draw(st.booleans()) else c for c in canonical.replace(" ", "")]
    spaces = st.sampled_from(["", "", " ", "  ", "\t", "\u00a0"])
    return draw(spaces) + "".join(c + draw(spaces) for c in chars)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" rm175sw ", "RM17 5SW"),
        ("RM17 5SW", "RM17 5SW"),
        ("rm17\u00a05sw", "RM17 5SW"),
        ("sw1a2aa", "SW1A 2AA"),
        ("W1A 1AA", "W1A 1AA"),
        ("e1 6an", "E1 6AN"),
        ("M1 1AE", "M1 1AE"),
        ("rm17", "RM17"),
        (" Cf10 ", "CF10"),
        ("", None),
        ("   ", None),
        ("RM17 5S", None),
        ("RM17 5SWX", None),
        ("1RM 5SW", None),
        ("RMX7 5SW", None),
        ("NPT 0AD", None),
        ("RM17-5SW", None),
        ("ＲＭ１７ ５ＳＷ", None),  # full-width characters
        ("ßS1 1AA", None),  # "ß".upper() == "SS": not accepted
        ("RM17 ５SW", None),
    ],
)
def test_examples(raw, expected):
    assert normalise_postcode(raw) == expected


@given(st.text())
def test_never_raises_and_gives_a_normalised_form_or_none(raw):
    result = normalise_postcode(raw)
    assert result is None or NORMALISED.fullmatch(result)


@given(st.text())
def test_idempotent(raw):
    result = normalise_postcode(raw)
    if result is not None:
        assert normalise_postcode(result) == result


@given(st.data())
def test_full_postcodes_round_trip(data):
    canonical = data.draw(postcodes())
    assert normalise_postcode(canonical) == canonical
    assert normalise_postcode(data.draw(messy(canonical))) == canonical


@given(st.data())
def test_outward_codes_round_trip(data):
    canonical = data.draw(outward_codes())
    assert normalise_postcode(canonical) == canonical
    assert normalise_postcode(data.draw(messy(canonical))) == canonical
