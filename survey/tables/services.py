"""Where planners' tables come from. A wave's tables are published once it has closed:
computed once, stored as `PublishedTable`s (which the retention purge of raw responses
leaves alone) and read back from then on. An open wave has none: tables recomputed as
answers arrive would let anyone who kept two copies, from before and after one person's
answer, read that answer in the cells that changed (the rounding and thresholds protect
one table, not the difference between two). For the same reason a wave's set of tables is
fixed when it is published: a table added to the product later is not computed for it, as
its responses may have changed since (erased, purged). Views and downloads are logged."""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef

from survey.models import DownloadRecord, PublishedTable, Wave
from survey.selectors import response_frame
from survey.tables.build import build_trend_table, build_wave_tables, wave_dict
from survey.tables.geography import reference_geography
from survey.tables.specs import SPECS_BY_SLUG, TREND_SPECS, WAVE_SPECS


class NotPublished(Exception):
    """The wave has not closed, so it has no tables yet; or this table is not among those
    published for it (added to the product after the wave was published)."""


def compute_wave_tables(*, wave: Wave) -> dict[str, dict]:
    frame = response_frame(wave_ids=[wave.pk])
    return build_wave_tables(frame, reference_geography(), wave=wave_dict(wave))


def wave_tables(*, wave: Wave) -> dict[str, dict]:
    """Every per-wave table of a closed wave (slug -> published table)."""
    if wave.status != Wave.Status.CLOSED:
        raise NotPublished(wave.pk)
    return publish_wave(wave=wave)


def _stored(wave: Wave) -> dict[str, dict]:
    return dict(PublishedTable.objects.filter(wave=wave).values_list("slug", "data"))


def publish_wave(*, wave: Wave) -> dict[str, dict]:
    """Store the tables of a closed wave (once, all from one computation) and return them.
    Call before purging the wave's raw responses; later calls read what the first stored."""
    if stored := _stored(wave):
        return stored
    try:
        with transaction.atomic():
            Wave.objects.select_for_update().filter(pk=wave.pk).first()  # one publisher
            if stored := _stored(wave):  # a concurrent request published it meanwhile
                return stored
            tables = compute_wave_tables(wave=wave)
            PublishedTable.objects.bulk_create(
                PublishedTable(wave=wave, slug=slug, data=data) for slug, data in tables.items()
            )
    except IntegrityError:  # published concurrently (no row lock on SQLite): keep that one
        pass
    return _stored(wave)


def publish_closed_waves() -> int:
    """Publish every closed wave not yet published (for the purge to run first)."""
    waves = [w for w in Wave.objects.all() if w.status == Wave.Status.CLOSED]
    for wave in waves:
        publish_wave(wave=wave)
    return len(waves)


def published_specs(*, tables: dict[str, dict]) -> list:
    """The tables a published wave offers (`tables`: its published tables by slug): those
    published with it, and the trend tables that repeat one of them."""
    return [
        *(spec for spec in WAVE_SPECS if spec.slug in tables),
        *(spec for spec in TREND_SPECS if spec.source in tables),
    ]


def trend_waves(*, wave: Wave) -> list[Wave]:
    """The waves a trend table for `wave` covers: it and every closed wave opened before it,
    each published (a closed wave nobody opened yet is published here)."""
    waves = (
        Wave.objects.filter(opens_on__lte=wave.opens_on)
        .annotate(published=Exists(PublishedTable.objects.filter(wave=OuterRef("pk"))))
        .order_by("opens_on", "pk")
    )
    closed = [w for w in waves if w.status == Wave.Status.CLOSED]
    for w in closed:
        if not w.published:
            publish_wave(wave=w)
    return closed


def _trend_table(*, wave: Wave, spec) -> dict:
    """A trend table: the published table it repeats, of each wave it covers, read in one
    query (NotPublished if `wave` was published without it)."""
    waves = trend_waves(wave=wave)
    sources = dict(
        PublishedTable.objects.filter(wave__in=waves, slug=spec.source).values_list(
            "wave_id", "data"
        )
    )
    if wave.pk not in sources:
        raise NotPublished(wave.pk)
    return build_trend_table(
        spec.slug, [(wave_dict(w), sources[w.pk]) for w in waves if w.pk in sources]
    )


def table(*, wave: Wave, slug: str) -> dict:
    """One table of a closed wave (NotPublished for any other)."""
    if wave.status != Wave.Status.CLOSED:
        raise NotPublished(wave.pk)
    spec = SPECS_BY_SLUG[slug]
    if spec.family == "trend":
        return _trend_table(wave=wave, spec=spec)
    tables = wave_tables(wave=wave)
    if slug not in tables:
        raise NotPublished(wave.pk)
    return tables[slug]


def record_download(*, user, wave: Wave, slug: str, fmt: str) -> DownloadRecord:
    return DownloadRecord.objects.create(
        user=user,
        username=user.get_username(),
        wave=wave,
        wave_title=wave.title,
        table=slug,
        format=fmt,
    )
