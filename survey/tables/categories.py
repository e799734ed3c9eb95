"""Answers by kind of provider: previous employment, qualification, intention (one answer
each) and reasons (any number of answers). Rows are answers, then the base row (respondents
who answered the question); each count also shows its percentage of its column's base (100
in the base row, so a missing percentage always means a suppressed one).

The base row repeats the national respondents by kind wherever everyone of that kind
answered; there it takes the national pattern, so it can't disagree with the respondents
tables."""

from itertools import chain

import numpy as np
import pandas as pd

from survey import disclosure
from survey.disclosure import Grid, Line
from survey.tables import vocab
from survey.tables.base import COLUMN_KEYS, KINDS, count_cell, measure, row_dict, table_dict
from survey.tables.microdata import N_KINDS, Microdata

ALL = vocab.ALL
BASE = "base"


def _fixed_base(grid: Grid, national_values: dict, national_status: dict) -> dict:
    return {
        (BASE, kind): national_status[kind]
        for kind in COLUMN_KEYS
        if grid.values[(BASE, kind)] == national_values[kind]
    }


def _grid(matrix: np.ndarray, answers: list[str], base: dict, *, additive: bool) -> Grid:
    """matrix: answers x kinds counts. `additive`: the answers partition the base (one answer
    each), so each column adds up to its base; otherwise (several answers each) only rows add."""
    values, support, lines = {}, {}, []
    n_kinds = len(KINDS)
    offset = n_kinds  # microcells 0..3: base by kind (needed when answers don't partition it)
    for ai, answer in enumerate(answers):
        for ki, kind in enumerate(KINDS):
            values[(answer, kind)] = int(matrix[ai, ki])
            support[(answer, kind)] = frozenset([offset + ai * n_kinds + ki])
        values[(answer, ALL)] = int(matrix[ai].sum())
        support[(answer, ALL)] = frozenset(offset + ai * n_kinds + ki for ki in range(n_kinds))
        lines.append(Line((answer, ALL), tuple((answer, kind) for kind in KINDS)))
    for ki, kind in enumerate(KINDS):
        values[(BASE, kind)] = int(base[kind])
        support[(BASE, kind)] = (
            frozenset(offset + ai * n_kinds + ki for ai in range(len(answers)))
            if additive
            else frozenset([ki])
        )
    values[(BASE, ALL)] = sum(values[(BASE, kind)] for kind in KINDS)
    support[(BASE, ALL)] = frozenset().union(*(support[(BASE, kind)] for kind in KINDS))
    lines.append(Line((BASE, ALL), tuple((BASE, kind) for kind in KINDS)))
    if additive:
        for kind in COLUMN_KEYS:
            lines.append(Line((BASE, kind), tuple((answer, kind) for answer in answers)))
    return Grid(values, support, lines)


def _table(spec, grid, suppressed, labels, *, wave, k, dimensions, base_label):
    rows = []
    for answer, label in [*labels.items(), (BASE, base_label)]:
        cells = []
        for kind in COLUMN_KEYS:
            cell, base = (answer, kind), (BASE, kind)
            shown = cell not in suppressed and base not in suppressed
            # From the rounded counts: exact ones would give the rounding away (17.9% of a
            # base near 95 can only be 17). The base row's own is 100 wherever it is published.
            pct = (
                disclosure.percentage(
                    disclosure.round_count(grid.values[cell]),
                    disclosure.round_count(grid.values[base]),
                )
                if shown
                else None
            )
            cells.append(
                count_cell(grid.values[cell], suppressed=cell in suppressed, extra={"percent": pct})
            )
        rows.append(row_dict(answer, label, cells, is_total=answer == BASE))
    total = (BASE, ALL)
    return table_dict(
        spec,
        wave=wave,
        k=k,
        row_heading="Answer",
        rows=rows,
        measures=[
            measure("count", "Respondents", "count"),
            measure("percent", "Percentage", "percent"),
        ],
        dimensions=dimensions,
        respondents=None if total in suppressed else disclosure.round_count(grid.values[total]),
    )


def category_table(spec, data: Microdata, *, wave, national: tuple[dict, dict]) -> dict:
    """One answer per respondent (previous employment, qualification, intention)."""
    k = disclosure.threshold(sensitive=spec.sensitive)
    answers = list(spec.labels)
    matrix = data.answer_kind_counts(spec.item, answers)
    base = dict(zip(KINDS, matrix.sum(axis=0).tolist(), strict=True))
    grid = _grid(matrix, answers, base, additive=True)
    suppressed = disclosure.protect(grid, k=k, fixed=_fixed_base(grid, *national))
    return _table(
        spec,
        grid,
        suppressed,
        spec.labels,
        wave=wave,
        k=k,
        dimensions={"row": spec.item, "column": "provider_kind"},
        base_label="All answering",
    )


def reasons_table(spec, data: Microdata, *, wave, national: tuple[dict, dict]) -> dict:
    """Several answers per respondent: each row counts those who gave that reason; rows
    don't add up to the base."""
    k = disclosure.threshold(sensitive=spec.sensitive)
    answers = list(spec.labels)
    lists = [v if isinstance(v, list | tuple) else () for v in data.frame[spec.item]]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    keep = data.in_scope & (lengths > 0)
    flat = pd.Categorical(list(chain.from_iterable(lists)), categories=answers).codes
    flat_kind = np.repeat(data.kind, lengths)
    flat_keep = np.repeat(keep, lengths) & (flat >= 0)
    cells = flat[flat_keep].astype(np.int64) * N_KINDS + flat_kind[flat_keep]
    matrix = np.bincount(cells, minlength=len(answers) * N_KINDS).reshape(len(answers), N_KINDS)
    base_counts = np.bincount(data.kind[keep], minlength=N_KINDS)
    base = dict(zip(KINDS, base_counts.tolist(), strict=True))
    grid = _grid(matrix, answers, base, additive=False)
    suppressed = disclosure.protect(grid, k=k, fixed=_fixed_base(grid, *national))
    return _table(
        spec,
        grid,
        suppressed,
        spec.labels,
        wave=wave,
        k=k,
        dimensions={"row": spec.item, "column": "provider_kind", "multiple": True},
        base_label="All answering",
    )
