"""Reads of the survey. `response_frame` is the one way raw answers leave the database,
and only towards the disclosure-controlled tables (notes/survey-contract.md)."""

import datetime
import hashlib
import json
from collections.abc import Iterable

import numpy as np
import pandas as pd
from django.db import connection
from django.utils import timezone

from .models import Response, Wave, choices


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


def response_by_receipt(*, code: str) -> Response | None:
    return Response.objects.select_related("wave").filter(receipt_hash=hash_code(code)).first()


# --- the data contract -------------------------------------------------------------------

_CATEGORICAL = {
    "provider_kind": choices.ProviderKind.values,
    "legal_form": choices.LegalForm.values,
    "turnover_band": choices.TurnoverBand.values,
    "previous_employment": choices.PreviousEmployment.values,
    "intention_12m": choices.Intention.values,
    "qualification": choices.Qualification.values,
    "care_certificate": choices.CareCertificate.values,
    "disability": choices.YesNoPreferNot.values,
    "unpaid_carer": choices.YesNoPreferNot.values,
    "age_band": choices.AgeBand.values,
}
_INT = ["people_supported", "workers", "year_started_care", "year_self_employed"]
_FLOAT = ["hours_weekly", "hourly_rate"]

FRAME_COLUMNS = [
    "wave_id",
    "provider_kind",
    "legal_form",
    "council_code",
    "region_code",
    "people_supported",
    "workers",
    "hours_weekly",
    "hourly_rate",
    "turnover_band",
    "previous_employment",
    "reasons",
    "intention_12m",
    "qualification",
    "care_certificate",
    "year_started_care",
    "year_self_employed",
    "disability",
    "unpaid_carer",
    "age_band",
]

_SELECT = {
    "wave_id": "r.wave_id",
    "council_code": "r.council_id",
    "region_code": "c.region_code",
    "hours_weekly": "CAST(r.hours_weekly AS DOUBLE PRECISION)",
    "hourly_rate": "CAST(r.hourly_rate AS DOUBLE PRECISION)",
    "reasons": "CAST(r.reasons AS TEXT)",
}


def _council_categories() -> tuple[list[str], list[str]]:
    from providers.geography.models import Council

    rows = list(Council.objects.order_by("gss_code").values_list("gss_code", "region_code"))
    return [code for code, _ in rows], sorted({region for _, region in rows})


def response_frame(*, wave_ids: Iterable[int]) -> pd.DataFrame:
    """One row per SUBMITTED response of these waves (drafts never appear), with the
    columns and dtypes of the survey contract. Built column by column from one raw
    query: no model instances, categorical codes, nullable Int64/Float64 numbers.
    `reasons` holds lists; equal answers share one list object, so do not mutate them."""
    wave_ids = sorted({int(pk) for pk in wave_ids})
    council_codes, region_codes = _council_categories()
    if not wave_ids:
        rows: list[tuple] = []
    else:
        table = Response._meta.db_table
        council_table = "geography_council"
        columns = ", ".join(_SELECT.get(name, f"r.{name}") for name in FRAME_COLUMNS)
        placeholders = ", ".join(["%s"] * len(wave_ids))
        sql = (
            f"SELECT {columns} FROM {table} r "  # noqa: S608 (names are ours, values bound)
            f"LEFT JOIN {council_table} c ON c.gss_code = r.council_id "
            f"WHERE r.status = %s AND r.wave_id IN ({placeholders}) ORDER BY r.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [Response.Status.SUBMITTED, *wave_ids])
            rows = cursor.fetchall()
    data = list(zip(*rows, strict=True)) if rows else [()] * len(FRAME_COLUMNS)
    raw = dict(zip(FRAME_COLUMNS, data, strict=True))

    frame = {}
    for name in FRAME_COLUMNS:
        values = raw[name]
        if name == "wave_id":
            frame[name] = pd.array(np.asarray(values, dtype="int64"), dtype="int64")
        elif name in _CATEGORICAL:
            frame[name] = pd.Categorical(values, categories=_CATEGORICAL[name])
        elif name == "council_code":
            frame[name] = pd.Categorical(values, categories=council_codes)
        elif name == "region_code":
            frame[name] = pd.Categorical(values, categories=region_codes)
        elif name in _INT:
            frame[name] = pd.array(values, dtype="Int64")
        elif name in _FLOAT:
            frame[name] = pd.array(values, dtype="Float64")
        elif name == "reasons":
            parsed = {text: json.loads(text) for text in set(values) if text is not None}
            parsed[None] = []
            frame[name] = pd.Series([parsed[text] for text in values], dtype=object)
    return pd.DataFrame(frame, columns=FRAME_COLUMNS)
