"""The API's caches: whole responses (API_CACHE_SECONDS) and result counts
(API_COUNT_CACHE_SECONDS), both keyed by a generation number that publishing,
unpublishing or deleting a listing (or changing a vocabulary term) moves on."""

import hashlib

from django.conf import settings
from django.core.cache import cache

PREFIX = "openreferral"
GENERATION_KEY = f"{PREFIX}:generation"


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump_generation(**_kwargs) -> None:
    """Every cached response and count becomes stale at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _count_key(key: str) -> str:
    return f"{PREFIX}:{generation()}:count:{hashlib.sha256(key.encode()).hexdigest()}"


def remembered_count(*, key: str) -> int | None:
    """The count remembered under `key` (the request's filters: the same for every page
    of one set of results), or None. Counts are kept API_COUNT_CACHE_SECONDS, so they may
    lag the clock that long (a listing passing its hiding date); publishing, unpublishing
    or deleting a listing starts afresh."""
    if not settings.API_COUNT_CACHE_SECONDS:
        return None
    return cache.get(_count_key(key))


def remember_count(*, key: str, count: int) -> None:
    if settings.API_COUNT_CACHE_SECONDS:
        cache.set(_count_key(key), count, settings.API_COUNT_CACHE_SECONDS)


def cached_count(queryset, *, key: str) -> int:
    """queryset.count(), remembered under `key` (see remembered_count): paging through
    one set of results counts it once."""
    count = remembered_count(key=key)
    if count is None:
        count = queryset.count()
        remember_count(key=key, count=count)
    return count
