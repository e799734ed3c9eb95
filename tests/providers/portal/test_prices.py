"""Prices typed the way people type them: a comma is a thousands separator only where it
can be nothing else; a comma for pence is explained; each problem is said once."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from providers.portal.forms.fields import PoundsField

from .test_edit import latest

PRICES = reverse("portal:edit_prices")


def errors_for(provider_client, price):
    response = provider_client.post(PRICES, {"price_per_hour": price})
    assert response.status_code == 200
    return response.content.decode()


def test_a_price_far_too_high_is_refused_with_one_message(provider_client, listing):
    html = errors_for(provider_client, "99999999999")

    error = html[html.index('id="id_price_per_hour_error"') :]
    error = error[: error.index("</p>")]
    assert error.count("Enter a price between £0 and £500") == 1
    assert latest(listing).price_per_hour == Decimal("22.50")


@pytest.mark.parametrize("price", ["20,50", "20,5", "£1,0"])
def test_a_comma_for_pence_says_to_use_a_full_stop(provider_client, listing, price):
    html = errors_for(provider_client, price)

    assert "Use a full stop for pence, like 20.50" in html
    assert "Enter a price between" not in html
    assert latest(listing).price_per_hour == Decimal("22.50")


def test_a_comma_that_is_neither_is_not_a_price(provider_client, listing):
    html = errors_for(provider_client, "2,05,0")

    assert "Enter a price in pounds, like 22.50" in html


def test_a_comma_is_a_thousands_separator_only_where_it_can_be_nothing_else():
    field = PoundsField(required=False)

    assert field.clean("1,250") == Decimal("1250")
    assert field.clean("£12,500.50") == Decimal("12500.50")
    assert field.clean("1,000,000") == Decimal("1000000")
    for ambiguous in ("1,25", "12,5"):
        with pytest.raises(ValidationError) as error:
            field.clean(ambiguous)
        assert error.value.code == "decimal_comma"
