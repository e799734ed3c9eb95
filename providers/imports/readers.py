"""Reading an uploaded file into rows, or a file-level problem (encoding, columns,
malformed JSON) that stops the import before any row is looked at."""

import csv
import io
import json
from dataclasses import dataclass, field

from .spec import COLUMNS, REQUIRED_COLUMNS, Row

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# .xlsx (a zip archive) and the older .xls.
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
FIELD_LIMIT_KB = csv.field_size_limit() // 1024


class FileProblem(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""


@dataclass
class Parsed:
    format: str  # "csv" or "json"
    rows: list[Row]
    notices: list[str] = field(default_factory=list)


def read(content: bytes, *, filename: str) -> Parsed:
    if len(content) > MAX_BYTES:
        raise FileProblem(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if not content.strip():
        raise FileProblem("The file is empty.")
    if content.startswith(WORKBOOK_SIGNATURES):
        raise FileProblem(
            "The file looks like an Excel workbook, not a CSV file. In Excel, save it as "
            "“CSV UTF-8 (Comma delimited)” first, and upload that."
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"The file is not UTF-8 text (byte {error.start + 1} cannot be read). "
            "In Excel, save it as “CSV UTF-8 (Comma delimited)”."
        ) from None
    looks_json = filename.lower().endswith(".json") or text.lstrip().startswith(("{", "["))
    parsed = read_json(text) if looks_json else read_csv(text)
    if len(parsed.rows) > MAX_ROWS:
        raise FileProblem(
            f"The file has {len(parsed.rows)} rows; import at most {MAX_ROWS} at a time."
        )
    if not parsed.rows:
        raise FileProblem("The file has no rows to import.")
    return parsed


def read_csv(text: str) -> Parsed:
    if "\x00" in text:
        raise FileProblem("The file contains NUL characters: it is not a CSV text file.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise FileProblem("The file has no header row.") from None
    header = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing and any(";" in h for h in header):
        raise FileProblem(
            "The file must be comma-separated, but its header row uses semicolons (;). "
            "In Excel, save it as “CSV UTF-8 (Comma delimited)”."
        )
    if missing:
        raise FileProblem(
            "The header row is missing the column(s): "
            + ", ".join(missing)
            + ". See the import format for the column names."
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        raise FileProblem(
            "The header row has the same column twice: " + ", ".join(duplicated) + "."
        )
    notices = []
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        notices.append(
            "These columns are not part of the format and were ignored: " + ", ".join(unknown) + "."
        )
    rows = []
    try:
        while True:
            line = reader.line_num + 1  # where this record starts (it may span lines)
            values = next(reader, None)
            if values is None:
                break
            if not any(v.strip() for v in values):
                continue
            row = Row(line=line, values=dict(zip(header, values, strict=False)))
            if len(values) != len(header):
                row.problems.append(
                    ("", f"The row has {len(values)} cells; the header has {len(header)}.")
                )
            rows.append(row)
    except csv.Error as error:
        if "field limit" in str(error):
            raise FileProblem(
                f"Line {line} has a cell longer than {FIELD_LIMIT_KB} KB (no column takes "
                'more than 5,000 characters): perhaps a quote (") that is never closed.'
            ) from None
        raise FileProblem(f"The CSV cannot be read near line {reader.line_num}: {error}.") from None
    return Parsed("csv", rows, notices)


def read_json(text: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(
            f"The JSON is malformed at line {error.lineno}, column {error.colno}: {error.msg}."
        ) from None
    except RecursionError:
        raise FileProblem(
            "The file is nested too deeply (lists or objects inside one another hundreds of "
            "times): it is not an Open Referral feed."
        ) from None
    except ValueError:  # an integer of more digits than Python will convert
        raise FileProblem("The JSON has a number with thousands of digits.") from None
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, dict) and "id" in data:
        items = [data]
    else:
        raise FileProblem(
            "The JSON is not an Open Referral feed: expected a page with `contents`, "
            "a list of services or one service."
        )
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rows.append(
                Row(line=number, values={}, problems=[("", "The item is not a JSON object.")])
            )
            continue
        problems = []
        values = service_values(item, problems=problems)
        rows.append(Row(line=number, values=values, problems=problems))
    return Parsed("json", rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _field_text(obj: dict, key: str, *, problems: list) -> str:
    """A text (or number) field, or "" with a problem if it holds anything else."""
    value = obj.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
        problems.append((key, "must be text"))
    return _text(value)


def _field_list(obj: dict, key: str, *, path: str = "", problems: list) -> list:
    """A list field (missing or null: empty), or [] with a problem if it is not a list."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append((path + key, "must be a list"))
        return []
    return value


def _field_object(obj: dict, key: str, *, path: str = "", problems: list) -> dict:
    """An object field (missing or null: empty), or {} with a problem if it is not one."""
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append((path + key, "must be an object"))
        return {}
    return value


def service_values(service: dict, *, problems: list) -> dict[str, str]:
    """An HSDS/ORUK service (or service_at_location with `service`) as our columns.
    A field of the wrong JSON type is added to `problems` as (field, problem). A field the
    service leaves out gives no column (so an update leaves that field of the listing as it
    is); a field given empty or null gives an empty one (which clears it)."""
    if "service" in service and isinstance(service["service"], dict):
        location = service.get("location")
        service = {**service["service"], "service_at_locations": [{"location": location}]}
    values = {
        column: _field_text(service, key, problems=problems)
        for column, key in (
            ("external_id", "id"),
            ("name", "name"),
            ("summary", "alternate_name"),
            ("description", "description"),
            ("website", "url"),
            ("email", "email"),
        )
        if key in service or column in ("external_id", "name")
    }
    organization = _field_object(service, "organization", problems=problems)
    if _text(organization.get("website")):
        values["website"] = _text(organization.get("website"))
    if "phones" in service:
        phones = _field_list(service, "phones", problems=problems)
        first = phones[0] if phones and isinstance(phones[0], dict) else {}
        values["phone"] = _text(first.get("number"))
        values["show_phone"] = "yes" if values["phone"] else "no"
    if "email" in values:
        values["show_email"] = "yes" if values["email"] else "no"
    for n, sal in enumerate(_field_list(service, "service_at_locations", problems=problems)):
        location = sal.get("location") if isinstance(sal, dict) else None
        if not isinstance(location, dict):
            continue
        path = f"service_at_locations[{n}].location."
        for address in _field_list(location, "addresses", path=path, problems=problems):
            if isinstance(address, dict) and _text(address.get("postal_code")):
                values["postcode"] = _text(address.get("postal_code"))
                values["town"] = _text(address.get("city"))
                break
        if values.get("postcode"):
            break
    values.update(_attribute_values(service, problems=problems))
    if "cost_options" in service:
        values.update(dict.fromkeys(COST_COLUMNS.values(), ""))
    for option in _field_list(service, "cost_options", problems=problems):
        if not isinstance(option, dict):
            continue
        column = COST_COLUMNS.get(_text(option.get("option")).lower())
        if column and _text(option.get("amount")):
            values[column] = _text(option.get("amount"))
    if "service_areas" in service:
        values.update(travel_radius_miles="", councils_covered="")
    areas = [
        a for a in _field_list(service, "service_areas", problems=problems) if isinstance(a, dict)
    ]
    for area in areas:
        if _text(area.get("extent_type")) == "radius_miles":
            values["travel_radius_miles"] = _text(area.get("extent"))
    councils = [
        _text(a.get("uri")).rsplit("/", 1)[-1]
        for a in areas
        if "statistical-geography" in _text(a.get("uri"))
    ]
    if councils:
        values["councils_covered"] = "; ".join(councils)
    return values


COST_COLUMNS = {
    "per hour": "price_per_hour",
    "per session": "price_per_session",
    "per night": "price_per_night",
}
TAXONOMIES = {
    "kinds of support": "support_kinds",
    "who it is for": "audiences",
    "access and communication": "access_features",
    "languages": "languages",
    "ways to pay": "payment_methods",
}


def _attribute_values(service: dict, *, problems: list) -> dict[str, str]:
    """The kind and the vocabulary columns from `attributes` (and `languages`): each
    vocabulary column is given (empty if no term) when the service has `attributes`."""
    terms = {key: [] for key in TAXONOMIES.values()}
    values = {}
    for attribute in _field_list(service, "attributes", problems=problems):
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if not isinstance(term, dict):
            continue
        name = _text(term.get("name"))
        taxonomy = _text(term.get("taxonomy")).lower()
        if taxonomy == "kind of provider":
            values["kind"] = (
                "shared_lives" if "shared lives" in name.lower() else "micro_enterprise"
            )
            continue
        key = TAXONOMIES.get(taxonomy)
        if key and name:
            terms[key].append(name)
    for language in _field_list(service, "languages", problems=problems):
        if isinstance(language, dict) and _text(language.get("code")):
            terms["languages"].append(_text(language.get("code")))
    for key, names in terms.items():
        given = "attributes" in service or (key == "languages" and "languages" in service)
        if names or given:
            values[key] = "; ".join(dict.fromkeys(names))
    return values
