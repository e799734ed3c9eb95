"""The planners' data frame (survey.selectors.response_frame; notes/survey-contract.md).

Built for a million rows: the database turns every categorical answer into its integer
code (CASE for the short vocabularies, a numeric key for councils) and every
missing number into -1, so each fetched row is a tuple of small numbers that numpy takes
in one C call, chunk by chunk. No model instances, no per-row Python beyond the fetch.
Multi-choice `reasons` come back as a bitmask and are mapped to shared list objects."""

from collections.abc import Iterable
from itertools import chain

import numpy as np
import pandas as pd
from django.db import connection

from .models import Response, choices

CATEGORIES = {
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
INTEGERS = ["people_supported", "workers", "year_started_care", "year_self_employed"]
FLOATS = ["hours_weekly", "hourly_rate"]
REASONS = choices.Reason.values

COLUMNS = [
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
CHUNK_ROWS = 100_000
# Each possible set of reasons once, in choice order; rows share these lists.
_REASON_LISTS = np.empty(2 ** len(REASONS), dtype=object)
for _mask in range(2 ** len(REASONS)):
    _REASON_LISTS[_mask] = [code for bit, code in enumerate(REASONS) if _mask >> bit & 1]


def _councils() -> tuple[np.ndarray, list[str], list[str], np.ndarray]:
    """Councils sorted by their numeric key (see _COUNCIL_KEY), their codes, the region
    codes, and each council's region index."""
    from providers.geography.models import Council

    rows = sorted(
        Council.objects.values_list("gss_code", "region_code"), key=lambda r: _council_key(r[0])
    )
    council_codes = [code for code, _ in rows]
    region_codes = sorted({region for _, region in rows})
    region_index = {code: n for n, code in enumerate(region_codes)}
    keys = np.array([_council_key(code) for code in council_codes], dtype=np.float64)
    regions = np.array([region_index[region] for _, region in rows], dtype=np.int16)
    return keys, council_codes, region_codes, regions


_NATIONS = {"E": 0, "N": 1, "S": 2, "W": 3}  # so keys sort like the codes
# A GSS code is a nation letter and 8 digits: the database turns it into one number, so
# the frame needs no join (a join to a council list was the slowest part of the query).
_COUNCIL_KEY = (
    "COALESCE((CASE SUBSTR(r.council_id, 1, 1) WHEN 'E' THEN 0 WHEN 'N' THEN 1 "
    "WHEN 'S' THEN 2 WHEN 'W' THEN 3 ELSE 9 END) * 100000000 "
    "+ CAST(SUBSTR(r.council_id, 2) AS INTEGER), -1)"
)


def _council_key(code: str) -> int:
    return _NATIONS.get(code[0], 9) * 100_000_000 + int(code[1:])


def _reason_bit(n: int, code: str) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return "(CASE WHEN r.reasons ? %s THEN %s ELSE 0 END)", [code, 1 << n]
    if connection.vendor == "sqlite":
        return "(CASE WHEN INSTR(r.reasons, %s) > 0 THEN %s ELSE 0 END)", [f'"{code}"', 1 << n]
    return "(CASE WHEN CAST(r.reasons AS TEXT) LIKE %s THEN %s ELSE 0 END)", [f'%"{code}"%', 1 << n]


def _query(wave_ids) -> tuple[str, list]:
    selects, params = [], []
    for name in COLUMNS:
        if name == "wave_id":
            selects.append("r.wave_id")
        elif name in CATEGORIES:
            whens = " ".join(["WHEN %s THEN %s"] * len(CATEGORIES[name]))
            selects.append(f"CASE r.{name} {whens} ELSE -1 END")
            params += list(chain.from_iterable((v, n) for n, v in enumerate(CATEGORIES[name])))
        elif name == "council_code":
            selects.append(_COUNCIL_KEY)
        elif name == "region_code":
            selects.append("0")  # filled in from the council
        elif name in INTEGERS:
            selects.append(f"COALESCE(r.{name}, -1)")
        elif name in FLOATS:
            selects.append(f"COALESCE(CAST(r.{name} AS DOUBLE PRECISION), -1.0)")
        elif name == "reasons":
            bits = [_reason_bit(n, code) for n, code in enumerate(REASONS)]
            selects.append(" + ".join(sql for sql, _ in bits))
            params += list(chain.from_iterable(p for _, p in bits))
    params += [Response.Status.SUBMITTED, *wave_ids]
    table = Response._meta.db_table
    sql = (
        f"SELECT {', '.join(selects)} FROM {table} r "  # noqa: S608 (our names; values bound)
        f"WHERE r.status = %s AND r.wave_id IN ({', '.join(['%s'] * len(wave_ids))}) "
        "ORDER BY r.id"
    )
    return sql, params


def _fetch(sql, params) -> np.ndarray:
    chunks = []
    width = len(COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK_ROWS):
            flat = np.fromiter(chain.from_iterable(rows), dtype=np.float64, count=len(rows) * width)
            chunks.append(flat.reshape(len(rows), width))
    return np.concatenate(chunks) if chunks else np.empty((0, width))


def response_frame(*, wave_ids: Iterable[int]) -> pd.DataFrame:
    wave_ids = sorted({int(pk) for pk in wave_ids})
    keys, council_codes, region_codes, council_regions = _councils()
    data = _fetch(*_query(wave_ids)) if wave_ids else np.empty((0, len(COLUMNS)))
    council = np.searchsorted(keys, data[:, COLUMNS.index("council_code")])
    council = np.where(
        (council < len(keys))
        & (keys[np.minimum(council, len(keys) - 1)] == data[:, COLUMNS.index("council_code")]),
        council,
        -1,
    )
    data[:, COLUMNS.index("council_code")] = council
    data[:, COLUMNS.index("region_code")] = np.where(council >= 0, council_regions[council], -1)
    columns = {}
    for index, name in enumerate(COLUMNS):
        values = data[:, index]
        if name == "wave_id":
            columns[name] = values.astype(np.int64)
        elif name in CATEGORIES or name in ("council_code", "region_code"):
            categories = (
                council_codes
                if name == "council_code"
                else region_codes
                if name == "region_code"
                else CATEGORIES[name]
            )
            columns[name] = pd.Categorical.from_codes(values.astype(np.int16), categories)
        elif name in INTEGERS:
            columns[name] = pd.arrays.IntegerArray(values.astype(np.int64), values < 0)
        elif name in FLOATS:
            columns[name] = pd.arrays.FloatingArray(values.copy(), values < 0)
        elif name == "reasons":
            columns[name] = pd.Series(_REASON_LISTS[values.astype(np.int64)], dtype=object)
    return pd.DataFrame(columns, columns=COLUMNS)
