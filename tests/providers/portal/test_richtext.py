"""The description is typed as plain text and stored as rich text: whatever a provider
types comes out escaped, within the allowed tags, and survives the round trip."""

import re

from hypothesis import given
from hypothesis import strategies as st

from providers.portal.richtext import html_to_text, text_to_html

ALLOWED_TAGS = {"p", "ul", "ol", "li"}
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip())


@given(st.text(max_size=500))
def test_any_text_becomes_only_allowed_tags_with_everything_escaped(text):
    html = text_to_html(text)

    assert set(re.findall(r"</?([a-z0-9]+)", html)) <= ALLOWED_TAGS
    assert "<script" not in html.lower()
    # what is shown is exactly what was typed, apart from spacing and list markers
    shown = " ".join(html_to_text(html).split())
    typed = " ".join(text.split())
    for word in shown.split():
        if not re.fullmatch(r"-|\d+\.", word):
            assert word in typed


def paragraph():
    return st.lists(words, min_size=1, max_size=3).map(lambda ws: " ".join(" ".join(ws).split()))


block = st.one_of(
    paragraph().filter(lambda p: not re.match(r"^([-*•]|\d{1,3}[.)])\s", p)).map(lambda p: [p]),
    st.lists(paragraph(), min_size=1, max_size=4).map(lambda items: [f"- {i}" for i in items]),
    st.lists(paragraph(), min_size=1, max_size=4).map(
        lambda items: [f"{n}. {i}" for n, i in enumerate(items, 1)]
    ),
)


@given(st.lists(block, min_size=1, max_size=5))
def test_structured_text_survives_the_round_trip(blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks)

    html = text_to_html(text)

    assert text_to_html(html_to_text(html)) == html


def test_paragraphs_and_lists():
    text = "We visit at home.\nEvery day.\n\n- Cooking\n- Shopping <b>\n\n1. Call\n2. Visit"

    assert text_to_html(text) == (
        "<p>We visit at home. Every day.</p>"
        "<ul><li>Cooking</li><li>Shopping &lt;b&gt;</li></ul>"
        "<ol><li>Call</li><li>Visit</li></ol>"
    )


def test_rich_text_from_the_admin_reads_as_plain_text():
    html = '<p data-block-key="a1">Hello <b>bold</b> &amp; <i>more</i></p><ul><li>One</li></ul>'
    assert html_to_text(html) == "Hello bold & more\n\n- One"


def test_a_list_straight_after_a_line_of_prose_is_still_a_list():
    html = text_to_html("What we do:\n- Cooking\n- Shopping\nAsk us about more.")

    assert html == (
        "<p>What we do:</p><ul><li>Cooking</li><li>Shopping</li></ul><p>Ask us about more.</p>"
    )
    assert html_to_text(html) == "What we do:\n\n- Cooking\n- Shopping\n\nAsk us about more."
