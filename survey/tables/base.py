"""The published form of a table (plain JSON-able dicts) and the pieces every builder shares.

A published table is a grid: rows (areas, answers or waves) by columns (kinds of provider and
"All kinds"); each cell holds its measures (a rounded count, and percentages or statistics)
or is suppressed, in which case every measure is None."""

from survey import disclosure
from survey.tables import vocab

KINDS = list(vocab.PROVIDER_KINDS)
KIND_COLUMNS = [{"key": k, "label": label} for k, label in vocab.PROVIDER_KINDS.items()] + [
    {"key": vocab.ALL, "label": "All kinds"}
]
COLUMN_KEYS = [*KINDS, vocab.ALL]

FORMATS = ("count", "percent", "hours", "money", "band")


def measure(key: str, label: str, fmt: str) -> dict:
    assert fmt in FORMATS
    return {"key": key, "label": label, "format": fmt}


def count_cell(value: int, *, suppressed: bool, extra: dict | None = None) -> dict:
    if suppressed:
        return {"suppressed": True, "count": None, **dict.fromkeys(extra or {}, None)}
    return {"suppressed": False, "count": disclosure.round_count(value), **(extra or {})}


def table_dict(
    spec,
    *,
    wave: dict,
    k: int,
    row_heading: str,
    rows: list[dict],
    measures: list[dict],
    dimensions: dict,
    respondents: int | None,
    columns=None,
) -> dict:
    return {
        "slug": spec.slug,
        "title": spec.title,
        "summary": spec.summary,
        "wave": wave,
        "sensitive": spec.sensitive,
        "threshold": k,
        "row_heading": row_heading,
        "column_heading": "Kind of provider",
        "columns": columns or KIND_COLUMNS,
        "measures": measures,
        "rows": rows,
        "respondents": respondents,
        "definitions": list(spec.definitions),
        "dimensions": dimensions,
    }


def row_dict(key, label, cells, *, group: str = "", is_total: bool = False) -> dict:
    return {"key": key, "label": label, "group": group, "is_total": is_total, "cells": cells}
