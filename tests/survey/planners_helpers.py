"""Test data for the planners' area: waves with enough responses to publish some cells."""

import datetime

from django.utils import timezone

from survey.models import Response
from survey.selectors import hash_code
from tests import builders

_serial = iter(range(1, 10**9))


def bulk_responses(wave, n: int, **answers) -> None:
    """n submitted responses with the builders' complete answers (override any)."""
    now = timezone.now()
    values = {**builders.COMPLETE_ANSWERS, **answers}
    Response.objects.bulk_create(
        Response(
            wave=wave,
            receipt_hash=hash_code(f"BULK{next(_serial):08d}"),
            status=Response.Status.SUBMITTED,
            submitted_at=now,
            **values,
        )
        for _ in range(n)
    )


def closed_wave(**kwargs):
    today = timezone.localdate()
    return builders.build_wave(
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=300),
        **kwargs,
    )
