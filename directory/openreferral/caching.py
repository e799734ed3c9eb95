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


def cached_count(queryset, *, key: str) -> int:
    """queryset.count(), remembered for API_COUNT_CACHE_SECONDS under `key` (the
    request's filters: the same for every page of one set of results), so that paging
    through them counts once. The count may lag the clock by that long (a listing passing
    its hiding date); publishing, unpublishing or deleting a listing starts afresh."""
    seconds = settings.API_COUNT_CACHE_SECONDS
    if not seconds:
        return queryset.count()
    digest = hashlib.sha256(key.encode()).hexdigest()
    cache_key = f"{PREFIX}:{generation()}:count:{digest}"
    count = cache.get(cache_key)
    if count is None:
        count = queryset.count()
        cache.set(cache_key, count, seconds)
    return count
