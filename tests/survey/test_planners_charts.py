"""Each table's chart as a file of its own: a standalone SVG with its text alternative,
downloaded (and logged) like the tables, holding only what the table page publishes."""

import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from survey import disclosure
from survey.models import DownloadRecord
from tests import builders
from tests.survey.planners_helpers import bulk_responses, closed_wave

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def analyst(client):
    user = builders.build_user(groups=("Analysts",))
    client.force_login(user)
    return user


def parse(svg):
    return ElementTree.fromstring(svg)  # noqa: S314 (our own response, not untrusted input)


def chart_url(wave, slug):
    return reverse("planners:download", args=[wave.pk, slug, "svg"])


def test_the_chart_downloads_as_a_standalone_svg_with_its_title_and_description(client, analyst):
    wave = closed_wave(title="Spring 2026")
    bulk_responses(wave, 30, hours_weekly="40.0")

    response = client.get(chart_url(wave, "hours-region"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == (
        'attachment; filename="spring-2026-hours-region.svg"'
    )
    assert "no-store" in response["Cache-Control"]
    root = parse(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-hours-region-title chart-hours-region-desc"
    assert root.get("width") and root.get("height") and root.get("viewBox")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Hours worked by region, Spring 2026: Median, all kinds of provider"
    assert desc.text.startswith("Bar chart of median, all kinds of provider by region.")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "East of England" in texts and "40.0" in texts
    assert b"<script" not in response.content and b"style=" not in response.content
    record = DownloadRecord.objects.get()
    assert (record.user, record.table, record.format) == (analyst, "hours-region", "svg")


def test_the_chart_file_holds_only_published_values(client, analyst):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 40)
    bulk_responses(wave, 3, council_id="E09000033", hourly_rate="123.45")

    content = client.get(chart_url(wave, "rate-council")).content.decode()
    page = client.get(reverse("planners:table", args=[wave.pk, "rate-council"])).content.decode()

    assert "123.45" not in content
    root = parse(content)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    westminster = texts.index("Westminster")
    assert texts[westminster + 1] == f"{disclosure.SUPPRESSED_MARK} suppressed"
    inline = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    drawn = lambda svg: re.findall(r"<(?:text|rect|line) [^>]*>[^<]*", svg)  # noqa: E731
    assert drawn(content) == drawn(inline)  # the same chart as the page shows


def test_the_table_page_links_its_chart_download(client, analyst):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 12)

    page = client.get(reverse("planners:table", args=[wave.pk, "reasons"])).content.decode()

    assert f'href="{chart_url(wave, "reasons")}"' in page
    assert "Reasons for becoming self-employed as SVG chart" in page
