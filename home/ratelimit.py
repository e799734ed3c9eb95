"""Per-address rate limits for public forms: how many times one client address did
something in the current fixed window (consume) or in a rolling one (consume_rolling),
counted in the cache (Redis in production, so every app server shares the counts). Any
app may use these; each passes its own scope, limit and window (the "address" may be
any key: a listing's id, say)."""

import contextlib
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


# A rolling window is kept as this many fixed steps, so it moves on a step at a time (an
# hour of a 24-hour window): what was done 24 hours ago stops counting within the hour,
# and no moment (midnight) lets a whole new allowance through at once.
ROLLING_STEPS = 24


def _rolling_keys(scope: str, address: str, window_seconds: int, now: float) -> list[str]:
    step = max(window_seconds // ROLLING_STEPS, 1)
    current = int(now // step)
    return [f"ratelimit:{scope}:{address}:{step}s:{current - n}" for n in range(ROLLING_STEPS)]


def consume_rolling(
    *, scope: str, address: str, limit: int, window_seconds: int, now: float | None = None
) -> bool:
    """Count one more from this address in the last `window_seconds` (a rolling window,
    to within one of its ROLLING_STEPS); False, and not counted, if that goes over the
    limit. As consume, the count is taken first, so a burst cannot all pass."""
    now = now if now is not None else time.time()
    keys = _rolling_keys(scope, address, window_seconds, now)
    timeout = window_seconds + window_seconds // ROLLING_STEPS + 1
    cache.add(keys[0], 0, timeout=timeout)
    try:
        count = cache.incr(keys[0])
    except ValueError:  # expired between add and incr
        cache.set(keys[0], 1, timeout=timeout)
        count = 1
    if count + sum(cache.get_many(keys[1:]).values()) <= limit:
        return True
    give_back_rolling(scope=scope, address=address, window_seconds=window_seconds, now=now)
    return False


def give_back_rolling(
    *, scope: str, address: str, window_seconds: int, now: float | None = None
) -> None:
    """Uncount one that consume_rolling counted at `now` (what it allowed did not happen
    after all, or it was refused)."""
    now = now if now is not None else time.time()
    with contextlib.suppress(ValueError):  # expired meanwhile: nothing left to give back
        cache.decr(_rolling_keys(scope, address, window_seconds, now)[0])
