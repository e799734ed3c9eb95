"""What planners' files say beyond the numbers themselves: a base row reads as the whole of
its column, [c] marks only what disclosure control withheld, notes say what their counts
count, and spreadsheet cells hold numbers in a consistent format."""

import csv
import importlib
import io
import json
import re

import openpyxl
import pytest
from django.apps import apps
from django.urls import reverse

from survey import disclosure
from survey.models import PublishedTable
from survey.tables import services
from tests import builders
from tests.survey.planners_helpers import bulk_responses, closed_wave

pytestmark = pytest.mark.django_db

C = disclosure.SUPPRESSED_MARK


@pytest.fixture
def analyst(client):
    user = builders.build_user(groups=("Analysts",))
    client.force_login(user)
    return user


def download(client, wave, slug, fmt):
    return client.get(reverse("planners:download", args=[wave.pk, slug, fmt])).content


def csv_rows(client, wave, slug):
    text = download(client, wave, slug, "csv").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def wave_with_a_small_answer():
    wave = closed_wave(title="2026")
    bulk_responses(wave, 30)
    bulk_responses(wave, 3, previous_employment="council", reasons=["redundancy"])
    return wave


@pytest.mark.parametrize("slug", ["previous-employment", "reasons"])
def test_the_all_answering_row_is_100_percent_wherever_its_count_is_published(
    client, analyst, slug
):
    wave = wave_with_a_small_answer()

    rows = csv_rows(client, wave, slug)
    book = openpyxl.load_workbook(io.BytesIO(download(client, wave, slug, "xlsx")))
    as_json = json.loads(download(client, wave, slug, "json"))
    page = client.get(reverse("planners:table", args=[wave.pk, slug])).content.decode()

    assert rows[0] == ["Answer", "Kind of provider", "Respondents", "Percentage"]
    base = [r for r in rows[1:] if r[0] == "All answering"]
    assert ["All answering", "All kinds", "35", "100.0"] in base
    assert all(r[3] == ("100.0" if r[2] != C else C) for r in base)
    sheet = [r for r in book["Table"].iter_rows(min_row=2, values_only=True)]
    assert ("All answering", "All kinds", 35, 100.0) in sheet
    total = next(r for r in as_json["rows"] if r["label"] == "All answering")
    assert total["cells"][-1] == {"suppressed": False, "count": 35, "percent": 100.0}
    all_answering = re.search(r"All answering</th>.*?</tr>", page, re.S).group(0)
    assert "35 (100.0%)" in all_answering


@pytest.mark.parametrize("slug", ["previous-employment", "reasons"])
def test_c_marks_a_percentage_only_where_its_count_or_its_base_is_suppressed(client, analyst, slug):
    wave = wave_with_a_small_answer()

    rows = csv_rows(client, wave, slug)[1:]

    base = {r[1]: r[2] for r in rows if r[0] == "All answering"}
    for answer, kind, count, percent in rows:
        withheld = count == C or base[kind] == C
        assert (percent == C) == withheld, (answer, kind, count, percent)
    assert any(r[3] == C for r in rows) and any(r[3] != C for r in rows)


def test_tables_published_before_the_fix_get_their_base_percentages():
    wave = wave_with_a_small_answer()
    services.wave_tables(wave=wave)
    stored = PublishedTable.objects.get(wave=wave, slug="qualifications")
    published = stored.data
    old = json.loads(json.dumps(published))  # as the old code stored it: no base percentage
    for cell in old["rows"][-1]["cells"]:
        cell["percent"] = None
    stored.data = old
    stored.save()

    migration = importlib.import_module("survey.migrations.0004_base_row_percentages")
    migration.fill_base_percentages(apps, None)

    assert PublishedTable.objects.get(pk=stored.pk).data == published


@pytest.mark.parametrize(
    ("slug", "item", "count"),
    [
        ("respondents-region", "Respondents", "35"),
        ("hours-region", "Respondents answering this question", "30"),
        ("reasons", "Respondents answering this question", "35"),
    ],
)
def test_the_notes_say_whom_their_count_counts(client, analyst, slug, item, count):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 30)
    bulk_responses(wave, 5, hours_weekly=None)

    book = openpyxl.load_workbook(io.BytesIO(download(client, wave, slug, "xlsx")))
    notes = dict(book["Notes"].iter_rows(min_row=2, max_col=2, values_only=True))
    as_json = json.loads(download(client, wave, slug, "json"))

    assert notes[item] == count
    assert {"item": item, "note": count} in as_json["notes"]
    assert "Responses" not in notes


def sheet_cells(content):
    """The Table sheet as {header: [cells of that column]}."""
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Table"]
    columns = list(sheet.iter_cols())
    return {column[0].value: column[1:] for column in columns}


def test_trend_workbooks_hold_each_wave_as_a_number_and_hours_to_one_place(client, analyst):
    wave = closed_wave(title="2026")
    bulk_responses(wave, 30, hours_weekly="40.0")

    columns = sheet_cells(download(client, wave, "trend-hours", "xlsx"))
    text = download(client, wave, "trend-hours", "csv").decode("utf-8-sig")

    assert [c.value for c in columns["Wave"]] == [2026] * 5
    assert all(c.data_type == "n" for c in columns["Wave"])
    assert text.splitlines()[1].startswith("2026,")  # the same label in the CSV
    medians = [c for c in columns["Median"] if c.value != C]
    assert medians and all(c.value == 40 and c.number_format == "0.0" for c in medians)
    counts = [c for c in columns["Respondents answering"] if c.value != C]
    assert counts and all(c.number_format == "#,##0" for c in counts)
    assert all(c.number_format == "General" for c in columns["Mean"] if c.value == C)


def test_money_percentages_and_counts_have_their_own_number_format(client, analyst):
    wave = closed_wave(title="Spring 2026")
    bulk_responses(wave, 30, hourly_rate="18.40")

    rates = sheet_cells(download(client, wave, "trend-rate", "xlsx"))
    qualifications = sheet_cells(download(client, wave, "qualifications", "xlsx"))

    assert [c.value for c in rates["Wave"]][0] == "Spring 2026"  # a title, not a number
    means = [c for c in rates["Mean"] if c.value != C]
    assert means and all(c.number_format == '"£"#,##0.00' for c in means)
    percentages = [c for c in qualifications["Percentage"] if c.value != C]
    assert percentages and all(c.number_format == "0.0" for c in percentages)
    counts = [c for c in qualifications["Respondents"] if c.value != C]
    assert counts and all(isinstance(c.value, int) and c.number_format == "#,##0" for c in counts)
