"""The OpenAPI description of exactly what /api/openreferral/ serves.

Based on the Open Referral UK 3.0 profile of the HSDS 3.0 OpenAPI file (same paths,
parameters and page envelope), narrowed to the endpoints and fields we publish, with
the response schemas inline so that a client (or schemathesis) can check responses
without fetching anything else."""

from .schemas import SCHEMAS, STRING, URI, object_of, page_of, ref
from .selectors import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    MAX_PROXIMITY_METRES,
    POSTCODE_PATTERN,
)


def _query(name, description, schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


PARAMETERS = {
    "text": _query(
        "text", "Text to find in the name or summary of a service, ignoring case.", STRING
    ),
    "search": _query("search", "The same as `text` (HSDS name).", STRING),
    "page": _query(
        "page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 1000000}
    ),
    "per_page": _query(
        "per_page",
        f"Results per page (default {DEFAULT_PER_PAGE}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    ),
    "taxonomy_term_id": _query(
        "taxonomy_term_id",
        "Services with this taxonomy term (comma-separated: all of them). See /taxonomy_terms.",
        STRING,
    ),
    "taxonomy_id": _query("taxonomy_id", "Terms of this taxonomy only.", STRING),
    "modified_after": _query(
        "modified_after",
        "Services published on or after this RFC 3339 date-time or date.",
        {
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "date"},
            ]
        },
    ),
    "postcode": _query(
        "postcode",
        "A UK postcode or outward code. Without `proximity`: services whose coverage (travel "
        "radius or councils covered) includes it. With `proximity`: services within that many "
        "metres of its centre. Covering services come first, then the nearest. A well-formed "
        "postcode we "
        "do not know gives no results.",
        {"type": "string", "pattern": POSTCODE_PATTERN},
    ),
    "proximity": _query(
        "proximity",
        f"Metres from the centre of `postcode` (above 0, up to {MAX_PROXIMITY_METRES}); "
        "ignored without `postcode`.",
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_PROXIMITY_METRES},
    ),
}


def _params(*names):
    return [{"$ref": f"#/components/parameters/{name}"} for name in names]


def _ok(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


TOO_LONG = {"414": {"description": "The address is longer than the server accepts."}}
ERRORS = {"400": _ok("A malformed query parameter.", ref("Error")), **TOO_LONG}
NOT_FOUND = {"404": _ok("No such item (or not published).", ref("Error")), **TOO_LONG}
LISTING_FILTERS = (
    "text",
    "search",
    "taxonomy_term_id",
    "modified_after",
    "postcode",
    "proximity",
    "page",
    "per_page",
)


def _id_parameter(what):
    return [
        {
            "name": "id",
            "in": "path",
            "required": True,
            "description": f"The id of the {what}.",
            "schema": STRING,
        }
    ]


def openapi_document(*, server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Find care and support near you: Open Referral UK API",
            "version": "3.0",
            "description": (
                "Open Referral UK 3.0 (HSDS 3.0 profile) read API of the care and support "
                "directory: live, public listings of micro-enterprises and Shared Lives schemes. "
                "Home-based providers are located at the centre of their outward postcode only."
            ),
            "license": {
                "name": "Open Government Licence v3.0",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "getAPIMetaInformation",
                    "responses": {
                        "200": _ok(
                            "About this API.",
                            object_of(
                                ["version", "profile", "openapi_url"],
                                version=STRING,
                                profile=URI,
                                openapi_url=URI,
                            ),
                        )
                    },
                }
            },
            "/services": {
                "get": {
                    "operationId": "getPaginatedListOfServices",
                    "parameters": _params(*LISTING_FILTERS),
                    "responses": {
                        "200": _ok("A page of services (one-to-one fields).", page_of("Service")),
                        **ERRORS,
                    },
                }
            },
            "/services/{id}": {
                "parameters": _id_parameter("service"),
                "get": {
                    "operationId": "getFullyNestedServiceById",
                    "responses": {
                        "200": _ok("A fully nested service.", ref("ServiceFull")),
                        **NOT_FOUND,
                    },
                },
            },
            "/service_at_locations": {
                "get": {
                    "operationId": "getPaginatedListOfServiceAtLocation",
                    "parameters": _params(*LISTING_FILTERS),
                    "responses": {
                        "200": _ok(
                            "A page of services at their (generalised) locations.",
                            page_of("ServiceAtLocation"),
                        ),
                        **ERRORS,
                    },
                }
            },
            "/taxonomies": {
                "get": {
                    "operationId": "getPaginatedListOfTaxonomies",
                    "parameters": _params("page", "per_page"),
                    "responses": {
                        "200": _ok("A page of taxonomies with their terms.", page_of("Taxonomy")),
                        **ERRORS,
                    },
                }
            },
            "/taxonomies/{id}": {
                "parameters": _id_parameter("taxonomy"),
                "get": {
                    "operationId": "getTaxonomyById",
                    "responses": {"200": _ok("A taxonomy.", ref("Taxonomy")), **NOT_FOUND},
                },
            },
            "/taxonomy_terms": {
                "get": {
                    "operationId": "getPaginatedListOfTaxonomyTerms",
                    "parameters": _params("taxonomy_id", "page", "per_page"),
                    "responses": {
                        "200": _ok("A page of taxonomy terms.", page_of("TaxonomyTerm")),
                        **ERRORS,
                    },
                }
            },
            "/taxonomy_terms/{id}": {
                "parameters": _id_parameter("taxonomy term"),
                "get": {
                    "operationId": "getTaxonomyTermById",
                    "responses": {
                        "200": _ok("A taxonomy term.", ref("TaxonomyTerm")),
                        **NOT_FOUND,
                    },
                },
            },
        },
        "components": {"schemas": SCHEMAS, "parameters": PARAMETERS},
    }
