"""What the browser's session holds for the survey: the draft being answered (with its
receipt code, to show it again) and which response the visitor proved a code for; and
what its address may still do (receipt codes tried, responses sent today)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from home import ratelimit
from survey.models import Response

DRAFT_KEY = "survey_draft"
ACCESS_KEY = "survey_access"
CODE_ATTEMPTS_LIMIT = 10
CODE_ATTEMPTS_WINDOW = 15 * 60
DAY_SECONDS = 24 * 60 * 60
TOO_MANY_ATTEMPTS = _("Too many receipt codes tried. Wait 15 minutes, then try again.")


def remember_draft(request, response: Response, code: str) -> None:
    request.session.cycle_key()
    request.session[DRAFT_KEY] = {"id": response.pk, "code": code}


def current(request) -> tuple[Response | None, str]:
    """The response this session is answering (draft or just submitted) and its code."""
    data = request.session.get(DRAFT_KEY) or {}
    response = (
        Response.objects.select_related("wave").filter(pk=data.get("id")).first()
        if data.get("id")
        else None
    )
    if response is None:
        return None, ""
    return response, data.get("code", "")


def grant_access(request, response: Response) -> None:
    request.session.cycle_key()
    request.session[ACCESS_KEY] = response.pk


def accessible(request) -> Response | None:
    pk = request.session.get(ACCESS_KEY)
    return Response.objects.select_related("wave").filter(pk=pk).first() if pk else None


def forget(request) -> None:
    request.session.pop(DRAFT_KEY, None)
    request.session.pop(ACCESS_KEY, None)


def code_attempts_exhausted(request) -> bool:
    return cache.get(_attempts_key(request), 0) >= CODE_ATTEMPTS_LIMIT


def count_failed_code(request) -> None:
    key = _attempts_key(request)
    cache.add(key, 0, CODE_ATTEMPTS_WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, CODE_ATTEMPTS_WINDOW)


def _attempts_key(request) -> str:
    return f"survey-code-attempts:{request.META.get('REMOTE_ADDR', '')}"


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
