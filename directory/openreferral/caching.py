"""The API's caches: whole responses (API_CACHE_SECONDS) and result counts
(API_COUNT_CACHE_SECONDS), both keyed by a generation number that publishing,
unpublishing or deleting a listing (or changing a vocabulary term) moves on."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet

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


def cached_count(queryset) -> int:
    """queryset.count(), remembered per exact SQL for API_COUNT_CACHE_SECONDS: paging
    through one set of results counts it once."""
    seconds = settings.API_COUNT_CACHE_SECONDS
    if not seconds:
        return queryset.count()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # queryset.none()
        return 0
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    key = f"{PREFIX}:{generation()}:count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, seconds)
    return count
