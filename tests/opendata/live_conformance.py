"""Validate real responses from a running site against the HSDS 3.0 and ORUK 3.0 JSON
schemas in ../shared/reference/ (used by .ci/conformance).

    python -m tests.opendata.live_conformance http://127.0.0.1:8778

Walks every endpoint: the index, every page of /services and /service_at_locations
(up to --max-pages), each service in detail, filtered lists (text, taxonomy term,
postcode coverage, proximity, modified_after, paging edges), every taxonomy and term.
Exits 1 on any schema violation, any 5xx, or a response that is not JSON."""

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from tests.opendata import hsds

API = "/api/openreferral/"


class Checker:
    def __init__(self, base: str):
        self.base = base.rstrip("/") + API
        self.failures: list[str] = []
        self.requests = 0

    def get(self, path: str, schema: str | None, *, expect=200, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        self.requests += 1
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
                status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        if status >= 500:
            self.failures.append(f"{url}: {status}")
            return None
        if status != expect:
            self.failures.append(f"{url}: expected {expect}, got {status}")
        if headers.get("Access-Control-Allow-Origin") != "*":
            self.failures.append(f"{url}: no Access-Control-Allow-Origin: *")
        try:
            data = json.loads(body)
        except ValueError:
            self.failures.append(f"{url}: not JSON")
            return None
        if schema and status == 200:
            self.failures += [f"{url}: {e}" for e in hsds.response_errors(schema, data)]
        return data

    def walk(self, *, max_pages: int):
        self.get("", None)
        self.get("openapi.json", None)
        services = []
        for endpoint in ("services", "service_at_locations"):
            page = 1
            while page <= max_pages:
                data = self.get(endpoint, endpoint, page=page, per_page=100)
                if not data or data.get("last_page", True):
                    if data and endpoint == "services":
                        services += data["contents"]
                    break
                if endpoint == "services":
                    services += data["contents"]
                page += 1
        for service in services[: max_pages * 100]:
            self.get(f"services/{service['id']}", "service")
        taxonomies = self.get("taxonomies", "taxonomies", per_page=200) or {"contents": []}
        for taxonomy in taxonomies["contents"]:
            self.get(f"taxonomies/{taxonomy['id']}", "taxonomy")
        terms = self.get("taxonomy_terms", "taxonomy_terms", per_page=200) or {"contents": []}
        for term in terms["contents"]:
            self.get(f"taxonomy_terms/{term['id']}", "taxonomy_term")
            self.get("services", "services", taxonomy_term_id=term["id"], per_page=5)
        for params in (
            {"text": "care"},
            {"search": "shared lives"},
            {"modified_after": "2020-01-01T00:00:00Z"},
            {"page": 10_000},
            {"per_page": 1},
            {"postcode": "RM17 5SW"},
            {"postcode": "RM17"},
            {"postcode": "SS0 7AB", "proximity": "8000"},
        ):
            for endpoint in ("services", "service_at_locations"):
                self.get(endpoint, endpoint, **params)
        for bad in (
            {"page": "0"},
            {"per_page": "x"},
            {"postcode": "not a postcode"},
            {"proximity": "-5"},
        ):
            self.get("services", None, expect=400, **bad)
        unknown = self.get("services", "services", postcode="ZZ99 9ZZ")
        if unknown and not unknown["empty"]:
            self.failures.append("an unknown postcode should cover nothing")
        self.get("services/not-a-uuid", None, expect=404)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--max-pages", type=int, default=20)
    args = parser.parse_args(argv)
    if not hsds.available():
        print(f"conformance: {hsds.SKIP_REASON}", file=sys.stderr)
        return 1
    checker = Checker(args.base_url)
    checker.walk(max_pages=args.max_pages)
    for failure in checker.failures[:200]:
        print(failure)
    print(f"conformance: {checker.requests} responses checked, {len(checker.failures)} problems")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
