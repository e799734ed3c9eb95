"""Helpers for tests of the public forms under a listing."""

import time

from providers.public.antiabuse import issue_form_token
from tests import builders


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


def listing_with_owner_and_co_editor(directory):
    """A live listing with two members who receive its enquiries."""
    from providers.models import ListingMembership

    owner = builders.build_user(email="owner@example.org")
    page = builders.build_provider(directory=directory, title="Sunrise Support", owner=owner)
    co_editor = builders.build_user(email="scheme-staff@example.org")
    ListingMembership.objects.create(user=co_editor, page=page, role="co_editor")
    return page


def send_enquiry(client, page, data, **extra):
    return client.post(f"{page.url}contact/", data, **extra)
