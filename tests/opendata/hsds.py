"""The HSDS 3.0 and ORUK 3.0 JSON schemas, read from ../shared/reference/ at run time
(never copied into the project), for validating what the API serves.

HSDS schemas refer to each other by file name ("phone.json"); ORUK 3.0 files are JSON
merge patches (RFC 7386) over the HSDS file of the same name. Both sets go into one
`referencing` Registry under their own base URI, so relative $refs resolve within a set."""

import copy
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
HSDS_DIR = REFERENCE / "hsds-3.0"
ORUK_DIR = REFERENCE / "oruk-3.0"
BASE = "https://schemas.invalid/"
SKIP_REASON = f"HSDS/ORUK reference schemas not found at {REFERENCE} (../shared/reference)"


def available() -> bool:
    return (HSDS_DIR / "service.json").is_file() and (ORUK_DIR / "service.json").is_file()


def merge_patch(target, patch):
    """RFC 7386 JSON merge patch."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _schema_files():
    return sorted(p for p in HSDS_DIR.glob("*.json") if p.name != "openapi.json")


@cache
def registry() -> Registry:
    resources = []
    for path in _schema_files():
        hsds = json.loads(path.read_text())
        resources.append((f"{BASE}hsds/{path.name}", hsds))
        oruk_path = ORUK_DIR / path.name
        patch = json.loads(oruk_path.read_text()) if oruk_path.is_file() else None
        # A file the profile sets to null is simply not part of it: keep HSDS's schema
        # so that references to it still resolve (and still constrain).
        oruk = merge_patch(hsds, patch) if isinstance(patch, dict) else hsds
        resources.append((f"{BASE}oruk/{path.name}", oruk))
    page = json.loads((HSDS_DIR / "openapi.json").read_text())["components"]["schemas"]["Page"]
    resources.append((f"{BASE}hsds/page.json", page))
    resources.append((f"{BASE}oruk/page.json", page))
    return Registry().with_resources(
        (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
        for uri, contents in resources
    )


def validator(standard: str, name: str) -> Draft202012Validator:
    """standard: "hsds" or "oruk"; name: "service", "taxonomy_term", "page", ..."""
    return Draft202012Validator(
        {"$ref": f"{BASE}{standard}/{name}.json"},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors(instance, name: str) -> list[str]:
    """Every violation of `instance` against the HSDS and the ORUK schema `name`."""
    found = []
    for standard in ("hsds", "oruk"):
        for error in validator(standard, name).iter_errors(instance):
            path = "/".join(str(p) for p in error.absolute_path)
            found.append(f"{standard} {name} at /{path}: {error.message}")
    return found


# What each endpoint returns: (schema of each item, or of the whole body for details).
LIST_ITEMS = {
    "services": "service",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


def response_errors(endpoint: str, body) -> list[str]:
    """Violations in one response body from /api/openreferral/<endpoint>."""
    if endpoint in LIST_ITEMS:
        found = errors(body, "page")
        if not isinstance(body.get("contents"), list):
            return [*found, f"{endpoint}: contents is not a list"]
        for item in body["contents"]:
            found += errors(item, LIST_ITEMS[endpoint])
            if endpoint == "service_at_locations" and "service" in item:
                found += errors(item["service"], "service")
        return found
    return errors(body, endpoint)
