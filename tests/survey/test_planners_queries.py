"""A trend table reads one published table a closed wave, in one query for them all: the
page and its downloads make as many queries whatever the number of waves it covers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from survey.tables import services
from tests import builders
from tests.survey.planners_helpers import bulk_responses

pytestmark = pytest.mark.django_db

FORMATS = ("csv", "xlsx", "json", "svg")


@pytest.fixture
def analyst(client):
    user = builders.build_user(groups=("Analysts",))
    client.force_login(user)
    return user


def closed_waves_before(latest, *, years_back):
    """A published closed wave each of `years_back` years before `latest`."""
    for years in years_back:
        opens_on = latest.opens_on - timedelta(days=365 * years)
        wave = builders.build_wave(
            title=str(int(latest.title) - years),
            opens_on=opens_on,
            closes_on=opens_on + timedelta(days=59),
        )
        bulk_responses(wave, 20)
        services.publish_wave(wave=wave)


def queries_of_each_url(client, wave, slug):
    urls = [
        reverse("planners:table", args=[wave.pk, slug]),
        *(reverse("planners:download", args=[wave.pk, slug, fmt]) for fmt in FORMATS),
    ]
    counts = []
    for url in urls:
        client.get(url)  # first, for what a process caches (the site, the geography)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_a_trend_table_makes_as_many_queries_for_6_waves_as_for_2(client, analyst):
    today = timezone.localdate()
    latest = builders.build_wave(
        title="2030", opens_on=today - timedelta(days=60), closes_on=today - timedelta(days=1)
    )
    bulk_responses(latest, 20)
    closed_waves_before(latest, years_back=[1])
    services.publish_wave(wave=latest)
    few = queries_of_each_url(client, latest, "trend-respondents")

    closed_waves_before(latest, years_back=[2, 3, 4, 5])
    many = queries_of_each_url(client, latest, "trend-respondents")

    trend = services.table(wave=latest, slug="trend-respondents")
    assert [r["label"] for r in trend["rows"]] == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert many == few
