"""Protection for public forms without a puzzle CAPTCHA.

- A signed form token carries a random submission token (idempotency: a double submit or a
  retry sends the same one) and the time the form was shown (a minimum fill time).
- A honeypot field, labelled for people and hidden from sight, that people leave empty.
- A per-address rate limit on messages accepted (home.ratelimit: the cache, fixed window).
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from home import ratelimit

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


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: int


def rate_limit() -> RateLimit:
    return RateLimit(settings.ENQUIRY_RATE_LIMIT, settings.ENQUIRY_RATE_WINDOW_SECONDS)


def is_rate_limited(*, scope: str, address: str, now: float | None = None) -> bool:
    """Has this address already sent as many as allowed in the current window?"""
    rule = rate_limit()
    return ratelimit.is_limited(
        scope=scope, address=address, limit=rule.limit, window_seconds=rule.window_seconds, now=now
    )


def consume(*, scope: str, address: str, now: float | None = None) -> bool:
    """Count one message from this address; False if that goes over the limit."""
    rule = rate_limit()
    return ratelimit.consume(
        scope=scope, address=address, limit=rule.limit, window_seconds=rule.window_seconds, now=now
    )
