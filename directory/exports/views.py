"""CSV downloads of the public directory."""

from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_safe

from providers.selectors import visible_listings

from .csv import stream, stream_search

MAX_SEARCH_EXPORT = 10_000
PUBLIC = "public, max-age=300"
# A search's URL holds the searcher's postcode: personal, so kept by no shared cache.
PRIVATE = "private, no-store"


def csv_response(chunks, *, filename: str, cache_control: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = cache_control
    return response


@require_safe
def all_providers(request):
    """Every visible listing: /data/providers.csv."""
    stamp = timezone.localdate().isoformat()
    base_url = request.build_absolute_uri("/").rstrip("/")
    return csv_response(
        stream(visible_listings().order_by("pk"), base_url=base_url),
        filename=f"providers-{stamp}.csv",
        cache_control=PUBLIC,
    )


def search_results(request, page):
    """The directory search's current results as CSV: /find-support/export/?<the same
    query as the search page>. Same form, same selector, same order; an invalid search
    goes back to the search page, which explains what to fix."""
    from directory import selectors
    from directory.forms import SearchForm

    vocab = selectors.vocabularies()
    form = SearchForm(request.GET, vocab=vocab)
    if not form.is_valid():
        return redirect(f"{page.url}?{request.GET.urlencode()}")
    search = selectors.search_listings(**form.search_arguments(), vocab=vocab)
    found = search.keys(limit=MAX_SEARCH_EXPORT)  # with each one's distance and cover
    base_url = request.build_absolute_uri("/").rstrip("/")
    # The outward code only ("SS0", never "SS0 7AB"): file names travel further than pages.
    place = form.cleaned_data["postcode"].outward
    return csv_response(
        stream_search(found, base_url=base_url),
        filename=f"providers-near-{place}.csv",
        cache_control=PRIVATE,
    )
