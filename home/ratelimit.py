"""Per-address rate limits for public forms: how many times one client address did
something in the current fixed window, counted in the cache (Redis in production, so
every app server shares the counts). Any app may use these; each passes its own scope,
limit and window."""

import time

from django.core.cache import cache


def client_address(request) -> str:
    """The address a rate limit counts by: REMOTE_ADDR, which
    home.middleware.ClientAddressMiddleware has set to the client's address when the
    site is behind TRUSTED_PROXY_COUNT proxies. Never X-Forwarded-For itself: its
    left-hand entries are the client's to forge."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, address: str, window_seconds: int, now: float) -> str:
    return f"ratelimit:{scope}:{address}:{int(now // window_seconds)}"


def is_limited(
    *, scope: str, address: str, limit: int, window_seconds: int, now: float | None = None
) -> bool:
    """Has this address already done it `limit` times in the current window?"""
    now = now if now is not None else time.time()
    return cache.get(_key(scope, address, window_seconds, now), 0) >= limit


def consume(
    *, scope: str, address: str, limit: int, window_seconds: int, now: float | None = None
) -> bool:
    """Count one more from this address; False if that goes over the limit. Counting
    first (atomically, in the cache) means a burst of parallel requests cannot all pass."""
    now = now if now is not None else time.time()
    key = _key(scope, address, window_seconds, now)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
