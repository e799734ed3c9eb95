"""Helpers for tests of the public forms under a listing."""

import time

from providers.public.antiabuse import issue_form_token


def form_token(*, seconds_ago: float = 60) -> str:
    """A form token as if the form had been shown `seconds_ago` (past the minimum fill time)."""
    return issue_form_token(issued_at=time.time() - seconds_ago)


def enquiry_data(**overrides) -> dict:
    data = {
        "name": "Maureen Price",
        "reply_to": "maureen@example.org",
        "message": "My father in Grays needs help getting up in the mornings from March.",
        "consent": "on",
        "nickname": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def report_data(**overrides) -> dict:
    data = {
        "reason": "contact_wrong",
        "details": "The phone number rings a shop.",
        "reporter_email": "",
        "nickname": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
