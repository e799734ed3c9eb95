"""Quartiles, median and mean of a sensitive item for every published cell of a geographic
table family. Computed from the unrounded answers, and only for cells that passed
disclosure control, so a statistic never rests on fewer than k respondents.

Quantiles use numpy's default ("linear", the same as pandas) for hours and rates, and the
band holding the observation ("lower") for turnover bands. One sort by value, then a stable
radix sort by group per level, gives every group's answers in order."""

import numpy as np
import pandas as pd

from survey import disclosure
from survey.tables import vocab
from survey.tables.base import KINDS
from survey.tables.microdata import N_KINDS, Microdata, positions

ALL = vocab.ALL
BANDS = list(vocab.TURNOVER_BANDS)
QUANTILES = {"q1": 0.25, "median": 0.5, "q3": 0.75}


def item_values(frame: pd.DataFrame, item: str) -> np.ndarray:
    """The item as floats, NaN where not answered. Turnover becomes its band's position
    (0 = under £10,000 ... 5 = £90,000 or more); "prefer not to say" counts as not answered."""
    if item == "turnover_band":
        codes = positions(frame[item], BANDS).astype(float)
        codes[codes < 0] = np.nan
        return codes
    return frame[item].astype("float64").to_numpy(dtype=float, na_value=np.nan)


def statistics_by_cell(
    data: Microdata, values: np.ndarray, answered: np.ndarray, published: set, *, fmt: str
) -> dict:
    """{cell: {q1, median, q3, mean}} for each published cell (level, area code, kind)."""
    band = fmt == "band"
    order = np.argsort(values[answered], kind="stable")
    sorted_values = values[answered][order]
    if band:
        midpoints = np.array([vocab.TURNOVER_MIDPOINTS[b] for b in BANDS], dtype=float)
        mean_of = midpoints[sorted_values.astype(int)]
    else:
        mean_of = sorted_values
    councils = [c for c, _n, _r in data.geography.councils]
    regions = [r for r, _n in data.geography.regions]
    area_codes = {"council": councils, "region": regions, "all": [ALL]}
    wanted = {(level, kind != ALL) for level, _code, kind in published}
    stats = {}
    for (level, by_kind), ids in data.groupings(answered).items():
        if (level, by_kind) not in wanted:
            continue
        ids = ids[order]
        groups = len(area_codes[level]) * (N_KINDS if by_kind else 1)
        summary = _group_summary(ids, sorted_values, mean_of, groups, band=band)
        for group, row in summary.items():
            area, kind = divmod(group, N_KINDS) if by_kind else (group, None)
            cell = (level, area_codes[level][area], KINDS[kind] if by_kind else ALL)
            if cell in published:
                stats[cell] = _format(row, fmt)
    return stats


def _group_summary(ids, sorted_values, mean_of, groups: int, *, band: bool) -> dict:
    """Each non-empty group's quantiles and mean. `sorted_values` is in value order, so a
    stable sort by group id leaves each group's values in order."""
    by_group = np.argsort(ids.astype(np.uint16 if groups < 65536 else np.int64), kind="stable")
    ordered = sorted_values[by_group]
    counts = np.bincount(ids, minlength=groups)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    sums = np.bincount(ids, weights=mean_of, minlength=groups)
    present = np.flatnonzero(counts)
    n, start = counts[present], starts[present]
    out = {name: None for name in QUANTILES}
    for name, q in QUANTILES.items():
        position = q * (n - 1)
        lower = np.floor(position).astype(np.int64)
        low_values = ordered[start + lower]
        if band:
            out[name] = low_values
        else:
            upper = np.minimum(lower + 1, n - 1)
            out[name] = low_values + (position - lower) * (ordered[start + upper] - low_values)
    means = sums[present] / n
    return {
        int(g): {**{name: out[name][i] for name in QUANTILES}, "mean": means[i], "n": int(n[i])}
        for i, g in enumerate(present)
    }


def _format(row, fmt: str) -> dict:
    if fmt == "band":
        out = {name: BANDS[int(row[name])] for name in QUANTILES}
        # Disclosure rule 4: in a small cell the mean of band midpoints gives bands away.
        small = row["n"] < disclosure.BAND_MEAN_MIN_RESPONDENTS
        out["mean"] = None if small else int(round(float(row["mean"]), -2))
        return out
    places = 1 if fmt == "hours" else 2
    return {name: round(float(row[name]), places) for name in (*QUANTILES, "mean")}
