"""Protection for public forms without a puzzle CAPTCHA.

- A signed form token carries a random submission token (idempotency: a double submit or a
  retry sends the same one) and the time the form was shown (a minimum fill time).
- A honeypot field, labelled for people and hidden from sight, that people leave empty.
- A per-address rate limit on messages accepted, counted in the cache (fixed window).
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

_SALT = "providers.public.form-token"


@dataclass(frozen=True)
class FormToken:
    submission_token: str
    issued_at: float

    def age(self, now: float | None = None) -> float:
        return (now if now is not None else time.time()) - self.issued_at


def issue_form_token(*, issued_at: float | None = None) -> str:
    """A fresh signed token for a newly shown form."""
    return signing.dumps(
        {"t": secrets.token_urlsafe(32), "at": issued_at if issued_at is not None else time.time()},
        salt=_SALT,
        compress=True,
    )


def read_form_token(value: str) -> FormToken | None:
    """The token's contents, or None if it was not issued by us (or was altered)."""
    try:
        data = signing.loads(value or "", salt=_SALT)
        return FormToken(str(data["t"]), float(data["at"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def client_address(request) -> str:
    """The address a rate limit counts by. REMOTE_ADDR only: forwarded headers are set by
    the client unless a trusted proxy rewrites REMOTE_ADDR itself."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: int


def rate_limit() -> RateLimit:
    return RateLimit(settings.ENQUIRY_RATE_LIMIT, settings.ENQUIRY_RATE_WINDOW_SECONDS)


def _key(scope: str, address: str, window_seconds: int, now: float) -> str:
    return f"ratelimit:{scope}:{address}:{int(now // window_seconds)}"


def is_rate_limited(*, scope: str, address: str, now: float | None = None) -> bool:
    """Has this address already sent as many as allowed in the current window?"""
    rule = rate_limit()
    now = now if now is not None else time.time()
    return cache.get(_key(scope, address, rule.window_seconds, now), 0) >= rule.limit


def consume(*, scope: str, address: str, now: float | None = None) -> bool:
    """Count one message from this address; False if that goes over the limit. Counting
    first (atomically, in the cache) means a burst of parallel requests cannot all pass."""
    rule = rate_limit()
    now = now if now is not None else time.time()
    key = _key(scope, address, rule.window_seconds, now)
    cache.add(key, 0, timeout=rule.window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=rule.window_seconds)
        count = 1
    return count <= rule.limit
