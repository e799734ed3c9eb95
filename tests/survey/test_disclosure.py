"""The disclosure-control rules on small hand-made tables, where the right answer is known."""

import numpy as np
import pandas as pd
import pytest

from survey import disclosure
from survey.disclosure import Grid, Line
from survey.synthetic import synthetic_frame
from survey.tables import geo
from survey.tables.build import build_wave_tables
from survey.tables.geography import small_geography


@pytest.mark.parametrize(
    ("n", "rounded"),
    [(0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (1001, 1000)],
)
def test_counts_round_to_the_nearest_5(n, rounded):
    assert disclosure.round_count(n) == rounded


def test_thresholds_are_10_for_sensitive_items_and_never_below_5():
    assert disclosure.threshold(sensitive=True) == 10
    assert disclosure.threshold(sensitive=False) == 5


def one_row(values):
    """A single row of cells a, b, c... with its total."""
    keys = [chr(ord("a") + i) for i in range(len(values))]
    grid = Grid(
        values={**dict(zip(keys, values, strict=True)), "total": sum(values)},
        support={
            **{k: frozenset([i]) for i, k in enumerate(keys)},
            "total": frozenset(range(len(values))),
        },
        lines=[Line("total", tuple(keys))],
    )
    return grid


def test_a_row_with_one_small_cell_suppresses_a_second_cell():
    grid = one_row([3, 40, 25, 60])

    suppressed = disclosure.protect(grid, k=5)

    assert suppressed == {"a", "c"}  # the small cell, and the smallest other one
    assert disclosure.recoverable(grid.support, set(grid.values) - suppressed, suppressed) == set()


def test_suppressed_cells_of_a_row_hold_at_least_k_together():
    grid = one_row([3, 4, 6, 60, 50])

    suppressed = disclosure.protect(grid, k=10)

    assert {"a", "b", "c"} <= suppressed
    assert sum(grid.values[c] for c in suppressed) >= 10
    assert disclosure.exposed_groups(grid, suppressed, k=10) == []


def test_a_small_total_suppresses_the_whole_row():
    grid = one_row([1, 2, 3])

    assert disclosure.protect(grid, k=10) == {"a", "b", "c", "total"}


def test_nested_councils_are_protected_against_their_region():
    """Region 1 has three councils; one has 3 micro-enterprises. Suppressing that council
    cell alone would let anyone subtract the other councils from the region's figure."""
    geography = small_geography(regions=2, councils_per_region=3)
    counts = np.array([[3, 30, 40, 50], [60, 30, 40, 50], [70, 30, 40, 50]] * 2)

    grid, suppressed = geo.protect_geo(counts, geography, k=5)

    assert ("council", "C101", "micro_enterprise") in suppressed
    assert len([c for c in suppressed if c[2] == "micro_enterprise" and c[1].startswith("C1")]) >= 2
    assert len([c for c in suppressed if c[1] == "C101"]) >= 2  # and along its council row
    assert disclosure.recoverable(grid.support, set(grid.values) - suppressed, suppressed) == set()


def test_the_audit_finds_a_cell_pinned_by_a_bridge_between_two_cycles():
    """Every row and column of this pattern has two suppressed cells, yet x[1][2] links two
    otherwise separate cycles and follows from the margins; the audit must find it."""
    values, support = {}, {}
    n = 4
    for r in range(n):
        for c in range(n):
            values[(r, c)] = 50
            support[(r, c)] = frozenset([r * n + c])
    for r in range(n):
        values[("row", r)] = 200
        support[("row", r)] = frozenset(r * n + c for c in range(n))
    for c in range(n):
        values[("col", c)] = 200
        support[("col", c)] = frozenset(r * n + c for r in range(n))
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)}
    published = set(values) - hidden

    assert (1, 2) in disclosure.recoverable(support, published, hidden)
    assert (0, 0) not in disclosure.recoverable(support, published, hidden)


