"""The planners' data frame (survey.selectors.response_frame; notes/survey-contract.md).

Built for a million rows, where any work per value decides the time. The database packs
each response into seven numbers (`_FIELDS`): one integer holds the wave and every
categorical answer as its code (CASE over the short vocabularies; 0 for unanswered) in
its own bit field; one the council as a numeric key (no join); one each pair of whole
numbers; the two decimals as doubles; and the multi-choice `reasons`. numpy unpacks them
with shifts and masks. No model instances, no Python per value beyond the fetch:

- PostgreSQL sends the rows by binary COPY, which numpy reads in one call (no Python
  object per value at all); `reasons` come as a bitmask (`jsonb ? code`).
- SQLite hands them to the cursor, seven values a row (there were twenty: fetching them
  was most of the time); `reasons` come as their JSON text and each distinct text becomes
  a bitmask once, in Python (eight INSTRs a row cost SQLite more than everything else).

Bitmasks map to shared list objects, in choice order."""

import gc
from collections.abc import Iterable
from contextlib import contextmanager
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

# Bit fields of the packed `answers` number: each category's code + 1 (0 = unanswered),
# then the wave (its id less the smallest id asked for) above them.
_LANES, _shift = {}, 0
for _name, _values in CATEGORIES.items():
    _LANES[_name] = (_shift, len(_values).bit_length())
    _shift += len(_values).bit_length()
_WAVE_SHIFT = _shift
assert _WAVE_SHIFT <= 40, "the wave needs the bits above the answers"
# Two whole numbers share one integer, 31 bits each (ample for the smallint columns).
_PAIR = 31
_PAIRS = {"counts": ("people_supported", "workers"), "years": INTEGERS[2:]}
# The seven numbers of a row, in query order, with their binary COPY types.
_FIELDS = {
    "answers": ">i8",
    "council": ">i8",
    "counts": ">i8",
    "years": ">i8",
    "hours_weekly": ">f8",
    "hourly_rate": ">f8",
    "reasons": ">i8",
}


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
    keys = np.array([_council_key(code) for code in council_codes], dtype=np.int64)
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


def _reason_mask(text: str | None) -> int:
    """The bitmask of a stored `reasons` JSON text: the codes it quotes (as SQLite's INSTR
    did, and as `jsonb ?` does for a list of codes)."""
    if text is None:
        return 0
    return sum(1 << bit for bit, code in enumerate(REASONS) if f'"{code}"' in text)


class _ReasonMasks(dict):
    """JSON text -> bitmask, worked out once per distinct text."""

    def __missing__(self, text):
        self[text] = mask = _reason_mask(text)
        return mask


def _query(wave_ids: list[int], *, copy: bool) -> tuple[str, list]:
    """The packed row of `_FIELDS`; with `copy` (PostgreSQL) also the id, unordered."""

    def bigint(sql):  # SQLite's integers are 64-bit already; PostgreSQL's CASE gives int4
        return f"CAST({sql} AS BIGINT)" if copy else f"({sql})"

    answers = [f"(r.wave_id - %s) * {1 << _WAVE_SHIFT}"]
    params = [wave_ids[0]]
    for name, (shift, _width) in _LANES.items():
        whens = " ".join(f"WHEN %s THEN {n + 1}" for n in range(len(CATEGORIES[name])))
        answers.append(f"{bigint(f'CASE r.{name} {whens} ELSE 0 END')} * {1 << shift}")
        params += CATEGORIES[name]
    pairs = [
        f"(COALESCE(r.{low}, -1) + 1) + {bigint(f'COALESCE(r.{high}, -1) + 1')} * {1 << _PAIR}"
        for low, high in _PAIRS.values()
    ]
    floats = [f"COALESCE(CAST(r.{name} AS DOUBLE PRECISION), -1.0)" for name in FLOATS]
    if copy:
        bits = [f"(CASE WHEN r.reasons ? %s THEN {1 << n} ELSE 0 END)" for n in range(len(REASONS))]
        reasons = bigint(" + ".join(bits))
        params += REASONS
    else:
        reasons = "r.reasons"
    selects = [" + ".join(answers), bigint(_COUNCIL_KEY), *pairs, *floats, reasons]
    params += [Response.Status.SUBMITTED, *wave_ids]
    sql = (
        f"SELECT {', '.join(selects)}{', r.id' if copy else ''} "  # noqa: S608 (our names; values bound)
        f"FROM {Response._meta.db_table} r "
        f"WHERE r.status = %s AND r.wave_id IN ({', '.join(['%s'] * len(wave_ids))})"
        f"{'' if copy else ' ORDER BY r.id'}"
    )
    return sql, params


