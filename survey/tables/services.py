"""Where planners' tables come from. A closed wave's tables are computed once, stored as
`PublishedTable`s (which the retention purge of raw responses leaves alone) and read back
from then on; an open wave's are computed live from its responses and cached until another
response arrives. Downloads are logged."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Max

from survey.models import DownloadRecord, PublishedTable, Response, Wave
from survey.selectors import response_frame
from survey.tables.build import build_trend_table, build_wave_tables, wave_dict
from survey.tables.geography import reference_geography
from survey.tables.specs import SPECS_BY_SLUG, TREND_SPECS, WAVE_SPECS

LIVE_CACHE_SECONDS = 300


def compute_wave_tables(*, wave: Wave) -> dict[str, dict]:
    frame = response_frame(wave_ids=[wave.pk])
    return build_wave_tables(frame, reference_geography(), wave=wave_dict(wave))


def wave_tables(*, wave: Wave) -> dict[str, dict]:
    """Every per-wave table of the wave (slug -> published table)."""
    if wave.status == Wave.Status.CLOSED:
        return publish_wave(wave=wave)
    latest = Response.objects.filter(wave=wave, status=Response.Status.SUBMITTED).aggregate(
        n=Count("pk"), last=Max("submitted_at")
    )
    last = latest["last"].timestamp() if latest["last"] else 0
    key = f"survey-tables:{wave.pk}:{latest['n']}:{last:.6f}"
    return cache.get_or_set(key, lambda: compute_wave_tables(wave=wave), LIVE_CACHE_SECONDS)


def publish_wave(*, wave: Wave) -> dict[str, dict]:
    """Store the tables of a closed wave (once) and return them. Call before purging the
    wave's raw responses; a second call reads what the first stored."""
    stored = dict(PublishedTable.objects.filter(wave=wave).values_list("slug", "data"))
    if all(spec.slug in stored for spec in WAVE_SPECS):
        return stored
    tables = compute_wave_tables(wave=wave)
    for slug, data in tables.items():
        if slug in stored:
            continue
        try:
            with transaction.atomic():
                PublishedTable.objects.create(wave=wave, slug=slug, data=data)
        except IntegrityError:  # published by a concurrent request meanwhile: keep that one
            pass
    return dict(PublishedTable.objects.filter(wave=wave).values_list("slug", "data"))


def publish_closed_waves() -> int:
    """Publish every closed wave not yet published (for the purge to run first)."""
    waves = [w for w in Wave.objects.all() if w.status == Wave.Status.CLOSED]
    for wave in waves:
        publish_wave(wave=wave)
    return len(waves)


def trend_waves(*, wave: Wave) -> list[Wave]:
    """The waves a trend table for `wave` covers: it and every wave opened before it."""
    return list(Wave.objects.filter(opens_on__lte=wave.opens_on).order_by("opens_on", "pk"))


def table(*, wave: Wave, slug: str) -> dict:
    spec = SPECS_BY_SLUG[slug]
    if spec.family != "trend":
        return wave_tables(wave=wave)[slug]
    sources = [(wave_dict(w), wave_tables(wave=w)[spec.source]) for w in trend_waves(wave=wave)]
    return build_trend_table(slug, sources)


def tables_for_listing() -> list:
    return [*WAVE_SPECS, *TREND_SPECS]


def record_download(*, user, wave: Wave, slug: str, fmt: str) -> DownloadRecord:
    return DownloadRecord.objects.create(
        user=user,
        username=user.get_username(),
        wave=wave,
        wave_title=wave.title,
        table=slug,
        format=fmt,
    )