def test_national_totals_are_decided_once_and_repeated_in_every_table():
    geography = small_geography(2, 2)
    frame = synthetic_frame(120, geography=geography, seed=4, concentration=0.05)

    tables = build_wave_tables(frame, geography, wave={"id": 1, "name": "W"})

    national = {
        slug: next(r for r in t["rows"] if r["key"] == "all")["cells"]
        for slug, t in tables.items()
        if slug.startswith("respondents")
    }
    base = next(r for r in tables["intentions"]["rows"] if r["is_total"])["cells"]
    assert national["respondents-region"] == national["respondents-council"]
    for mine, theirs in zip(base, national["respondents-region"], strict=True):
        assert mine["suppressed"] == theirs["suppressed"]
        assert mine["count"] == theirs["count"]


def test_statistics_match_pandas_for_every_published_cell():
    geography = small_geography(2, 2)
    frame = synthetic_frame(2000, geography=geography, seed=9)

    table = build_wave_tables(frame, geography, wave={"id": 1, "name": "W"})["rate-council"]

    answered = frame.dropna(subset=["hourly_rate"])
    for row in table["rows"]:
        for column, cell in zip(table["columns"], row["cells"], strict=True):
            if cell["suppressed"]:
                continue
            rows = answered
            if row["key"] != "all":
                rows = rows[rows["council_code"] == row["key"]]
            if column["key"] != "all":
                rows = rows[rows["provider_kind"] == column["key"]]
            rates = rows["hourly_rate"].astype(float)
            assert cell["median"] == pytest.approx(rates.median(), abs=0.0051)
            assert cell["q1"] == pytest.approx(rates.quantile(0.25), abs=0.0051)
            assert cell["q3"] == pytest.approx(rates.quantile(0.75), abs=0.0051)
            assert cell["mean"] == pytest.approx(rates.mean(), abs=0.0051)
            assert cell["count"] == disclosure.round_count(len(rates))


def test_turnover_quartiles_are_bands_and_prefer_not_to_say_is_left_out():
    geography = small_geography(1, 1)
    bands = ["under_10k"] * 5 + ["20k_30k"] * 10 + ["over_90k"] * 5 + ["prefer_not_to_say"] * 30
    frame = synthetic_frame(len(bands), geography=geography, seed=1)
    frame["turnover_band"] = pd.Categorical(bands, categories=frame["turnover_band"].cat.categories)

    table = build_wave_tables(frame, geography, wave={"id": 1, "name": "W"})["turnover-region"]
    cell = next(r for r in table["rows"] if r["key"] == "all")["cells"][-1]

    assert (cell["q1"], cell["median"], cell["q3"]) == ("under_10k", "20k_30k", "20k_30k")
    assert cell["count"] == 20
    assert cell["mean"] is None  # too few for a mean of bands (disclosure rule 4)


def test_a_mean_of_turnover_bands_needs_fifty_respondents():
    geography = small_geography(1, 1)
    bands = ["under_10k"] * 15 + ["20k_30k"] * 25 + ["over_90k"] * 10
    frame = synthetic_frame(len(bands), geography=geography, seed=1)
    frame["turnover_band"] = pd.Categorical(bands, categories=frame["turnover_band"].cat.categories)

    table = build_wave_tables(frame, geography, wave={"id": 1, "name": "W"})["turnover-region"]
    cell = next(r for r in table["rows"] if r["key"] == "all")["cells"][-1]

    assert cell["count"] == 50
    assert cell["mean"] == round((15 * 5_000 + 25 * 25_000 + 10 * 90_000) / 50, -2)


def test_no_small_turnover_cell_has_a_mean_its_bands_could_be_rebuilt_from():
    """The attack rule 4 stops: in a cell of about 10, a mean of band midpoints (multiples
    of £5,000) and the count fix the sum, and with the quartile bands one band of one person."""
    geography = small_geography(3, 4)
    frame = synthetic_frame(600, geography=geography, seed=3)

    tables = build_wave_tables(frame, geography, wave={"id": 1, "name": "W"})
    cells = [
        cell
        for slug in ("turnover-region", "turnover-council")
        for row in tables[slug]["rows"]
        for cell in row["cells"]
        if not cell["suppressed"]
    ]

    assert any(cell["count"] < 50 for cell in cells)  # the test meets small cells
    assert all(cell["mean"] is None for cell in cells if cell["count"] < 50)
    assert any(cell["mean"] is not None for cell in cells)
