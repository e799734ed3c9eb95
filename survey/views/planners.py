"""The planners' area (/planners/): analysts and superusers pick a wave, read each table as a
chart beside its data, and download it. Only disclosure-controlled tables are shown; no
route here reads a single response. Every request checks the role; every download is logged."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from survey import exports
from survey.charts import table_chart
from survey.models import Wave
from survey.tables import services
from survey.tables.formatting import format_value
from survey.tables.specs import SPECS_BY_SLUG, disclosure_notes

ANALYSTS = "Analysts"


def is_analyst(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=ANALYSTS).exists())


def analysts_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtailadmin_login")
            )
        if not is_analyst(request.user):
            return render(request, "survey/planners/forbidden.html", status=403)
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


@analysts_only
def index(request):
    waves = list(Wave.objects.all())
    chosen = request.GET.get("wave", "")
    error = ""
    if chosen:
        # isdigit() alone lets "²" through, and int() refuses it (and 5,000 digits)
        valid = chosen.isascii() and chosen.isdigit() and len(chosen) < 12
        chosen_id = int(chosen) if valid else None
        if any(w.pk == chosen_id for w in waves):
            return redirect("planners:wave", wave_id=chosen_id)
        error = "Select a survey wave from the list"
    return render(
        request, "survey/planners/index.html", {"waves": waves, "error": error, "chosen": chosen}
    )


@analysts_only
def wave(request, wave_id: int):
    wave = get_object_or_404(Wave, pk=wave_id)
    try:
        tables = services.wave_tables(wave=wave)
    except services.NotPublished:  # the page says when its tables come
        return render(request, "survey/planners/wave.html", {"wave": wave, "published": False})
    return render(
        request,
        "survey/planners/wave.html",
        {
            "wave": wave,
            "published": True,
            "respondents": tables["respondents-region"]["respondents"],
            "specs": services.published_specs(tables=tables),
        },
    )


def _published_table(wave: Wave, slug: str) -> dict:
    try:
        return services.table(wave=wave, slug=slug)
    except services.NotPublished:
        raise Http404(
            "This wave has no such table: its tables are published when it closes"
        ) from None


@analysts_only
def table(request, wave_id: int, slug: str):
    wave = get_object_or_404(Wave, pk=wave_id)
    if slug not in SPECS_BY_SLUG:
        raise Http404("No such table")
    data = _published_table(wave, slug)
    # Every figure of the download is on the page: it is logged as a download is.
    services.record_download(user=request.user, wave=wave, slug=slug, fmt="page")
    return render(
        request,
        "survey/planners/table.html",
        {
            "wave": wave,
            "table": data,
            "chart": table_chart(data),
            "grids": _grids(data),
            "notes": disclosure_notes(SPECS_BY_SLUG[slug], data["threshold"]),
            "formats": [("csv", "CSV"), ("xlsx", "Excel"), ("json", "JSON"), ("svg", "SVG chart")],
        },
    )


@analysts_only
def download(request, wave_id: int, slug: str, fmt: str):
    wave = get_object_or_404(Wave, pk=wave_id)
    if slug not in SPECS_BY_SLUG or fmt not in exports.WRITERS:
        raise Http404("No such download")
    data = _published_table(wave, slug)
    content = exports.WRITERS[fmt](data)
    services.record_download(user=request.user, wave=wave, slug=slug, fmt=fmt)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    filename = f"{slugify(wave.title) or 'wave'}-{slug}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _grids(data: dict) -> list[dict]:
    """The data as simple tables for the page: counts with their percentages, or one table
    per statistic."""
    measures = data["measures"]
    keys = [m["key"] for m in measures]
    if "percent" in keys:
        groups = [(measures[0]["label"] + " (percentage)", ["count", "percent"])]
    else:
        groups = [(m["label"], [m["key"]]) for m in measures]
    formats = {m["key"]: m["format"] for m in measures}
    grids = []
    for caption, shown in groups:
        rows = []
        for row in data["rows"]:
            values = []
            for cell in row["cells"]:
                text = format_value(cell[shown[0]], formats[shown[0]])
                if len(shown) > 1 and cell[shown[1]] is not None:
                    text += f" ({format_value(cell[shown[1]], formats[shown[1]])})"
                values.append({"text": text, "suppressed": cell["suppressed"]})
            rows.append({**row, "values": values})
        grids.append({"caption": caption, "rows": rows})
    return grids
