"""What this browser holds for the survey, and what its address may still do.

The browser holds a signed cookie of the survey's own (never the Django session, which a
signed-in provider shares with the portal and the server keeps for weeks): the receipt
code of the draft being answered (to show it again once it is sent) and the receipt code
of a response the visitor proved. Nothing on the server links a response to a session or
an account. The cookie names responses only by their receipt code, checked against the
stored hash on every read, so even a correctly signed cookie opens only a response whose
code its holder knew. It lasts until the browser closes and at most
SURVEY_STATE_MAX_AGE_SECONDS after it was last set; a tampered, expired or foreign value
is ignored. The rate limits (codes tried, responses sent today) are counted in the cache."""

from dataclasses import asdict, dataclass, replace

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home import ratelimit
from survey import selectors
from survey.models import Response

COOKIE_NAME = "survey_state"
SALT = "survey.views.state"
CODE_ATTEMPTS_LIMIT = 10
CODE_ATTEMPTS_WINDOW = 15 * 60
DAY_SECONDS = 24 * 60 * 60
TOO_MANY_ATTEMPTS = _("Too many receipt codes tried. Wait 15 minutes, then try again.")


@dataclass(frozen=True)
class State:
    draft: str = ""  # receipt code of the response this browser is answering (or just sent)
    access: str = ""  # receipt code the visitor typed to see a sent response


def _read(request) -> State:
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return State()
    try:
        data = signing.loads(value, salt=SALT, max_age=settings.SURVEY_STATE_MAX_AGE_SECONDS)
    except signing.BadSignature:  # tampered, expired, or not ours
        return State()
    if not isinstance(data, dict):
        return State()
    return State(
        **{k: v for k, v in data.items() if k in ("draft", "access") and isinstance(v, str)}
    )


def _write(http_response, state: State):
    """Set the cookie afresh (new value, new timestamp), or delete it when it holds nothing."""
    path = reverse("survey:start")
    if not (state.draft or state.access):
        http_response.delete_cookie(COOKIE_NAME, path=path, samesite="Lax")
        return http_response
    http_response.set_cookie(
        COOKIE_NAME,
        signing.dumps(asdict(state), salt=SALT),
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )  # no max_age or expires: the browser forgets it when it closes
    return http_response


def _by_code(code: str) -> Response | None:
    return selectors.response_by_receipt(code=code) if code else None


def remember_draft(request, http_response, code: str):
    """`http_response`, telling the browser it is answering the response with this code."""
    return _write(http_response, replace(_read(request), draft=code))


def current(request) -> tuple[Response | None, str]:
    """The response this browser is answering (draft or just submitted) and its code."""
    code = _read(request).draft
    response = _by_code(code)
    return (response, code) if response is not None else (None, "")


def grant_access(request, http_response, code: str):
    """`http_response`, letting the browser see the response whose code it proved."""
    return _write(http_response, replace(_read(request), access=code))


def accessible(request) -> Response | None:
    """The response the visitor proved a code for; or the one this browser just sent (it
    holds its code), which it may see or delete without typing the code again."""
    state = _read(request)
    found = _by_code(state.access)
    if found is None:
        sent = _by_code(state.draft)
        found = sent if sent is not None and sent.status == Response.Status.SUBMITTED else None
    return found


def forget(http_response):
    """`http_response`, telling the browser to forget everything it held for the survey."""
    return _write(http_response, State())


def code_attempts_exhausted(request) -> bool:
    """Has this address already got CODE_ATTEMPTS_LIMIT receipt codes wrong lately?"""
    return ratelimit.is_limited(**_code_attempts(request))


def count_failed_code(request) -> None:
    ratelimit.consume(**_code_attempts(request))


def _code_attempts(request) -> dict:
    return {
        "scope": "survey-code-attempts",
        "address": ratelimit.client_address(request),
        "limit": CODE_ATTEMPTS_LIMIT,
        "window_seconds": CODE_ATTEMPTS_WINDOW,
    }


def count_sent(request) -> bool:
    """Count one response sent through the open link from this address today; False if
    that goes over SURVEY_RESPONSES_PER_ADDRESS_PER_DAY. The day is a fixed window in
    the cache: it slows one person padding a small group with made-up responses."""
    return ratelimit.consume(
        scope="survey-sent",
        address=ratelimit.client_address(request),
        limit=settings.SURVEY_RESPONSES_PER_ADDRESS_PER_DAY,
        window_seconds=DAY_SECONDS,
    )
