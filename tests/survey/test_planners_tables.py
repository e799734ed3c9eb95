"""What analysts see and download: published numbers only, files that parse back to the
same numbers, formula-safe text, a log of every download, and closed waves kept after the
raw responses are purged."""

import csv
import io
import json
import re
from datetime import timedelta

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from survey import disclosure
from survey.exports import display_value
from survey.models import DownloadRecord, PublishedTable, Response
from survey.tables import services
from tests import builders
from tests.survey.planners_helpers import bulk_responses, closed_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(client):
    user = builders.build_user(groups=("Analysts",))
    client.force_login(user)
    return user


def expected_records(table):
    grouped = table["row_heading"] == "Council"
    for row in table["rows"]:
        for column, cell in zip(table["columns"], row["cells"], strict=True):
            yield [
                row["label"],
                *([row["group"]] if grouped else []),
                column["label"],
                *(display_value(cell[m["key"]], m["format"]) for m in table["measures"]),
            ]


def as_text(value):
    return "" if value is None else str(value)


@pytest.mark.parametrize(
    "slug",
    ["respondents-region", "rate-council", "turnover-region", "qualifications", "trend-hours"],
)
def test_downloads_parse_back_to_the_published_numbers(client, analyst, slug):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 30, hourly_rate="18.40")
    bulk_responses(wave, 15, provider_kind="personal_assistant", qualification="level_2")
    table = services.table(wave=wave, slug=slug)
    url = lambda fmt: reverse("planners:download", args=[wave.pk, slug, fmt])  # noqa: E731

    as_json = json.loads(client.get(url("json")).content)
    rows = list(csv.reader(io.StringIO(client.get(url("csv")).content.decode("utf-8-sig"))))
    book = openpyxl.load_workbook(io.BytesIO(client.get(url("xlsx")).content))

    assert as_json["rows"] == table["rows"]
    assert "dimensions" not in as_json
    expected = list(expected_records(table))
    assert rows[1:] == [[as_text(v) for v in record] for record in expected]
    sheet = [list(r) for r in book["Table"].iter_rows(min_row=2, values_only=True)]
    if slug.startswith("trend-"):  # a wave titled with a year is a number in a spreadsheet
        expected = [[int(record[0]), *record[1:]] for record in expected]
    assert sheet == [[None if v == "" else v for v in record] for record in expected]
    assert any(isinstance(v, int) for record in sheet for v in record)  # numbers stay numbers
    notes = list(book["Notes"].iter_rows(min_row=2, max_col=2, values_only=True))
    if slug.startswith("trend-"):  # a row a wave: no single wave or count to give
        assert ("Waves", "2026") in notes and "Responses" not in dict(notes)
    else:
        assert ("Wave", "2026") in notes
    definitions = {text for key, text in notes if key == "Definition"}
    others = {text for key, text in notes if key != "Definition"}
    assert not definitions & others  # each definition once, not also as a disclosure rule
    assert "rounded to the nearest 5" in " ".join(
        str(v) for r in book["Notes"].iter_rows(values_only=True) for v in r
    )
    assert DownloadRecord.objects.filter(user=analyst, table=slug).count() == 3


def test_every_download_and_table_page_is_logged_with_who_what_and_when(client, analyst):
    wave = closed_wave(title="2026")

    client.get(reverse("planners:table", args=[wave.pk, "reasons"]))
    # The page shows every figure of the download: reading it is logged as a download is.
    viewed = DownloadRecord.objects.get()
    assert (viewed.user, viewed.table, viewed.format) == (analyst, "reasons", "page")
    viewed.delete()
    client.get(reverse("planners:download", args=[wave.pk, "reasons", "xlsx"]))

    record = DownloadRecord.objects.get()
    assert (record.user, record.username, record.wave, record.wave_title) == (
        analyst,
        analyst.username,
        wave,
        "2026",
    )
    assert (record.table, record.format) == ("reasons", "xlsx")
    assert record.downloaded_at is not None


