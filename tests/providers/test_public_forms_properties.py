"""Whatever a visitor types into the public forms, the form answers with a decision
(valid, or errors to show) and never a server error; a valid enquiry keeps what was typed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from providers.public.antiabuse import read_form_token
from providers.public.forms import EnquiryForm, ProblemReportForm

from .public_forms import form_token

TOKEN = form_token(seconds_ago=120)
text = st.text(max_size=400)


@settings(max_examples=150, deadline=None)
@given(name=text, reply_to=text, message=text, consent=st.sampled_from(["", "on"]), honeypot=text)
def test_the_enquiry_form_always_decides(name, reply_to, message, consent, honeypot):
    form = EnquiryForm(
        data={
            "name": name,
            "reply_to": reply_to,
            "message": message,
            "consent": consent,
            "nickname": honeypot,
            "form_token": TOKEN,
        }
    )

    if form.is_valid():
        assert form.cleaned_data["name"] == name.strip()
        assert form.cleaned_data["message"] == message.strip()
        assert form.cleaned_data["consent"] is True
        assert not honeypot.strip()
        assert form.submission_token
    else:
        assert form.errors


@settings(max_examples=100, deadline=None)
@given(reason=text, details=text, email=text)
def test_the_report_form_always_decides(reason, details, email):
    form = ProblemReportForm(
        data={"reason": reason, "details": details, "reporter_email": email, "form_token": TOKEN}
    )

    assert form.is_valid() or form.errors


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_only_tokens_we_issued_are_read(value):
    assert read_form_token(value) is None
