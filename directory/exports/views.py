"""CSV downloads of the public directory."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from providers.selectors import visible_listings

from .csv import stream


def csv_response(queryset, *, request, filename: str) -> StreamingHttpResponse:
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        stream(queryset, base_url=base_url), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def all_providers(request):
    """Every visible listing: /data/providers.csv."""
    stamp = timezone.localdate().isoformat()
    return csv_response(
        visible_listings().order_by("pk"), request=request, filename=f"providers-{stamp}.csv"
    )
