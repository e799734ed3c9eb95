"""Reads of the survey. `response_frame` is the one way raw answers leave the database,
and only towards the disclosure-controlled tables (notes/survey-contract.md)."""

import datetime
import hashlib
from collections.abc import Iterable

import pandas as pd
from django.utils import timezone

from . import frame
from .models import PublishedTable, Response, Wave


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def current_wave(*, today: datetime.date | None = None) -> Wave | None:
    """The wave open today (the most recently opened one if several overlap)."""
    today = today or timezone.localdate()
    return Wave.objects.open_on(today).first()


def wave_for_start_page(*, today: datetime.date | None = None) -> Wave | None:
    """What the start page talks about: the open wave, else the next one, else the last."""
    today = today or timezone.localdate()
    return (
        current_wave(today=today)
        or Wave.objects.filter(opens_on__gt=today).order_by("opens_on").first()
        or Wave.objects.filter(closes_on__lt=today).order_by("-closes_on").first()
    )


def wave_has_responses(*, wave: Wave) -> bool:
    """Whether the wave holds responses (drafts or submitted): while it has any it cannot
    be deleted (they are erased one by one, or by the retention purge)."""
    return wave.responses.exists()


def wave_is_published(*, wave: Wave) -> bool:
    """True once the closed wave's tables are stored: from then on its dates are fixed,
    or late answers would never reach the tables (and reopening it would hide them)."""
    return PublishedTable.objects.filter(wave=wave).exists()


def response_by_receipt(*, code: str) -> Response | None:
    return Response.objects.select_related("wave").filter(receipt_hash=hash_code(code)).first()


# --- the data contract -------------------------------------------------------------------

FRAME_COLUMNS = frame.COLUMNS


def response_frame(*, wave_ids: Iterable[int]) -> pd.DataFrame:
    """One row per SUBMITTED response of these waves (drafts never appear), with the
    columns and dtypes of the survey contract (notes/survey-contract.md): wave_id int64;
    categorical codes (all categories listed, nulls as NaN); Int64 and Float64 numbers
    with <NA> for unanswered; `reasons` a list of codes per row. Rows in the order the
    responses were started. Equal `reasons` share one list object: do not mutate them."""
    return frame.response_frame(wave_ids=wave_ids)