@contextmanager
def _collector_paused():
    """No cyclic garbage collection while a million row tuples come and go: they hold no
    cycles, and the collections their allocation sets off cost ~5% of the read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_cursor(wave_ids: list[int]) -> dict[str, np.ndarray]:
    """Row tuples from the cursor, chunk by chunk, into one array per field: numpy reads
    each chunk of tuples in one call, and only the distinct `reasons` texts meet Python."""
    layout = np.dtype(
        [(name, "O" if name == "reasons" else kind[1:]) for name, kind in _FIELDS.items()]
    )
    chunks = []
    masks = _ReasonMasks()
    with _collector_paused(), connection.cursor() as cursor:
        cursor.execute(*_query(wave_ids, copy=False))
        while rows := cursor.fetchmany(CHUNK_ROWS):
            table = np.fromiter(rows, dtype=layout, count=len(rows))
            reasons = np.fromiter(map(masks.__getitem__, table["reasons"]), np.int64, len(rows))
            chunks.append({**{name: table[name] for name in _FIELDS}, "reasons": reasons})
    if not chunks:
        return _empty()
    return {name: np.concatenate([chunk[name] for chunk in chunks]) for name in _FIELDS}


def _empty() -> dict[str, np.ndarray]:
    return {name: np.empty(0, kind[1:]) for name, kind in _FIELDS.items()}


_COPY_SIGNATURE = b"PGCOPY\n\xff\r\n\x00"


def _read_copy(wave_ids: list[int]) -> dict[str, np.ndarray]:
    """PostgreSQL: the rows by binary COPY; every field is a non-null 8-byte number, so
    each row has one fixed layout that numpy reads straight from the buffer."""
    import psycopg

    sql, params = _query(wave_ids, copy=True)
    connection.ensure_connection()
    data = bytearray()
    # COPY takes no bound parameters: psycopg's ClientCursor merges them into the statement
    # (whatever binding Django's own cursors use). Not logged in connection.queries.
    with (
        psycopg.ClientCursor(connection.connection) as cursor,
        cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT BINARY)", params) as copy,
    ):
        for block in copy:
            data += block
    fields = {**_FIELDS, "id": ">i8"}
    layout = np.dtype(
        [("count", ">i2")]
        + list(chain.from_iterable(((f"{n}_len", ">i4"), (n, k)) for n, k in fields.items()))
    )
    if not data.startswith(_COPY_SIGNATURE):
        raise ValueError("not a binary COPY stream")
    start = len(_COPY_SIGNATURE) + 8 + int.from_bytes(data[15:19], "big")
    rows, extra = divmod(len(data) - start - 2, layout.itemsize)
    table = np.frombuffer(data, dtype=layout, count=rows, offset=start)
    if extra or data[-2:] != b"\xff\xff" or (table["count"] != len(fields)).any():
        raise ValueError("unexpected binary COPY layout")
    if any((table[f"{name}_len"] != 8).any() for name in fields):
        raise ValueError("unexpected NULL or width in binary COPY")
    ids = table["id"]
    order = None if (ids[1:] > ids[:-1]).all() else np.argsort(ids, kind="stable")
    return {
        name: (table[name] if order is None else table[name][order]).astype(kind[1:])
        for name, kind in _FIELDS.items()
    }


def _unpack(raw: dict[str, np.ndarray], wave_base: int, councils) -> dict[str, np.ndarray]:
    """Field arrays -> one new array per frame column: codes (-1 for NA) or numbers (< 0 NA)."""
    keys, _codes, _regions, council_regions = councils
    answers = raw["answers"]
    out = {"wave_id": (answers >> _WAVE_SHIFT) + wave_base}
    for name, (shift, width) in _LANES.items():
        out[name] = ((answers >> shift) & ((1 << width) - 1)).astype(np.int16) - 1
    for field, (low, high) in _PAIRS.items():
        out[low] = (raw[field] & ((1 << _PAIR) - 1)) - 1
        out[high] = (raw[field] >> _PAIR) - 1
    for name in FLOATS:
        out[name] = raw[name]
    out["reasons"] = raw["reasons"]
    council = np.searchsorted(keys, raw["council"])
    found = (council < len(keys)) & (keys[np.minimum(council, len(keys) - 1)] == raw["council"])
    out["council_code"] = np.where(found, council, -1).astype(np.int16)
    out["region_code"] = np.where(found, council_regions[council % len(keys)], -1)
    return out


def response_frame(*, wave_ids: Iterable[int]) -> pd.DataFrame:
    wave_ids = sorted({int(pk) for pk in wave_ids})
    councils = _councils()
    if not wave_ids:
        raw = _empty()
    elif connection.vendor == "postgresql":
        raw = _read_copy(wave_ids)
    else:
        raw = _read_cursor(wave_ids)
    values = _unpack(raw, wave_ids[0] if wave_ids else 0, councils)
    del raw
    categories = {**CATEGORIES, "council_code": councils[1], "region_code": councils[2]}
    columns = {}  # the arrays are new and ours: pandas need not copy them
    for name in COLUMNS:
        column = values[name]
        if name in categories:
            columns[name] = pd.Categorical.from_codes(column, categories[name])
        elif name in INTEGERS:
            columns[name] = pd.arrays.IntegerArray(column, column < 0)
        elif name in FLOATS:
            columns[name] = pd.arrays.FloatingArray(column, column < 0)
        elif name == "reasons":
            columns[name] = pd.Series(_REASON_LISTS[column], dtype=object, copy=False)
        else:
            columns[name] = column
    return pd.DataFrame(columns, columns=COLUMNS, copy=False)
