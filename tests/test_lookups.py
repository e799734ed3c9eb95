"""home.lookups: `in_array`, the `in` lookup sent to PostgreSQL as one array parameter."""

import pytest
from django.db import connection

from providers.models import ProviderCheck, ProviderPage
from tests import builders

pytestmark = pytest.mark.django_db


def ids(queryset) -> list[int]:
    return list(queryset.order_by("pk").values_list("pk", flat=True))


def test_in_array_finds_what_in_finds(directory, thurrock_postcodes, django_assert_num_queries):
    first, second, third = (
        builders.build_provider(directory=directory, title=title) for title in ("A", "B", "C")
    )
    wanted = [third.pk, first.pk, None, 10**9]

    assert ids(ProviderPage.objects.filter(pk__in_array=wanted)) == [first.pk, third.pk]
    assert ids(ProviderPage.objects.filter(pk__in=wanted)) == [first.pk, third.pk]
    assert ids(ProviderPage.objects.exclude(pk__in_array=wanted)) == [second.pk]
    assert ProviderPage.objects.get(slug__in_array={second.slug, "nobody"}) == second
    below = ProviderPage.objects.filter(title__in=["A", "B"]).values("pk")
    assert ids(ProviderPage.objects.filter(pk__in_array=below)) == [first.pk, second.pk]
    # Foreign keys, by id or by instance.
    check = builders.build_check(page=second)
    assert list(ProviderCheck.objects.filter(page_id__in_array=[second.pk, third.pk])) == [check]
    assert list(ProviderCheck.objects.filter(page__in_array=[first, second])) == [check]
    # Nothing to look for: nothing found, without asking the database.
    with django_assert_num_queries(0):
        assert list(ProviderPage.objects.filter(pk__in_array=[None])) == []


def test_postgresql_gets_one_parameter_however_long_the_list():
    """psycopg caches the parsing of a query with at most 50 parameters: a page of 200
    ids must not be 200 of them."""
    many = list(range(1, 201))

    _sql, params = ProviderPage.objects.filter(pk__in_array=many).query.sql_with_params()

    assert list(params) == ([many] if connection.vendor == "postgresql" else many)
