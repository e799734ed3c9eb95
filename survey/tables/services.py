"""Where planners' tables come from. A wave's tables are published once it has closed:
computed once, stored as `PublishedTable`s (which the retention purge of raw responses
leaves alone) and read back from then on. An open wave has none: tables recomputed as
answers arrive would let anyone who kept two copies, from before and after one person's
answer, read that answer in the cells that changed (the rounding and thresholds protect
one table, not the difference between two). Downloads are logged."""

from django.db import IntegrityError, transaction

from survey.models import DownloadRecord, PublishedTable, Wave
from survey.selectors import response_frame
from survey.tables.build import build_trend_table, build_wave_tables, wave_dict
from survey.tables.geography import reference_geography
from survey.tables.specs import SPECS_BY_SLUG, TREND_SPECS, WAVE_SPECS


class NotPublished(Exception):
    """The wave has not closed, so it has no tables yet."""


def compute_wave_tables(*, wave: Wave) -> dict[str, dict]:
    frame = response_frame(wave_ids=[wave.pk])
    return build_wave_tables(frame, reference_geography(), wave=wave_dict(wave))


def wave_tables(*, wave: Wave) -> dict[str, dict]:
    """Every per-wave table of a closed wave (slug -> published table)."""
    if wave.status != Wave.Status.CLOSED:
        raise NotPublished(wave.pk)
    return publish_wave(wave=wave)


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
    """The waves a trend table for `wave` covers: it and every closed wave opened before it."""
    waves = Wave.objects.filter(opens_on__lte=wave.opens_on).order_by("opens_on", "pk")
    return [w for w in waves if w.status == Wave.Status.CLOSED]


def table(*, wave: Wave, slug: str) -> dict:
    """One table of a closed wave (NotPublished for any other)."""
    if wave.status != Wave.Status.CLOSED:
        raise NotPublished(wave.pk)
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