def test_text_a_spreadsheet_would_run_is_neutralised(client, analyst):
    wave = closed_wave(title='=HYPERLINK("http://evil.example","x")')
    bulk_responses(wave, 12)
    url = lambda fmt: reverse("planners:download", args=[wave.pk, "intentions", fmt])  # noqa: E731

    book = openpyxl.load_workbook(io.BytesIO(client.get(url("xlsx")).content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    text = client.get(url("csv")).content.decode("utf-8-sig")

    assert not any(
        isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")) for c in cells
    )
    assert all(c.data_type != "f" for c in cells)
    assert "'=HYPERLINK" in [c.value for c in cells][-1] or any(
        isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in cells
    )
    assert not any(
        field.startswith(("=", "+", "-", "@"))
        for row in csv.reader(io.StringIO(text))
        for field in row
    )


def test_a_small_cell_never_reaches_the_page_or_a_file(client, analyst):
    wave = closed_wave()
    bulk_responses(wave, 40)
    bulk_responses(wave, 3, council_id="E09000033", hourly_rate="123.45", hours_weekly="77.7")

    page = client.get(reverse("planners:table", args=[wave.pk, "rate-council"])).content.decode()
    files = b"".join(
        client.get(reverse("planners:download", args=[wave.pk, "rate-council", fmt])).content
        for fmt in ("csv", "json")
    ).decode("utf-8", "ignore")

    assert "123.45" not in page and "123.45" not in files
    westminster = re.search(r"Westminster</th>.*?</tr>", page, re.S).group(0)
    assert "[c]" in westminster


def test_pages_draw_an_accessible_chart_without_style_attributes(client, analyst):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 30)

    for slug in (
        "respondents-council",
        "hours-region",
        "turnover-region",
        "previous-employment",
        "trend-respondents",
    ):
        html = client.get(reverse("planners:table", args=[wave.pk, slug])).content.decode()

        assert re.search(
            r'<svg[^>]+role="img"[^>]+aria-labelledby="chart-[\w-]+-title chart-[\w-]+-desc"', html
        )
        assert (
            f'<title id="chart-{slug}-title">' in html and f'<desc id="chart-{slug}-desc">' in html
        )
        assert "style=" not in html
        assert "<script" not in html.split("</svg>")[0].split("<svg")[-1]
        assert '<th scope="row" class="govuk-table__header">All' in html or slug.startswith(
            ("previous", "trend")
        )


def test_a_closed_wave_is_published_once_and_survives_the_purge(client, analyst):
    wave = closed_wave(title="2025")
    bulk_responses(wave, 25, hourly_rate="19.00")

    first = client.get(reverse("planners:table", args=[wave.pk, "rate-region"]))
    assert PublishedTable.objects.filter(wave=wave).count() == 12
    stored = PublishedTable.objects.get(wave=wave, slug="rate-region").data
    Response.objects.filter(wave=wave).delete()  # what the retention purge does
    again = client.get(reverse("planners:table", args=[wave.pk, "rate-region"]))

    assert first.status_code == again.status_code == 200
    assert services.table(wave=wave, slug="rate-region") == stored
    assert "£19.00" in again.content.decode()
    assert PublishedTable.objects.filter(wave=wave).count() == 12


def test_the_purge_publishes_a_closed_wave_nobody_opened_before_deleting_it(
    client, analyst, settings
):
    settings.SURVEY_RETENTION_DAYS = 0
    wave = closed_wave(title="2024")
    bulk_responses(wave, 25, hourly_rate="21.00")

    call_command("purge_survey_responses", stdout=io.StringIO())
    page = client.get(reverse("planners:table", args=[wave.pk, "rate-region"]))

    assert Response.objects.filter(wave=wave).count() == 0
    assert PublishedTable.objects.filter(wave=wave).count() == 12
    assert "£21.00" in page.content.decode()


def test_an_open_wave_has_no_tables_to_compare_before_and_after_an_answer(client, analyst):
    wave = builders.build_wave()
    bulk_responses(wave, 30)

    page = client.get(reverse("planners:wave", args=[wave.pk])).content.decode()

    assert "Open: tables are published when it closes" in page
    assert "/tables/" not in page
    for slug in ("respondents-region", "trend-respondents"):
        assert client.get(reverse("planners:table", args=[wave.pk, slug])).status_code == 404
        download = reverse("planners:download", args=[wave.pk, slug, "csv"])
        assert client.get(download).status_code == 404
        with pytest.raises(services.NotPublished):
            services.table(wave=wave, slug=slug)
    assert PublishedTable.objects.count() == 0 and DownloadRecord.objects.count() == 0


def test_trend_repeats_each_waves_published_national_row(client, analyst):
    old = closed_wave(title="2025")
    bulk_responses(old, 20)
    today = timezone.localdate()
    new = builders.build_wave(  # closed, and opened after the old one
        title="2026", opens_on=today - timedelta(days=60), closes_on=today - timedelta(days=1)
    )
    bulk_responses(new, 35)
    builders.build_wave(title="2027")  # open: not in the trend until it closes

    trend = services.table(wave=new, slug="trend-respondents")

    assert [r["label"] for r in trend["rows"]] == ["2025", "2026"]
    assert [r["cells"][-1]["count"] for r in trend["rows"]] == [20, 35]
    assert disclosure.round_count(35) == 35


def test_a_published_wave_never_gains_a_table_computed_later(client, analyst):
    """A table added to the product after a wave was published would come from responses
    that may have changed since (erased, purged): comparing it with the others would show
    what changed. The wave keeps the set of tables it was published with."""
    wave = closed_wave(title="2025")
    bulk_responses(wave, 30)
    services.publish_wave(wave=wave)
    PublishedTable.objects.filter(wave=wave, slug="hours-council").delete()  # "added later"
    bulk_responses(wave, 5)  # the responses changed since

    page = client.get(reverse("planners:wave", args=[wave.pk])).content.decode()
    table = client.get(reverse("planners:table", args=[wave.pk, "hours-council"]))
    download = client.get(reverse("planners:download", args=[wave.pk, "hours-council", "csv"]))

    assert "hours-region" in page and "hours-council" not in page
    assert table.status_code == 404 and download.status_code == 404
    assert not PublishedTable.objects.filter(wave=wave, slug="hours-council").exists()
    assert client.get(reverse("planners:table", args=[wave.pk, "hours-region"])).status_code == 200
