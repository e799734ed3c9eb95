"""Downloads of a published table: CSV, Excel (with a notes sheet), JSON and its chart (SVG).
Only published tables come here, never responses. Text that a spreadsheet would run as a
formula (starting with = + - @, tab or carriage return) is neutralised with a leading
apostrophe."""

import csv
import io
import json
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from home.spreadsheets import neutralise_formula
from survey import disclosure
from survey.charts import table_chart
from survey.tables import vocab
from survey.tables.specs import SPECS_BY_SLUG, disclosure_rules

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "svg": "image/svg+xml",
}
ANSWERING = "Respondents answering this question"
# Excel number formats by measure format: counts whole, hours and percentages (which are out
# of 100, not fractions) to one place, money in pounds and pence. Bands and [c] are text.
NUMBER_FORMATS = {"count": "#,##0", "percent": "0.0", "hours": "0.0", "money": '"£"#,##0.00'}


def display_value(value, fmt: str):
    """A measure as it goes into a file: numbers stay numbers, bands become their label,
    a suppressed value becomes [c]."""
    if value is None:
        return disclosure.SUPPRESSED_MARK
    if fmt == "band":
        return vocab.TURNOVER_BANDS.get(value, value)
    return value


def _grouped(table: dict) -> bool:
    return table["row_heading"] == "Council"


def header(table: dict) -> list[str]:
    return [
        table["row_heading"],
        *(["Region"] if _grouped(table) else []),
        table["column_heading"],
        *(m["label"] for m in table["measures"]),
    ]


def records(table: dict):
    """One record per row x column: labels then each measure."""
    for row in table["rows"]:
        for column, cell in zip(table["columns"], row["cells"], strict=True):
            yield [
                row["label"],
                *([row["group"]] if _grouped(table) else []),
                column["label"],
                *(display_value(cell[m["key"]], m["format"]) for m in table["measures"]),
            ]


def notes(table: dict) -> list[tuple[str, str]]:
    spec = SPECS_BY_SLUG[table["slug"]]
    respondents = table["respondents"]
    if spec.family == "trend":  # a row a wave, each with its own count
        coverage = [("Waves", ", ".join(row["label"] for row in table["rows"]))]
    else:  # every respondent, or (for a question's table) those who answered it
        count = disclosure.SUPPRESSED_MARK if respondents is None else str(respondents)
        counted = "Respondents" if spec.family == "respondents" else ANSWERING
        coverage = [("Wave", table["wave"]["name"]), (counted, count)]
    return [
        ("Table", table["title"]),
        ("Description", table["summary"]),
        *coverage,
        *(("Disclosure control", rule) for rule in disclosure_rules(table["threshold"])),
        ("Symbol", f"{disclosure.SUPPRESSED_MARK} = suppressed to protect respondents"),
        *(("Definition", text) for text in table["definitions"]),
    ]


def to_csv(table: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise_formula(v) for v in header(table)])
    for record in records(table):
        writer.writerow([neutralise_formula(v) for v in record])
    return buffer.getvalue().encode("utf-8-sig")


def _spreadsheet_label(label: str, table: dict):
    """A wave titled with a number (a year, usually) is a number in a spreadsheet, which would
    otherwise flag it as a number stored as text; any other label stays text."""
    if table["row_heading"] == "Wave" and re.fullmatch(r"[1-9][0-9]{0,8}", label):
        return int(label)
    return neutralise_formula(label)


def to_xlsx(table: dict) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Table"
    sheet.append([neutralise_formula(v) for v in header(table)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    labels = len(header(table)) - len(table["measures"])
    formats = [None] * labels + [NUMBER_FORMATS.get(m["format"]) for m in table["measures"]]
    for record in records(table):
        sheet.append([_spreadsheet_label(record[0], table), *map(neutralise_formula, record[1:])])
        for cell, number_format in zip(sheet[sheet.max_row], formats, strict=True):
            if number_format and isinstance(cell.value, int | float):
                cell.number_format = number_format
    sheet.freeze_panes = "A2"
    notes_sheet = book.create_sheet("Notes")
    notes_sheet.append(["Item", "Note"])
    for cell in notes_sheet[1]:
        cell.font = Font(bold=True)
    for name, text in notes(table):
        notes_sheet.append([neutralise_formula(name), neutralise_formula(text)])
    for column, width in (("A", 20), ("B", 100)):
        notes_sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_json(table: dict) -> bytes:
    public = {key: value for key, value in table.items() if key != "dimensions"}
    public["notes"] = [{"item": name, "note": text} for name, text in notes(table)]
    return json.dumps(public, ensure_ascii=False, indent=1).encode("utf-8")


def to_svg(table: dict) -> bytes:
    """The table's chart as a file of its own, with the page's text alternative."""
    chart = table_chart(table, standalone=True)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{chart}\n'.encode()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "json": to_json, "svg": to_svg}
