"""The Open Referral UK read API. Thin views: selectors read, serializers build dicts.

Every response is public JSON: `Access-Control-Allow-Origin: *`, `Cache-Control: public`,
and kept in the cache for API_CACHE_SECONDS (keyed by the full query string and a
generation number that publishing or unpublishing any listing moves on). A browser's CORS
preflight (OPTIONS) is answered 204, so pages elsewhere may call the API with any headers."""

import json
import re
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import caching, ids
from .context import ListingContext
from .openapi import openapi_document
from .selectors import BadQuery, listings, paged, paged_list, visible_listing
from .serializers import service_at_location_dict, service_basic, service_full
from .taxonomy import VOCABULARIES, Taxonomies, taxonomy_dict, term_dict

PREFETCH_FULL = [
    "support_kinds",
    "audiences",
    "access_features",
    "languages",
    "payment_methods",
    "councils_covered",
]


def _json(data, *, status=200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type="application/json",
    )


def _error(status: int, message: str, parameter: str | None = None) -> HttpResponse:
    body = {"error": message}
    if parameter:
        body["parameter"] = parameter
    return _json(body, status=status)


METHODS = ["GET", "HEAD", "OPTIONS"]
PREFLIGHT_MAX_AGE = 86400
# A header list as RFC 9110 spells it (tokens and commas), short enough to echo back.
_HEADER_NAMES = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*")


def _preflight(request) -> HttpResponse:
    """204 to OPTIONS: the methods, and whatever request headers the browser asks to send
    (the API reads none, and sends no cookies, so any is harmless)."""
    response = HttpResponse(status=204)
    del response["Content-Type"]  # no content
    response["Allow"] = response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
    asked = request.headers.get("Access-Control-Request-Headers", "").strip()
    if asked and len(asked) <= 1000 and _HEADER_NAMES.fullmatch(asked):
        response["Access-Control-Allow-Headers"] = asked
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Vary"] = "Access-Control-Request-Headers"
    return response


def api_view(view):
    """GET/HEAD (and OPTIONS, the CORS preflight) only; CORS for everyone; public caching;
    400 on a malformed parameter."""

    @csrf_exempt  # read-only and cookie-free; lets other methods get a plain 405
    @require_http_methods(METHODS)
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight(request)
        seconds = settings.API_CACHE_SECONDS
        key = None
        if seconds:
            query = urlencode(sorted(request.GET.lists()), doseq=True)
            key = f"{caching.PREFIX}:{caching.generation()}:{request.get_host()}:{request.path}?{query}"
            cached = cache.get(key)
            if cached is not None:
                status, body = cached
                response = HttpResponse(body, status=status, content_type="application/json")
                return _headers(response, seconds)
        try:
            response = view(request, *args, **kwargs)
        except BadQuery as error:
            response = _error(400, error.message, error.parameter)
        except Http404:
            response = _error(404, "Not found")
        if key and response.status_code in (200, 404):
            cache.set(key, (response.status_code, response.content), seconds)
        return _headers(response, seconds)

    return wrapper


def _headers(response, seconds):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={seconds}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@api_view
def index(request):
    return _json(
        {
            "version": "3.0",
            "profile": "https://openreferraluk.org/",
            "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
        }
    )


@api_view
def openapi(request):
    return _json(
        openapi_document(server_url=request.build_absolute_uri(reverse("openreferral:index")))
    )


@api_view
def services(request):
    taxonomies = Taxonomies()
    page = paged(listings(params=request.GET, taxonomies=taxonomies), params=request.GET)
    ctx = ListingContext(page.items, request=request, taxonomies=taxonomies)
    return _json(page.envelope([service_basic(p, ctx) for p in page.items]))


@api_view
def service_detail(request, id):
    key = ids.parse_uuid(id)
    if key is None:
        raise Http404
    page = visible_listing(key=key, prefetch=PREFETCH_FULL)
    if page is None:
        raise Http404
    return _json(service_full(page, ListingContext([page], request=request, full=True)))


@api_view
def service_at_locations(request):
    taxonomies = Taxonomies()
    page = paged(listings(params=request.GET, taxonomies=taxonomies), params=request.GET)
    ctx = ListingContext(page.items, request=request, taxonomies=taxonomies)
    return _json(page.envelope([service_at_location_dict(p, ctx) for p in page.items]))


@api_view
def taxonomies(request):
    taxonomies = Taxonomies()
    by_vocabulary = {v.key: [] for v in VOCABULARIES}
    for term in taxonomies.terms:
        by_vocabulary[term.vocabulary].append(term)
    values = [taxonomy_dict(v, terms=by_vocabulary[v.key]) for v in VOCABULARIES]
    return _json(paged_list(values, params=request.GET).envelope_items())


@api_view
def taxonomy_detail(request, id):
    taxonomies = Taxonomies()
    for vocabulary in VOCABULARIES:
        if ids.vocabulary_id(vocabulary.key) == id.lower():
            terms = [t for t in taxonomies.terms if t.vocabulary == vocabulary.key]
            return _json(taxonomy_dict(vocabulary, terms=terms))
    raise Http404


@api_view
def taxonomy_terms(request):
    taxonomies = Taxonomies()
    terms = taxonomies.terms
    if taxonomy_id := request.GET.get("taxonomy_id"):
        terms = [t for t in terms if ids.vocabulary_id(t.vocabulary) == taxonomy_id.lower()]
    return _json(paged_list([term_dict(t) for t in terms], params=request.GET).envelope_items())


@api_view
def taxonomy_term_detail(request, id):
    term = Taxonomies().by_id.get(id.lower())
    if term is None:
        raise Http404
    return _json(term_dict(term))
